from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import demo_face as synthetic
import numpy as np
import pytest

from kiosk.vision.classifier import EmotionClassifier
from kiosk.vision.detector import FaceDetector
from kiosk.vision.pipeline import Pipeline, PipelineConfig, crop_face
from kiosk.vision.types import Box, Frame


class FixedDetector:
    """Returns the same boxes for every frame."""

    def __init__(self, boxes: list[Box]) -> None:
        self.boxes = boxes

    def detect(self, gray: np.ndarray) -> list[Box]:
        return list(self.boxes)


class SpyClassifier:
    """The real classifier, recording the batches it is given."""

    def __init__(self, inner: EmotionClassifier) -> None:
        self.inner = inner
        self.labels = inner.labels
        self.batches: list[list[np.ndarray]] = []

    def predict(self, faces: Sequence[np.ndarray]) -> np.ndarray:
        self.batches.append(list(faces))
        return self.inner.predict(faces)


@pytest.fixture
def spy(tiny_model: Path) -> SpyClassifier:
    return SpyClassifier(EmotionClassifier(tiny_model))


def _frame(image: np.ndarray | None = None, index: int = 0) -> Frame:
    return Frame(synthetic.render_frame() if image is None else image, index / 15, index)


def _pipeline(boxes: list[Box], spy: SpyClassifier, **config: object) -> Pipeline:
    return Pipeline(FixedDetector(boxes), spy, PipelineConfig(**config))  # type: ignore[arg-type]


def test_real_detector_and_tiny_model_read_the_synthetic_moods(tiny_model: Path) -> None:
    pipeline = Pipeline(FaceDetector(), EmotionClassifier(tiny_model))
    for mood in ("happy", "neutral", "sad"):
        analysis = pipeline.analyse(_frame(synthetic.render_frame(synthetic.mood_style(mood))))
        assert analysis.visitor == 0
        face = analysis.visitor_face
        assert face is not None and face.label == mood
        assert face.confidence == pytest.approx(max(face.probs.values()))
        assert sum(face.probs.values()) == pytest.approx(1.0, abs=1e-4)
    assert pipeline.timings.detect_s > 0 and pipeline.timings.classify_s > 0


def test_visitor_is_the_largest_face_classified_in_one_batch(spy: SpyClassifier) -> None:
    boxes = [Box(10, 10, 90, 90), Box(300, 100, 160, 160), Box(500, 50, 120, 120)]
    analysis = _pipeline(boxes, spy).analyse(_frame(index=7))
    assert analysis.frame_index == 7 and analysis.t == pytest.approx(7 / 15)
    assert [f.box for f in analysis.faces] == boxes
    assert analysis.visitor == 1
    assert len(spy.batches) == 1 and len(spy.batches[0]) == 3


def test_faces_below_the_minimum_size_are_reported_but_never_the_visitor(spy: SpyClassifier) -> None:
    analysis = _pipeline([Box(10, 10, 70, 70), Box(200, 10, 60, 90)], spy, min_face_size=80).analyse(_frame())
    assert len(analysis.faces) == 2
    assert analysis.visitor is None


def test_ignore_zone_faces_are_never_classified(spy: SpyClassifier) -> None:
    staff = Box(20, 300, 100, 100)  # centre (70, 350): inside the zone
    visitor = Box(300, 100, 90, 90)
    zone = (0.0, 0.5, 0.3, 0.5)  # the bottom-left desk, as fractions of the frame
    analysis = _pipeline([staff, visitor], spy, ignore_zones=(zone,)).analyse(_frame())
    assert [f.box for f in analysis.faces] == [visitor]
    assert analysis.ignored == (staff,)
    assert analysis.visitor == 0
    assert len(spy.batches[0]) == 1


def test_only_staff_means_no_classification_at_all(spy: SpyClassifier) -> None:
    pipeline = _pipeline([Box(20, 300, 100, 100)], spy, ignore_zones=((0.0, 0.0, 1.0, 1.0),))
    analysis = pipeline.analyse(_frame())
    assert analysis.faces == () and analysis.visitor is None
    assert all(batch == [] for batch in spy.batches)


def test_update_config_applies_to_the_next_frame(spy: SpyClassifier) -> None:
    pipeline = _pipeline([Box(300, 100, 90, 90)], spy)
    assert pipeline.analyse(_frame()).visitor == 0
    pipeline.update_config(PipelineConfig(min_face_size=120))
    assert pipeline.analyse(_frame()).visitor is None


def test_face_cut_off_at_the_frame_edge(spy: SpyClassifier) -> None:
    edge = Box(560, 400, 80, 80)  # the margin reaches past the right and bottom edges
    analysis = _pipeline([edge], spy).analyse(_frame())
    assert len(analysis.faces) == 1
    crop = spy.batches[0][0]
    assert crop.shape == (96, 96)  # padded back to the box plus its margin
    gray = np.arange(100, dtype=np.uint8).reshape(10, 10)
    corner = crop_face(gray, Box(0, 0, 5, 5), margin=0.2)
    assert corner.shape == (7, 7)
    assert corner[0, 0] == gray[0, 0]  # filled by repeating the edge


def test_bad_frames_give_an_empty_analysis(spy: SpyClassifier, caplog: pytest.LogCaptureFixture) -> None:
    pipeline = _pipeline([Box(300, 100, 90, 90)], spy)
    bad: list[np.ndarray] = [
        np.zeros((480, 640), np.uint8),  # not BGR
        np.zeros((480, 640, 3), np.float32),  # not uint8
        np.zeros((0, 0, 3), np.uint8),  # empty
    ]
    with caplog.at_level(logging.WARNING):
        results = [pipeline.analyse(Frame(image, 1.0, i)) for i, image in enumerate(bad)]
    assert all(r.faces == () and r.visitor is None for r in results)
    assert [r.frame_index for r in results] == [0, 1, 2]
    assert "frame 0 skipped" in caplog.text
    first = [r for r in caplog.records if "frame 0 skipped" in r.getMessage()]
    assert first[0].levelno == logging.WARNING and first[0].exc_info is not None  # the traceback, once
    assert all(r.exc_info is None for r in caplog.records if r.levelno >= logging.WARNING and r not in first)
    assert pipeline.failures == 3
    assert pipeline.analyse(_frame()).visitor == 0  # and the next good frame works


def test_a_failing_classifier_does_not_raise(tiny_model: Path) -> None:
    class Broken(SpyClassifier):
        def predict(self, faces: Sequence[np.ndarray]) -> np.ndarray:
            raise RuntimeError("onnxruntime fell over")

    pipeline = _pipeline([Box(300, 100, 90, 90)], Broken(EmotionClassifier(tiny_model)))
    assert pipeline.analyse(_frame()).faces == ()
