from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from kiosk.vision.types import Analysis, Box, FaceResult, Frame


def test_box_measures() -> None:
    box = Box(10, 20, 30, 40)
    assert box.area == 1200
    assert box.size == 30
    assert box.centre == (25.0, 40.0)


def test_values_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Box(0, 0, 1, 1).x = 3  # type: ignore[misc]


def test_face_probs_are_read_only_and_detached() -> None:
    probs = {"happy": 0.9, "sad": 0.1}
    face = FaceResult(Box(0, 0, 1, 1), "happy", 0.9, probs)
    probs["happy"] = 0.0
    assert face.probs["happy"] == 0.9
    with pytest.raises(TypeError):
        face.probs["sad"] = 1.0  # type: ignore[index]


def test_frame_image_is_read_only() -> None:
    frame = Frame(np.zeros((4, 4, 3), np.uint8), 0.5, 3)
    with pytest.raises(ValueError):
        frame.image[0, 0, 0] = 1


def test_visitor_face() -> None:
    face = FaceResult(Box(0, 0, 1, 1), "sad", 1.0, {"sad": 1.0})
    assert Analysis(0, 0.0, (face,), 0).visitor_face is face
    assert Analysis(0, 0.0, (face,), None).visitor_face is None
    assert Analysis(0, 0.0, (), None).ignored == ()
