"""The screen keep-alive over a real D-Bus session bus with a fake org.freedesktop.ScreenSaver."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6.QtDBus")

from fake_screensaver import start_session_bus

from kiosk.appliance.hours import OpeningHours
from kiosk.ui.screensaver import ScreenKeeper

FAKE = Path(__file__).with_name("fake_screensaver.py")
WAIT_S = 10


class Bus:
    """A private session bus; `serve()` adds the fake screensaver and collects its events."""

    def __init__(self) -> None:
        self.daemon, self.address = start_session_bus()
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.service: subprocess.Popen[str] | None = None

    def serve(self) -> None:
        self.service = subprocess.Popen(
            [sys.executable, str(FAKE), self.address], stdout=subprocess.PIPE, text=True
        )
        threading.Thread(target=self._read, args=(self.service,), daemon=True).start()
        assert self.next_event()["event"] == "ready"

    def _read(self, service: subprocess.Popen[str]) -> None:
        assert service.stdout is not None
        for line in service.stdout:
            self.events.put(json.loads(line))

    def next_event(self) -> dict[str, Any]:
        return self.events.get(timeout=WAIT_S)

    def close(self) -> None:
        for proc in (self.service, self.daemon):
            if proc is not None:
                proc.kill()
                proc.wait(WAIT_S)
                if proc.stdout is not None:
                    proc.stdout.close()


@pytest.fixture
def bus() -> Iterator[Bus]:
    made = Bus()
    yield made
    made.close()


class FakeX11:
    def __init__(self) -> None:
        self.resets = 0
        self.display_on: list[bool] = []
        self.closed = False

    def reset_screensaver(self) -> None:
        self.resets += 1

    def set_display_on(self, on: bool) -> bool:
        self.display_on.append(on)
        return True

    def close(self) -> None:
        self.closed = True


def test_inhibits_over_dbus_and_releases_on_stop(qapp: Any, bus: Bus) -> None:
    bus.serve()
    keeper = ScreenKeeper(bus_address=bus.address, x11=lambda: None)
    keeper.start()
    call = bus.next_event()
    assert call == {
        "event": "call",
        "member": "Inhibit",
        "signature": "ss",
        "body": ["Emotion Kiosk", "Showroom display"],
    }
    assert keeper.held and keeper.method == "dbus"
    keeper.stop()
    dropped = bus.next_event()
    assert dropped["event"] == "dropped" and dropped["active"] == []
    assert not keeper.held


def test_falls_back_to_x11_keepalive_without_the_service(qapp: Any, bus: Bus) -> None:
    x11 = FakeX11()
    keeper = ScreenKeeper(bus_address=bus.address, x11=lambda: x11)
    keeper.start()
    assert keeper.method == "x11" and keeper.held and x11.resets == 1
    keeper._on_keepalive_timeout()
    assert x11.resets == 2
    keeper.stop()
    assert not keeper.held and x11.closed


def test_says_so_when_nothing_can_keep_the_screen_on(qapp: Any, bus: Bus) -> None:
    keeper = ScreenKeeper(bus_address=bus.address, x11=lambda: None)
    states: list[str] = []
    keeper.state_changed.connect(states.append)
    keeper.start()
    assert states == ["unavailable"] and not keeper.held
    keeper.stop()


def test_outside_opening_hours_the_screen_may_sleep(qapp: Any, bus: Bus) -> None:
    bus.serve()
    clock = {"now": datetime(2026, 12, 1, 22, 30)}
    hours = OpeningHours.parse("08:00-20:00")
    keeper = ScreenKeeper(hours, bus_address=bus.address, x11=lambda: None, now=lambda: clock["now"])
    keeper.start()
    assert not keeper.held  # closed: no inhibit asked for
    clock["now"] = datetime(2026, 12, 2, 8, 0)
    keeper._on_hours_timer_timeout()
    assert bus.next_event()["member"] == "Inhibit" and keeper.held
    clock["now"] = datetime(2026, 12, 2, 20, 0)
    keeper._on_hours_timer_timeout()
    assert bus.next_event()["event"] == "dropped" and not keeper.held
    keeper.stop()


def test_outside_hours_on_x11_the_display_is_switched_off_then_on(qapp: Any, bus: Bus) -> None:
    x11 = FakeX11()
    clock = {"now": datetime(2026, 12, 1, 12, 0)}
    keeper = ScreenKeeper(
        OpeningHours.parse("08:00-20:00"), bus_address=bus.address, x11=lambda: x11, now=lambda: clock["now"]
    )
    keeper.start()
    clock["now"] = datetime(2026, 12, 1, 21, 0)
    keeper._on_hours_timer_timeout()
    clock["now"] = datetime(2026, 12, 2, 9, 0)
    keeper._on_hours_timer_timeout()
    assert x11.display_on == [False, True] and keeper.held
    keeper.stop()


X11_SCRIPT = """
from kiosk.ui.screensaver import X11Display
display = X11Display.open()
assert display is not None, "no X11 display"
display.reset_screensaver()
print("dpms", display.set_display_on(True))
display.close()
print("ok")
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian's xvfb)")
def test_the_x11_keepalive_talks_to_a_real_x_server() -> None:
    """libX11 through ctypes on Xvfb: the reset goes through, and no DPMS there is no error."""
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", X11_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "ok"  # Xvfb has no DPMS: set_display_on says False, no X error
