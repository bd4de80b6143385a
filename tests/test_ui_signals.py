"""A stop signal ends the real kiosk process cleanly in every source state.

Each case runs `python -m kiosk` (through tests/kiosk_launcher.py, which fakes the camera
where a state needs one) under the offscreen platform, waits until its log shows the source
state, sends SIGINT, SIGTERM and SIGHUP to three processes, and expects each to exit 0
within a bounded time, with the exposure on screen written to the reaction database.
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
SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


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

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def start_kiosk(tmp_path: Path) -> Iterator[Callable[[Case, str], Running]]:
    started: list[Running] = []

    def start(case: Case, name: str) -> Running:
        data = tmp_path / name
        data.mkdir()
        log = tmp_path / f"{name}.log"
        command = [sys.executable, str(LAUNCHER), case.state, "--windowed", *case.args]
        command += ["--data-dir", str(data)]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        with open(log, "wb") as out:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        running = Running(process, data, log)
        started.append(running)
        return running

    yield start
    for running in started:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait(timeout=STOP_TIMEOUT_S)


def _wait_for_log(running: Running, text: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while text not in running.text():
        if running.process.poll() is not None:
            pytest.fail(f"the kiosk exited early ({running.process.returncode}):\n{running.text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {text!r} in the log within {START_TIMEOUT_S:g} s:\n{running.text()}")
        time.sleep(0.05)  # polling a file another process writes: there is no signal to await


def _exposures(data: Path) -> int:
    with sqlite3.connect(data / "reactions.sqlite3") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM exposures").fetchone()[0])


@pytest.mark.parametrize("state", ["live", "failed-missing", "failed-garbage", "reconnecting", "no-source"])
def test_each_stop_signal_ends_the_kiosk_cleanly(
    state: str, tmp_path: Path, start_kiosk: Callable[[Case, str], Running]
) -> None:
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
