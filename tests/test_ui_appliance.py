"""The kiosk as an appliance: a crash loop shows why and stops (exit 3; under systemd its notice
moves to a scope of its own); an error while starting ends it cleanly as a crash (exit 70, never
Qt's abort); SIGHUP's settings reload; a restart resumes the car."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from fakes import TEST_PIN_HASH, settings_store
from notify_socket import NotifySocket
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.appliance.crashguard import CrashLoopGuard
from kiosk.appliance.resume import load_car, save_car
from kiosk.session.launch import GuiRequest
from kiosk.settings.model import KioskSettings
from kiosk.ui.app.gui import EXIT_CRASH_LOOP, EXIT_FAILED, run_gui
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions
from kiosk.ui.app.runtime import LOCK_NAME
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.showroom.images import load_catalog

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = Path(__file__).with_name("kiosk_launcher.py")
SERVICE_VARIABLES = ("NOTIFY_SOCKET", "INVOCATION_ID", "WATCHDOG_USEC", "WATCHDOG_PID")
PROMPT_S = 20.0  # a fresh Python with Qt, on a busy 2-core machine


def _args() -> GuiRequest:
    return GuiRequest(windowed=True, camera=97)


def _crash_loop_history(folder: Path) -> None:
    """Four crashes in the last 80 s, and a run that did not end cleanly: the start finds 5."""
    now = time.time()
    (folder / "crashes.json").write_text(json.dumps([now - 80, now - 60, now - 40, now - 20]))
    (folder / "running").write_text("4242\n")


def _env(**extra: str) -> dict[str, str]:
    """This environment without a service manager's variables (a CI runner may be a unit), plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


def _kiosk(data: Path, env: dict[str, str], *args: str, state: str = "plain") -> subprocess.Popen[str]:
    command = [sys.executable, str(LAUNCHER), state, *args, "--data-dir", str(data)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _finish(process: subprocess.Popen[str], timeout_s: float = PROMPT_S) -> tuple[int, str]:
    try:
        out, err = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"still running after {timeout_s:g} s:\n{out or ''}{err or ''}")
    return process.returncode, f"{out or ''}{err or ''}"


# -- the crash loop ------------------------------------------------------------------------


def test_a_crash_loop_shows_why_on_screen_logs_it_and_exits_3(
    qapp: QApplication, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in SERVICE_VARIABLES:
        monkeypatch.delenv(name, raising=False)  # not under systemd: the notice is shown here
    _crash_loop_history(isolated_data_dir)
    shown: list[str] = []

    def look() -> None:
        shown.extend(w.text() for w in qapp.topLevelWidgets() if isinstance(w, QLabel) and w.isVisible())
        qapp.quit()

    QTimer.singleShot(300, look)
    assert run_gui(_args()) == EXIT_CRASH_LOOP  # neither systemd nor supervise restarts 3
    assert len(shown) == 1 and "5 crashes within 120 seconds" in shown[0]
    log_text = (isolated_data_dir / "logs" / "kiosk.log").read_text()
    assert "event crash_loop crashes=5" in log_text
    assert "event kiosk_started" not in log_text


def _fake_systemd_run(folder: Path, exit_status: int) -> Path:
    """A `systemd-run` first on PATH that records its arguments, one a line, and exits."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    script = bin_dir / "systemd-run"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{folder}/systemd-run.argv"\nexit {exit_status}\n')
    script.chmod(0o755)
    return bin_dir


def test_under_systemd_the_notice_moves_to_a_scope_and_the_kiosk_exits_3(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _crash_loop_history(data)
    bin_dir = _fake_systemd_run(tmp_path, 0)
    with NotifySocket() as notify:
        env = _env(
            PATH=f"{bin_dir}:{os.environ['PATH']}", INVOCATION_ID="0123456789abcdef", NOTIFY_SOCKET=notify.env
        )
        started = time.monotonic()
        status, out = _finish(_kiosk(data, env, "--windowed"))
        took = time.monotonic() - started
        assert status == EXIT_CRASH_LOOP, out
        (ready,) = notify.with_field("READY=1")  # the start job succeeds, then the unit fails
        assert any(f.startswith("STATUS=Stopped by the crash-loop guard") for f in ready.fields)
        assert notify.with_field("BARRIER=1")  # systemd read it before the process ended
    argv = (tmp_path / "systemd-run.argv").read_text().splitlines()
    assert argv[:3] == ["--user", "--scope", "--collect"]
    assert any(a.startswith("--unit=emotion-kiosk-notice-") for a in argv)
    command = argv[argv.index("--") + 1 :]
    assert command[:3] == [sys.executable, "-m", "kiosk"] and "crash-notice" in command
    assert command[command.index("--data-dir") + 1] == str(data) and "--windowed" in command
    assert "event crash_notice_handed_over unit=emotion-kiosk-notice-" in out
    assert took < PROMPT_S


def test_when_systemd_run_fails_the_kiosk_shows_the_notice_and_answers_the_watchdog(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _crash_loop_history(data)
    bin_dir = _fake_systemd_run(tmp_path, 1)
    with NotifySocket() as notify:
        env = _env(PATH=f"{bin_dir}:{os.environ['PATH']}", NOTIFY_SOCKET=notify.env, WATCHDOG_USEC="300000")
        process = _kiosk(data, env, "--windowed")
        notify.wait_for("WATCHDOG=1", count=3)  # the notice's event loop runs and pings
        process.send_signal(signal.SIGTERM)  # `systemctl --user stop`
        status, out = _finish(process)
        assert status == EXIT_CRASH_LOOP, out
        assert notify.with_field("READY=1")[0].has(
            "STATUS=Stopped by the crash-loop guard; its notice is on screen"
        )
        notify.wait_for("STOPPING=1")
    assert "event crash_notice_not_handed_over" in out and "exit=1" in out
    assert (tmp_path / "systemd-run.argv").is_file()


def test_the_crash_notice_command_shows_until_stopped_or_a_kiosk_starts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    command = [sys.executable, "-m", "kiosk", "crash-notice", "--windowed", "--data-dir", str(data)]
    for ending in ("SIGTERM", "restart"):
        process = subprocess.Popen(command, cwd=ROOT, env=_env(), stderr=subprocess.PIPE, text=True)
        assert process.stderr is not None
        seen = ""
        while "event crash_notice_shown" not in seen and process.poll() is None:
            seen += process.stderr.readline()  # blocks until it logs: the notice is up then
        assert "event crash_notice_shown" in seen, seen
        if ending == "SIGTERM":
            process.send_signal(signal.SIGTERM)
        else:
            (data / "running").write_text("1\n")  # the guard's marker: a kiosk started again
        status, out = _finish(process)
        assert status == 0, f"{ending}: {out}"
        assert "event crash_notice_closed" in out
        (data / "running").unlink(missing_ok=True)


# -- an error while starting ---------------------------------------------------------------


def test_an_error_after_the_analysis_started_ends_the_kiosk_cleanly_as_a_crash(
    qapp: QApplication, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_start(_self: object) -> None:
        raise RuntimeError("the screen keeper broke")

    monkeypatch.setattr("kiosk.ui.app.gui.ScreenKeeper.start", broken_start)
    assert run_gui(_args()) == EXIT_FAILED  # and the analysis thread has stopped (qt_leak_check)
    log_text = (isolated_data_dir / "logs" / "kiosk.log").read_text()
    assert "event kiosk_started" in log_text and "event kiosk_failed status=70" in log_text
    assert "RuntimeError: the screen keeper broke" in log_text  # with its traceback
    assert not (isolated_data_dir / LOCK_NAME).exists()
    assert (isolated_data_dir / "running").exists()  # a crash: the next start counts it
    guard = CrashLoopGuard(isolated_data_dir)
    assert not guard.starting() and len(guard.crashes) == 1


def test_the_real_process_exits_70_not_with_qt_abort(tmp_path: Path) -> None:
    data = tmp_path / "data"
    status, out = _finish(_kiosk(data, _env(), "--windowed", state="screen-keeper-fails"))
    assert status == EXIT_FAILED, out  # not -6 (SIGABRT): "QThread: Destroyed while thread ..."
    assert "QThread: Destroyed" not in out and "event kiosk_failed" in out


# -- SIGHUP: the settings reload -----------------------------------------------------------


def _store(path: Path) -> SettingsStore:
    path.write_text(f"[schema]\nversion=1\n\n[security]\npin_hash={TEST_PIN_HASH}\n")
    store = SettingsStore(path)
    store.load()
    return store


def test_reload_applies_a_changed_file_once(qtbot: QtBot, isolated_data_dir: Path) -> None:
    path = isolated_data_dir / "settings.ini"
    store = _store(path)
    assert not store.reload()  # unchanged: nothing announced
    path.write_text(path.read_text() + "\n[showroom]\nrotation_s=45\n")
    with qtbot.waitSignal(store.settings_changed) as changed:
        assert store.reload()
    assert isinstance(changed.args[0], KioskSettings) and changed.args[0].rotation_s == 45
    assert store.settings.rotation_s == 45 and store.settings.pin_hash == TEST_PIN_HASH
    with qtbot.assertNotEmitted(store.settings_changed):
        assert not store.reload()


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        ("\n[showroom]\nrotation_s=often\n", "[showroom/rotation_s]"),
        ("\n[reaction]\ntrigger_level=0.2\nrelease_level=0.9\n", "settings.ini"),
        ("binary", "cannot be read as a settings file"),
        ("gone", "does not exist"),
    ],
)
def test_reload_keeps_the_settings_when_the_file_no_longer_validates(
    qtbot: QtBot, isolated_data_dir: Path, caplog: pytest.LogCaptureFixture, damage: str, named: str
) -> None:
    path = isolated_data_dir / "settings.ini"
    store = _store(path)
    store.update(replace(store.settings, rotation_s=30))
    before = store.settings
    if damage == "binary":
        path.write_bytes(b"\x00\x01junk")
    elif damage == "gone":
        path.unlink()
    else:
        path.write_text(path.read_text() + damage)
    with caplog.at_level(logging.WARNING, "kiosk"), qtbot.assertNotEmitted(store.settings_changed):
        assert not store.reload()
    assert store.settings == before
    assert f"event settings_reload_refused {path}" in caplog.text and named in caplog.text
    assert sorted(p.name for p in isolated_data_dir.iterdir() if p.name.startswith("settings")) == (
        [] if damage == "gone" else ["settings.ini"]  # never set aside or rewritten
    )


# -- resuming ------------------------------------------------------------------------------


def test_a_restarted_kiosk_resumes_the_car_it_showed(
    qtbot: QtBot, tiny_model: Path, isolated_data_dir: Path, visitor_video: Path
) -> None:
    cars = load_catalog(None).cars
    assert len(cars) >= 3
    save_car(isolated_data_dir, cars[2].id)
    store = settings_store(isolated_data_dir / "settings.ini")  # with a PIN: the showroom, not the set-up
    options = LaunchOptions(windowed=True, video=str(visitor_video), model_path=tiny_model, realtime=False)
    kiosk = Kiosk(store, options)
    kiosk.start()
    try:
        current = kiosk.window.showroom.current_car
        assert current is not None and current.id == cars[2].id
        kiosk.showroom.step(1, kiosk.clock.now())
        assert load_car(isolated_data_dir) == cars[3 % len(cars)].id  # saved as it changes
    finally:
        with qtbot.waitSignal(kiosk.finished, timeout=10_000):
            kiosk.quit()
        kiosk.dispose()
