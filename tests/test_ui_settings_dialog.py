"""The operator settings dialog: loads, validates, rejects bad values, saves and applies live."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from kiosk.analytics import ReactionStore
from kiosk.ui.pin import verify_pin
from kiosk.ui.results import AnalysisResult
from kiosk.ui.settings import KioskSettings
from kiosk.ui.settings_dialog import SettingsDialog
from kiosk.ui.settings_pages import AudioPage, CameraPage, DetectionPage, KioskPage
from kiosk.ui.settings_store import SettingsStore


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    settings_store = SettingsStore(tmp_path / "settings.ini")
    settings_store.load()
    settings_store.update(
        replace(settings_store.settings, trigger_level=0.6, cooldown_s=12.0, pin_hash="kept")
    )
    return settings_store


@pytest.fixture
def dialog(qtbot: QtBot, store: SettingsStore) -> SettingsDialog:
    widget = SettingsDialog(store)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _double(dialog: SettingsDialog, name: str) -> QDoubleSpinBox:
    spin = dialog.findChild(QDoubleSpinBox, name)
    assert spin is not None, name
    return spin


def test_the_pages_show_the_stored_settings(dialog: SettingsDialog) -> None:
    assert [dialog.nav.item(i).text() for i in range(dialog.nav.count())] == [
        "Camera",
        "Detection & reaction",
        "Showroom",
        "Audio",
        "Kiosk",
        "Reactions",
    ]
    assert _double(dialog, "trigger_level").value() == pytest.approx(0.6)
    assert _double(dialog, "cooldown_s").value() == pytest.approx(12.0)
    fear = dialog.findChild(QCheckBox, "label_fear")
    happy = dialog.findChild(QCheckBox, "label_happy")
    assert fear is not None and fear.isChecked() and happy is not None and not happy.isChecked()
    backend = dialog.findChild(QComboBox, "camera_backend")
    assert backend is not None and backend.currentText() == "auto"
    devices = dialog.findChild(QComboBox, "cameraDevices")
    assert devices is not None and devices.count() >= 1


def test_crossed_levels_are_refused_and_nothing_is_saved(
    qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore
) -> None:
    before = store.path.read_text()
    _double(dialog, "trigger_level").setValue(0.4)
    _double(dialog, "release_level").setValue(0.5)
    with qtbot.assertNotEmitted(store.settings_changed):
        assert not dialog.apply()
    assert "Release level" in dialog.error.text()
    assert store.path.read_text() == before
    assert store.settings.trigger_level == 0.6


def test_values_beyond_the_bounds_cannot_be_entered(dialog: SettingsDialog) -> None:
    cooldown = _double(dialog, "cooldown_s")
    cooldown.setValue(100_000)
    assert cooldown.value() == 600.0
    size = dialog.findChild(QSpinBox, "min_face_size")
    assert size is not None
    size.setValue(5)
    assert size.value() == 20


def test_a_missing_catalog_folder_is_refused(dialog: SettingsDialog, tmp_path: Path) -> None:
    folder = dialog.findChild(QLineEdit, "catalog_dir")
    assert folder is not None
    folder.setText(str(tmp_path / "nowhere"))
    assert not dialog.apply()
    assert "does not exist" in dialog.error.text()


def test_valid_changes_are_saved_and_announced(
    qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore
) -> None:
    _double(dialog, "trigger_level").setValue(0.7)
    fear = dialog.findChild(QCheckBox, "label_fear")
    assert fear is not None
    fear.setChecked(False)
    with qtbot.waitSignal(store.settings_changed) as blocker:
        assert dialog.apply()
    saved: KioskSettings = blocker.args[0]
    assert saved.trigger_level == pytest.approx(0.7)
    assert "fear" not in saved.negative_labels
    assert saved.pin_hash == "kept"
    assert SettingsStore(store.path).load().settings == saved


def test_the_ignore_zone_is_drawn_by_dragging(
    qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore
) -> None:
    page = dialog.page(DetectionPage)
    assert isinstance(page, DetectionPage)
    dialog.nav.setCurrentRow(1)
    editor = page.zone_editor
    editor.resize(400, 300)
    picture = editor._picture_rect()
    start = QPoint(
        round(picture.left() + picture.width() * 0.6), round(picture.top() + picture.height() * 0.1)
    )
    end = QPoint(round(picture.left() + picture.width() * 0.9), round(picture.top() + picture.height() * 0.8))
    with qtbot.waitSignal(editor.zone_edited):
        qtbot.mousePress(editor, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(editor, end)
        qtbot.mouseRelease(editor, Qt.MouseButton.LeftButton, pos=end)
    assert _double(dialog, "ignore_x").value() == pytest.approx(0.6, abs=0.01)
    assert _double(dialog, "ignore_h").value() == pytest.approx(0.7, abs=0.01)
    assert dialog.apply()
    zone = store.settings.ignore_zone
    assert zone is not None and zone[0] == pytest.approx(0.6, abs=0.01)
    _double(dialog, "ignore_w").setValue(0.0)
    assert editor.zone is None  # the numbers drive the drawing too


def test_restore_defaults_keeps_the_pin(dialog: SettingsDialog, store: SettingsStore) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.RestoreDefaults).click()
    assert _double(dialog, "trigger_level").value() == pytest.approx(KioskSettings().trigger_level)
    assert dialog.apply()
    assert store.settings == replace(KioskSettings(), pin_hash="kept")


def test_a_new_pin_is_kept_only_as_a_hash(qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore) -> None:
    page = dialog.page(KioskPage)
    assert isinstance(page, KioskPage)
    page.pin_button.click()
    pin_dialog = page.pin_dialog
    assert pin_dialog is not None
    pin_dialog.pin_edit.setText("424242")
    pin_dialog.confirm_edit.setText("424242")
    pin_dialog.buttons.button(pin_dialog.buttons.StandardButton.Ok).click()
    assert dialog.apply()
    assert verify_pin("424242", store.settings.pin_hash)
    assert "424242" not in store.path.read_text()


def test_exit_and_audio_test_are_forwarded(qtbot: QtBot, dialog: SettingsDialog) -> None:
    kiosk_page, audio_page = dialog.page(KioskPage), dialog.page(AudioPage)
    assert isinstance(kiosk_page, KioskPage) and isinstance(audio_page, AudioPage)
    with qtbot.waitSignal(dialog.exit_requested):
        kiosk_page.exit_button.click()
    with qtbot.waitSignal(dialog.audio_test_requested) as blocker:
        audio_page.test_button.click()
    assert blocker.args == ["", KioskSettings().volume]


def test_the_camera_page_shows_the_live_preview(dialog: SettingsDialog) -> None:
    page = dialog.page(CameraPage)
    assert isinstance(page, CameraPage)
    preview = np.zeros((240, 320, 3), np.uint8)
    preview.flags.writeable = False
    dialog.show_result(AnalysisResult(1.0, None, None, False, (), preview, (640, 480), 1, 1.0))
    assert page.preview._pixmap is not None and page.preview._pixmap.width() == 320


@pytest.fixture
def reaction_store(tmp_path: Path) -> Iterator[ReactionStore]:
    with ReactionStore.open(tmp_path / "reactions.sqlite3") as opened:
        yield opened


def test_the_reactions_page_is_embedded_when_the_records_are_open(
    qtbot: QtBot, store: SettingsStore, reaction_store: ReactionStore
) -> None:
    from kiosk.ui.analytics_page import ReactionsPage

    with_records = SettingsDialog(store, reaction_store=reaction_store)
    qtbot.addWidget(with_records)
    assert isinstance(with_records.reactions_page, ReactionsPage)
    with qtbot.waitSignal(store.settings_changed):
        with_records.reactions_page.retention_spin.setValue(90)
    assert store.settings.retention_days == 90  # kept at once: the page already applied it
    without = SettingsDialog(store)
    qtbot.addWidget(without)
    assert isinstance(without.reactions_page, QLabel)
    assert "not available" in without.reactions_page.text()
