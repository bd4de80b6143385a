"""The kiosk's one operator status, on the GUI thread: what staff and IT are told, never visitors.

`OperatorStatus` owns the `HealthMonitor` (and through it the `ProblemBoard`) that /health,
/metrics, the log, the showroom's discreet indicator and the settings dialog's Status page all
read. The kiosk feeds it what it already has (each worker status, each analysis result); the
parts that run in threads of their own (the reaction database, the fleet sync) are polled on
its tick, once a second, through the pollers they register, so no thread ever calls into Qt.
`changed` fires when the list of problems changed.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.health import HealthMonitor, HealthThresholds
from kiosk.health.problems import Problem, ProblemBoard
from kiosk.ui.results import AnalysisResult, WorkerStatus

log = logging.getLogger(__name__)

TICK_MS: Final = 1000
DISK_CHECK_TICKS: Final = 10  # the data folder's free space is read every 10 s
DISK_MIN_FREE_BYTES: Final = 20 * 1024 * 1024  # below this the disk counts as full
MB: Final = 1024 * 1024


class OperatorStatus(QObject):
    """The problems of this kiosk and the monitor that serves them; `start()`, `stop()`."""

    changed = Signal()

    def __init__(
        self,
        thresholds: HealthThresholds,
        *,
        data_folder: Path | None,
        camera_configured: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.monitor = HealthMonitor(thresholds, running=False)
        self.problems: ProblemBoard = self.monitor.problems
        self._data_folder = data_folder
        self._camera_configured = camera_configured
        self._pollers: list[Callable[[], None]] = []
        self._ticks = 0
        self._seen_version = -1
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    # -- wiring ----------------------------------------------------------------------------

    def add_poller(self, poll: Callable[[], None]) -> None:
        """`poll()` runs on every tick, on the GUI thread (it reads a thread's state, reports)."""
        self._pollers.append(poll)

    def start(self) -> None:
        self._timer.start()
        self.tick()

    def stop(self) -> None:
        self._timer.stop()
        self.monitor.analysis_stopped()

    # -- from the kiosk -----------------------------------------------------------------------

    def observe_status(self, status: WorkerStatus) -> None:
        self.monitor.source_changed(
            status.mode.value, status.source_state.value, camera_configured=self._camera_configured
        )
        self.monitor.model_changed(
            status.model_loaded, status.model_version or None, status.model_labels, status.model_message
        )

    def observe_result(self, result: AnalysisResult) -> None:
        faces = len(result.analysis.faces) if result.analysis is not None else 0
        events = [event.value for event in result.events]
        self.monitor.frame_analysed(result.analyse_ms / 1000.0, faces, events)
        self.monitor.analysis_fault(result.fault)

    # -- for the operator's views ----------------------------------------------------------

    def current(self) -> tuple[Problem, ...]:
        return self.problems.current()

    def level(self) -> str:
        """ "error" while any problem degrades /health, "warning" for the others, "" for none."""
        problems = self.current()
        if any(p.degrades for p in problems):
            return "error"
        return "warning" if problems else ""

    # -- the tick ---------------------------------------------------------------------------

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.tick()

    def tick(self) -> None:
        """Poll the threads' states, check the disk, derive the timed problems; `changed` if any
        problem came or went."""
        for poll in self._pollers:
            poll()
        if self._ticks % DISK_CHECK_TICKS == 0:
            self._check_disk()
        self._ticks += 1
        self.monitor.evaluate()
        self.problems.current()  # lets expired notices go
        if self.problems.version != self._seen_version:
            self._seen_version = self.problems.version
            self.changed.emit()

    def _check_disk(self) -> None:
        if self._data_folder is None:
            return
        try:
            free = float(shutil.disk_usage(self._data_folder).free)
        except OSError:
            return  # the folder's own problem is reported where it is used
        self.monitor.disk_checked(free)
        if free < DISK_MIN_FREE_BYTES:
            detail = f"the disk holding {self._data_folder} has {free / MB:.1f} MB free"
            self.problems.report("disk_full", detail, key="space", facts={"folder": str(self._data_folder)})
        else:
            self.problems.clear("disk_full", key="space")
