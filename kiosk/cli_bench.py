"""`emotion-kiosk bench`: per-stage latency of the pipeline on 640x480 frames with one face.

Stages: read (a frame from the video, or a copy of a frame of the bundled demo clip held in
memory: the stretch where its visitor faces the camera), detect
(gray conversion and face detection), classify (cropping and the classifier batch) and
pipeline (all of `Pipeline.analyse`). The classifier runs on one thread, as in the kiosk.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kiosk.cli_analyze import open_source
from kiosk.cli_common import CliError, resolve_model
from kiosk.paths import demo_clip_path
from kiosk.selftest_vision import DEMO_CLIP
from kiosk.vision.capture import quiet_opencv_logs
from kiosk.vision.pipeline import Pipeline
from kiosk.vision.types import Frame

STAGES = ("read", "detect", "classify", "pipeline")
WARMUP_FRAMES = 10
TARGET_MS = 4.0
CLASSIFIER_THREADS = 1
Reader = Callable[[], Frame | None]


@dataclass
class BenchResult:
    times: dict[str, list[float]] = field(default_factory=lambda: {stage: [] for stage in STAGES})
    frames_with_face: int = 0
    wall_s: float = 0.0
    cpu_s: list[float] = field(default_factory=list)  # process CPU time of each `analyse`
    size: tuple[int, int] = (0, 0)

    @property
    def frames(self) -> int:
        return len(self.times["pipeline"])

    @property
    def fps(self) -> float:
        return self.frames / self.wall_s if self.wall_s > 0 else 0.0


def run_bench(args: argparse.Namespace) -> int:
    quiet_opencv_logs()
    model = resolve_model(args.model)
    pipeline = Pipeline.build(model, threads=CLASSIFIER_THREADS)
    with ExitStack() as stack:
        read, what = _reader(args.video, stack)
        result = measure(pipeline, read, args.frames)
    stats = {stage: _stats(values) for stage, values in result.times.items()}
    if args.json:
        print(json.dumps({"frames": result.frames, "fps": round(result.fps, 1), "stages": stats}))
    else:
        print(_table(stats, result, what, model))
    return 0


def _reader(video: Path | None, stack: ExitStack) -> tuple[Reader, str]:
    """A frame reader and what it reads: a looping video, or synthetic frames."""
    if video is not None:
        source = stack.enter_context(open_source(str(video)))
        source.loop = True
        return source.read, f"video {video.name}"
    images = demo_visitor_frames()
    counter = iter(range(sys.maxsize))

    def read_in_memory() -> Frame:
        index = next(counter)
        return Frame(images[index % len(images)].copy(), index / 15.0, index)

    return read_in_memory, f"the demo clip's visitor ({len(images)} frames in memory)"


def demo_visitor_frames(limit: int = 150) -> list[np.ndarray]:
    """Up to `limit` frames of the bundled demo clip in which its visitor faces the camera
    (pleased, then turning unhappy), decoded once so that `read` costs a copy."""
    start, end = DEMO_CLIP.present
    images: list[np.ndarray] = []
    clip = demo_clip_path()
    with open_source(str(clip)) as source:
        while len(images) < limit and (frame := source.read()) is not None and frame.t < end:
            if frame.t >= start:
                images.append(np.array(frame.image))
    if not images:
        raise CliError(f"the demo clip {clip} gave no frames between {start:g} and {end:g} s")
    return images


def measure(pipeline: Pipeline, read: Reader, frames: int) -> BenchResult:
    """Seconds per stage for `frames` frames, after a few warm-up frames."""
    result = BenchResult()
    for done in range(-WARMUP_FRAMES, frames):
        started = time.perf_counter()
        frame = read()
        got, cpu = time.perf_counter(), time.process_time()
        if frame is None:
            raise CliError("the video stopped giving frames")
        analysis = pipeline.analyse(frame)
        finished, cpu = time.perf_counter(), time.process_time() - cpu
        if done < 0:
            continue
        stages = (got - started, pipeline.timings.detect_s, pipeline.timings.classify_s, finished - got)
        for stage, seconds in zip(STAGES, stages, strict=True):
            result.times[stage].append(seconds)
        result.frames_with_face += bool(analysis.faces)
        result.wall_s += finished - started
        result.cpu_s.append(cpu)
        result.size = (frame.image.shape[1], frame.image.shape[0])
    return result


def _stats(seconds: list[float]) -> dict[str, float]:
    ms = np.asarray(seconds) * 1000.0
    return {"median_ms": round(float(np.median(ms)), 3), "p95_ms": round(float(np.percentile(ms, 95)), 3)}


def _table(stats: dict[str, dict[str, float]], result: BenchResult, what: str, model: Path) -> str:
    width, height = result.size
    lines = [
        f"{result.frames} frames of {what}, {width}x{height}; model {model}",
        f"classifier: onnxruntime on the CPU with {CLASSIFIER_THREADS} thread",
        f"{'stage':<10}{'median ms':>11}{'p95 ms':>10}",
    ]
    lines += [f"{stage:<10}{s['median_ms']:>11.2f}{s['p95_ms']:>10.2f}" for stage, s in stats.items()]
    median = stats["pipeline"]["median_ms"]
    verdict = "met" if median <= TARGET_MS else "NOT met"
    faces = f"a face in {result.frames_with_face} of {result.frames} frames"
    lines.append(f"fps {result.fps:.1f} (read + pipeline); {faces}")
    cpu = _stats(result.cpu_s)["median_ms"]
    lines.append(f"pipeline CPU time: median {cpu:.2f} ms (wall times include any wait for a busy CPU)")
    lines.append(f"target: pipeline median <= {TARGET_MS:g} ms: {verdict}")
    return "\n".join(lines)
