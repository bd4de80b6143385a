"""The drawn visitor must be found by the real Haar cascade across the whole expression range."""

from __future__ import annotations

import itertools

import cv2
import numpy as np
import pytest

from kiosk.vision import synthetic
from kiosk.vision.detector import FaceDetector

DETECTOR = FaceDetector(full_scan_every=0)  # every call a full-frame scan: nothing carried over


def _faces(image: np.ndarray) -> int:
    return len(DETECTOR.detect(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)))


def test_frame_shape_and_empty_scene() -> None:
    image = synthetic.render_frame()
    assert image.shape == (480, 640, 3) and image.dtype == np.uint8
    assert _faces(image) == 0


@pytest.mark.parametrize("mood", sorted(synthetic.MOODS))
def test_every_mood_is_detected_where_a_visitor_stands(mood: str) -> None:
    for cx, cy, width in itertools.product((200, 320, 440), (200, 250), (100, 150, 190)):
        image = synthetic.render_frame(synthetic.mood_style(mood, cx=cx, cy=cy, width=width))
        assert _faces(image) == 1, (mood, cx, cy, width)


def test_detected_across_the_expression_range() -> None:
    misses = []
    brow_shapes = ((0.0, 0.0), (-1.0, 1.0), (-0.4, -1.0), (1.0, 0.0), (1.0, -1.0))  # (brows, knit)
    for expression, (brows, knit), light in itertools.product(np.linspace(-1, 1, 7), brow_shapes, (0.6, 1.3)):
        face = synthetic.FaceStyle(expression=expression, brows=brows, knit=knit, light=light)
        if _faces(synthetic.render_frame(face)) != 1:
            misses.append((expression, brows, knit, light))
    assert misses == []


def test_expression_changes_the_mouth() -> None:
    smile = synthetic.render_frame(synthetic.mood_style("happy", light=1.0))
    frown = synthetic.render_frame(synthetic.mood_style("sad", light=1.0))
    mouth = (slice(290, 340), slice(270, 370))
    assert np.abs(smile[mouth].astype(int) - frown[mouth].astype(int)).mean() > 5


def test_blend_and_mood_style() -> None:
    a, b = synthetic.mood_style("happy"), synthetic.mood_style("sad")
    assert synthetic.blend(a, b, 0.0) == a
    assert synthetic.blend(a, b, 1.0) == b
    middle = synthetic.blend(a, b, 0.5)
    assert middle.expression == pytest.approx((a.expression + b.expression) / 2)
    assert synthetic.mood_style("neutral", cx=100.0).cx == 100.0
    with pytest.raises(ValueError, match="unknown mood"):
        synthetic.mood_style("bored")


def test_face_partly_outside_the_frame_draws_without_error() -> None:
    image = synthetic.render_frame(synthetic.FaceStyle(cx=-30.0, cy=470.0, width=200.0))
    assert image.shape == (480, 640, 3)
    assert synthetic.render_frame(synthetic.FaceStyle(cx=5000.0)).shape == (480, 640, 3)
