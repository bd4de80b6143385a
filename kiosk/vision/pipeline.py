"""One frame in, one Analysis out: gray -> faces -> crops -> one classifier batch -> visitor.

Faces whose centre lies in an ignore zone (the staff desk, a poster) are dropped before
classification: no emotion is ever inferred for them. A frame that cannot be analysed is
logged and yields an Analysis without faces; `analyse` does not raise for a bad frame.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.vision.classifier import EmotionClassifier
from kiosk.vision.detector import FaceDetector
from kiosk.vision.types import DETECTOR_FLOOR, VISITOR_MIN_FACE, Analysis, Box, FaceResult, Frame

log = logging.getLogger(__name__)

Zone = tuple[float, float, float, float]  # x, y, w, h as fractions 0..1 of the frame
PERSISTENT_FAULT_FRAMES = 10  # this many failed frames in a row are a fault, not a glitch
FACE_MARGIN = 0.1  # crop this much beyond the detector's box on each side, as FER-2013 crops do


@dataclass(frozen=True)
class PipelineConfig:
    min_face_size: int = VISITOR_MIN_FACE  # pixels, in the full frame: smaller faces are never the visitor
    ignore_zones: tuple[Zone, ...] = ()


@dataclass(frozen=True)
class StageTimes:
    """Seconds the last analysed frame spent in each stage (for `bench` and the UI)."""

    detect_s: float = 0.0  # gray conversion and face detection
    classify_s: float = 0.0  # cropping and the classifier batch


class Pipeline:
    """Frame -> Analysis. Built once, used from one thread."""

    def __init__(
        self, detector: FaceDetector, classifier: EmotionClassifier, config: PipelineConfig = PipelineConfig()
    ) -> None:
        self.detector = detector
        self.classifier = classifier
        self.config = config
        self.timings = StageTimes()
        self._failures = 0
        self._failing = 0  # failed frames in a row
        self._last_error = ""

    @classmethod
    def build(cls, model: Path, config: PipelineConfig = PipelineConfig(), *, threads: int = 1) -> Pipeline:
        """The kiosk's pipeline for a model file (ModelError / CascadeError when unusable): the
        bundled cascade, detecting down to the detector floor so smaller faces still show."""
        detector = FaceDetector(min_face_size=detector_floor(config))
        return cls(detector, EmotionClassifier(model, threads=threads), config)

    def update_config(self, config: PipelineConfig) -> None:
        """Takes effect from the next frame."""
        self.config = config
        self.detector.min_face_size = detector_floor(config)

    def analyse(self, frame: Frame) -> Analysis:
        try:
            analysis = self._analyse(frame, self.config)
        except Exception as error:  # a bad frame must not stop a kiosk that runs all day
            self._report_failure(frame, error)
            return Analysis(frame.index, frame.t, (), None)
        self._failing = 0
        return analysis

    def _analyse(self, frame: Frame, config: PipelineConfig) -> Analysis:
        image = frame.image
        if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
            raise ValueError(f"expected a BGR uint8 image [H, W, 3], got {image.dtype} {list(image.shape)}")
        started = time.perf_counter()
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        boxes = [box for box in self.detector.detect(gray) if box.size > 0]
        detected = time.perf_counter()
        kept, ignored = split_ignored(boxes, config.ignore_zones, gray.shape[1], gray.shape[0])
        probs = self.classifier.predict([crop_face(gray, box) for box in kept])
        faces = tuple(self._result(box, row) for box, row in zip(kept, probs, strict=True))
        self.timings = StageTimes(detected - started, time.perf_counter() - detected)
        visitor = choose_visitor(faces, config.min_face_size)
        return Analysis(frame.index, frame.t, faces, visitor, tuple(ignored))

    def _result(self, box: Box, probs: np.ndarray) -> FaceResult:
        best = int(np.argmax(probs))
        values = {label: float(p) for label, p in zip(self.classifier.labels, probs, strict=True)}
        return FaceResult(box, self.classifier.labels[best], float(probs[best]), values)

    @property
    def failures(self) -> int:
        """Frames that could not be analysed since the pipeline was built."""
        return self._failures

    @property
    def fault(self) -> str | None:
        """What keeps failing, once PERSISTENT_FAULT_FRAMES frames in a row could not be
        analysed (shown on the HUD: a broken analysis must not look like an empty room)."""
        if self._failing < PERSISTENT_FAULT_FRAMES:
            return None
        return f"{self._failing} frames in a row could not be analysed: {self._last_error}"

    def _report_failure(self, frame: Frame, error: Exception) -> None:
        self._failures += 1
        self._failing += 1
        self._last_error = f"{type(error).__name__}: {error}"
        if self._failures in (1, 10, 100) or self._failures % 1000 == 0:
            # The first one with its traceback: a persistent fault must not look like "no faces".
            first = error if self._failures == 1 else None
            log.warning(
                "frame %d skipped (%d so far): %s", frame.index, self._failures, error, exc_info=first
            )
        else:
            log.debug("frame %d skipped", frame.index, exc_info=error)


def detector_floor(config: PipelineConfig) -> int:
    """Faces smaller than the visitor minimum are still found (and shown), down to the floor."""
    return min(DETECTOR_FLOOR, config.min_face_size)


def split_ignored(
    boxes: list[Box], zones: tuple[Zone, ...], width: int, height: int
) -> tuple[list[Box], list[Box]]:
    """(faces to classify, faces whose centre lies inside an ignore zone)."""
    kept: list[Box] = []
    ignored: list[Box] = []
    for box in boxes:
        cx, cy = box.centre
        fx, fy = cx / max(1, width), cy / max(1, height)
        inside = any(x <= fx <= x + w and y <= fy <= y + h for x, y, w, h in zones)
        (ignored if inside else kept).append(box)
    return kept, ignored


def choose_visitor(faces: tuple[FaceResult, ...], min_face_size: int) -> int | None:
    """Index of the largest face that is not below the minimum size, or None."""
    candidates = [i for i, face in enumerate(faces) if face.box.size >= min_face_size]
    return max(candidates, key=lambda i: faces[i].box.area) if candidates else None


def crop_face(gray: np.ndarray, box: Box, margin: float = FACE_MARGIN) -> np.ndarray:
    """The face with a margin, clipped at the frame edges; what the edge cut off is filled by
    repeating the edge pixels, so the crop keeps the face's proportions."""
    height, width = gray.shape[:2]
    dx, dy = round(box.w * margin), round(box.h * margin)
    x0, y0, x1, y1 = box.x - dx, box.y - dy, box.x + box.w + dx, box.y + box.h + dy
    crop = gray[max(0, y0) : min(height, y1), max(0, x0) : min(width, x1)]
    if crop.size == 0:
        raise ValueError(f"face box {box} lies outside the {width}x{height} frame")
    pads = (max(0, -y0), max(0, y1 - height), max(0, -x0), max(0, x1 - width))
    if any(pads):
        crop = cv2.copyMakeBorder(crop, *pads, borderType=cv2.BORDER_REPLICATE)
    return crop
