"""run_gui end to end: one instance, logging to a rotating file, demo mode without a camera."""

from __future__ import annotations

import os
import socket
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fakes import settings_store
from PySide6.QtWidgets import QApplication

from kiosk.session.launch import GuiRequest
from kiosk.ui.app.gui import EXIT_ALREADY_RUNNING, run_gui
from kiosk.ui.app.runtime import LOCK_NAME, InstanceLock


def _args(**changes: Any) -> GuiRequest:
    return replace(GuiRequest(windowed=True, camera=97), **changes)


def test_without_a_camera_it_runs_the_demo_clip_and_logs_each_event(
    qapp: QApplication, isolated_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shot = tmp_path / "shot.png"
    monkeypatch.setenv("KIOSK_SCREENSHOT", str(shot))
    monkeypatch.setenv("KIOSK_SCREENSHOT_AFTER_MS", "1500")
    settings_store(isolated_data_dir / "settings.ini")  # set up (a PIN), so the showroom starts
    assert run_gui(_args()) == 0
    assert shot.is_file()  # the one image: asked for by KIOSK_SCREENSHOT
    log_text = (isolated_data_dir / "logs" / "kiosk.log").read_text()
    assert "event kiosk_started" in log_text
    assert "event demo_mode clip=demo.mp4 reason=no_camera" in log_text
    assert "event model_loaded" in log_text or "event model_failed" in log_text
    assert "event kiosk_exit" in log_text
    assert (isolated_data_dir / "settings.ini").is_file()
    assert not (isolated_data_dir / LOCK_NAME).exists()  # released on exit


def test_a_second_instance_says_so_and_exits_with_1(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = InstanceLock(isolated_data_dir)
    assert first.acquire()
    try:
        assert not InstanceLock(isolated_data_dir).acquire()
        assert run_gui(_args()) == EXIT_ALREADY_RUNNING
    finally:
        first.release()
    assert "already running" in capsys.readouterr().err
    assert InstanceLock(isolated_data_dir).acquire()


def test_a_lock_left_by_a_crashed_kiosk_is_taken_over(isolated_data_dir: Path) -> None:
    dead_pid = 2**22 + 12345  # above Linux's pid_max default: no such process
    (isolated_data_dir / LOCK_NAME).write_text(f"{dead_pid}\npython3\n{socket.gethostname()}\n")
    lock = InstanceLock(isolated_data_dir)
    assert lock.acquire()
    assert str(os.getpid()) in (isolated_data_dir / LOCK_NAME).read_text()
    lock.release()


def test_a_settings_file_can_be_given(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "elsewhere" / "showroom.ini"
    monkeypatch.setenv("KIOSK_SCREENSHOT", str(tmp_path / "shot.png"))
    monkeypatch.setenv("KIOSK_SCREENSHOT_AFTER_MS", "300")
    assert run_gui(_args(settings=settings)) == 0
    assert "[reaction]" in settings.read_text()
