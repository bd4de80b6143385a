"""The one frame -> analysis -> reaction step (kiosk.reaction.loop), as the worker, `analyze` and
the self-test run it; and the pipeline's persistent-fault report that reaches the HUD."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
from fakes import write_face_video

from kiosk.reaction.engine import Event, ReactionConfig, ReactionEngine
from kiosk.reaction.loop import AnalysisLoop
from kiosk.vision.classifier import EmotionClassifier
from kiosk.vision.detector import FaceDetector
from kiosk.vision.pipeline import PERSISTENT_FAULT_FRAMES, Pipeline, PipelineConfig
from kiosk.vision.source import FrameSource
from kiosk.vision.types import DETECTOR_FLOOR, VISITOR_MIN_FACE, Frame

FAST = ReactionConfig(baseline_s=0.0)


@pytest.fixture(scope="module")
def sad_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("loop")
    return write_face_video(folder / "sad.mp4", [("neutral", 1.0), ("sad", 2.5)])


def test_run_reads_a_clip_to_its_end_and_switches_for_the_sad_visitor(
    tiny_model: Path, sad_clip: Path
) -> None:
    loop = AnalysisLoop(Pipeline.build(tiny_model), ReactionEngine(FAST))
    with FrameSource.open(sad_clip) as source:
        steps = list(loop.run(source))
    assert len(steps) == pytest.approx(3.5 * 15, abs=2)
    assert [s.frame.index for s in steps] == sorted(s.frame.index for s in steps)
    switches = [s.frame.t for s in steps if Event.SWITCH_CAR in s.events]
    assert len(switches) == 1 and 1.0 < switches[0] < 2.5
    assert all(s.analysis is not None for s in steps)
    assert steps[-1].visitor_present and steps[-1].negative is not None
    assert not any(s.restarted for s in steps)


def test_run_stops_after_the_limit_and_reports_the_source_ending(tiny_model: Path, sad_clip: Path) -> None:
    loop = AnalysisLoop(Pipeline.build(tiny_model))
    with FrameSource.open(sad_clip) as source:
        assert len(list(loop.run(source, limit=5))) == 5
    states: list[str] = []
    with FrameSource.open(sad_clip) as source:
        list(loop.run(source, on_state=lambda s: states.append(s.state.value)))
    assert states[-1] == "ended"


def test_a_new_source_or_time_going_back_resets_the_visitor(tiny_model: Path, sad_clip: Path) -> None:
    loop = AnalysisLoop(Pipeline.build(tiny_model), ReactionEngine(FAST))
    with FrameSource.open(sad_clip) as source:
        frames = [s.frame for s in loop.run(source, limit=20)]
    assert loop.engine.visitor_present
    again = loop.step(frames[0])  # the clip looped: time runs backwards
    assert again.restarted and not again.visitor_present
    loop.step(frames[1])
    assert loop.step(frames[2], generation=1).restarted  # another source
    assert not loop.step(frames[3], generation=1).restarted


def test_without_a_model_frames_pass_through_unjudged() -> None:
    loop = AnalysisLoop(None)
    step = loop.step(Frame(np.zeros((48, 64, 3), np.uint8), 0.0, 0))
    assert step.analysis is None and step.events == () and step.negative is None
    assert not step.visitor_present and not step.learning


def test_the_detector_floor_follows_the_visitor_minimum(tiny_model: Path) -> None:
    pipeline = Pipeline.build(tiny_model)
    assert pipeline.config.min_face_size == VISITOR_MIN_FACE
    assert pipeline.detector.min_face_size == DETECTOR_FLOOR < VISITOR_MIN_FACE
    pipeline.update_config(PipelineConfig(min_face_size=40))
    assert pipeline.detector.min_face_size == 40  # smaller visitors must still be found
    pipeline.update_config(PipelineConfig(min_face_size=200))
    assert pipeline.detector.min_face_size == DETECTOR_FLOOR


class BrokenClassifier:
    labels = ("happy", "sad")

    def predict(self, faces: object) -> np.ndarray:
        raise RuntimeError("onnxruntime: bad allocation")


def test_a_persistent_failure_becomes_a_fault_and_clears_on_success(
    tiny_model: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import demo_face as synthetic
    from fakes import face_style

    image = synthetic.render_frame(face_style("neutral"))
    good = EmotionClassifier(tiny_model)
    pipeline = Pipeline(FaceDetector(), BrokenClassifier())  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING, logger="kiosk.vision.pipeline"):
        for index in range(PERSISTENT_FAULT_FRAMES - 1):
            assert pipeline.analyse(Frame(image, index / 15, index)).faces == ()
        assert pipeline.fault is None  # a glitch, not yet a fault
        pipeline.analyse(Frame(image, 1.0, 99))
    fault = pipeline.fault
    assert fault is not None and "bad allocation" in fault and str(PERSISTENT_FAULT_FRAMES) in fault
    assert pipeline.failures == PERSISTENT_FAULT_FRAMES
    assert "Traceback" in caplog.text  # the first failure is logged with its traceback
    pipeline.classifier = good
    assert pipeline.analyse(Frame(image, 2.0, 100)).faces
    assert pipeline.fault is None and pipeline.failures == PERSISTENT_FAULT_FRAMES


def test_the_self_test_fails_the_clip_when_frames_could_not_be_analysed(sad_clip: Path) -> None:
    from kiosk.selftest_vision import analyse_clip

    run = analyse_clip(sad_clip, Pipeline(FaceDetector(), BrokenClassifier()))  # type: ignore[arg-type]
    assert run.failures == len(run.samples) > 0
    assert f"{run.failures} of {len(run.samples)} frames could not be analysed" in run.problem
