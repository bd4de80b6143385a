"""The operator status on the GUI thread: `OperatorState` ticked once a second by a QTimer.

`changed` fires when the list of problems changed; the views (the showroom's discreet
indicator, the Status page) redraw on it. The state itself is Qt-free: `kiosk.session.operator`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.health import HealthMonitor, HealthThresholds
from kiosk.health.problems import Problem, ProblemBoard
from kiosk.session.operator import TICK_S, OperatorState
from kiosk.session.results import AnalysisResult, WorkerStatus


class OperatorStatus(QObject):
    """`OperatorState`, ticked on the GUI thread; `start()`, `stop()`."""

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
        self.state = OperatorState(thresholds, data_folder=data_folder, camera_configured=camera_configured)
        self.monitor: HealthMonitor = self.state.monitor
        self.problems: ProblemBoard = self.state.problems
        self._timer = QTimer(self, interval=round(TICK_S * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)

    def add_poller(self, poll: Callable[[], None]) -> None:
        self.state.add_poller(poll)

    def start(self) -> None:
        self._timer.start()
        self.tick()

    def stop(self) -> None:
        self._timer.stop()
        self.state.stopped()

    def observe_status(self, status: WorkerStatus) -> None:
        self.state.observe_status(status)

    def observe_result(self, result: AnalysisResult) -> None:
        self.state.observe_result(result)

    def current(self) -> tuple[Problem, ...]:
        return self.state.current()

    def level(self) -> str:
        return self.state.level()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.tick()

    def tick(self) -> None:
        if self.state.tick():
            self.changed.emit()
