"""Which frames the worker reads: the camera, a `--video` file, or the bundled demo clip.

With no camera the kiosk plays the demo clip (and says so) and tries the camera again now
and then, switching over once one answers; with neither it keeps trying the camera. A
camera lost while live is left to `FrameSource`, which reconnects it with a backoff.
Runs in the analysis thread; opening a camera may block for seconds on some backends.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2

from kiosk.session.results import SourceMode
from kiosk.vision.capture import Capture, camera_name, open_capture
from kiosk.vision.source import FrameSource, SourceState
from kiosk.vision.types import Frame

log = logging.getLogger(__name__)

DEMO_MESSAGE = "Demo mode — no camera found"


@dataclass(frozen=True)
class SourcePlan:
    camera: int | str | None = 0  # an index, or a network camera's URL; None: never try a camera
    video: str | None = None  # a file to loop instead of the camera
    demo: Path | None = None  # played when the camera cannot be opened
    backend: str = "auto"
    resolution: tuple[int, int] | None = None  # asked of the camera; None keeps its default
    retry_s: float = 5.0  # first wait before trying the camera again; doubles up to retry_max_s
    retry_max_s: float = 60.0


def _capture_factory(resolution: tuple[int, int] | None) -> Callable[[str | int, int], Capture]:
    def open_resized(target: str | int, api: int) -> Capture:
        capture = open_capture(target, api)
        if resolution is not None and isinstance(target, int) and capture.isOpened():
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, resolution[0])
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, resolution[1])
        return capture

    return open_resized


class SourceSwitcher:
    """One FrameSource at a time, chosen by the plan; `generation` rises with each switch."""

    def __init__(
        self,
        plan: SourcePlan,
        *,
        should_stop: Callable[[], bool],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.plan = plan
        self.mode = SourceMode.NONE
        self.generation = 0
        self._source: FrameSource | None = None
        self._should_stop = should_stop
        self._clock = clock
        self._retry_wait = plan.retry_s
        self._retry_at = clock()
        self._message = "Starting…"

    @property
    def state(self) -> SourceState:
        return self._source.state if self._source is not None else SourceState.FAILED

    @property
    def message(self) -> str:
        if self.mode == SourceMode.CAMERA and self._source is not None and self.state != SourceState.LIVE:
            return f"Camera lost — reconnecting ({self._source.message})"
        return self._message

    @property
    def source_name(self) -> str:
        """The camera's index or the video file's name ("" for neither)."""
        if self.mode == SourceMode.CAMERA and self.plan.camera is not None:
            return camera_name(self.plan.camera)
        if self.mode == SourceMode.VIDEO and self.plan.video is not None:
            return Path(self.plan.video).name
        return ""

    @property
    def is_file(self) -> bool:
        return self._source is not None and self._source.is_file

    @property
    def fps(self) -> float:
        return self._source.fps if self._source is not None else 0.0

    def open_initial(self) -> None:
        if self.plan.video is not None:
            self._use(
                self._open_file(self.plan.video), SourceMode.VIDEO, f"Playing {Path(self.plan.video).name}"
            )
            if self.state != SourceState.LIVE and self._source is not None:
                self._message = self._source.message
            return
        if self._try_camera():
            return
        self._fall_back()

    def read(self) -> Frame | None:
        if self.mode in (SourceMode.DEMO, SourceMode.NONE) and self._clock() >= self._retry_at:
            self._try_camera()
        if self._source is None:
            return None
        return self._source.read()

    def close(self) -> None:
        if self._source is not None:
            self._source.close()
            self._source = None

    # -- choices -------------------------------------------------------------------------

    def _try_camera(self) -> bool:
        """Open the planned camera; on success it replaces whatever was playing."""
        camera = self.plan.camera
        if camera is None or self._should_stop():
            return False
        source = FrameSource(
            camera, backend=self.plan.backend, capture_factory=_capture_factory(self.plan.resolution)
        )
        source.start()
        if source.state == SourceState.LIVE and not self._should_stop():
            name = camera_name(camera)
            log.info("event camera_found camera=%s mode_was=%s", name, self.mode.value)
            self._use(source, SourceMode.CAMERA, f"Camera {name} live")
            self._retry_wait = self.plan.retry_s
            return True
        source.close()
        self._retry_at = self._clock() + self._retry_wait
        self._retry_wait = min(self._retry_wait * 2.0, self.plan.retry_max_s)
        return False

    def _fall_back(self) -> None:
        demo = self.plan.demo
        if demo is not None and demo.is_file():
            source = self._open_file(str(demo))
            if source.state == SourceState.LIVE:
                log.info("event demo_mode clip=%s reason=no_camera", demo.name)
                self._use(source, SourceMode.DEMO, DEMO_MESSAGE)
                return
            source.close()
        camera = camera_name(self.plan.camera) if self.plan.camera is not None else None
        log.warning("event no_source camera=%s demo=%s", camera, demo)
        self.close()
        self.mode = SourceMode.NONE
        self._message = "No camera found and no demo clip — still looking for a camera"
        self.generation += 1

    def _open_file(self, path: str) -> FrameSource:
        source = FrameSource(path, loop=True, backend="auto")
        source.start()
        return source

    def _use(self, source: FrameSource, mode: SourceMode, message: str) -> None:
        self.close()
        self._source, self.mode, self._message = source, mode, message
        self.generation += 1
