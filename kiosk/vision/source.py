"""Frames from a camera or a video file, with a state the UI can show instead of exceptions.

A file source stamps frames with the file's own timestamps, so a run over the same file is
deterministic, and can loop (timestamps keep rising across passes). A camera source stamps
frames with a monotonic clock, notices when the camera dies (failed reads, or the same
picture for seconds) and reopens it with exponential backoff.

A file is live only once its first picture decodes: OpenCV opens many files it cannot read
(its image-sequence reader takes any name ending in .png or .jpg). A still image is a file
of one frame.

Opening and checking what frames come from is in `kiosk.vision.capture`; when a camera counts
as lost and when it is tried again, in `kiosk.vision.reconnect`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Final

import cv2
import numpy as np

from kiosk.vision.capture import (
    DRAWN_TEXT,
    EXPECTED_FILE,
    UNDECODABLE,
    Capture,
    CaptureFactory,
    SourceSpec,
    backend_id,
    camera_name,
    draws_text,
    file_problem,
    first_picture,
    open_capture,
    parse_spec,
    to_bgr,
)
from kiosk.vision.reconnect import CameraHealth, ReconnectPolicy
from kiosk.vision.types import Frame

__all__ = [  # what opens a source lives in `capture`, the reconnect logic in `reconnect`
    "FrameSource",
    "SourceState",
]

log = logging.getLogger(__name__)

_DEFAULT_POLICY: Final = ReconnectPolicy()


class SourceState(str, Enum):
    OPENING = "opening"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    ENDED = "ended"
    FAILED = "failed"


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
        policy: ReconnectPolicy = _DEFAULT_POLICY,
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
        self._camera = CameraHealth(policy, clock())

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
        first = first_picture(capture)
        if first is None or draws_text(capture):
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
