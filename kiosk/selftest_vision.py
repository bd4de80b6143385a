"""The self-test's vision and reaction checks: model, cascade, and the pipeline over a clip.

The clip goes through the kiosk's own loop (`kiosk.reaction.loop.AnalysisLoop`, which the
worker and `analyze` run too) with the default pipeline and reaction settings, frame by
frame with the file's own timestamps, and what happened is judged against a ClipExpectation
(DEMO_CLIP for the shipped demo clip). A frame the pipeline could not analyse fails the clip
check.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kiosk.paths import resource_path
from kiosk.reaction.engine import Event, ReactionConfig, ReactionEngine
from kiosk.reaction.loop import AnalysisLoop
from kiosk.selftest_checks import Check, failed, passed, skipped
from kiosk.vision.capture import quiet_opencv_logs
from kiosk.vision.classifier import EmotionClassifier, ModelError
from kiosk.vision.detector import CASCADE_FILE, CascadeError, FaceDetector
from kiosk.vision.pipeline import Pipeline, PipelineConfig
from kiosk.vision.source import FrameSource, SourceState

T = TypeVar("T")
JUDGED = (
    "no_face_when_empty",
    "face_when_present",
    "visitor_arrived",
    "switch_when_negative",
    "visitor_left",
)
Window = tuple[float, float]  # [start, end) in seconds of the clip


@dataclass(frozen=True)
class ClipExpectation:
    """What the kiosk must make of a clip with one visitor who turns clearly negative."""

    empty: tuple[Window, ...]  # nobody there: no face may be found in any frame
    present: Window  # the visitor faces the camera: a visitor face in most frames
    arrive: Window  # visitor_arrived fires once, in here
    negative: Window  # switch_car + play_uplift fire in here, and nowhere else
    leave: Window  # visitor_left fires once, in here
    end_s: float  # the clip lasts this long
    present_share: float = 0.9  # the least share of frames in `present` with a visitor face


# The demo clip's timeline (tools/make_demo_clip.py TIMELINE; tests/test_selftest.py checks
# that the two agree): empty 0-2 s, walks in 2-3.4 s, pleased until 7 s, turns unhappy from
# 7.8 s (fully at 8.6 s), recovers 13.4-14.4 s, walks out 16.6-18 s, empty 18-20 s.
DEMO_CLIP = ClipExpectation(
    empty=((0.0, 2.0), (18.0, 20.0)),
    present=(3.4, 16.6),
    arrive=(2.0, 4.2),  # found while walking in; visitor_arrived 0.4 s later at most
    negative=(7.8, 14.4),  # from the first frown to the end of the recovery
    leave=(16.6, 20.0),  # 2 s (depart_s) after the face is last seen
    end_s=20.0,
)


@dataclass(frozen=True)
class Sample:
    """One analysed frame, as far as the judgement needs it."""

    t: float
    faces: int
    visitor_label: str | None
    negative: float | None
    events: tuple[Event, ...]


@dataclass
class ClipRun:
    samples: list[Sample] = field(default_factory=list)
    startup_s: float | None = None  # process age when the first frame had been analysed
    problem: str = ""  # why the clip could not be analysed to its end
    failures: int = 0  # frames the pipeline could not analyse


def run_vision_checks(
    model: Path, cascade: Path, clip: Path, expectation: ClipExpectation = DEMO_CLIP
) -> tuple[list[Check], float | None]:
    """All vision and reaction checks, and the start-up time (None when unknown)."""
    quiet_opencv_logs()
    classifier, model_check = _timed(_load_model, model)
    detector, cascade_check = _timed(_load_cascade, cascade)
    checks = [model_check, cascade_check]
    if classifier is None or detector is None:
        needs = " and ".join(check.name for check in checks if not check.ok)
        return checks + [skipped(name, needs) for name in ("demo_clip", *JUDGED)], None
    pipeline = Pipeline(detector, classifier, PipelineConfig())
    started = time.perf_counter()
    run = analyse_clip(clip, pipeline)
    clip_check = _clip_check(clip, run, expectation)
    clip_check.seconds = round(time.perf_counter() - started, 3)
    checks.append(clip_check)
    if not clip_check.ok:
        return checks + [skipped(name, "demo_clip") for name in JUDGED], run.startup_s
    return checks + judge(run.samples, expectation), run.startup_s


def _timed(load: Callable[[Path], tuple[T, Check]], path: Path) -> tuple[T, Check]:
    started = time.perf_counter()
    loaded, check = load(path)
    check.seconds = round(time.perf_counter() - started, 3)
    return loaded, check


def _load_model(path: Path) -> tuple[EmotionClassifier | None, Check]:
    try:
        classifier = EmotionClassifier(path, threads=1)
    except ModelError as error:
        return None, failed("model", str(error), path=str(path))
    size = "x".join(map(str, classifier.input_size))
    version = classifier.metadata.get("version", "unknown")
    detail = f"{path.name} version {version}: {len(classifier.labels)} labels, input {size}"
    return classifier, passed("model", detail, path=str(path), labels=list(classifier.labels))


def _load_cascade(path: Path) -> tuple[FaceDetector | None, Check]:
    try:
        detector = FaceDetector(cascade=path)
    except CascadeError as error:
        return None, failed("cascade", str(error), path=str(path))
    bundled = resource_path("resources", CASCADE_FILE)
    if getattr(sys, "frozen", False) and path.resolve() != bundled.resolve():
        return None, failed("cascade", f"the kiosk would use {path}, not the bundled {bundled}")
    return detector, passed("cascade", f"{path.name} loaded (not empty)", path=str(path))


def analyse_clip(clip: Path, pipeline: Pipeline) -> ClipRun:
    """Every frame of the clip through the pipeline and a fresh reaction engine."""
    run = ClipRun()
    loop = AnalysisLoop(pipeline, ReactionEngine(ReactionConfig()))
    with FrameSource.open(clip) as source:
        for step in loop.run(source):
            faces = step.analysis.faces if step.analysis is not None else ()
            visitor = step.analysis.visitor_face if step.analysis is not None else None
            label = None if visitor is None else visitor.label
            run.samples.append(Sample(step.frame.t, len(faces), label, step.negative, step.events))
            if run.startup_s is None:
                run.startup_s = _rounded(process_age_s())
        if source.state is SourceState.FAILED:
            run.problem = source.message
    run.failures = pipeline.failures
    if run.failures and not run.problem:
        run.problem = f"{run.failures} of {len(run.samples)} frames could not be analysed (see the log)"
    return run


def _clip_check(clip: Path, run: ClipRun, expect: ClipExpectation) -> Check:
    if run.problem:
        return failed("demo_clip", run.problem, path=str(clip))
    frames = len(run.samples)
    last_t = run.samples[-1].t if run.samples else 0.0
    step = last_t / max(1, frames - 1)
    if last_t + 2 * step < expect.end_s:
        return failed("demo_clip", f"{clip.name} ends at {last_t:.2f} s; expected {expect.end_s:g} s")
    return passed("demo_clip", f"{clip.name}: {frames} frames, {last_t + step:.2f} s", frames=frames)


def judge(samples: list[Sample], expect: ClipExpectation) -> list[Check]:
    """The clip checks, each saying what it found when it fails."""
    return [
        _no_face_when_empty(samples, expect),
        _face_when_present(samples, expect),
        _once("visitor_arrived", Event.VISITOR_ARRIVED, samples, expect.arrive),
        _switch_when_negative(samples, expect),
        _once("visitor_left", Event.VISITOR_LEFT, samples, expect.leave),
    ]


def _inside(t: float, window: Window) -> bool:
    return window[0] <= t < window[1]


def _no_face_when_empty(samples: list[Sample], expect: ClipExpectation) -> Check:
    empty = [s for s in samples if any(_inside(s.t, w) for w in expect.empty)]
    wrong = [s.t for s in empty if s.faces]
    where = ", ".join(_span(w) for w in expect.empty)
    if not empty:
        return failed("no_face_when_empty", f"the clip has no frames in {where}")
    if wrong:
        return failed(
            "no_face_when_empty",
            f"faces found in {len(wrong)} of {len(empty)} frames of the empty "
            f"scene ({where}), first at {wrong[0]:.2f} s",
            times=_times(wrong),
        )
    return passed("no_face_when_empty", f"no face in the {len(empty)} frames of the empty scene ({where})")


def _face_when_present(samples: list[Sample], expect: ClipExpectation) -> Check:
    frames = [s for s in samples if _inside(s.t, expect.present)]
    seen = sum(s.visitor_label is not None for s in frames)
    share = seen / len(frames) if frames else 0.0
    labels = dict(Counter(s.visitor_label for s in frames if s.visitor_label).most_common())
    detail = f"a visitor face in {seen} of {len(frames)} frames in {_span(expect.present)}"
    if share < expect.present_share:
        return failed(
            "face_when_present", f"{detail}; expected at least {expect.present_share:.0%}", labels=labels
        )
    return passed("face_when_present", detail, labels=labels)


def _once(name: str, event: Event, samples: list[Sample], window: Window) -> Check:
    times = [s.t for s in samples if event in s.events]
    if len(times) == 1 and _inside(times[0], window):
        return passed(name, f"{event.value} at {times[0]:.2f} s (expected in {_span(window)})")
    found = ", ".join(f"{t:.2f} s" for t in times) or "never"
    return failed(
        name, f"{event.value} expected once in {_span(window)}; it fired: {found}", times=_times(times)
    )


def _switch_when_negative(samples: list[Sample], expect: ClipExpectation) -> Check:
    name, window = "switch_when_negative", expect.negative
    switches = [s.t for s in samples if Event.SWITCH_CAR in s.events]
    uplifts = [s.t for s in samples if Event.PLAY_UPLIFT in s.events]
    inside = [t for t in switches if _inside(t, window)]
    outside = [t for t in switches if not _inside(t, window)]
    if inside and not outside and uplifts == switches:
        return passed(name, f"switch_car + play_uplift at {inside[0]:.2f} s (expected in {_span(window)})")
    if outside:
        found = ", ".join(f"{t:.2f} s" for t in outside)
        return failed(
            name,
            f"switch_car fired outside the negative phase {_span(window)}: at {found}",
            times=_times(switches),
        )
    if inside:
        return failed(
            name,
            f"play_uplift did not fire with switch_car (switch {_times(switches)}, uplift {_times(uplifts)})",
        )
    peak, labels = _negative_phase(samples, window)
    return failed(name, _why_no_switch(peak, labels, window), peak_negative=peak, labels=labels)


def _why_no_switch(peak: float | None, labels: dict[str, int], window: Window) -> str:
    trigger = ReactionConfig().trigger_level
    peak_text = "no visitor score" if peak is None else f"the smoothed negative score peaked at {peak:.2f}"
    read_as = ", ".join(f"{label} {count}" for label, count in labels.items()) or "no face"
    return (
        f"no switch_car in the negative phase {_span(window)}: {peak_text} (trigger level {trigger:g}); "
        f"the visitor read as (frames): {read_as}"
    )


def _negative_phase(samples: list[Sample], window: Window) -> tuple[float | None, dict[str, int]]:
    """The highest smoothed negative score in the window, and how often each label was read."""
    frames = [s for s in samples if _inside(s.t, window)]
    scores = [s.negative for s in frames if s.negative is not None]
    labels = dict(Counter(s.visitor_label for s in frames if s.visitor_label).most_common())
    return (round(max(scores), 4) if scores else None), labels


def _span(window: Window) -> str:
    return f"{window[0]:g}-{window[1]:g} s"


def _times(times: list[float]) -> list[float]:
    return [round(t, 3) for t in times[:20]]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def process_age_s() -> float | None:
    """Seconds since this process started (the executable was launched); None if unknown."""
    try:
        if sys.platform == "win32":
            return _windows_process_age()
        if sys.platform.startswith("linux"):
            return _linux_process_age()
    except (OSError, ValueError, AttributeError):
        return None
    return None


def _linux_process_age() -> float:
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time after boot, in ticks
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started


def _windows_process_age() -> float:
    if sys.platform != "win32":
        raise OSError("not Windows")
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32")
    created, exited, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
    process = kernel32.GetCurrentProcess()
    if not kernel32.GetProcessTimes(process, *(ctypes.byref(t) for t in (created, exited, kernel, user))):
        raise OSError("GetProcessTimes failed")
    kernel32.GetSystemTimePreciseAsFileTime(ctypes.byref(now))

    def seconds(value: wintypes.FILETIME) -> float:
        return ((value.dwHighDateTime << 32) | value.dwLowDateTime) / 1e7

    return seconds(now) - seconds(created)
