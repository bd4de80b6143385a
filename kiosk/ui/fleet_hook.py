"""The kiosk's side of the fleet: it feeds /health and /metrics, and runs the central-store sync.

`FleetHook` is called from the GUI thread with what the kiosk already has (each analysis
result, each worker status, new settings); each call is a few assignments under a lock.
The HTTP server and the sync have threads of their own (kiosk.health, kiosk.analytics.fleet),
so neither a monitoring client nor an unreachable central store can stall the showroom.
A port in use or a bad connection string is reported in `problems`, and the kiosk goes on.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.health import DEFAULT_HOST, HealthMonitor, HealthServer, HealthThresholds
from kiosk.ui.i18n import translate
from kiosk.ui.results import AnalysisResult, WorkerStatus
from kiosk.ui.settings import KioskSettings, fleet_problems

if TYPE_CHECKING:
    from kiosk.analytics.fleet import FleetSync

log = logging.getLogger(__name__)

ALL_INTERFACES = "0.0.0.0"
SHUTDOWN_WAIT_S = 1.0  # an unfinished push stays queued, so quitting need not wait for it


class FleetHook:
    """Owns the health monitor, its HTTP server and the fleet sync; `close()` stops them."""

    def __init__(self, settings: KioskSettings, db_path: Path | None) -> None:
        self.monitor = HealthMonitor(HealthThresholds(settings.health_stale_s))
        self.server: HealthServer | None = None
        self.sync: FleetSync | None = None
        self._health_problems: list[str] = []
        self._fleet_problems: list[str] = []
        self._db_path = db_path
        self._settings = settings
        self._start_server(settings)
        self._start_sync(settings)

    @property
    def problems(self) -> list[str]:
        """What does not run, for the operator (in the installed language)."""
        return [*self._health_problems, *self._fleet_problems]

    # -- from the kiosk ------------------------------------------------------------------

    def observe_result(self, result: AnalysisResult) -> None:
        faces = len(result.analysis.faces) if result.analysis is not None else 0
        events = [event.value for event in result.events]
        self.monitor.frame_analysed(result.analyse_ms / 1000.0, faces, events)

    def observe_status(self, status: WorkerStatus) -> None:
        self.monitor.camera_changed(status.source_state.value)
        self.monitor.model_changed(status.model_loaded, status.model_version or None, status.model_labels)

    def apply(self, settings: KioskSettings) -> None:
        """Restart only what the new settings change."""
        old, self._settings = self._settings, settings
        self.monitor.thresholds = HealthThresholds(settings.health_stale_s)
        if (old.health_port, old.health_all_interfaces) != (
            settings.health_port,
            settings.health_all_interfaces,
        ):
            self._stop_server()
            self._start_server(settings)
        fleet = ("fleet_enabled", "fleet_dsn", "fleet_kiosk")
        if any(getattr(old, name) != getattr(settings, name) for name in fleet):
            self._stop_sync()
            self._start_sync(settings)

    def close(self) -> None:
        self.monitor.analysis_stopped()
        self._stop_server()
        self._stop_sync()

    # -- the parts -----------------------------------------------------------------------

    def _start_server(self, settings: KioskSettings) -> None:
        self._health_problems = []
        if settings.health_port == 0:
            return
        host = ALL_INTERFACES if settings.health_all_interfaces else DEFAULT_HOST
        server = HealthServer(self.monitor, host=host, port=settings.health_port)
        try:
            server.start()
        except OSError as exc:
            text = translate("FleetHook", "Health and metrics: cannot serve on {address}: {error}")
            message = text.format(address=f"{host}:{settings.health_port}", error=exc.strerror or exc)
            log.warning("event health_server_failed %s", message)
            self._health_problems.append(message)
            return
        self.server = server

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.stop(SHUTDOWN_WAIT_S)
            self.server = None

    def _start_sync(self, settings: KioskSettings) -> None:
        self._fleet_problems = []
        if not settings.fleet_enabled or self._db_path is None:
            return
        try:  # psycopg and keyring only when the fleet is on
            from kiosk.analytics.fleet import FleetConfig, FleetSync
            from kiosk.analytics.fleet_secret import load_password

            problems = fleet_problems(settings)
        except ImportError as exc:
            text = translate("FleetHook", "Central store: psycopg or keyring cannot be loaded: {error}")
            problems = [text.format(error=exc)]
        if problems:
            self._fleet_problems = problems
            log.warning("event fleet_sync_off %s", "; ".join(problems))
            return
        dsn = settings.fleet_dsn.strip()
        config = FleetConfig(dsn=dsn, kiosk=settings.fleet_kiosk.strip())
        self.sync = FleetSync(self._db_path, config, password_source=lambda: load_password(dsn))
        self.sync.start()
        log.info("event fleet_sync_started kiosk=%s", config.kiosk)

    def _stop_sync(self) -> None:
        if self.sync is not None:
            self.sync.stop(SHUTDOWN_WAIT_S)
            self.sync = None
