from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from fakes import FakeCamera, FakeCapture, FakeClock, VideoFactory
from mjpeg_camera import MjpegCamera

from kiosk.vision.capture import backend_id, parse_spec, to_bgr
from kiosk.vision.reconnect import ReconnectPolicy
from kiosk.vision.source import FrameSource, SourceState
from kiosk.vision.types import Frame

CLIP = [("none", 0.4), ("neutral", 0.6)]  # 15 frames at 15 fps


def _drain(source: FrameSource, limit: int = 1000) -> list[Frame]:
    frames = []
    for _ in range(limit):
        frame = source.read()
        if frame is not None:
            frames.append(frame)
        elif source.state in (SourceState.ENDED, SourceState.FAILED):
            break
    return frames


def _noise(index: int, shape: tuple[int, ...] = (48, 64, 3)) -> np.ndarray:
    return np.random.default_rng(index).integers(0, 255, shape, dtype=np.uint8)


def _camera(frames: list[np.ndarray | None], clock: FakeClock, **policy: Any) -> FrameSource:
    camera = FakeCamera(lambda attempt: FakeCapture(frames))
    source = FrameSource(
        0, capture_factory=camera, clock=clock, sleep=clock.sleep, policy=ReconnectPolicy(**policy)
    )
    source.start()
    return source


def test_file_frames_carry_the_files_timestamps(face_video: VideoFactory) -> None:
    with FrameSource.open(face_video(CLIP)) as source:
        assert source.is_file and source.fps == pytest.approx(15.0)
        assert source.state is SourceState.LIVE
        frames = _drain(source)
        assert source.state is SourceState.ENDED
    assert len(frames) == 15
    assert [f.index for f in frames] == list(range(15))
    assert [f.t for f in frames] == pytest.approx([i / 15 for i in range(15)], abs=1e-3)
    first = frames[0].image
    assert first.shape == (480, 640, 3) and first.dtype == np.uint8


def test_file_runs_are_deterministic(face_video: VideoFactory) -> None:
    runs = []
    for _ in range(2):
        with FrameSource.open(face_video(CLIP)) as source:
            runs.append([(f.t, int(f.image.sum())) for f in _drain(source)])
    assert runs[0] == runs[1]


def test_looping_file_keeps_time_rising(face_video: VideoFactory) -> None:
    with FrameSource.open(face_video(CLIP), loop=True) as source:
        frames = [source.read() for _ in range(40)]
        assert source.state is SourceState.LIVE
    assert all(f is not None for f in frames)
    times = [f.t for f in frames if f is not None]
    assert all(b > a for a, b in itertools.pairwise(times))
    assert times[15] == pytest.approx(1.0, abs=1e-3)  # the second pass starts one frame after the first ends
    assert [f.index for f in frames if f is not None] == list(range(40))


@pytest.mark.parametrize("kind", ["missing", "folder", "garbage", "empty"])
def test_unusable_file_is_a_state_not_an_exception(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "clip.mp4"
    if kind == "folder":
        path.mkdir()
    elif kind == "garbage":
        path.write_bytes(b"not a video" * 100)
    elif kind == "empty":
        path.write_bytes(b"")
    source = FrameSource.open(path)
    assert source.state is SourceState.FAILED
    assert str(path) in source.message
    assert source.read() is None
    source.close()
    assert source.state is SourceState.FAILED


@pytest.mark.parametrize("frames", [[], [None]], ids=["no frames", "a failed read"])
def test_file_without_a_decodable_picture_fails_when_opened(
    tmp_path: Path, frames: list[np.ndarray | None]
) -> None:
    path = tmp_path / "clip.png"
    path.write_bytes(b"\0")
    source = FrameSource(path, capture_factory=FakeCamera(lambda attempt: FakeCapture(frames)))
    source.start()
    assert source.state is SourceState.FAILED
    assert source.message.startswith(f"{path}: no picture can be decoded")
    assert source.read() is None


def test_a_text_file_named_png_fails_when_opened(tmp_path: Path) -> None:
    """OpenCV opens it (FFmpeg's image reader goes by the name) but decodes nothing."""
    path = tmp_path / "notes.png"
    path.write_text("not a picture\n" * 50, encoding="utf-8")
    source = FrameSource.open(path)
    assert source.state is SourceState.FAILED and "expected a video or an image file" in source.message
    source.close()


def test_a_text_file_ffmpeg_would_draw_fails_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("opening hours: 9 to 6\n" * 50, encoding="utf-8")
    with FrameSource.open(path) as source:
        assert source.state is SourceState.FAILED and "is text, not pictures" in source.message


def test_a_still_image_is_a_file_of_one_frame(tmp_path: Path) -> None:
    path = tmp_path / "still.png"
    assert cv2.imwrite(str(path), _noise(3))
    with FrameSource.open(path) as source:
        assert source.state is SourceState.LIVE
        frames = _drain(source)
        assert source.state is SourceState.ENDED
    assert len(frames) == 1 and frames[0].t == 0.0
    assert np.array_equal(frames[0].image, _noise(3))


def test_a_file_whose_pictures_cannot_be_used_fails_at_its_end(tmp_path: Path) -> None:
    path = tmp_path / "odd.avi"
    path.write_bytes(b"\0")
    odd = np.zeros((48, 64, 2), np.uint8)  # decoded, but not a gray, BGR or BGRA picture
    source = FrameSource(path, capture_factory=FakeCamera(lambda attempt: FakeCapture([odd, odd])))
    source.start()
    assert source.state is SourceState.LIVE
    assert _drain(source) == []
    assert source.state is SourceState.FAILED and "no usable picture" in source.message


def test_absent_camera_is_a_state_not_an_exception() -> None:
    source = FrameSource.open(97)
    assert not source.is_file
    assert source.state is SourceState.RECONNECTING
    assert "camera 97" in source.message
    source.close()


@pytest.mark.parametrize(
    ("picture", "expected"),
    [
        (np.full((30, 40), 77, np.uint8), (30, 40, 3)),  # gray
        (np.full((30, 40, 1), 77, np.uint8), (30, 40, 3)),  # gray with a channel axis
        (np.full((30, 40, 4), 77, np.uint8), (30, 40, 3)),  # BGRA
        (np.full((30, 40, 3), 77 * 256, np.uint16), (30, 40, 3)),  # 16-bit
        (np.full((1, 1, 3), 77, np.uint8), (1, 1, 3)),  # tiny
    ],
)
def test_camera_pictures_become_bgr(picture: np.ndarray, expected: tuple[int, ...]) -> None:
    source = _camera([picture], FakeClock())
    frame = source.read()
    assert frame is not None
    assert frame.image.shape == expected and frame.image.dtype == np.uint8
    assert int(frame.image[0, 0, 0]) == 77


def test_to_bgr_rejects_what_is_no_picture() -> None:
    assert to_bgr(None) is None
    assert to_bgr(np.zeros((0, 0, 3), np.uint8)) is None
    assert to_bgr(np.zeros((4, 4, 2), np.uint8)) is None
    assert to_bgr(np.zeros(5, np.uint8)) is None


def test_camera_frames_are_stamped_by_the_clock() -> None:
    clock = FakeClock(start=50.0)
    source = _camera([_noise(i) for i in range(3)], clock)
    stamps = []
    for _ in range(3):
        clock.advance(0.25)
        frame = source.read()
        assert frame is not None
        stamps.append(frame.t)
    assert stamps == pytest.approx([0.25, 0.5, 0.75])


def test_dead_camera_reconnects_with_exponential_backoff() -> None:
    clock = FakeClock()
    attempts: list[float] = []

    def make(attempt: int) -> FakeCapture:
        attempts.append(clock.now)
        if attempt == 1:
            return FakeCapture([_noise(0)] + [None] * 5)  # one frame, then failures
        return FakeCapture([_noise(attempt)] * 1000, opened=attempt >= 5)

    source = FrameSource(
        0,
        capture_factory=FakeCamera(make),
        clock=clock,
        sleep=clock.sleep,
        policy=ReconnectPolicy(max_failures=3),
    )
    source.start()
    assert source.read() is not None
    frames = [source.read() for _ in range(400)]
    assert source.state is SourceState.LIVE
    gaps = np.diff(attempts)
    assert gaps == pytest.approx([0.5, 1.0, 2.0, 4.0])  # doubling after each failed attempt
    resumed = [f for f in frames if f is not None]
    assert resumed and resumed[0].index == 1 and resumed[0].t > 7.0


def test_reconnect_message_tells_the_wait() -> None:
    clock = FakeClock()
    source = _camera([None, None], clock, max_failures=2)
    assert source.read() is None and source.state is SourceState.LIVE
    assert source.read() is None
    assert source.state is SourceState.RECONNECTING
    assert "camera 0 stopped delivering frames" in source.message and "0.5 s" in source.message


def test_frozen_camera_counts_as_lost() -> None:
    clock = FakeClock()
    same = _noise(1)
    source = _camera([same] * 100, clock, stale_s=2.0)
    for _ in range(30):
        clock.advance(0.1)
        if source.read() is None:
            break
    assert source.state is SourceState.RECONNECTING
    assert "froze" in source.message
    assert clock.now - 100.0 == pytest.approx(2.1, abs=0.11)  # 2 s after the first read


def test_backend_names_map_to_opencv_constants() -> None:
    assert backend_id("v4l2", camera=True) == cv2.CAP_V4L2
    assert backend_id("dshow", camera=True) == cv2.CAP_DSHOW
    assert backend_id("msmf", camera=True) == cv2.CAP_MSMF
    assert backend_id("any", camera=True) == cv2.CAP_ANY
    assert backend_id("auto", camera=False) == cv2.CAP_ANY
    with pytest.raises(ValueError, match="unknown capture backend"):
        backend_id("gstreamer-please", camera=True)


def test_backend_is_passed_to_the_capture() -> None:
    camera = FakeCamera(lambda attempt: FakeCapture([_noise(0)]))
    FrameSource(2, backend="v4l2", capture_factory=camera).start()
    assert camera.opens == [(2, cv2.CAP_V4L2)]


def test_spec_parsing() -> None:
    assert parse_spec(3) == 3
    assert parse_spec(" 1 ") == 1
    assert parse_spec("clips/a.mp4") == Path("clips/a.mp4")


def test_close_releases_the_capture() -> None:
    capture = FakeCapture([_noise(0)])
    with FrameSource(0, capture_factory=FakeCamera(lambda attempt: capture)) as source:
        source.start()
        assert source.read() is not None
    assert capture.released
    assert source.state is SourceState.ENDED


def test_a_network_camera_is_a_camera_named_without_its_password() -> None:
    assert parse_spec("rtsp://cam:secret@10.0.0.7:554/stream1") == "rtsp://cam:secret@10.0.0.7:554/stream1"
    assert parse_spec("http://127.0.0.1:8080/video.mjpg") == "http://127.0.0.1:8080/video.mjpg"
    assert parse_spec("clips/http.mp4") == Path("clips/http.mp4")
    source = FrameSource("rtsp://cam:secret@10.0.0.7:554/stream1", capture_factory=lambda *_: FakeCapture([]))
    assert not source.is_file and source.name == "camera rtsp://10.0.0.7:554/stream1"
    assert "secret" not in source.message


def test_a_network_camera_that_stops_is_reconnected_like_a_camera(tmp_path: Path) -> None:
    """A real MJPEG stream over HTTP (what many IP cameras serve), stopped and started again."""
    frames = [cv2.imencode(".jpg", np.full((120, 160, 3), v, np.uint8))[1].tobytes() for v in (60, 120, 180)]
    with MjpegCamera(frames, fps=15) as server:
        policy = ReconnectPolicy(max_failures=2, first_delay_s=0.1, max_delay_s=0.2, stale_s=0)
        with FrameSource(server.url, policy=policy) as source:
            source.start()
            assert source.state is SourceState.LIVE, source.message
            assert source.read() is not None
            server.pause()
            deadline = time.monotonic() + 15
            while source.state is SourceState.LIVE and time.monotonic() < deadline:
                source.read()
            assert source.state is SourceState.RECONNECTING, source.message
            server.resume()
            deadline = time.monotonic() + 15
            while source.state is not SourceState.LIVE and time.monotonic() < deadline:
                source.read()
            assert source.state is SourceState.LIVE and source.read() is not None
