"""Signals to the real kiosk process: SIGINT and SIGTERM stop it cleanly, SIGHUP reloads it.

Each case runs `python -m kiosk` (through tests/kiosk_launcher.py, which fakes the camera
where a state needs one and gives the data folder an operator PIN) under the offscreen
platform. In every source state, SIGINT and SIGTERM end it with status 0 within a bounded
time, with the exposure on screen written to the reaction database. At any moment of
start-up (as soon as it has taken over its signals and a few fixed delays after, as soon as
the `running` marker appears, as soon as the log says `kiosk_started`), SIGTERM ends it with
0 within 5 s, leaving neither the marker nor the lock, so the next start counts no crash.
SIGHUP keeps it running: it reopens its log file and reloads the settings file.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = Path(__file__).with_name("kiosk_launcher.py")
DEMO = ROOT / "resources" / "demo" / "demo.mp4"
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 20.0
STARTUP_STOP_TIMEOUT_S = 5.0
SIGNALS = ("SIGINT", "SIGTERM")


@dataclass(frozen=True)
class Case:
    state: str  # the launcher's STATE
    args: tuple[str, ...]
    ready: str  # the log line that says the kiosk is in this state


def _cases(tmp: Path) -> dict[str, Case]:
    garbage = tmp / "garbage.mp4"
    garbage.write_bytes(os.urandom(4096))
    return {
        "live": Case("plain", ("--video", str(DEMO)), "state=live"),
        "failed-missing": Case("plain", ("--video", str(tmp / "missing.mp4")), "state=failed"),
        "failed-garbage": Case("plain", ("--video", str(garbage)), "state=failed"),
        "reconnecting": Case("camera-lost", ("--camera", "0"), "state=reconnecting"),
        "no-source": Case("no-source", ("--camera", "0"), "event no_source"),
    }


@dataclass
class Running:
    process: subprocess.Popen[bytes]
    data: Path
    log: Path
    signals_ready: Path  # written once the kiosk has taken over its signals

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


Start = Callable[[Case, str], Running]


@pytest.fixture
def start_kiosk(tmp_path: Path) -> Iterator[Start]:
    started: list[Running] = []

    def start(case: Case, name: str) -> Running:
        data = tmp_path / name
        data.mkdir(exist_ok=True)  # a second start may reuse the folder
        log = tmp_path / f"{name}-{len(started)}.log"
        ready = tmp_path / f"{name}-{len(started)}.signals"
        command = [sys.executable, str(LAUNCHER), case.state, "--windowed", *case.args]
        command += ["--data-dir", str(data)]
        env = {
            **_without_systemd(),
            "QT_QPA_PLATFORM": "offscreen",
            "KIOSK_LAUNCHER_SIGNALS_READY": str(ready),
        }
        with open(log, "wb") as out:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        running = Running(process, data, log, ready)
        started.append(running)
        return running

    yield start
    for running in started:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait(timeout=STOP_TIMEOUT_S)


def _without_systemd() -> dict[str, str]:
    """This environment without a service manager's variables (a CI runner may be a systemd unit)."""
    names = ("NOTIFY_SOCKET", "INVOCATION_ID", "WATCHDOG_USEC", "WATCHDOG_PID")
    return {key: value for key, value in os.environ.items() if key not in names}


def _wait_for_log(running: Running, text: str) -> None:
    _wait_until(running, lambda: text in running.text(), f"{text!r} in the log")


def _wait_until(running: Running, done: Callable[[], bool], what: str, poll_s: float = 0.05) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not done():
        if running.process.poll() is not None:
            pytest.fail(f"the kiosk exited early ({running.process.returncode}):\n{running.text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {START_TIMEOUT_S:g} s:\n{running.text()}")
        time.sleep(poll_s)  # polling what another process writes: there is no signal to await


def _exposures(data: Path) -> int:
    with sqlite3.connect(data / "reactions.sqlite3") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM exposures").fetchone()[0])


@pytest.mark.parametrize("state", ["live", "failed-missing", "failed-garbage", "reconnecting", "no-source"])
def test_each_stop_signal_ends_the_kiosk_cleanly(state: str, tmp_path: Path, start_kiosk: Start) -> None:
    case = _cases(tmp_path)[state]
    kiosks = {name: start_kiosk(case, name) for name in SIGNALS}
    for name, running in kiosks.items():
        _wait_for_log(running, case.ready)
        running.process.send_signal(getattr(signal, name))
    for name, running in kiosks.items():
        try:
            code = running.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{name} did not stop the kiosk ({state}) in {STOP_TIMEOUT_S:g} s:\n{running.text()}")
        log = running.text()
        assert code == 0, f"{name} ({state}): exit {code}\n{log}"
        assert f"event signal_received signal={name}" in log
        assert "event kiosk_stopped status=0" in log
        assert _exposures(running.data) >= 1, f"{name} ({state}): the exposure on screen was lost"


def _stopped_within(running: Running, timeout_s: float) -> int:
    try:
        return running.process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        pytest.fail(f"not stopped within {timeout_s:g} s:\n{running.text()}")


# When to send SIGTERM during start-up: after the kiosk took over its signals (the first thing
# run_gui does; before that the interpreter is still importing, and nothing is written yet),
# at once or after a fixed delay; or as soon as its `running` marker or `kiosk_started` shows.
STARTUP_MOMENTS = ["signals+0", "signals+0.05", "signals+0.15", "signals+0.3", "marker", "kiosk_started"]


def _wait_for_moment(running: Running, moment: str) -> None:
    if moment.startswith("signals+"):
        _wait_until(running, running.signals_ready.exists, "signal take-over", poll_s=0.002)
        time.sleep(float(moment.split("+")[1]))  # the fixed delay itself
    elif moment == "marker":
        _wait_until(running, (running.data / "running").exists, "running marker", poll_s=0.002)
    else:
        _wait_until(running, lambda: f"event {moment}" in running.text(), moment, poll_s=0.002)


@pytest.mark.parametrize("moment", STARTUP_MOMENTS)
def test_a_stop_at_any_moment_of_start_up_is_clean_and_no_crash(
    moment: str, tmp_path: Path, start_kiosk: Start
) -> None:
    case = _cases(tmp_path)["live"]
    running = start_kiosk(case, "kiosk")
    _wait_for_moment(running, moment)
    running.process.send_signal(signal.SIGTERM)
    code = _stopped_within(running, STARTUP_STOP_TIMEOUT_S)
    assert code == 0, f"SIGTERM at {moment}: exit {code}\n{running.text()}"
    assert not (running.data / "running").exists(), "the crash marker was left"
    assert not (running.data / "kiosk.lock").exists(), "the lock was left"
    again = start_kiosk(case, "kiosk")  # the same data folder
    _wait_for_log(again, "event kiosk_started")
    again.process.send_signal(signal.SIGTERM)
    assert _stopped_within(again, STOP_TIMEOUT_S) == 0
    assert "crash_detected" not in again.text()


def test_sighup_reloads_the_settings_and_the_log_file_and_keeps_running(
    tmp_path: Path, start_kiosk: Start
) -> None:
    running = start_kiosk(_cases(tmp_path)["live"], "kiosk")
    _wait_for_log(running, "state=live")
    settings = running.data / "settings.ini"
    original = settings.read_text()
    settings.write_text(original + "\n[showroom]\nrotation_s=often\n")  # a hand edit gone wrong
    running.process.send_signal(signal.SIGHUP)
    _wait_for_log(running, "event settings_reload_refused")
    assert f"{settings}: [showroom/rotation_s]" in running.text()  # names the file and the key
    assert "event reloaded settings=unchanged" in running.text()
    kiosk_log = running.data / "logs" / "kiosk.log"
    kiosk_log.rename(kiosk_log.with_name("kiosk.log.1"))  # as logrotate does, then SIGHUP
    settings.write_text(original + "\n[showroom]\nrotation_s=45\n")
    running.process.send_signal(signal.SIGHUP)
    _wait_for_log(running, "event reloaded settings=changed")
    assert running.process.poll() is None, "SIGHUP stopped the kiosk"
    assert "event reloaded settings=changed" in kiosk_log.read_text()  # the reopened file
    running.process.send_signal(signal.SIGTERM)
    assert _stopped_within(running, STOP_TIMEOUT_S) == 0
    assert "event kiosk_stopped status=0" in running.text()
