"""The drawn visitor must be found by the real Haar cascade across the whole expression range."""

from __future__ import annotations

import itertools
import time

import cv2
import demo_face as synthetic
import numpy as np
import pytest

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


def test_rendering_is_deterministic_and_fast() -> None:
    styles = [synthetic.mood_style(mood, cx=300.0 + 7 * i) for i, mood in enumerate(sorted(synthetic.MOODS))]
    first = [synthetic.render_frame(style) for style in styles]
    started = time.process_time()
    again = [synthetic.render_frame(style) for style in styles * 5]
    per_frame = (time.process_time() - started) / len(again)
    assert all(np.array_equal(image, first[i % len(first)]) for i, image in enumerate(again))
    assert per_frame < 0.02  # about 3 ms on a laptop core; generous for a busy test machine


def test_background_is_a_fresh_writable_copy() -> None:
    image = synthetic.render_background()
    image[:] = 0
    assert synthetic.render_background().max() > 0
    assert synthetic.render_frame(synthetic.FaceStyle()).flags.writeable


@pytest.mark.parametrize("width", [60.0, 90.0, 150.0, 230.0])
def test_the_head_is_as_wide_as_asked(width: float) -> None:
    """Across the cheeks (with the ears) the head spans about one face width, small or large."""
    face = synthetic.FaceStyle(cx=320.0, cy=200.0, width=width)
    changed = np.abs(synthetic.render_frame(face).astype(int) - synthetic.render_background().astype(int))
    columns = np.flatnonzero(changed[200].max(axis=1) > 8)
    span = columns.max() - columns.min() + 1
    assert 0.95 * width < span < 1.15 * width
    assert abs((columns.max() + columns.min()) / 2 - 320.0) < 2.0


def test_lighting_orders_the_moods_for_the_test_model() -> None:
    """sad darker than neutral darker than happy, in the middle of the face (see tests/fakes.py)."""

    def middle(mood: str) -> float:
        gray = cv2.cvtColor(synthetic.render_frame(synthetic.mood_style(mood)), cv2.COLOR_BGR2GRAY)
        return float(gray[175:295, 260:380].mean())

    assert middle("sad") + 25 < middle("neutral") < middle("happy") - 25


def test_a_smile_shows_teeth() -> None:
    """Teeth are brighter than any skin around a closed mouth (same light for both)."""

    def brightest_in_mouth(mood: str) -> int:
        gray = cv2.cvtColor(synthetic.render_frame(synthetic.mood_style(mood, light=1.0)), cv2.COLOR_BGR2GRAY)
        return int(gray[270:300, 285:355].max())

    assert brightest_in_mouth("happy") > brightest_in_mouth("neutral") + 15
    assert brightest_in_mouth("sad") <= brightest_in_mouth("neutral") + 2


def test_other_frame_sizes() -> None:
    image = synthetic.render_frame(synthetic.FaceStyle(cx=160.0, cy=115.0, width=75.0), size=(320, 240))
    assert image.shape == (240, 320, 3)
    assert _faces(cv2.resize(image, (640, 480))) == 1
