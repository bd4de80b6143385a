"""Opening what frames come from: camera indexes, stream URLs and files, named and checked.

`parse_spec` tells a camera index, a network camera's stream URL and a video file apart;
`open_capture` opens any of them with OpenCV (a stream with bounded waits, so a camera that
stops answering is noticed within seconds). A file is checked before OpenCV sees it
(`file_problem`) and after (`first_picture`, `draws_text`): OpenCV opens many files it
cannot read. `to_bgr` turns whatever a capture returns into the owned BGR picture a `Frame`
holds. `kiosk.vision.source.FrameSource` uses them; the log and the UI name cameras with
`camera_name`, which leaves out a stream's user and password.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Final, Protocol
from urllib.parse import urlsplit

import cv2
import numpy as np

__all__ = [
    "BACKENDS",
    "DRAWN_TEXT",
    "EXPECTED_FILE",
    "STREAM_SCHEMES",
    "STREAM_TIMEOUTS_MS",
    "TEXT_ART_CODECS",
    "UNDECODABLE",
    "Capture",
    "CaptureFactory",
    "SourceSpec",
    "backend_id",
    "camera_name",
    "draws_text",
    "file_problem",
    "first_picture",
    "is_stream_url",
    "open_capture",
    "parse_spec",
    "quiet_opencv_logs",
    "to_bgr",
]

log = logging.getLogger(__name__)

BACKENDS: dict[str, int | None] = {
    "auto": None,  # the platform's usual camera API; FFmpeg (any) for files
    "any": cv2.CAP_ANY,
    "v4l2": cv2.CAP_V4L2,
    "dshow": cv2.CAP_DSHOW,
    "msmf": cv2.CAP_MSMF,
}


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


def first_picture(capture: Capture) -> tuple[np.ndarray, float] | None:
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


def draws_text(capture: Capture) -> bool:
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
