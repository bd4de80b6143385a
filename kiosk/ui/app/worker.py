"""Live analysis off the GUI thread: `AnalysisWorker` in a QThread, driven by `AnalysisController`.

The worker builds the frame source, the detector, the classifier, the pipeline and the
reaction engine in its own thread (in `_on_start_requested`), then reads one frame per tick
of a zero-interval timer and hands it to the `AnalysisLoop` that `analyze` and the self-test
also run, so its event loop stays free for new settings and
the stop request. Results go through a one-item mailbox (`LatestResult`): the GUI always
gets the newest one, and a slow GUI costs dropped previews, never a growing queue.

Stopping never blocks the GUI thread: `stop()` sets a flag (seen even while a camera is
still opening) and queues the stop request; the worker closes what it opened and quits
its thread; `stopped` fires once the thread has finished.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from kiosk.paths import app_root
from kiosk.reaction.engine import ReactionConfig, ReactionEngine
from kiosk.reaction.loop import AnalysisLoop
from kiosk.session.results import AnalysisResult, LatestResult, SourceMode, WorkerStatus
from kiosk.session.sources import SourcePlan, SourceSwitcher
from kiosk.vision.capture import quiet_opencv_logs
from kiosk.vision.classifier import ModelError
from kiosk.vision.detector import CascadeError
from kiosk.vision.pipeline import Pipeline, PipelineConfig
from kiosk.vision.types import Frame

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 320
IDLE_TICK_MS = 30  # between reads while the source has nothing (reconnecting, no camera)


@dataclass(frozen=True)
class WorkerSetup:
    """What the worker needs to start; everything heavy is built from it in the worker thread."""

    model_path: Path
    plan: SourcePlan
    pipeline: PipelineConfig = field(default_factory=PipelineConfig)
    reaction: ReactionConfig = field(default_factory=ReactionConfig)
    preview_width: int = PREVIEW_WIDTH
    realtime: bool = True  # pace a video file at its frame rate (False: as fast as it decodes)


def display_path(path: Path) -> str:
    """The path relative to the application folder when it lies inside it (shorter on screen)."""
    try:
        return path.resolve().relative_to(app_root()).as_posix()
    except ValueError:
        return str(path)


def make_preview(image: np.ndarray, width: int) -> np.ndarray:
    """An owned, read-only RGB copy of a BGR frame, `width` pixels wide."""
    height, full_width = image.shape[:2]
    scale = width / full_width
    small = cv2.resize(image, (width, max(1, round(height * scale))), interpolation=cv2.INTER_AREA)
    preview = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
    preview.flags.writeable = False
    return preview


class AnalysisWorker(QObject):
    """Lives in the analysis thread. Talk to it only through signals and `request_stop()`."""

    result_ready = Signal()  # take the result from `mailbox`
    status_changed = Signal(object)  # WorkerStatus
    stopped = Signal()

    def __init__(self, setup: WorkerSetup, mailbox: LatestResult) -> None:
        super().__init__()
        self._setup = setup
        self._mailbox = mailbox
        self._stop = threading.Event()
        self._finished = False
        self._loop: AnalysisLoop | None = None
        self._sources: SourceSwitcher | None = None
        self._timer: QTimer | None = None
        self._status = WorkerStatus()
        self._frames_read = 0
        self._pace_origin: tuple[float, float] | None = None  # (source t, monotonic) of the pace

    def request_stop(self) -> None:
        """Thread-safe: seen by a start still opening the camera, and by every tick."""
        self._stop.set()

    # -- slots (run in the worker thread) ------------------------------------------------

    @Slot()
    def _on_start_requested(self) -> None:
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        quiet_opencv_logs()
        self._loop = AnalysisLoop(self._load_model(), ReactionEngine(self._setup.reaction))
        self._sources = SourceSwitcher(self._setup.plan, should_stop=self._stop.is_set)
        self._sources.open_initial()
        self._publish_status()
        if self._stop.is_set():
            self._on_stop_requested()
        else:
            self._timer.start(0)

    @Slot()
    def _on_stop_requested(self) -> None:
        """Close what was opened and end the thread; runs once (a queued repeat is ignored)."""
        if self._finished:
            return
        self._finished = True
        self._stop.set()
        if self._timer is not None:
            self._timer.stop()
        if self._sources is not None:
            self._sources.close()
            self._sources = None
        self._loop = None
        self.stopped.emit()
        thread = self.thread()
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())  # deleted later on the GUI thread, after the thread ends
        thread.quit()

    @Slot(object, object)
    def _on_configs_changed(self, pipeline: PipelineConfig, reaction: ReactionConfig) -> None:
        if self._finished:
            return
        self._setup = replace(self._setup, pipeline=pipeline, reaction=reaction)
        if self._loop is not None:
            if self._loop.pipeline is not None:
                self._loop.pipeline.update_config(pipeline)
            self._loop.engine.update_config(reaction)

    @Slot(object)
    def _on_source_plan_changed(self, plan: SourcePlan) -> None:
        if self._sources is None or plan == self._setup.plan:
            return
        self._setup = replace(self._setup, plan=plan)
        self._sources.close()
        self._sources = SourceSwitcher(plan, should_stop=self._stop.is_set)
        self._sources.open_initial()
        self._publish_status()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._stop.is_set() or self._sources is None or self._timer is None or self._loop is None:
            return
        frame = self._sources.read()
        self._publish_status()
        if frame is None:
            self._timer.start(IDLE_TICK_MS)
            return
        self._frames_read += 1
        self._process(frame, self._loop)
        self._timer.start(self._delay_ms(frame))

    # -- work ----------------------------------------------------------------------------

    def _load_model(self) -> Pipeline | None:
        path = self._setup.model_path
        try:
            pipeline = Pipeline.build(path, self._setup.pipeline)
        except (ModelError, CascadeError) as exc:
            shown = f"{display_path(path)} is missing" if not path.exists() else str(exc)
            log.warning("event model_failed reason=%s", exc)
            message = f"Expression analysis off — {shown}"
            problem = (
                "detector" if isinstance(exc, CascadeError) else "unusable" if path.exists() else "missing"
            )
            self._status = replace(
                self._status,
                model_loaded=False,
                model_message=message,
                model_file=display_path(path),
                model_problem=problem,
            )
            return None
        classifier = pipeline.classifier
        log.info("event model_loaded path=%s labels=%s", path, ",".join(classifier.labels))
        self._status = replace(
            self._status,
            model_loaded=True,
            model_message="",
            model_version=classifier.metadata.get("version", ""),
            model_labels=tuple(classifier.labels),
        )
        return pipeline

    def _process(self, frame: Frame, loop: AnalysisLoop) -> None:
        started = time.perf_counter()
        step = loop.step(frame, self._sources.generation if self._sources is not None else 0)
        if step.restarted:
            self._pace_origin = None
        height, width = frame.image.shape[:2]
        result = AnalysisResult(
            t=frame.t,
            analysis=step.analysis,
            negative=step.negative,
            visitor_present=step.visitor_present,
            events=step.events,
            preview=make_preview(frame.image, self._setup.preview_width),
            frame_size=(width, height),
            frames_read=self._frames_read,
            analyse_ms=(time.perf_counter() - started) * 1000.0,
            baseline=step.baseline_negative,
            learning=step.learning,
            fault=loop.pipeline.fault if loop.pipeline is not None else None,
        )
        if self._mailbox.put(result):
            self.result_ready.emit()

    def _delay_ms(self, frame: Frame) -> int:
        """Pace a file at its frame rate; a camera's read already waits for the next frame."""
        sources = self._sources
        if sources is None or not sources.is_file or not self._setup.realtime:
            return 0
        now = time.monotonic()
        if self._pace_origin is None or frame.t < self._pace_origin[0]:
            self._pace_origin = (frame.t, now)  # first frame, or the clip looped
        source_t, wall_t = self._pace_origin
        due = wall_t + (frame.t - source_t) + 1.0 / max(1.0, sources.fps)
        return max(0, round((due - now) * 1000.0))

    def _publish_status(self) -> None:
        sources = self._sources
        if sources is None:
            return
        status = replace(
            self._status,
            mode=sources.mode,
            source_state=sources.state,
            message=sources.message,
            source_name=sources.source_name,
        )
        if status != self._status:
            self._status = status
            self.status_changed.emit(status)


class AnalysisController(QObject):
    """Owns the analysis thread from the GUI side; `result_received` carries the newest result."""

    result_received = Signal(object)  # AnalysisResult
    status_changed = Signal(object)  # WorkerStatus
    stopped = Signal()
    configs_changed = Signal(object, object)  # PipelineConfig, ReactionConfig -> worker (queued)
    source_plan_changed = Signal(object)  # SourcePlan -> worker (queued)
    _start_requested = Signal()
    _stop_requested = Signal()

    def __init__(self, setup: WorkerSetup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._setup = setup
        self._mailbox = LatestResult()
        self._thread: QThread | None = None
        self._worker: AnalysisWorker | None = None
        self.status = WorkerStatus()
        self.results_taken = 0

    @property
    def dropped(self) -> int:
        return self._mailbox.dropped

    @property
    def is_running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        thread = QThread(self)
        thread.setObjectName("analysis")
        worker = AnalysisWorker(self._setup, self._mailbox)
        worker.moveToThread(thread)
        self._start_requested.connect(worker._on_start_requested)
        self._stop_requested.connect(worker._on_stop_requested)
        self.configs_changed.connect(worker._on_configs_changed)
        self.source_plan_changed.connect(worker._on_source_plan_changed)
        worker.result_ready.connect(self._on_result_ready)
        worker.status_changed.connect(self._on_status_changed)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()
        self._start_requested.emit()

    def stop(self) -> None:
        """Ask the worker to stop; returns at once. `stopped` follows when the thread has ended."""
        if self._worker is None:
            return
        self._worker.request_stop()
        self._stop_requested.emit()

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        """Stop and wait for the thread (shutdown only: the window is gone by then)."""
        thread = self._thread
        self.stop()
        if thread is None:
            return True
        finished = thread.wait(timeout_ms)
        if finished:
            self._on_thread_finished()
        else:
            log.warning("the analysis thread is still busy (a camera still opening?)")
        return finished

    def apply(self, pipeline: PipelineConfig, reaction: ReactionConfig, plan: SourcePlan) -> None:
        """New settings for the running worker (applied between two frames)."""
        self._setup = replace(self._setup, pipeline=pipeline, reaction=reaction, plan=plan)
        self.configs_changed.emit(pipeline, reaction)
        self.source_plan_changed.emit(plan)

    @Slot()
    def _on_result_ready(self) -> None:
        result = self._mailbox.take()
        if result is not None:
            self.results_taken += 1
            self.result_received.emit(result)

    @Slot(object)
    def _on_status_changed(self, status: WorkerStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is None:
            return
        self._thread, self._worker = None, None
        self.stopped.emit()


__all__ = ["AnalysisController", "AnalysisWorker", "SourceMode", "WorkerSetup", "make_preview"]
