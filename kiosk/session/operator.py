"""The kiosk's one operator status: what staff and IT are told, never visitors (no Qt here).

`OperatorState` owns the `HealthMonitor` (and through it the `ProblemBoard`) that /health,
/metrics, the log, the showroom's discreet indicator and the settings dialog's Status page all
read. The kiosk feeds it what it already has (each worker status, each analysis result); the
parts that run in threads of their own (the reaction database, the fleet sync) are polled on
its `tick`, once a second, through the pollers they register, so no thread reports on its own.
`tick()` says whether the list of problems changed; the UI's `OperatorStatus` runs the ticks
on the GUI thread and turns that into its `changed` signal.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Final

from kiosk.health import HealthMonitor, HealthThresholds
from kiosk.health.problems import Problem, ProblemBoard
from kiosk.session.results import AnalysisResult, WorkerStatus

log = logging.getLogger(__name__)

TICK_S: Final = 1.0  # how often the UI ticks it
DISK_CHECK_TICKS: Final = 10  # the data folder's free space is read every 10 s
DISK_MIN_FREE_BYTES: Final = 20 * 1024 * 1024  # below this the disk counts as full
MB: Final = 1024 * 1024


class OperatorState:
    """The problems of this kiosk and the monitor that serves them."""

    def __init__(
        self, thresholds: HealthThresholds, *, data_folder: Path | None, camera_configured: bool
    ) -> None:
        self.monitor = HealthMonitor(thresholds, running=False)
        self.problems: ProblemBoard = self.monitor.problems
        self._data_folder = data_folder
        self._camera_configured = camera_configured
        self._pollers: list[Callable[[], None]] = []
        self._ticks = 0
        self._seen_version = -1

    def add_poller(self, poll: Callable[[], None]) -> None:
        """`poll()` runs on every tick (it reads a thread's state and reports it)."""
        self._pollers.append(poll)

    def stopped(self) -> None:
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

    def storage_checked(self, *, data_problem: str, save_problem: str, pin_damaged: str) -> None:
        """What the kiosk cannot keep: a read-only data folder, unsaved settings, a damaged PIN
        (each "" when fine)."""
        if data_problem:
            self.problems.report("data_folder", data_problem)
        for code, detail in (("settings_unsaved", save_problem), ("pin_damaged", pin_damaged)):
            if detail:
                self.problems.report(code, detail)
            else:
                self.problems.clear(code)

    def settings_loaded(self, warnings: tuple[str, ...]) -> None:
        """The settings file's values replaced by defaults at load, each a notice (a damaged PIN
        is reported as itself, by `storage_checked`)."""
        damaged = "[security/pin_hash]"
        for index, warning in enumerate(w for w in warnings if damaged not in w):
            self.problems.report("settings_invalid", warning, key=str(index))

    def screen_keeper_changed(self, state: str) -> None:
        """The screen keeper's state: "unavailable" (nothing keeps the screen on) is a problem."""
        if state == "unavailable":
            self.problems.report(
                "screen_keeper", "no screensaver inhibit and no X11 keep-alive: the screen may blank"
            )
        else:
            self.problems.clear("screen_keeper")

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

    def tick(self) -> bool:
        """Poll the threads' states, check the disk, derive the timed problems; True if any
        problem came or went since the last tick."""
        for poll in self._pollers:
            poll()
        if self._ticks % DISK_CHECK_TICKS == 0:
            self._check_disk()
        self._ticks += 1
        self.monitor.evaluate()
        self.problems.current()  # lets expired notices go
        if self.problems.version == self._seen_version:
            return False
        self._seen_version = self.problems.version
        return True

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
