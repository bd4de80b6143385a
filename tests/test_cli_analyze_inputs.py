"""`analyze` on what is not a video or an image: one `error: FILE: ...` line and status 2, never
"0 frames" and status 0. Real files written here; real images and videos still work."""

from __future__ import annotations

import json
import os
from pathlib import Path

import cv2
import demo_face as synthetic
import numpy as np
import pytest
from fakes import FakeCamera, FakeCapture

from kiosk.app import main
from kiosk.vision.source import FrameSource

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
EXPECTED = "expected a video or an image file"


def _analyze(
    capsys: pytest.CaptureFixture[str], source: Path, model: Path, *extra: str
) -> tuple[int, str, str]:
    code = main(["analyze", str(source), "--model", str(model), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_error_line(code: int, out: str, err: str, source: Path) -> None:
    assert code == 2 and out == ""
    assert err.startswith(f"error: {source}: ") and EXPECTED in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def _write_input(folder: Path, kind: str, name: str) -> Path:
    path = folder / name
    if kind == "text":
        path.write_text("These are the showroom's opening hours, not a picture.\n" * 20, encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "random":
        path.write_bytes(np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    elif kind == "folder":
        path.mkdir()
    return path


@pytest.mark.parametrize("name", ["notes.png", "notes.jpg", "notes.mp4", "notes.txt", "notes.nfo", "notes"])
@pytest.mark.parametrize("kind", ["text", "empty", "random", "folder"])
def test_what_is_not_a_video_or_an_image_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: Path, kind: str, name: str
) -> None:
    source = _write_input(tmp_path, kind, name)
    _assert_one_error_line(*_analyze(capsys, source, tiny_model), source)


@pytest.mark.parametrize(
    ("kind", "name", "says"),
    [
        ("text", "clip.png", "no picture can be decoded"),
        ("text", "notes.txt", "is text, not pictures"),  # FFmpeg would draw it as ANSI art
        ("empty", "clip.png", "is empty"),
    ],
)
def test_the_error_says_what_is_wrong(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: Path, kind: str, name: str, says: str
) -> None:
    source = _write_input(tmp_path, kind, name)
    assert says in _analyze(capsys, source, tiny_model)[2]


def test_a_missing_file_and_a_folder_are_named_as_such(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: Path
) -> None:
    assert "no such file" in _analyze(capsys, tmp_path / "gone.mp4", tiny_model)[2]
    assert "is a folder" in _analyze(capsys, _write_input(tmp_path, "folder", "clips.mp4"), tiny_model)[2]


@pytest.mark.skipif(AS_ROOT, reason="root reads a file whatever its mode")
def test_an_unreadable_file_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: Path, visitor_video: Path
) -> None:
    source = tmp_path / "locked.mp4"
    source.write_bytes(visitor_video.read_bytes())
    source.chmod(0)
    try:
        code, out, err = _analyze(capsys, source, tiny_model)
    finally:
        source.chmod(0o644)
    _assert_one_error_line(code, out, err, source)
    assert "cannot be read" in err


def test_bench_refuses_a_text_file_named_png_alike(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: Path
) -> None:
    source = _write_input(tmp_path, "text", "clip.png")
    code = main(["bench", "--video", str(source), "--model", str(tiny_model), "--frames", "3"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(f"error: {source}: ") and EXPECTED in err


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".bmp"])
def test_a_still_image_is_analysed_as_one_frame(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: Path, suffix: str
) -> None:
    picture = tmp_path / f"visitor{suffix}"
    assert cv2.imwrite(str(picture), synthetic.render_frame(synthetic.mood_style("neutral")))
    code, out, err = _analyze(capsys, picture, tiny_model)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 1 and records[0]["frame"] == 0 and records[0]["faces"]
    assert "analysed 1 frame (" in err and "error" not in err


def test_a_real_video_still_works(
    capsys: pytest.CaptureFixture[str], visitor_video: Path, tiny_model: Path
) -> None:
    code, out, err = _analyze(capsys, visitor_video, tiny_model, "--frames", "4")
    assert code == 0 and len(out.splitlines()) == 4 and "analysed 4 frames" in err


def test_a_file_whose_pictures_cannot_be_used_is_an_error_not_zero_frames(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tiny_model: Path
) -> None:
    """OpenCV decodes something, but not a gray, BGR or BGRA picture: nothing to analyse."""
    source = tmp_path / "odd.avi"
    source.write_bytes(b"\0" * 64)
    two_channels = np.zeros((48, 64, 2), np.uint8)

    def open_odd(spec: object, **options: object) -> FrameSource:
        opened = FrameSource(source, capture_factory=FakeCamera(lambda attempt: FakeCapture([two_channels])))
        opened.start()
        return opened

    monkeypatch.setattr("kiosk.cli_analyze.FrameSource.open", open_odd)
    code, out, err = _analyze(capsys, source, tiny_model)
    _assert_one_error_line(code, out, err, source)
    assert "no usable picture" in err
