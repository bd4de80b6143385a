"""`emotion-kiosk analyze SOURCE`: one JSON object per analysed frame, a summary on stderr.

Each line is exactly {"frame", "t", "faces": [{"box", "label", "confidence", "probs"}],
"visitor", "negative", "baseline", "events"}; "baseline" is the visitor's learnt resting
probabilities, null while it is being learnt or when nobody is there. A file runs as fast
as it decodes, stamped with the file's own timestamps, so two runs over one file print the
same lines.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from kiosk.analytics.summary import count_text
from kiosk.cli_common import CliError, resolve_model
from kiosk.reaction.engine import Event, ReactionEngine
from kiosk.reaction.loop import AnalysisLoop
from kiosk.vision.capture import quiet_opencv_logs
from kiosk.vision.pipeline import Pipeline, PipelineConfig
from kiosk.vision.source import FrameSource, SourceState
from kiosk.vision.types import Analysis

DIGITS = 4  # probabilities and scores are rounded: shorter lines, identical across runs


@dataclass
class _Tally:
    frames: int = 0
    frames_with_faces: int = 0
    faces: int = 0
    events: Counter[str] = field(default_factory=Counter)
    first_t: float | None = None
    last_t: float = 0.0
    interrupted: bool = False

    def add(self, analysis: Analysis, events: list[Event]) -> None:
        self.frames += 1
        self.faces += len(analysis.faces)
        self.frames_with_faces += bool(analysis.faces)
        self.events.update(event.value for event in events)
        self.first_t = analysis.t if self.first_t is None else self.first_t
        self.last_t = analysis.t


def run_analyze(args: argparse.Namespace) -> int:
    quiet_opencv_logs()
    pipeline = Pipeline.build(resolve_model(args.model), PipelineConfig(min_face_size=args.min_face))
    source = open_source(args.source)
    started = time.perf_counter()
    with source, _open_output(args.output) as out:
        tally = analyse_stream(source, pipeline, ReactionEngine(), out, args.frames)
    if source.state is SourceState.FAILED:  # a file whose pictures could not be used
        raise CliError(source.message)
    print(summary(tally, time.perf_counter() - started), file=sys.stderr)
    return 0


def open_source(spec: str) -> FrameSource:
    """An open, live source, or a CliError saying what is wrong with SOURCE."""
    source = FrameSource.open(spec)
    if source.state is SourceState.LIVE:
        return source
    source.close()
    if source.is_file:
        raise CliError(source.message)
    raise CliError(f"{source.name} could not be opened (not connected, or in use by another program)")


def _open_output(path: Path | None) -> Any:
    if path is None:
        return nullcontext(sys.stdout)
    try:
        return path.open("w", encoding="utf-8", newline="\n")
    except OSError as error:
        raise CliError(f"cannot write {path}: {error.strerror or error}") from error


def analyse_stream(
    source: FrameSource, pipeline: Pipeline, engine: ReactionEngine, out: TextIO, limit: int | None
) -> _Tally:
    """Analyse until the source ends, `limit` frames are done, or Ctrl+C."""
    tally = _Tally()
    loop = AnalysisLoop(pipeline, engine)
    try:
        for step in loop.run(source, limit, on_state=_say_state):
            assert step.analysis is not None  # the loop has a pipeline
            events = list(step.events)
            out.write(json.dumps(frame_record(step.analysis, step.negative, events, step.baseline)) + "\n")
            if not source.is_file:
                out.flush()  # live lines for whoever reads the pipe
            tally.add(step.analysis, events)
    except KeyboardInterrupt:
        tally.interrupted = True
    return tally


def _say_state(source: FrameSource) -> None:
    if source.state is not SourceState.FAILED:  # a failure is the run's error line
        print(source.message, file=sys.stderr)


def frame_record(
    analysis: Analysis,
    negative: float | None,
    events: list[Event],
    baseline: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    faces = [
        {
            "box": [face.box.x, face.box.y, face.box.w, face.box.h],
            "label": face.label,
            "confidence": round(face.confidence, DIGITS),
            "probs": {label: round(p, DIGITS) for label, p in face.probs.items()},
        }
        for face in analysis.faces
    ]
    return {
        "frame": analysis.frame_index,
        "t": round(analysis.t, DIGITS),
        "faces": faces,
        "visitor": analysis.visitor,
        "negative": None if negative is None else round(negative, DIGITS),
        "baseline": None if baseline is None else {label: round(p, DIGITS) for label, p in baseline.items()},
        "events": [event.value for event in events],
    }


def summary(tally: _Tally, wall_s: float) -> str:
    span = tally.last_t - (tally.first_t or 0.0)
    fps = tally.frames / wall_s if wall_s > 0 else 0.0
    events = ", ".join(f"{name} {count}" for name, count in sorted(tally.events.items())) or "none"
    stopped = " (stopped by Ctrl+C)" if tally.interrupted else ""
    frames = count_text(tally.frames, "frame", "frames")
    with_faces = count_text(tally.frames_with_faces, "frame", "frames")
    return (
        f"analysed {frames} ({span:.2f} s of source time) "
        f"in {wall_s:.2f} s, {fps:.1f} fps{stopped}; "
        f"faces: {tally.faces} in {with_faces}; events: {events}"
    )
