"""Faults an operator meets: a corrupt or read-only reaction database, a settings path that is a
folder, a read-only data folder, a broken PIN hash, no negative labels, no audio device."""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fakes import TEST_PIN_HASH, VideoFactory, settings_store
from PySide6.QtWidgets import QApplication, QFrame, QLabel
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import main as kiosk_main
from kiosk.session.launch import GuiRequest
from kiosk.session.records import ReactionRecords
from kiosk.settings.model import KioskSettings
from kiosk.settings.pin import DAMAGED_MESSAGE, hash_pin, verify_pin
from kiosk.ui.app.gui import run_gui
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions
from kiosk.ui.app.runtime import InstanceLock
from kiosk.ui.common.settings_store import SettingsError, SettingsStore
from kiosk.ui.operator.pin import PinDialog
from kiosk.ui.settings.dialog import SettingsDialog
from kiosk.ui.showroom.audio import NO_DEVICE


def _dialog(qtbot: QtBot, store: SettingsStore, hook: ReactionRecords) -> SettingsDialog:
    dialog = SettingsDialog(store, reaction_store=hook.store, reaction_notice=hook.notice)
    qtbot.addWidget(dialog)
    return dialog


def test_the_reactions_page_says_where_a_corrupt_database_went(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "reactions.sqlite3"
    db.write_bytes(b"garbage" * 500)
    hook = ReactionRecords(db, retention_days=30)
    try:
        assert hook.available  # recording goes on, into a fresh file
        copies = list(tmp_path.glob("reactions.sqlite3.corrupt-*"))
        assert len(copies) == 1
        store = SettingsStore(tmp_path / "settings.ini")
        store.load()
        dialog = _dialog(qtbot, store, hook)
        label = dialog.reactions_page.findChild(QLabel, "reactionsNotice")
        assert label is not None and not label.isHidden()
        assert copies[0].name in label.text() and "new, empty database" in label.text()
    finally:
        hook.close(0.0)


def test_a_read_only_database_is_explained_on_the_reactions_page(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "reactions.sqlite3"
    ReactionRecords(db, retention_days=30).close(0.0)
    monkeypatch.setattr("kiosk.analytics.recovery.is_writable", lambda _path: False)
    hook = ReactionRecords(db, retention_days=30)
    assert not hook.available
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    dialog = _dialog(qtbot, store, hook)
    page = dialog.reactions_page
    assert isinstance(page, QLabel)
    assert "read-only" in page.text() and str(db) in page.text()


# -- the settings path and the data folder -------------------------------------------------

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _args(**changes: Any) -> GuiRequest:
    return replace(GuiRequest(windowed=True, camera=97), **changes)


def _quit_soon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIOSK_SCREENSHOT", str(tmp_path / "shot.png"))
    monkeypatch.setenv("KIOSK_SCREENSHOT_AFTER_MS", "300")


def test_a_settings_path_that_is_a_folder_is_refused_and_left_alone(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my-settings"
    folder.mkdir()
    (folder / "notes.txt").write_text("the user's own file")
    assert run_gui(_args(settings=folder)) == 2
    err = capsys.readouterr().err
    assert f"the settings path {folder} is a folder" in err and "nothing was changed" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-settings"]  # no .corrupt-*, no file
    assert (folder / "notes.txt").read_text() == "the user's own file"
    with pytest.raises(SettingsError, match="is a folder"):
        SettingsStore(folder).load()


def test_a_data_folder_that_cannot_be_written_still_starts_the_showroom(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    folder = blocker / "data"  # cannot be created, even by root
    paths.set_data_dir(folder)
    _quit_soon(monkeypatch, tmp_path)
    assert run_gui(_args()) == 0
    err = capsys.readouterr().err
    assert "already running" not in err
    assert f"the data folder {folder} cannot be created" in err and "settings are not saved" in err
    assert "event kiosk_started" in err and "event kiosk_stopped status=0" in err


def test_a_read_only_data_folder_is_named_as_such_not_as_a_running_kiosk(
    qapp: QApplication,
    isolated_data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("kiosk.ui.app.runtime._writable", lambda _folder: False)  # root writes anyway
    _quit_soon(monkeypatch, tmp_path)
    assert run_gui(_args()) == 0
    err = capsys.readouterr().err
    assert f"the data folder {isolated_data_dir} is read-only" in err and "already running" not in err
    assert not (isolated_data_dir / "reactions.sqlite3").exists()  # nothing recorded, as it says


@pytest.mark.skipif(AS_ROOT, reason="root writes to read-only folders; the tests above cover the logic")
def test_a_chmod_read_only_data_folder_starts_and_says_read_only(
    qapp: QApplication,
    isolated_data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _quit_soon(monkeypatch, tmp_path)
    isolated_data_dir.chmod(0o555)
    try:
        assert run_gui(_args()) == 0
    finally:
        isolated_data_dir.chmod(0o755)
    err = capsys.readouterr().err
    assert "is read-only" in err and "already running" not in err


def test_unsaved_settings_go_to_the_operator_not_the_visitor(
    qtbot: QtBot, tmp_path: Path, tiny_model: Path, face_video: VideoFactory
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    store = SettingsStore(blocker / "settings.ini")  # its folder cannot be made: nothing can be saved
    store.load()
    assert "Settings are not saved" in store.save_problem and str(store.path) in store.save_problem
    store.update(dataclasses.replace(store.settings, volume=10, pin_hash=TEST_PIN_HASH))  # in memory
    assert store.settings.volume == 10
    options = LaunchOptions(
        windowed=True,
        video=str(face_video([("none", 1.0)])),
        model_path=tiny_model,
        records=False,
        realtime=False,
        data_problem="The data folder /x is read-only: the showroom runs.",
    )
    kiosk = Kiosk(store, options)
    kiosk.start()
    try:
        problems = {p.code: p.detail for p in kiosk.operator.current()}
        assert problems["settings_unsaved"] == store.save_problem
        assert problems["data_folder"] == options.data_problem
        qtbot.waitUntil(lambda: kiosk.window.showroom.attention == "error", timeout=3_000)
        kiosk.door.open_settings()
        dialog = kiosk.dialog
        assert dialog is not None and not dialog.storage_note.isHidden()
        assert store.save_problem in dialog.storage_note.text()
        assert dialog.status_page is not None
        cards = dialog.status_page.findChildren(QFrame, "problemCard")
        shown = [card.findChild(QLabel, "problemDetail").text() for card in cards]
        assert options.data_problem in shown and store.save_problem in shown
    finally:
        with qtbot.waitSignal(kiosk.finished, timeout=10_000):
            kiosk.quit()
        kiosk.dispose()


# -- the PIN -------------------------------------------------------------------------------


def _settings_with_pin(path: Path, pin_hash: str) -> None:
    path.write_text(f"[schema]\nversion=1\n\n[security]\npin_hash={pin_hash}\n")


def test_a_damaged_pin_hash_is_reported_and_reset_pin_clears_it(
    qtbot: QtBot,
    isolated_data_dir: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = isolated_data_dir / "settings.ini"
    _settings_with_pin(path, "pbkdf2_sha256-truncated")
    store = SettingsStore(path)
    with caplog.at_level(logging.WARNING, "kiosk"):
        store.load()
    assert store.settings.pin_hash == "pbkdf2_sha256-truncated"  # kept until the operator resets it
    assert any("reset-pin" in w for w in store.last_report.warnings)
    assert "reset-pin" in caplog.text
    dialog = PinDialog(stored_hash=store.settings.pin_hash)
    qtbot.addWidget(dialog)
    assert dialog.message.text() == DAMAGED_MESSAGE  # said before anyone types
    assert kiosk_main(["reset-pin", "--data-dir", str(isolated_data_dir)]) == 0
    assert "is cleared" in capsys.readouterr().out
    reloaded = SettingsStore(path)
    reloaded.load()
    assert reloaded.settings.pin_hash == ""  # the next dialog asks for a new PIN
    assert "event pin_reset" in (isolated_data_dir / "logs" / "kiosk.log").read_text()


def test_reset_pin_refuses_while_a_kiosk_runs_and_without_a_settings_file(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kiosk_main(["reset-pin", "--data-dir", str(isolated_data_dir)]) == 2
    assert "there is no settings file" in capsys.readouterr().err
    _settings_with_pin(isolated_data_dir / "settings.ini", hash_pin("2580", iterations=1000))
    running = InstanceLock(isolated_data_dir)
    assert running.acquire()
    try:
        assert kiosk_main(["reset-pin", "--data-dir", str(isolated_data_dir)]) == 1
    finally:
        running.release()
    assert "stop it first" in capsys.readouterr().err
    assert verify_pin("2580", (isolated_data_dir / "settings.ini").read_text().split("pin_hash=")[1].strip())


# -- negative labels -----------------------------------------------------------------------


def test_no_negative_labels_is_refused_in_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.load(dataclasses.replace(store.settings, negative_labels=()))
    assert not dialog.apply()
    assert "Negative expressions: none chosen" in dialog.error.text()
    assert store.settings.negative_labels == KioskSettings().negative_labels


def test_no_negative_labels_in_the_file_warns_and_uses_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[schema]\nversion=1\n\n[reaction]\nnegative_labels=\n")
    store = SettingsStore(path)
    report = store.load()
    assert store.settings.negative_labels == KioskSettings().negative_labels
    assert any("negative_labels" in w and "none chosen" in w for w in report.warnings)


# -- audio and the model -------------------------------------------------------------------


def test_audio_errors_are_logged_once_per_change(
    qtbot: QtBot, tmp_path: Path, tiny_model: Path, face_video: VideoFactory, caplog: pytest.LogCaptureFixture
) -> None:
    store = settings_store(tmp_path / "settings.ini")
    options = LaunchOptions(
        windowed=True, video=str(face_video([("none", 1.0)])), model_path=tiny_model, records=False
    )
    kiosk = Kiosk(store, options)
    kiosk.start()
    try:
        with caplog.at_level(logging.INFO, "kiosk"):
            for _car_switch in range(5):
                kiosk.player.audio_failed.emit(NO_DEVICE)
            kiosk.player.audio_failed.emit("music file /x.ogg not found")
            kiosk.player.playback_started.emit()  # a device came back
            kiosk.player.audio_failed.emit(NO_DEVICE)
        errors = [r for r in caplog.records if "event problem code=music" in r.getMessage()]
        assert [r.levelno for r in errors] == [logging.WARNING] * 3
        assert "event problem_cleared code=music" in caplog.text
        assert kiosk.operator.problems.has("music")  # on the Status page, never on the showroom
    finally:
        with qtbot.waitSignal(kiosk.finished, timeout=10_000):
            kiosk.quit()
        kiosk.dispose()


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_window_takes_another_model(
    qapp: QApplication,
    isolated_data_dir: Path,
    tmp_path: Path,
    tiny_model: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    _quit_soon(monkeypatch, tmp_path)
    settings_store(isolated_data_dir / "settings.ini")  # set up: a PIN, so the showroom starts
    argv = ["--windowed", "--camera", "97", "--data-dir", str(isolated_data_dir)]
    if how == "option":
        argv += ["--model", str(tiny_model)]
    else:
        monkeypatch.setenv("KIOSK_MODEL", str(tiny_model))
    assert kiosk_main(argv) == 0
    log_text = (isolated_data_dir / "logs" / "kiosk.log").read_text()
    assert f"event model_loaded path={tiny_model}" in log_text


def test_a_settings_file_the_kiosk_did_not_write_is_never_renamed(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not an ini file \x00\x01")
    content = photo.read_bytes()
    assert run_gui(_args(settings=photo)) == 2
    assert "not a settings file written by this kiosk" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["holiday.jpg"] and photo.read_bytes() == content


def test_a_damaged_settings_file_the_kiosk_wrote_is_still_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "showroom.ini"
    path.write_bytes(b"[schema]\nversion=1\n\x00\x00 damaged")
    report = SettingsStore(path, owned=False).load()
    assert report.corrupt_copy is not None and report.corrupt_copy.read_bytes().startswith(b"[schema]")


def test_a_damaged_settings_file_that_cannot_be_set_aside_is_left_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"\x00\x01 damaged")

    def read_only_rename(self: Path, target: Path) -> Path:
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(Path, "replace", read_only_rename)
    store = SettingsStore(path)
    report = store.load()
    assert report.settings == KioskSettings() and "nor set aside" in report.warnings[0]
    assert path.read_bytes() == b"\x00\x01 damaged" and "cannot be set aside" in store.save_problem


def test_a_stop_while_the_window_module_loads_is_a_clean_stop(
    qapp: QApplication, isolated_data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """kiosk.app notes SIGINT/SIGTERM before importing the window (Qt alone takes half a second)
    and hands them to run_gui, which stops at once: exit 0, no crash counted."""
    from kiosk.app import _note_stop_signals

    noted, previous = _note_stop_signals()
    try:
        signal.raise_signal(signal.SIGTERM)  # the process lives on
        assert noted == [signal.SIGTERM]
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    settings_store(isolated_data_dir / "settings.ini")
    caplog.set_level(logging.INFO, "kiosk")
    assert run_gui(_args(), pending_stop=noted) == 0
    assert "event kiosk_stopped status=0 while_starting signal=SIGTERM" in caplog.text
    assert not (isolated_data_dir / "running").exists() and "crash" not in caplog.text
