"""`set-pin`: the PIN read twice from a real terminal (not echoed) or a pipe, never from the
command line; refused while the kiosk runs; a kiosk so set up starts its showroom."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.app import main as kiosk_main
from kiosk.settings.pin import verify_pin
from kiosk.ui.app.runtime import InstanceLock
from kiosk.ui.common.settings_store import SettingsStore

ROOT = Path(__file__).resolve().parent.parent


def stored_hash(folder: Path) -> str:
    store = SettingsStore(folder / "settings.ini")
    store.load()
    return store.settings.pin_hash


def _read_until(fd: int, wanted: bytes, seen: bytearray, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while wanted not in seen:
        assert time.monotonic() < deadline, f"no {wanted!r} in {bytes(seen)!r}"
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child ended: the terminal is gone
                chunk = b""
            if not chunk:
                break
            seen.extend(chunk)


@pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin", reason="a pseudo-terminal (POSIX pty)"
)
def test_set_pin_reads_the_pin_twice_from_the_terminal_without_echo(isolated_data_dir: Path) -> None:
    import pty

    pid, master = pty.fork()
    if pid == 0:  # the child: the pty is its controlling terminal, as in a real shell
        os.chdir(ROOT)
        os.execv(
            sys.executable, [sys.executable, "-m", "kiosk", "set-pin", "--data-dir", str(isolated_data_dir)]
        )
    seen = bytearray()
    try:
        _read_until(master, b"New operator PIN", seen)
        os.write(master, b"97531\n")
        _read_until(master, b"The same PIN again", seen)
        os.write(master, b"97531\n")
        _read_until(master, b"The operator PIN is set", seen)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(master)
    assert os.waitstatus_to_exitcode(status) == 0, bytes(seen)
    assert b"97531" not in seen  # never echoed
    assert verify_pin("97531", stored_hash(isolated_data_dir))
    assert "97531" not in (isolated_data_dir / "settings.ini").read_text()
    assert "event pin_set" in (isolated_data_dir / "logs" / "kiosk.log").read_text()


def test_set_pin_from_a_pipe_takes_two_lines(isolated_data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin", "--data-dir", str(isolated_data_dir)],
        input="24680\n24680\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert verify_pin("24680", stored_hash(isolated_data_dir))


@pytest.mark.parametrize(
    ("lines", "error"),
    [
        ("1234\n1235\n", "the two PINs differ"),
        ("12\n12\n", "must have 4 to 12 digits"),
        ("12ab\n12ab\n", "must have 4 to 12 digits"),
        ("1234\n", "no PIN was given"),
    ],
)
def test_set_pin_refuses_a_bad_pin_and_keeps_the_old_one(
    isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lines: str,
    error: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("2580\n2580\n"))
    assert kiosk_main(["set-pin", "--data-dir", str(isolated_data_dir)]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    assert kiosk_main(["set-pin", "--data-dir", str(isolated_data_dir)]) == 2
    assert error in capsys.readouterr().err
    assert verify_pin("2580", stored_hash(isolated_data_dir))


def test_set_pin_refuses_while_the_kiosk_runs(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    running = InstanceLock(isolated_data_dir)
    assert running.acquire()
    try:
        monkeypatch.setattr(sys, "stdin", io.StringIO("2580\n2580\n"))
        assert kiosk_main(["set-pin", "--data-dir", str(isolated_data_dir)]) == 1
    finally:
        running.release()
    assert "stop it first, then set the PIN" in capsys.readouterr().err
    assert stored_hash(isolated_data_dir) == ""


def test_the_pin_is_never_an_argument(capsys: pytest.CaptureFixture[str]) -> None:
    assert kiosk_main(["set-pin", "2580"]) == 2
    assert "unrecognized arguments: 2580" in capsys.readouterr().err
