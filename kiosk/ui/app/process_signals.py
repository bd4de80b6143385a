"""Signals to the kiosk process: SIGINT and SIGTERM stop it cleanly, SIGHUP reloads it.

`ProcessSignals()` is made first thing (`run_gui`, before the lock and the crash guard), so
that a stop at any moment of start-up ends the kiosk cleanly instead of killing it with the
`running` marker and the lock left behind (the next start would count a crash). Until the
kiosk serves, a signal is only noted: start-up reads `stop_requested`. `serve()` says what a
stop and a reload do; they run on the GUI thread, from its event loop.

Python runs a signal handler only when the main thread next executes Python code, and the
GUI thread can sit in Qt's event loop for hours (a failed video, no camera). So the C-level
handler also writes to a socket (`signal.set_wakeup_fd`) that a QSocketNotifier watches,
whose slot lets Python run the handler; a slow timer with a no-op slot is the fallback.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot

log = logging.getLogger(__name__)

WAKE_INTERVAL_MS = 500  # the fallback wake-up for a pending signal
Action = Callable[[], None]


def stop_signals() -> tuple[signal.Signals, ...]:
    """The signals that stop the kiosk cleanly."""
    return (signal.SIGINT, signal.SIGTERM)


def reload_signals() -> tuple[signal.Signals, ...]:
    """The signals that reload it (SIGHUP only where the platform has it)."""
    return (signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()


class ProcessSignals(QObject):
    """Catches the stop and reload signals from construction until `restore()` (main thread only).

    `watch()` once the QApplication exists; `serve(stop, reload)` once there is something to
    stop or reload (a stop that came before is delivered then, at the event loop's next turn)."""

    def __init__(self) -> None:
        super().__init__()  # no children yet: timers and notifiers need the QApplication
        self.stop_requested = ""  # the name of the first stop signal
        self._reloads = 0
        self._stop: Action | None = None
        self._reload: Action | None = None
        self._stop_delivered = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        handled = (*stop_signals(), *reload_signals())
        self._previous = {sig: signal.signal(sig, self._handle) for sig in handled}
        self._dispatch: QTimer | None = None
        self._wake: QTimer | None = None
        self._notifier: QSocketNotifier | None = None

    def watch(self) -> None:
        """Hook the signals to Qt's event loop (needs the QApplication)."""
        if self._dispatch is not None:
            return
        self._dispatch = QTimer(self, singleShot=True, interval=0)
        self._dispatch.timeout.connect(self._on_dispatch_timeout)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        self._wake = QTimer(self, interval=WAKE_INTERVAL_MS)
        self._wake.timeout.connect(self._on_wake_timeout)
        self._wake.start()
        self._arm()

    def serve(self, stop: Action | None, reload: Action | None = None) -> None:
        """What a stop and a reload do from now on (None: nothing; a stop stays requested)."""
        self._stop, self._reload = stop, reload
        self._arm()

    def restore(self) -> None:
        """Give the signals back to whoever had them before (the default: a stop kills again)."""
        for timer in (self._dispatch, self._wake):
            if timer is not None:
                timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        self._reader.close()
        self._writer.close()

    def _handle(self, signum: int, _frame: object) -> None:
        name = signal.Signals(signum).name
        log.info("event signal_received signal=%s", name)
        if signum in reload_signals():
            self._reloads += 1
        elif not self.stop_requested:
            self.stop_requested = name
        self._arm()

    def _arm(self) -> None:
        if self._dispatch is not None and self._pending():
            self._dispatch.start()

    def _pending(self) -> bool:
        stop = bool(self.stop_requested) and self._stop is not None and not self._stop_delivered
        return stop or self._reloads > 0

    @Slot()
    def _on_dispatch_timeout(self) -> None:
        if self.stop_requested and self._stop is not None and not self._stop_delivered:
            self._stop_delivered = True
            self._stop()
        if self._reloads:
            self._reloads = 0  # several SIGHUPs before the loop turned: one reload reads it all
            if self._reload is not None and not self.stop_requested:
                self._reload()
            else:
                log.info("event reload_ignored: nothing to reload now")

    @Slot()
    def _on_notifier_activated(self) -> None:
        with contextlib.suppress(OSError):  # drained; the handler runs as this slot returns
            while self._reader.recv(512):
                pass

    @Slot()
    def _on_wake_timeout(self) -> None:
        """Nothing to do: running any Python code lets a pending signal handler run."""
