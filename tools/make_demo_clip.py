"""Write the demo clip the kiosk plays without a camera: resources/demo/demo.mp4.

About 20 s at 15 fps, 640x480, mp4v: an empty showroom; the drawn visitor (see
tools/demo_face.py) walks in, smiles broadly at the car, then turns clearly unhappy for
several seconds (mouth corners pulled down, chin pushed up, inner brow ends raised, drooping
lids, dimmer light), recovers to a neutral look and walks out. A FER-trained emotion model
reads the phases as happy, then sad (a negative score well above the switch level), then
neutral, so the kiosk's demo mode and the packaged app's self-test see one car switch during
the unhappy phase and none elsewhere. Deterministic, so it can be regenerated at will:

    python tools/make_demo_clip.py [--out FILE] [--fps 15]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))

from demo_face import MOODS, FaceStyle, blend, render_frame  # noqa: E402

# (start s, end s, style at start, style at end); None is the empty scene.
HAPPY, NEUTRAL, SAD = MOODS["happy"], MOODS["neutral"], MOODS["sad"]
OFF_RIGHT, OFF_LEFT = replace(NEUTRAL, cx=780.0), replace(NEUTRAL, cx=-140.0)
TIMELINE: list[tuple[float, float, FaceStyle | None, FaceStyle | None]] = [
    (0.0, 2.0, None, None),  # empty showroom
    (2.0, 3.4, OFF_RIGHT, NEUTRAL),  # walks in
    (3.4, 4.2, NEUTRAL, HAPPY),
    (4.2, 7.0, HAPPY, HAPPY),  # pleased with the car
    (7.0, 7.8, HAPPY, NEUTRAL),
    (7.8, 8.6, NEUTRAL, SAD),  # turns unhappy
    (8.6, 13.4, SAD, SAD),
    (13.4, 14.4, SAD, NEUTRAL),  # recovers
    (14.4, 16.6, NEUTRAL, NEUTRAL),
    (16.6, 18.0, NEUTRAL, OFF_LEFT),  # walks out
    (18.0, 20.0, None, None),
]
DURATION_S = TIMELINE[-1][1]


def style_at(t: float) -> FaceStyle | None:
    """The face at time t, with a slight sway so that no two frames are the same."""
    for start, end, first, last in TIMELINE:
        if start <= t < end:
            if first is None or last is None:
                return None
            face = blend(first, last, _ease((t - start) / (end - start)))
            return replace(face, cy=face.cy + 3.0 * _wave(t, 0.9), cx=face.cx + 6.0 * _wave(t, 0.5))
    return None


def _ease(x: float) -> float:
    """Smoothstep: changes of expression start and end gently."""
    x = min(1.0, max(0.0, x))
    return x * x * (3.0 - 2.0 * x)


def _wave(t: float, hz: float) -> float:
    return math.sin(2.0 * math.pi * hz * t)


def write_clip(out: Path, fps: float) -> int:
    """Write the clip; returns the number of frames."""
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = cv2.VideoWriter(str(out), cv2.VideoWriter.fourcc(*"mp4v"), fps, (640, 480))
    if not writer.isOpened():
        raise SystemExit(f"error: cannot write a video to {out}")
    frames = round(DURATION_S * fps)
    try:
        for index in range(frames):
            writer.write(render_frame(style_at(index / fps)))
    finally:
        writer.release()
    return frames


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "demo" / "demo.mp4")
    parser.add_argument("--fps", type=float, default=15.0)
    args = parser.parse_args(argv)
    frames = write_clip(args.out, args.fps)
    size_kb = args.out.stat().st_size / 1024
    print(f"wrote {args.out} ({frames} frames, {frames / args.fps:.1f} s, {size_kb:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
