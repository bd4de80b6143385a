"""The screen keep-alive over a real D-Bus session bus with a fake org.freedesktop.ScreenSaver."""

from __future__ import annotations

import errno
import json
import logging
import os
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
from kiosk.ui.app.screensaver import ScreenKeeper, session_bus_expected

FAKE = Path(__file__).with_name("fake_screensaver.py")
ROOT = Path(__file__).resolve().parent.parent
WAIT_S = 10
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


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
from kiosk.ui.app.screensaver import X11Display
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


# -- a session bus this user may not reach (issue #28) ----------------------------------------


def _unreachable_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "session_bus_unreachable" in r.getMessage()]


@pytest.fixture
def locked_runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$XDG_RUNTIME_DIR whose `bus` raises EACCES, as root's 0700 folder does for another user."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    bus = runtime / "bus"
    exists = Path.exists

    def refusing_exists(path: Path) -> bool:
        if path == bus:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return exists(path)

    monkeypatch.setattr(Path, "exists", refusing_exists)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return runtime


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the session bus is looked for on Linux")
def test_an_unreadable_runtime_dir_is_no_session_bus_and_one_warning(
    locked_runtime_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, "kiosk"):
        assert session_bus_expected() is False
        assert session_bus_expected() is False  # asked again a minute later: no second warning
    [warning] = _unreachable_warnings(caplog)
    assert str(locked_runtime_dir / "bus") in warning and "Permission denied" in warning


def test_an_unreadable_runtime_dir_falls_back_to_the_x11_keepalive(
    qapp: Any, locked_runtime_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    x11 = FakeX11()
    keeper = ScreenKeeper(x11=lambda: x11)
    with caplog.at_level(logging.INFO, "kiosk"):
        keeper.start()
    assert keeper.method == "x11" and keeper.held and x11.resets == 1
    keeper.stop()


def test_an_unreachable_bus_address_is_a_warning_and_falls_back(
    qapp: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    address = f"unix:path={tmp_path / 'gone' / 'bus'}"
    x11 = FakeX11()
    keeper = ScreenKeeper(bus_address=address, x11=lambda: x11)
    with caplog.at_level(logging.WARNING, "kiosk"):
        keeper.start()
    [warning] = _unreachable_warnings(caplog)
    assert address in warning and str(tmp_path / "gone" / "bus") in warning
    assert keeper.method == "x11" and keeper.held
    keeper.stop()


UNREACHABLE_SCRIPT = """
import json, logging, sys
from PySide6.QtCore import QCoreApplication
from kiosk.ui.app.screensaver import ScreenKeeper, session_bus_expected

class X11:
    resets = 0
    def reset_screensaver(self): X11.resets += 1
    def set_display_on(self, on): return True
    def close(self): pass

warnings = []
handler = logging.Handler()
handler.emit = lambda record: warnings.append(record.getMessage())
logging.getLogger("kiosk").addHandler(handler)
app = QCoreApplication([])
expected = session_bus_expected()
keeper = ScreenKeeper(x11=X11)
keeper.start()
print(json.dumps({"expected": expected, "method": keeper.method, "held": keeper.held,
                  "resets": X11.resets, "warnings": warnings}))
keeper.stop()
"""


def _as_another_user() -> list[str]:
    """How to run a command so that a 0700 folder of this test is closed to it."""
    if not AS_ROOT:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("as root this needs setpriv (util-linux) to run the kiosk as nobody")
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import PySide6, kiosk.ui.app.screensaver"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd="/",
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if probe.returncode != 0:  # e.g. a checkout in a 0700 folder (mktemp -d): nobody cannot read it
        pytest.skip(
            f"as root this runs the kiosk as nobody, who cannot use this checkout: {probe.stderr[-200:]}"
        )
    return prefix


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_RUNTIME_DIR and Unix permissions")
@pytest.mark.parametrize("announced", [False, True], ids=["XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS"])
def test_a_real_runtime_dir_of_another_user_does_not_stop_the_keeper(tmp_path: Path, announced: bool) -> None:
    """Root's runtime folder after `su` without `-`: for real, as another user (nobody when
    the tests run as root, else this user with the folder made unreadable)."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    (runtime / "bus").touch()
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(XDG_RUNTIME_DIR=str(runtime), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    if announced:
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={runtime / 'bus'}"
    prefix = _as_another_user()
    runtime.chmod(0o700 if AS_ROOT else 0)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-c", UNREACHABLE_SCRIPT],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd=ROOT,
            env=env,
        )
    finally:
        runtime.chmod(0o700)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["expected"] is announced  # an announced bus is tried, and its failure caught
    assert result["method"] == "x11" and result["held"] and result["resets"] == 1
    [warning] = [w for w in result["warnings"] if "session_bus_unreachable" in w]
    assert str(runtime / "bus") in warning and "Permission denied" in warning


def test_nothing_to_keep_the_screen_on_is_said_once_not_every_minute(
    qapp: object, caplog: pytest.LogCaptureFixture
) -> None:
    states: list[str] = []
    keeper = ScreenKeeper(bus_address="unix:path=/nonexistent/bus", x11=lambda: None)
    keeper.state_changed.connect(states.append)
    with caplog.at_level("WARNING", "kiosk.ui.app.screensaver"):
        keeper.start()
        for _minute in range(3):
            keeper._on_hours_timer_timeout()  # the minute's check tries again
    keeper.stop()
    assert states == ["unavailable"]
    assert caplog.text.count("screen_keepalive_unavailable") == 1
