"""The kiosk's side of the fleet: it serves /health and /metrics, and runs the central-store sync.

`FleetLink` serves the operator status's `HealthMonitor` over HTTP and runs the fleet sync;
on each tick of the operator status it hands the sync's state (failing since when and why, the
backlog, the last success) to the monitor, a few assignments under a lock. The HTTP server and
the sync have threads of their own (kiosk.health, kiosk.analytics.fleet), so neither a
monitoring client nor an unreachable central store can stall the showroom. A port in use or a
bad fleet setting is a problem on the operator status, and the kiosk goes on.
"""

from __future__ import annotations

import logging
import socket
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.analytics.fleet_status import Heartbeat
from kiosk.health import DEFAULT_HOST, HealthServer
from kiosk.health.rules import SyncState
from kiosk.session.operator import OperatorState
from kiosk.settings.model import KioskSettings, fleet_problems

if TYPE_CHECKING:
    from kiosk.analytics.fleet import FleetSync

log = logging.getLogger(__name__)

ALL_INTERFACES = "0.0.0.0"
SHUTDOWN_WAIT_S = 1.0  # the health server's


class FleetLink:
    """Serves the operator status's monitor and runs the fleet sync; `close()` stops them."""

    def __init__(
        self, settings: KioskSettings, db_path: Path | None, status: OperatorState, kiosk_id: str
    ) -> None:
        self.status = status
        self.monitor = status.monitor
        self.kiosk_id = kiosk_id
        self.server: HealthServer | None = None
        self.sync: FleetSync | None = None
        self._db_path = db_path
        self._settings = settings
        self.monitor.identity_changed(kiosk_id, settings.fleet_kiosk.strip())
        self._start_server(settings)
        self._start_sync(settings)
        status.add_poller(self.report_sync)

    @property
    def url(self) -> str:
        """Where /health and /metrics are served ("" when they are not)."""
        return self.server.url if self.server is not None else ""

    def report_sync(self) -> None:
        """The sync's state to the monitor (called on the operator status's tick)."""
        sync = self.sync
        if sync is None:
            return
        state = sync.state()
        clashes = state["clashes"]
        self.status.problems.set_all("fleet_clash", [(str(i), clash) for i, clash in enumerate(clashes)])
        self.monitor.sync_changed(
            SyncState(
                enabled=True,
                failing_since=state["failing_since"],
                cause=state["last_cause"],
                detail=state["last_error"],
                last_success=state["last_success"],
                backlog=state["backlog"],
                failures=state["failures_by_cause"],
            )
        )

    def apply(self, settings: KioskSettings) -> None:
        """Restart only what the new settings change."""
        old, self._settings = self._settings, settings
        self.monitor.identity_changed(self.kiosk_id, settings.fleet_kiosk.strip())
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
        problems = self.status.problems
        problems.clear("health_port")
        if settings.health_port == 0:
            return
        host = ALL_INTERFACES if settings.health_all_interfaces else DEFAULT_HOST
        server = HealthServer(self.monitor, host=host, port=settings.health_port)
        try:
            server.start()
        except OSError as exc:
            address = f"{host}:{settings.health_port}"
            detail = f"cannot serve /health and /metrics on {address}: {exc.strerror or exc}"
            problems.report("health_port", detail, facts={"address": address})
            return
        self.server = server

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.stop(SHUTDOWN_WAIT_S)
            self.server = None

    def _start_sync(self, settings: KioskSettings) -> None:
        self.monitor.sync_changed(SyncState())
        if not settings.fleet_enabled or self._db_path is None:
            return
        try:  # psycopg and keyring only when the fleet is on
            from kiosk.analytics.fleet import FleetConfig, FleetSync
            from kiosk.analytics.fleet_secret import load_password

            problems = fleet_problems(settings)
        except ImportError as exc:
            problems = [f"psycopg or keyring cannot be loaded: {exc}"]
        if problems:
            log.warning("event fleet_sync_off %s", "; ".join(problems))
            self.monitor.sync_changed(
                SyncState(enabled=True, failing_since=time.time(), cause="config", detail="; ".join(problems))
            )
            return
        dsn = settings.fleet_dsn.strip()
        config = FleetConfig(dsn=dsn, kiosk=settings.fleet_kiosk.strip(), kiosk_id=self.kiosk_id)
        self.sync = FleetSync(
            self._db_path,
            config,
            password_source=lambda: load_password(dsn),
            heartbeat_source=self._heartbeat,
        )
        self.sync.start()
        log.info("event fleet_sync_started kiosk=%s", config.kiosk)

    def _heartbeat(self) -> Heartbeat:
        """What the fleet's `kiosks` table says of this kiosk (asked in the sync's thread: the
        monitor's snapshot is thread-safe)."""
        document = self.monitor.snapshot()
        return Heartbeat(
            host=socket.gethostname(),
            version=str(document["version"]),
            model_version=str(document["model"]["version"] or ""),
            status=str(document["status"]),
            reasons=tuple(document["reasons"]),
            camera=str(document["camera"]),
            last_face_at=document["last_face_at"],
        )

    def _stop_sync(self) -> None:
        """The sync's last push (bounded: FleetConfig.final_push_s) sends what the kiosk wrote
        as it closed, so the centre does not wait for the next start."""
        if self.sync is not None:
            self.sync.stop()
            self.sync = None
