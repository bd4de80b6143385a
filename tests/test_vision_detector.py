from __future__ import annotations

import gzip
from pathlib import Path

import cv2
import demo_face as synthetic
import numpy as np
import pytest

from kiosk import paths
from kiosk.vision.detector import (
    CASCADE_FILE,
    OPENCV_CASCADE_FILE,
    CascadeError,
    FaceDetector,
    default_cascade_path,
)
from kiosk.vision.types import Box


def _gray(face: synthetic.FaceStyle | None) -> np.ndarray:
    return cv2.cvtColor(synthetic.render_frame(face), cv2.COLOR_BGR2GRAY)


def _covers(box: Box, face: synthetic.FaceStyle) -> bool:
    cx, cy = box.centre
    return abs(cx - face.cx) < face.width * 0.2 and abs(cy - face.cy) < face.width * 0.3


def test_cascade_is_shipped_in_resources() -> None:
    assert default_cascade_path() == paths.resource_path("resources", CASCADE_FILE)
    assert default_cascade_path().is_file()


def test_finds_the_synthetic_face() -> None:
    face = synthetic.mood_style("neutral", cx=300.0, cy=240.0, width=150.0)
    boxes = FaceDetector().detect(_gray(face))
    assert len(boxes) == 1
    assert _covers(boxes[0], face)
    assert 0.8 * face.width < boxes[0].w < 1.8 * face.width


def test_empty_scene_and_tiny_image_have_no_faces() -> None:
    detector = FaceDetector()
    assert detector.detect(_gray(None)) == []
    assert detector.detect(np.zeros((10, 12), np.uint8)) == []
    assert detector.detect(np.zeros((1, 1), np.uint8)) == []


def test_minimum_face_size() -> None:
    small = _gray(synthetic.mood_style("neutral", width=90.0))
    assert len(FaceDetector(min_face_size=60).detect(small)) == 1
    assert FaceDetector(min_face_size=200).detect(small) == []


def test_follows_a_moving_face_and_rescans_when_it_jumps() -> None:
    detector = FaceDetector(full_scan_every=100)
    for step in range(8):
        face = synthetic.mood_style("happy", cx=260.0 + 8 * step, width=140.0)
        boxes = detector.detect(_gray(face))
        assert len(boxes) == 1 and _covers(boxes[0], face), step
    jumped = synthetic.mood_style("happy", cx=520.0, width=140.0)
    boxes = detector.detect(_gray(jumped))  # not near the last face: found by the full scan
    assert len(boxes) == 1 and _covers(boxes[0], jumped)


def test_periodic_full_scan_finds_a_newcomer() -> None:
    detector = FaceDetector(full_scan_every=3)
    first = synthetic.mood_style("neutral", cx=180.0, width=130.0)
    second = synthetic.mood_style("neutral", cx=470.0, width=130.0)
    detector.detect(_gray(first))
    both = synthetic.render_frame(first)
    synthetic.draw_face(both, second)
    counts = [len(detector.detect(cv2.cvtColor(both, cv2.COLOR_BGR2GRAY))) for _ in range(4)]
    assert counts[0] == 1  # following the first face only
    assert counts[-1] == 2


def test_missing_cascade_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.xml"
    with pytest.raises(CascadeError, match=r"nowhere\.xml"):
        FaceDetector(cascade=missing)


def test_broken_cascade_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<?xml version='1.0'?><opencv_storage><x>1</x></opencv_storage>")
    with pytest.raises(CascadeError, match=r"broken\.xml"):
        FaceDetector(cascade=broken)
    garbage = tmp_path / "garbage.xml"
    garbage.write_bytes(b"\xff\xfe\x00 not xml")
    with pytest.raises(CascadeError, match=r"garbage\.xml"):
        FaceDetector(cascade=garbage)
    not_gzip = tmp_path / "plain.xml.gz"
    not_gzip.write_bytes(b"<?xml version='1.0'?>")
    with pytest.raises(CascadeError, match=r"plain\.xml\.gz could not be read"):
        FaceDetector(cascade=not_gzip)
    cut = tmp_path / "cut.xml.gz"
    cut.write_bytes(default_cascade_path().read_bytes()[:5000])  # a download that stopped
    with pytest.raises(CascadeError, match=r"cut\.xml\.gz could not be read"):
        FaceDetector(cascade=cut)


def test_the_plain_xml_cascade_loads_as_well(tmp_path: Path) -> None:
    """The shipped cascade is gzip-compressed; an operator's (or OpenCV's own) plain XML still loads."""
    plain = tmp_path / OPENCV_CASCADE_FILE
    plain.write_bytes(gzip.decompress(default_cascade_path().read_bytes()))
    assert plain.read_bytes().startswith(b"<?xml")
    assert len(FaceDetector(cascade=plain).detect(_gray(synthetic.mood_style("neutral")))) == 1


def test_cascade_path_with_non_ascii_characters(tmp_path: Path) -> None:
    folder = tmp_path / "Gesichtserkennung-ü-é"
    folder.mkdir()
    copy = folder / CASCADE_FILE
    copy.write_bytes(default_cascade_path().read_bytes())
    assert len(FaceDetector(cascade=copy).detect(_gray(synthetic.mood_style("neutral")))) == 1
