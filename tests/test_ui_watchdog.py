"""The systemd watchdog: pings come from the GUI thread's event loop, so a hung GUI thread stops them.

The kiosk runs for real (in this process, `run_gui`) with NOTIFY_SOCKET at a fake notify
socket (tests/notify_socket.py) and a 300 ms WATCHDOG_USEC; the GUI thread is then hung on
purpose for 2 s, and the datagrams' arrival times show the pings stop and come back.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fakes import TEST_PIN_HASH
from notify_socket import NotifySocket
from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.session.launch import GuiRequest
from kiosk.ui.app.gui import run_gui
from kiosk.ui.app.watchdog import ServiceWatchdog

WATCHDOG_USEC = 300_000  # pings every 100 ms
HANG_S = 2.0


@pytest.fixture
def notify(monkeypatch: pytest.MonkeyPatch) -> Iterator[NotifySocket]:
    with NotifySocket() as fake:
        monkeypatch.setenv("NOTIFY_SOCKET", fake.env)
        monkeypatch.setenv("WATCHDOG_USEC", str(WATCHDOG_USEC))
        monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
        yield fake


def test_ready_then_a_ping_every_third_of_the_period_and_stopping_once(
    qtbot: QtBot, notify: NotifySocket
) -> None:
    service = ServiceWatchdog()
    assert service.ping_interval_ms == 100
    service.start("Showroom running")
    qtbot.waitUntil(lambda: len(notify.with_field("WATCHDOG=1")) >= 4, timeout=5000)
    service.stopping()
    service.stopping()
    service.stop()
    assert not service.pinging
    notify.wait_for("STOPPING=1")
    first = notify.received[0]
    assert first.fields == ("READY=1", "STATUS=Showroom running")
    assert len(notify.with_field("STOPPING=1")) == 1


def test_without_a_watchdog_period_it_only_says_ready(qtbot: QtBot, notify: NotifySocket) -> None:
    service = ServiceWatchdog(interval_us=0)
    service.start("up")
    qtbot.waitUntil(lambda: bool(notify.with_field("READY=1")), timeout=5000)  # the loop's first turn
    qtbot.wait(300)  # three periods of the other test: no ping may come
    service.stop()
    assert not notify.with_field("WATCHDOG=1")


class _Hang(QObject):
    """Once the kiosk pings, hangs the GUI thread for HANG_S; once it pings again, sends SIGTERM."""

    def __init__(self, pings: Callable[[], int]) -> None:
        super().__init__()
        self._pings = pings
        self.started = self.ended = self.signalled = 0.0
        self._seen_before = 0
        self._timer = QTimer(self, interval=50)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if not self.started and self._pings() >= 5:
            self.started = time.monotonic()
            time.sleep(HANG_S)  # the hang itself: the GUI thread does nothing else meanwhile
            self.ended = time.monotonic()
            self._seen_before = self._pings()
        elif self.ended and self._pings() >= self._seen_before + 5:
            self._timer.stop()
            self.signalled = time.monotonic()
            os.kill(os.getpid(), signal.SIGTERM)  # as `systemctl stop` would


def test_a_hung_gui_thread_stops_the_pings_of_the_real_kiosk(
    qapp: QApplication, isolated_data_dir: Path, notify: NotifySocket
) -> None:
    settings = f"[schema]\nversion=1\n\n[security]\npin_hash={TEST_PIN_HASH}\n"  # else the set-up screen
    (isolated_data_dir / "settings.ini").write_text(settings)
    hang = _Hang(lambda: len(notify.with_field("WATCHDOG=1")))
    assert run_gui(GuiRequest(windowed=True, camera=97)) == 0
    assert hang.started and hang.ended, "the kiosk never pinged"
    ready = notify.with_field("READY=1")
    assert ready and ready[0].has("STATUS=Showroom running")
    pings = [d.at for d in notify.with_field("WATCHDOG=1")]
    before = [t for t in pings if t <= hang.started]
    during = [t for t in pings if hang.started + 0.25 < t < hang.ended]  # 0.25: a datagram in flight
    after = [t for t in pings if t >= hang.ended]
    assert len(before) >= 5 and not during and len(after) >= 5, (before, during, after)
    assert min(after) - max(before) >= HANG_S - 0.1  # systemd (300 ms) would have killed it here
    (stopping,) = notify.with_field("STOPPING=1")
    assert stopping.at >= hang.signalled  # said when the stop began
    assert "event signal_received signal=SIGTERM" in (isolated_data_dir / "logs" / "kiosk.log").read_text()
