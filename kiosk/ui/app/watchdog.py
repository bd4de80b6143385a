"""The kiosk's side of its systemd unit (Type=notify, WatchdogSec=), on the GUI thread.

`ServiceWatchdog.start(status)` sends READY=1 and the status line at the event loop's first
turn (the kiosk is up when its loop runs), and then WATCHDOG=1 every third of systemd's
watchdog period (WATCHDOG_USEC) from a QTimer of the GUI thread: a GUI thread that hangs sends
no more pings, and systemd kills the kiosk and starts it again. `stopping()` says STOPPING=1
once; `stop()` ends the timers. Without systemd (no NOTIFY_SOCKET) it sends nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot

from kiosk.appliance import sd_notify


class ServiceWatchdog(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_us: int | None = None) -> None:
        """`interval_us`: systemd's watchdog period (default: from WATCHDOG_USEC; None: no pings)."""
        super().__init__(parent)
        period = sd_notify.watchdog_interval_us() if interval_us is None else interval_us
        self.ping_interval_ms = max(1, period // 3000) if period else 0
        self._status = ""
        self._stopping = False
        self._ready = QTimer(self, singleShot=True, interval=0)
        self._ready.timeout.connect(self._on_ready_timeout)
        self._pings = QTimer(self, interval=self.ping_interval_ms or 1)
        self._pings.timeout.connect(self._on_pings_timeout)

    def start(self, status: str) -> None:
        """READY=1 and `status` once the event loop runs, then the pings (when systemd wants them)."""
        self._status = status
        self._ready.start()

    def stopping(self, status: str = "Stopping") -> None:
        """STOPPING=1 (once): the kiosk has begun to quit; the pings go on until it has."""
        if not self._stopping:
            self._stopping = True
            sd_notify.stopping(status)

    def stop(self) -> None:
        self._ready.stop()
        self._pings.stop()

    @property
    def pinging(self) -> bool:
        return self._pings.isActive()

    @Slot()
    def _on_ready_timeout(self) -> None:
        sd_notify.ready(self._status)
        if self.ping_interval_ms:
            sd_notify.watchdog()
            self._pings.start()

    @Slot()
    def _on_pings_timeout(self) -> None:
        sd_notify.watchdog()
