"""Development clips for the reaction engine: visitors who talk, and visitors who turn unhappy.

Composited test clips never showed the kiosk's worst mistake: a pleasant visitor who talks
(mouth opening and closing at speech rates, brows going up) read as `fear` frame after frame
and "cheered up" for nothing. These clips reproduce that, so the engine can be measured:

    python tools/make_dev_clips.py --out build/clips                 # drawn visitors only
    python tools/make_dev_clips.py --out build/clips --data ../shared/datasets/fer2013/val
    python tools/make_dev_clips.py --out build/clips --measure       # then analyse each clip

Clips (640x480, 15 fps, mp4v) and what a correct kiosk does on each:

- `talking.mp4`: the drawn visitor (tools/demo_face.py) chats pleasantly for 20 s:
  syllables at 3-6 Hz, pauses, raised brows on stressed syllables, a nodding head. No switch.
- `faces_talking.mp4` (needs --data): real validation faces. Each visitor is a neutral or happy
  face; at speech rates it flickers to a face of the same split that the model reads as fear
  or surprise (mouth open, brows up). No switch.
- `faces_unhappy.mp4` (needs --data): neutral visitors who turn sad, angry or disgusted for
  4 s. A switch within 1.5 s of each turn, none in the calm stretches.

The real faces are never committed: the clips are written where --out says. A JSON sidecar
(`<clip>.json`) lists the negative segments; --measure runs `python -m kiosk analyze` on
each clip and prints what fired, when, and the share of frames read as fear.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))

from demo_face import FRAME_SIZE, FaceStyle, render_background, render_frame  # noqa: E402

from kiosk.reaction.engine import Event, ReactionConfig, ReactionEngine  # noqa: E402

FPS = 15.0
NEGATIVE = ("angry", "disgust", "sad")  # the strong negative labels a turned visitor shows

Segment = tuple[float, float]


def talking_style(t: float, rng_seed: int = 7) -> FaceStyle | None:
    """The drawn visitor at time t of `talking.mp4`: empty 1 s, then 18 s of pleasant chat, empty 1 s."""
    if t < 1.0 or t >= 19.0:
        return None
    mouth, brows = _speech(t, rng_seed)
    # pleasant: between neutral and a smile
    mood = 0.15 + 0.25 * (0.5 + 0.5 * math.sin(2 * math.pi * t / 7.0))
    return FaceStyle(
        cx=320.0 + 8.0 * math.sin(2 * math.pi * 0.4 * t),
        cy=232.0 + 5.0 * math.sin(2 * math.pi * 1.1 * t) + 3.0 * mouth,  # nods, and the jaw moves the chin
        width=150.0 * (1.0 + 0.02 * math.sin(2 * math.pi * 0.23 * t)),
        expression=mood,
        brows=brows,
        light=0.95,
        mouth_open=mouth,
    )


def _speech(t: float, seed: int) -> tuple[float, float]:
    """(mouth opening 0..1, brows -1..1) of someone speaking: syllables at 3-6 Hz in phrases."""
    phrase = int(t // 2.5)  # 2.5 s phrases, the last 0.4 s of each a pause
    rng = random.Random(seed * 1000 + phrase)
    rate = rng.uniform(3.0, 6.0)
    within = t - phrase * 2.5
    if within > 2.1:
        return 0.0, 0.2
    syllable = int(within * rate)
    syl_rng = random.Random(seed * 100000 + phrase * 100 + syllable)
    amplitude = syl_rng.uniform(0.35, 1.0)
    phase = (within * rate) % 1.0
    mouth = amplitude * math.sin(math.pi * phase) ** 2
    stressed = syl_rng.random() < 0.35
    brows = (0.75 if stressed else 0.35) * (0.6 + 0.4 * math.sin(math.pi * phase))
    return mouth, brows


def write_clip(path: Path, frames: Iterator[np.ndarray], fps: float = FPS) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, FRAME_SIZE)
    if not writer.isOpened():
        raise OSError(f"cannot write {path}")
    count = 0
    try:
        for frame in frames:
            writer.write(frame)
            count += 1
    finally:
        writer.release()
    return count


def talking_frames(duration_s: float = 20.0, fps: float = FPS) -> Iterator[np.ndarray]:
    for index in range(round(duration_s * fps)):
        yield render_frame(talking_style(index / fps))


# --- Real validation faces -------------------------------------------------------------------


class FaceBank:
    """Validation faces the Haar cascade finds once placed in a frame, by label and by model reading."""

    def __init__(self, folder: Path, model: Path | None, seed: int = 0) -> None:
        from kiosk.cli_common import resolve_model
        from kiosk.vision.pipeline import Pipeline
        from kiosk.vision.types import Frame

        self.rng = random.Random(seed)
        pipeline = Pipeline.build(resolve_model(model))
        self.faces: dict[str, list[np.ndarray]] = {}  # by true label
        self.read_as: dict[str, list[np.ndarray]] = {}  # pleasant or neutral truth, by what the model reads
        self.clearly_negative: list[np.ndarray] = []  # negative truth that the model reads >= 0.6 negative
        for label_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
            for index, path in enumerate(sorted(label_dir.glob("*.png"))):
                face = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
                if face is None:
                    continue
                visitor = pipeline.analyse(Frame(place(face, 0.0), index / FPS, index)).visitor_face
                if visitor is None:
                    continue  # the cascade does not find it: no use in a clip
                self.faces.setdefault(label_dir.name, []).append(face)
                if label_dir.name in ("happy", "neutral", "surprise"):
                    self.read_as.setdefault(visitor.label, []).append(face)
                elif label_dir.name in NEGATIVE and sum(visitor.probs.get(k, 0.0) for k in NEGATIVE) >= 0.6:
                    self.clearly_negative.append(face)

    def pick(self, pool: Sequence[np.ndarray]) -> np.ndarray:
        return pool[self.rng.randrange(len(pool))]


def place(face: np.ndarray, t: float, size: int = 190) -> np.ndarray:
    """A 48x48 grey face enlarged (with a margin the Haar cascade needs) onto the showroom."""
    pad = face.shape[0] // 5
    framed = cv2.copyMakeBorder(face, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    big = cv2.resize(framed, (size, size), interpolation=cv2.INTER_CUBIC)
    frame = render_background()
    x = int(FRAME_SIZE[0] / 2 - size / 2 + 6 * math.sin(2 * math.pi * 0.4 * t))
    y = int(FRAME_SIZE[1] / 2 - size / 2 - 20 + 4 * math.sin(2 * math.pi * 1.1 * t))
    frame[y : y + size, x : x + size] = cv2.cvtColor(big, cv2.COLOR_GRAY2BGR)
    return frame


def faces_talking(bank: FaceBank, visitors: int = 8, seconds: float = 10.0) -> Iterator[np.ndarray]:
    """Calm visitors who talk: on open-mouth syllables (about a third of the frames, as in the
    real clip where 136 of 464 frames read as fear) the face is one the model reads as fear."""
    flicker = bank.read_as.get("fear", [])
    calm = bank.faces["neutral"] + bank.faces["happy"]
    t = 0.0
    for visitor in range(visitors):
        rest, mouth_open = bank.pick(calm), bank.pick(flicker)
        for index in range(round(seconds * FPS)):
            mouth, _ = _speech(index / FPS, visitor)
            if mouth < 0.1:  # between syllables: the next one may look different
                mouth_open = bank.pick(flicker)
            yield place(mouth_open if mouth > 0.4 else rest, t)
            t += 1 / FPS
        for _ in range(round(3 * FPS)):  # the visitor leaves: an empty showroom
            yield render_background()
            t += 1 / FPS


def faces_unhappy(bank: FaceBank, visitors: int = 8) -> tuple[Iterator[np.ndarray], list[Segment]]:
    """Visitors calm for 4 s, unhappy for 4 s, calm for 3 s, then gone for 3 s."""
    segments: list[Segment] = []
    plan: list[tuple[np.ndarray | None, int]] = []
    t = 0.0
    for _ in range(visitors):
        calm = bank.pick(bank.faces["neutral"])
        unhappy = bank.pick(bank.clearly_negative)
        for face, seconds in ((calm, 4.0), (unhappy, 4.0), (calm, 3.0), (None, 3.0)):
            if face is unhappy:
                segments.append((round(t, 3), round(t + seconds, 3)))
            plan.append((face, round(seconds * FPS)))
            t += seconds

    def frames() -> Iterator[np.ndarray]:
        clock = 0.0
        for face, count in plan:
            for _ in range(count):
                yield render_background() if face is None else place(face, clock)
                clock += 1 / FPS

    return frames(), segments


# --- Measuring -------------------------------------------------------------------------------


def analyse(clip: Path, model: Path | None) -> list[dict]:
    """`python -m kiosk analyze` on a clip (cached beside it as <clip>.jsonl)."""
    cache = clip.with_suffix(".jsonl")
    if not cache.is_file() or cache.stat().st_mtime < clip.stat().st_mtime:
        command = [sys.executable, "-m", "kiosk", "analyze", str(clip), "--output", str(cache)]
        if model is not None:
            command += ["--model", str(model)]
        subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return [json.loads(line) for line in cache.read_text().splitlines()]


def replay(records: list[dict], config: ReactionConfig) -> list[float]:
    """Switch times of an engine with `config` over the analysed frames."""
    engine = ReactionEngine(config)
    switches = []
    for record in records:
        visitor = record["visitor"]
        probs = None if visitor is None else record["faces"][visitor]["probs"]
        if Event.SWITCH_CAR in engine.update(record["t"], probs):
            switches.append(record["t"])
    return switches


def summarise(records: list[dict], switches: list[float], segments: list[Segment]) -> dict[str, object]:
    visitor_frames = [r for r in records if r["visitor"] is not None]
    fear = sum(1 for r in visitor_frames if r["faces"][r["visitor"]]["label"] == "fear")
    inside = [s for s in switches if any(a <= s <= b for a, b in segments)]
    latencies = []
    for start, end in segments:
        fired = [s - start for s in switches if start <= s <= end]
        latencies.append(round(fired[0], 2) if fired else None)
    return {
        "visitor_frames": len(visitor_frames),
        "read_as_fear": fear,
        "switches": len(switches),
        "false_switches": len(switches) - len(inside),
        "negative_segments": len(segments),
        "missed": sum(1 for x in latencies if x is None),
        "latencies_s": latencies,
    }


# Engines compared: before the speech and baseline work, and the defaults now.
ENGINES = {
    "v1 engine": ReactionConfig(weak_labels=frozenset(), baseline_s=0.0),
    "weak labels only": ReactionConfig(baseline_s=0.0),
    "baseline only": ReactionConfig(weak_labels=frozenset()),
    "default": ReactionConfig(),
}


def _segments(clip: Path) -> list[Segment]:
    sidecar = clip.with_suffix(".json")
    if not sidecar.is_file():
        return []
    return [tuple(s) for s in json.loads(sidecar.read_text())["negative_segments"]]  # type: ignore[misc]


def _write(out: Path, name: str, frames: Iterator[np.ndarray], segments: list[Segment]) -> Path:
    path = out / f"{name}.mp4"
    count = write_clip(path, frames)
    path.with_suffix(".json").write_text(json.dumps({"fps": FPS, "negative_segments": segments}))
    print(f"wrote {path}: {count} frames, {len(segments)} negative segments")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "clips")
    parser.add_argument("--data", type=Path, default=None, help="validation faces: <label>/*.png")
    parser.add_argument("--model", type=Path, default=None, help="model for analysis (default: the kiosk's)")
    parser.add_argument("--measure", action="store_true", help="analyse every clip in --out and report")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    makers: list[tuple[str, Callable[[], tuple[Iterator[np.ndarray], list[Segment]]]]] = [
        ("talking", lambda: (talking_frames(), [])),
    ]
    if args.data is not None:
        bank = FaceBank(args.data, args.model, args.seed)
        makers += [
            ("faces_talking", lambda: (faces_talking(bank), [])),
            ("faces_unhappy", lambda: faces_unhappy(bank)),
        ]
    for name, make in makers:
        frames, segments = make()
        _write(args.out, name, frames, segments)
    if args.measure:
        for clip in sorted(args.out.glob("*.mp4")):
            records = analyse(clip, args.model)
            for name, config in ENGINES.items():
                result = summarise(records, replay(records, config), _segments(clip))
                print(f"{clip.name:20} {name:17} {json.dumps(result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
