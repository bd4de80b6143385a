"""Frames from a camera or a video file, with a state the UI can show instead of exceptions.

A file source stamps frames with the file's own timestamps, so a run over the same file is
deterministic, and can loop (timestamps keep rising across passes). A camera source stamps
frames with a monotonic clock, notices when the camera dies (failed reads, or the same
picture for seconds) and reopens it with exponential backoff.

A file is live only once its first picture decodes: OpenCV opens many files it cannot read
(its image-sequence reader takes any name ending in .png or .jpg). A still image is a file
of one frame.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Final, Protocol
from urllib.parse import urlsplit

import cv2
import numpy as np

from kiosk.vision.types import Frame

log = logging.getLogger(__name__)

BACKENDS: dict[str, int | None] = {
    "auto": None,  # the platform's usual camera API; FFmpeg (any) for files
    "any": cv2.CAP_ANY,
    "v4l2": cv2.CAP_V4L2,
    "dshow": cv2.CAP_DSHOW,
    "msmf": cv2.CAP_MSMF,
}


class SourceState(str, Enum):
    OPENING = "opening"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    ENDED = "ended"
    FAILED = "failed"


class Capture(Protocol):
    """The part of cv2.VideoCapture a source uses (tests pass fakes)."""

    def isOpened(self) -> bool: ...  # noqa: N802 - OpenCV's name
    def read(self) -> tuple[bool, np.ndarray | None]: ...
    def get(self, prop_id: int) -> float: ...
    def set(self, prop_id: int, value: float) -> bool: ...
    def release(self) -> None: ...


EXPECTED_FILE = "expected a video or an image file"
UNDECODABLE = "no picture can be decoded from it (damaged, or a format OpenCV cannot read)"
DRAWN_TEXT = "is text, not pictures (FFmpeg would draw its characters as ANSI art)"
TEXT_ART_CODECS = frozenset({b"ansi"})  # FFmpeg's tty reader: any .txt, .nfo, .asc, .diz or .ice file

CaptureFactory = Callable[[str | int, int], Capture]
SourceSpec = str | int | os.PathLike[str]  # a camera index, or a video file


@dataclass(frozen=True)
class ReconnectPolicy:
    """When a camera counts as lost, and how long to wait between attempts to reopen it."""

    max_failures: int = 10  # consecutive failed reads
    stale_s: float = 5.0  # an identical picture for this long means a frozen driver; 0: never
    first_delay_s: float = 0.5
    max_delay_s: float = 30.0
    healthy_frames: int = 30  # good frames in a row before the backoff starts again from the start
    poll_s: float = 0.1  # longest read() waits while a reconnect is due later


def quiet_opencv_logs() -> None:
    """Keep OpenCV's and FFmpeg's own warnings off the console: a source reports its state."""
    os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


def backend_id(name: str, *, camera: bool) -> int:
    """The cv2.CAP_* constant for a backend name ("auto", "any", "v4l2", "dshow", "msmf")."""
    if name not in BACKENDS:
        raise ValueError(f"unknown capture backend {name!r}; expected one of {sorted(BACKENDS)}")
    chosen = BACKENDS[name]
    if chosen is not None:
        return chosen
    if not camera:
        return cv2.CAP_ANY
    if sys.platform.startswith("win"):
        return cv2.CAP_DSHOW  # opens in a fraction of MSMF's time on most webcams
    if sys.platform.startswith("linux"):
        return cv2.CAP_V4L2
    return cv2.CAP_ANY


def to_bgr(image: np.ndarray | None) -> np.ndarray | None:
    """A BGR uint8 [H, W, 3] copy of a gray, BGR or BGRA picture; None if it is none of those."""
    if image is None or image.size == 0 or image.ndim not in (2, 3):
        return None
    if image.dtype == np.uint16:
        image = (image >> 8).astype(np.uint8)
    elif image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    channels = 1 if image.ndim == 2 else image.shape[2]
    if channels == 1:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if channels == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if channels == 3:
        return image.copy()  # owned: the capture may reuse its buffer
    return None


STREAM_SCHEMES: Final = ("rtsp", "rtsps", "http", "https")  # network cameras, read through FFmpeg


def parse_spec(spec: SourceSpec) -> int | str | Path:
    """A camera index (an int, or a string of digits), a network camera's stream URL
    (rtsp://, http://: a camera like any other, reconnected when lost), or a video file path."""
    if isinstance(spec, int):
        return spec
    if isinstance(spec, os.PathLike):
        return Path(spec)
    text = spec.strip()
    if text.isdigit():
        return int(text)
    if is_stream_url(text):
        return text
    return Path(text).expanduser()


def is_stream_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in STREAM_SCHEMES and "://" in text


def camera_name(target: int | str) -> str:
    """How a camera is named in the log and on the Status page: the index, or the stream URL
    without its user and password."""
    if isinstance(target, int):
        return str(target)
    parts = urlsplit(target)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def file_problem(path: Path) -> str:
    """Why `path` cannot be a video or image file, or "" when it may be one (OpenCV decides)."""
    try:
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_size > 0:
            with path.open("rb"):
                return ""
    except FileNotFoundError:
        return "no such file"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder"
    return "is empty" if stat.S_ISREG(info.st_mode) else "is not a regular file"


def _first_picture(capture: Capture) -> tuple[np.ndarray, float] | None:
    """The first picture of an opened file and its time (ms), or None when there is none."""
    if not capture.isOpened():
        return None
    try:
        ok, image = capture.read()
    except cv2.error as error:
        log.warning("decoding the first picture failed: %s", error)
        return None
    if not ok or image is None or image.size == 0:
        return None
    return image, capture.get(cv2.CAP_PROP_POS_MSEC)


def _draws_text(capture: Capture) -> bool:
    """True when FFmpeg opened the file as text art: its characters drawn, not a video."""
    fourcc = capture.get(cv2.CAP_PROP_FOURCC)
    if not np.isfinite(fourcc):
        return False
    return (int(fourcc) & 0xFFFFFFFF).to_bytes(4, "little") in TEXT_ART_CODECS


STREAM_TIMEOUTS_MS: Final = (5000, 2000)  # opening a stream, and each read: a dead one is noticed


def open_capture(target: str | int, api: int) -> Capture:
    """cv2.VideoCapture; a network stream with bounded waits, so a camera that stops answering
    is lost (and reconnected) within seconds, and stopping the kiosk never waits on it."""
    if isinstance(target, str) and is_stream_url(target):
        opening, reading = STREAM_TIMEOUTS_MS
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, opening, cv2.CAP_PROP_READ_TIMEOUT_MSEC, reading]
        return cv2.VideoCapture(target, api, params)
    return cv2.VideoCapture(target, api)


class FrameSource:
    """Frames from a camera index or a video or image file. `read()` never raises for I/O trouble."""

    def __init__(
        self,
        spec: SourceSpec,
        *,
        loop: bool = False,
        backend: str = "auto",
        capture_factory: CaptureFactory = open_capture,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        policy: ReconnectPolicy = ReconnectPolicy(),
    ) -> None:
        target = parse_spec(spec)
        self.is_file = isinstance(target, Path)
        self.name = f"video {target}" if isinstance(target, Path) else f"camera {camera_name(target)}"
        self.loop = loop
        self.fps = 0.0
        self.state = SourceState.OPENING
        self.message = f"opening {self.name}"
        self._target = target
        self._api = backend_id(backend, camera=isinstance(target, int))  # a stream: FFmpeg
        self._factory, self._clock, self._sleep, self._policy = capture_factory, clock, sleep, policy
        self._capture: Capture | None = None
        self._pending: tuple[np.ndarray, float] | None = None  # a file's first picture and its time, ms
        self._index = 0
        self._file = _FileClock()
        self._camera = _CameraHealth(policy, clock())

    @classmethod
    def open(cls, spec: SourceSpec, *, loop: bool = False, backend: str = "auto") -> FrameSource:
        source = cls(spec, loop=loop, backend=backend)
        source.start()
        return source

    def start(self) -> None:
        """Open the file or camera; the outcome is in `state` and `message`."""
        if self.is_file:
            self._open_file()
        else:
            self._open_camera()

    def read(self) -> Frame | None:
        """The next frame, or None (see `state`: ENDED, FAILED, RECONNECTING, or a bad frame)."""
        if self.state is SourceState.OPENING:
            self.start()
        try:
            return self._read_file() if self.is_file else self._read_camera()
        except cv2.error as error:
            log.warning("%s: reading a frame failed: %s", self.name, error)
            return None

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None
        self._pending = None
        if self.state is not SourceState.FAILED:
            self._set(SourceState.ENDED, f"{self.name} closed")

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _set(self, state: SourceState, message: str) -> None:
        if (state, message) != (self.state, self.message):
            log.info("%s", message)
        self.state, self.message = state, message

    def _emit(self, image: np.ndarray | None, t: float) -> Frame | None:
        bgr = to_bgr(image)
        if bgr is None:
            log.warning("%s: skipped a frame that is not a gray, BGR or BGRA picture", self.name)
            return None
        frame = Frame(bgr, t, self._index)
        self._index += 1
        return frame

    # Files -----------------------------------------------------------------------------

    def _open_file(self) -> None:
        assert isinstance(self._target, Path)
        path = self._target
        problem = file_problem(path)
        if problem:
            self._set(SourceState.FAILED, f"{path}: {problem}; {EXPECTED_FILE}")
            return
        capture = self._factory(str(path), self._api)
        first = _first_picture(capture)
        if first is None or _draws_text(capture):
            capture.release()
            why = UNDECODABLE if first is None else DRAWN_TEXT
            self._set(SourceState.FAILED, f"{path}: {why}; {EXPECTED_FILE}")
            return
        self._capture, self._pending = capture, first
        fps = capture.get(cv2.CAP_PROP_FPS)
        self.fps = fps if 0.0 < fps < 1000.0 else 30.0
        self._file = _FileClock(self.fps)
        self._set(SourceState.LIVE, f"playing {path.name}")

    def _read_file(self) -> Frame | None:
        if self.state is not SourceState.LIVE or self._capture is None:
            return None
        if self._pending is not None:  # the picture `_open_file` decoded to check the file
            (first, pos_msec), self._pending = self._pending, None
            return self._emit(first, self._file.stamp(pos_msec))
        ok, image = self._capture.read()
        if not ok and self.loop and self._file.frames_in_pass > 0 and self._rewind():
            ok, image = self._capture.read()
        if not ok:
            self._end_file()
            return None
        return self._emit(image, self._file.stamp(self._capture.get(cv2.CAP_PROP_POS_MSEC)))

    def _rewind(self) -> bool:
        assert self._capture is not None
        if not self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0):
            self._capture.release()
            self._capture = self._factory(str(self._target), self._api)
            if not self._capture.isOpened():
                return False
        self._file.next_pass()
        return True

    def _end_file(self) -> None:
        if self._index == 0:
            self._set(SourceState.FAILED, f"{self._target}: no usable picture in it; {EXPECTED_FILE}")
        else:
            self._set(SourceState.ENDED, f"end of {self.name} after {self._index} frames")

    # Cameras ---------------------------------------------------------------------------

    def _open_camera(self) -> None:
        assert not isinstance(self._target, Path)
        if self._capture is not None:
            self._capture.release()
        capture = self._factory(self._target, self._api)
        if capture.isOpened():
            self._capture = capture
            fps = capture.get(cv2.CAP_PROP_FPS)
            self.fps = fps if 0.0 < fps < 1000.0 else 30.0
            self._camera.opened(self._clock())
            self._set(SourceState.LIVE, f"{self.name} live")
        else:
            capture.release()
            self._capture = None
            self._lose(f"{self.name} could not be opened")

    def _read_camera(self) -> Frame | None:
        if self.state is SourceState.RECONNECTING:
            return self._wait_and_reopen()
        if self.state is not SourceState.LIVE or self._capture is None:
            return None
        ok, image = self._capture.read()
        now = self._clock()
        if not ok or image is None or image.size == 0:
            if self._camera.failed():
                self._lose(f"{self.name} stopped delivering frames")
            return None
        if self._camera.frozen(image, now):
            self._lose(f"{self.name} froze (the same picture for {self._policy.stale_s:g} s)")
            return None
        return self._emit(image, now - self._camera.t0)

    def _wait_and_reopen(self) -> Frame | None:
        wait = self._camera.retry_at - self._clock()
        if wait > 0:
            self._sleep(min(wait, self._policy.poll_s))
            return None
        self._open_camera()
        return None

    def _lose(self, reason: str) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None
        delay = self._camera.schedule_retry(self._clock())
        self._set(SourceState.RECONNECTING, f"{reason}; trying again in {delay:.1f} s")


class _FileClock:
    """File timestamps: the container's own (CAP_PROP_POS_MSEC) when they rise, else index/fps."""

    def __init__(self, fps: float = 30.0) -> None:
        self.fps = fps
        self.frames_in_pass = 0
        self._offset = 0.0
        self._last = -1.0  # the last timestamp in this pass, seconds

    def stamp(self, pos_msec: float) -> float:
        t = pos_msec / 1000.0
        if not np.isfinite(t) or t <= self._last:
            t = self._last + 1.0 / self.fps if self._last >= 0 else 0.0
        self._last = t
        self.frames_in_pass += 1
        return self._offset + t

    def next_pass(self) -> None:
        self._offset += self._last + 1.0 / self.fps
        self._last = -1.0
        self.frames_in_pass = 0


class _CameraHealth:
    """Failed reads, frozen pictures and the reconnect backoff of one camera."""

    def __init__(self, policy: ReconnectPolicy, t0: float) -> None:
        self.policy = policy
        self.t0 = t0
        self.retry_at = t0
        self._delay = policy.first_delay_s
        self._failures = 0
        self._good = 0
        self._fingerprint = b""
        self._same_since = t0

    def opened(self, now: float) -> None:
        self._failures = 0
        self._fingerprint = b""
        self._same_since = now

    def failed(self) -> bool:
        """Count a failed read; True when the camera should count as lost."""
        self._failures += 1
        self._good = 0
        return self._failures >= self.policy.max_failures

    def frozen(self, image: np.ndarray, now: float) -> bool:
        """Count a good read; True when the picture has not changed for `stale_s`."""
        self._failures = 0
        self._good += 1
        if self._good >= self.policy.healthy_frames:
            self._delay = self.policy.first_delay_s
        fingerprint = np.ascontiguousarray(image[::16, ::16]).tobytes()
        if fingerprint != self._fingerprint:
            self._fingerprint, self._same_since = fingerprint, now
            return False
        return self.policy.stale_s > 0 and now - self._same_since >= self.policy.stale_s

    def schedule_retry(self, now: float) -> float:
        """Set the time of the next attempt; returns the wait, doubling it for the next time."""
        delay = self._delay
        self.retry_at = now + delay
        self._delay = min(self._delay * 2.0, self.policy.max_delay_s)
        self._good = 0
        return delay
