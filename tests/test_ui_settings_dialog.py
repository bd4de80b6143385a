"""The operator settings dialog: loads, validates, rejects bad values, saves and applies live."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QCloseEvent, QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from kiosk.analytics import ReactionStore
from kiosk.session.results import AnalysisResult
from kiosk.settings.hints import HINTS
from kiosk.settings.model import KioskSettings, field_specs
from kiosk.settings.pin import verify_pin
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.settings.camera_page import CameraPage
from kiosk.ui.settings.cars_page import CarsPage
from kiosk.ui.settings.detection_page import DetectionPage
from kiosk.ui.settings.dialog import SettingsDialog
from kiosk.ui.settings.fields import PercentField
from kiosk.ui.settings.kiosk_page import KioskPage
from kiosk.ui.settings.showroom_page import ShowroomPage
from kiosk.ui.showroom.images import load_catalog
from kiosk.vision.types import Analysis, Box, FaceResult


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
        "Cars",
        "Audio",
        "Kiosk",
        "Fleet & monitoring",
        "Reactions",
    ]
    assert dialog.editor("trigger_level").value() == pytest.approx(0.6)
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
    dialog.editor("trigger_level").set_value(0.4)
    dialog.editor("release_level").set_value(0.5)
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
    dialog.editor("trigger_level").set_value(0.7)
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
    scroll = dialog.stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    scroll.ensureWidgetVisible(editor, 0, 0)  # the page scrolls: the mouse must reach the picture
    QApplication.processEvents()
    picture = editor._picture_rect()
    start = QPoint(
        round(picture.left() + picture.width() * 0.6), round(picture.top() + picture.height() * 0.1)
    )
    end = QPoint(round(picture.left() + picture.width() * 0.9), round(picture.top() + picture.height() * 0.8))
    with qtbot.waitSignal(editor.zone_edited):
        qtbot.mousePress(editor, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(editor, end)
        qtbot.mouseRelease(editor, Qt.MouseButton.LeftButton, pos=end)
    assert dialog.editor("ignore_x").value() == pytest.approx(0.6, abs=0.01)
    assert dialog.editor("ignore_h").value() == pytest.approx(0.7, abs=0.01)
    assert dialog.apply()
    zone = store.settings.ignore_zone
    assert zone is not None and zone[0] == pytest.approx(0.6, abs=0.01)
    dialog.editor("ignore_w").set_value(0.0)
    assert editor.zone is None  # the numbers drive the drawing too


def test_restore_defaults_keeps_the_pin_and_the_staff_zone(
    dialog: SettingsDialog, store: SettingsStore
) -> None:
    zone = (0.7, 0.1, 0.25, 0.6)
    for name, value in zip(DetectionPage.ZONE, zone, strict=True):
        dialog.editor(name).set_value(value)
    assert dialog.apply()
    dialog.buttons.button(dialog.buttons.StandardButton.RestoreDefaults).click()
    assert dialog.editor("trigger_level").value() == pytest.approx(KioskSettings().trigger_level)
    assert "staff zone" in dialog.notice.text() and dialog.notice.isVisible()  # said, not silent
    assert dialog.error.text() == ""  # news, not a problem: not in the error's red
    assert _text_colour(dialog.notice) != _text_colour(dialog.error) == QColor("#eb5757")
    page = dialog.page(DetectionPage)
    assert isinstance(page, DetectionPage) and page.zone_editor.zone == pytest.approx(zone)
    assert dialog.apply()
    assert store.settings == replace(
        KioskSettings(), pin_hash="kept", ignore_x=0.7, ignore_y=0.1, ignore_w=0.25, ignore_h=0.6
    )
    page.clear_button.click()  # clearing it stays a deliberate step of its own
    assert dialog.apply() and store.settings.ignore_zone is None


def test_levels_show_as_percentages_with_sliders(dialog: SettingsDialog) -> None:
    widget = dialog.editor("trigger_level").widget
    assert isinstance(widget, PercentField) and widget.slider is not None
    assert widget.spin.suffix() == " %" and widget.spin.value() == pytest.approx(60)
    widget.slider.setValue(72)
    assert dialog.editor("trigger_level").value() == pytest.approx(0.72)
    page = dialog.page(DetectionPage)
    assert isinstance(page, DetectionPage) and page.meter.trigger == pytest.approx(0.72)


def _text_colour(label: QLabel) -> QColor:
    label.ensurePolished()  # the style sheet's colour is in the palette once polished
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_every_detection_field_has_a_plain_words_hint(dialog: SettingsDialog) -> None:
    page = dialog.page(DetectionPage)
    assert isinstance(page, DetectionPage)
    hints = {label.text() for label in page.findChildren(QLabel, "hint")}
    for name in [*page.form.editors, *page.advanced_form.editors]:
        assert HINTS.get(name) in hints, name
    assert HINTS["trigger_level"] == "How negative the visitor must look before the car changes."


def test_the_live_bar_follows_the_camera(dialog: SettingsDialog) -> None:
    page = dialog.page(DetectionPage)
    assert isinstance(page, DetectionPage)
    dialog.nav.setCurrentRow(1)
    assert page.meter.value_text() == "waiting for the camera…"
    face = FaceResult(Box(10, 10, 100, 100), "sad", 0.8, MappingProxyType({"sad": 0.8, "neutral": 0.2}))
    analysis = Analysis(1, 1.0, (face,), 0)
    dialog.show_result(AnalysisResult(1.0, analysis, 0.42, True, (), None, (640, 480), 1, 1.0))
    assert page.meter.value_text() == "42% now"
    dialog.editor("release_level").set_value(0.25)
    assert page.meter.release == pytest.approx(0.25)


def test_the_dialog_fits_a_1280x720_screen(dialog: SettingsDialog) -> None:
    for width, height in ((1280, 720), (1366, 768)):
        available = QRect(0, 0, width, height - 40)  # a task bar
        dialog.fit_to(available)
        for row in range(dialog.nav.count()):
            dialog.nav.setCurrentRow(row)
            QApplication.processEvents()
            assert available.contains(dialog.geometry()), (row, dialog.geometry())
            assert dialog.minimumSizeHint().height() <= available.height()
            for button in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel):
                shown = dialog.buttons.button(button)
                corner = shown.mapTo(dialog, QPoint(shown.width(), shown.height()))
                assert shown.isVisible() and dialog.rect().contains(corner), (row, corner)


def test_the_showroom_page_lists_the_cars_without_json(qtbot: QtBot, store: SettingsStore) -> None:
    cars = load_catalog(None).cars
    with_cars = SettingsDialog(store, cars=cars)
    qtbot.addWidget(with_cars)
    page = with_cars.page(ShowroomPage)
    assert isinstance(page, ShowroomPage)
    text = page.car_list.text()
    assert all(car.name in text for car in cars)
    assert not any("{" in label.text() for label in page.findChildren(QLabel))


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


def test_exit_is_forwarded(qtbot: QtBot, dialog: SettingsDialog) -> None:
    kiosk_page = dialog.page(KioskPage)
    assert isinstance(kiosk_page, KioskPage)
    with qtbot.waitSignal(dialog.exit_requested):
        kiosk_page.exit_button.click()


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
    from kiosk.ui.settings.reactions_page import ReactionsPage

    with_records = SettingsDialog(store, reaction_store=reaction_store)
    qtbot.addWidget(with_records)
    assert isinstance(with_records.reactions_page, ReactionsPage)
    with_records.reactions_page.retention_spin.setValue(90)
    assert store.settings.retention_days == 30  # part of the draft, like every other setting
    with qtbot.waitSignal(store.settings_changed):
        assert with_records.apply()
    assert store.settings.retention_days == 90 and reaction_store.retention_days == 30  # the kiosk applies it
    without = SettingsDialog(store)
    qtbot.addWidget(without)
    assert isinstance(without.reactions_page, QLabel)
    assert "not available" in without.reactions_page.text()


def test_the_fleet_and_monitoring_settings_have_a_page(
    qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore
) -> None:
    titles = [page.title for page in dialog.pages]
    assert "Fleet & monitoring" in titles
    dialog.editor("health_port").set_value(9470)
    dialog.editor("fleet_kiosk").set_value("Hamburg Nord")
    with qtbot.waitSignal(store.settings_changed) as blocker:
        assert dialog.apply()
    saved: KioskSettings = blocker.args[0]
    assert (saved.health_port, saved.fleet_kiosk) == (9470, "Hamburg Nord")
    assert not saved.fleet_enabled  # off until the operator turns it on


# -- unsaved changes -------------------------------------------------------------------------


def _question(qtbot: QtBot, dialog: SettingsDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.discard_question is not None and dialog.discard_question.isVisible())
    assert dialog.discard_question is not None
    return dialog.discard_question


def _answer(question: QMessageBox, text: str) -> None:
    button = next(b for b in question.buttons() if b.text().replace("&", "") == text)
    button.click()


def test_without_changes_escape_and_cancel_close_at_once(qtbot: QtBot, store: SettingsStore) -> None:
    store.update(replace(store.settings, trigger_level=0.555))  # shown rounded as 56 %: no edit
    for close in ("escape", "cancel"):
        dialog = SettingsDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.has_unsaved_changes()
        with qtbot.waitSignal(dialog.rejected):
            if close == "escape":
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            else:
                dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        assert dialog.discard_question is None and not dialog.isVisible()


def test_escape_with_unsaved_changes_asks_and_keep_editing_keeps_them(
    qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore
) -> None:
    dialog.editor("cooldown_s").set_value(30.0)
    assert dialog.has_unsaved_changes()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    question = _question(qtbot, dialog)
    assert question.text() == "Discard the unsaved changes?"
    assert {b.text().replace("&", "") for b in question.buttons()} == {"Save", "Discard", "Keep editing"}
    question.ensurePolished()
    assert question.palette().color(QPalette.ColorRole.Window).lightness() < 40  # the dialogs' dark style
    _answer(question, "Keep editing")
    qtbot.waitUntil(lambda: dialog.discard_question is None)
    assert dialog.isVisible() and dialog.editor("cooldown_s").value() == pytest.approx(30.0)
    assert store.settings.cooldown_s == pytest.approx(12.0)


def test_discard_closes_without_saving(qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore) -> None:
    before = store.path.read_text()
    dialog.editor("cooldown_s").set_value(30.0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    with qtbot.waitSignal(dialog.rejected):
        _answer(_question(qtbot, dialog), "Discard")
    assert not dialog.isVisible() and store.path.read_text() == before


def test_save_in_the_question_saves_and_closes(
    qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore
) -> None:
    dialog.editor("cooldown_s").set_value(30.0)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    with qtbot.waitSignal(dialog.accepted):
        _answer(_question(qtbot, dialog), "Save")
    assert store.settings.cooldown_s == pytest.approx(30.0)


def test_applied_changes_are_no_longer_unsaved(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.editor("cooldown_s").set_value(30.0)
    assert dialog.apply()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.discard_question is None


def test_an_edited_car_counts_as_an_unsaved_change(qtbot: QtBot, dialog: SettingsDialog) -> None:
    cars = dialog.page(CarsPage)
    assert isinstance(cars, CarsPage) and cars.list.count() > 0
    cars.list.setCurrentRow(0)
    assert not dialog.has_unsaved_changes()
    qtbot.keyClicks(cars.name_edit, " X")
    assert cars.dirty and dialog.has_unsaved_changes()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    _answer(_question(qtbot, dialog), "Keep editing")
    assert dialog.isVisible()


class _CloseButtonEvent(QCloseEvent):
    """A close request from the window's close button (the window manager's: spontaneous)."""

    def spontaneous(self) -> bool:
        return True


def test_the_close_button_asks_but_the_kiosk_ending_does_not(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.editor("cooldown_s").set_value(30.0)
    event = _CloseButtonEvent()
    dialog.closeEvent(event)
    assert not event.isAccepted() and dialog.isVisible()
    _answer(_question(qtbot, dialog), "Keep editing")
    qtbot.waitUntil(lambda: dialog.discard_question is None)
    with qtbot.waitSignal(dialog.rejected):
        dialog.close()  # what Kiosk.quit does: no question while the kiosk closes
    assert dialog.discard_question is None


# -- Detection & reaction: the dealer's few settings, the rest under Advanced ----------------


def _shown_settings(page: DetectionPage) -> set[str]:
    return {
        name
        for form in page.forms()
        for name, editor in form.editors.items()
        if editor.widget.isVisibleTo(page)
    }


def test_the_detection_page_shows_the_few_settings_a_dealer_needs(dialog: SettingsDialog) -> None:
    page = dialog.page(DetectionPage)
    assert isinstance(page, DetectionPage)
    assert not page.advanced_shown
    assert _shown_settings(page) == {"trigger_level", "cooldown_s", "min_face_size", *DetectionPage.ZONE}
    page.advanced_button.click()
    assert page.advanced_shown
    assert _shown_settings(page) == {*DetectionPage.SIMPLE, *DetectionPage.ADVANCED, *DetectionPage.ZONE}
    hints = [label for label in page.findChildren(QLabel, "hint") if label.text() == HINTS["smoothing_s"]]
    assert hints and hints[0].isVisibleTo(page)  # an advanced field's hint comes and goes with it
    page.advanced_button.click()
    assert not hints[0].isVisibleTo(page)


def test_every_detection_setting_is_on_the_page_once() -> None:
    names = [*DetectionPage.SIMPLE, *DetectionPage.ADVANCED, *DetectionPage.ZONE]
    assert len(names) == len(set(names))
    sections = {
        name for name, spec in field_specs().items() if spec.key.split("/")[0] in ("reaction", "detection")
    }
    assert set(names) == sections


def test_saving_keeps_every_detection_setting_simple_or_advanced(
    qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore
) -> None:
    changed = {
        "trigger_level": 0.7,
        "cooldown_s": 20.0,
        "min_face_size": 120,
        "negative_labels": ("angry", "sad"),
        "release_level": 0.3,
        "smoothing_s": 0.8,
        "dwell_s": 1.5,
        "baseline_enabled": not store.settings.baseline_enabled,
        "baseline_s": 3.0,
        "baseline_margin": 0.1,
        "weak_labels": ("surprise",),
        "weak_weight": 0.4,
        "weak_window_s": 2.5,
    }
    for name, value in changed.items():
        dialog.editor(name).set_value(value)
    assert dialog.apply(), dialog.error.text()
    saved = SettingsStore(store.path).load().settings
    for name, value in changed.items():
        assert getattr(saved, name) == (pytest.approx(value) if isinstance(value, float) else value), name
    reopened = SettingsDialog(store)
    qtbot.addWidget(reopened)
    assert reopened.edited() == store.settings  # and shown again as saved


def test_a_problem_in_an_advanced_setting_unfolds_advanced(dialog: SettingsDialog) -> None:
    page = dialog.page(DetectionPage)
    assert isinstance(page, DetectionPage) and not page.advanced_shown
    dialog.editor("trigger_level").set_value(0.3)  # below the (advanced) release level
    assert not dialog.apply()
    assert "Release level" in dialog.error.text()
    assert page.advanced_shown and page.advanced_form["release_level"].widget.isVisibleTo(page)


# -- the dark style --------------------------------------------------------------------------


def test_a_drop_down_list_has_no_light_strips(qtbot: QtBot, dialog: SettingsDialog) -> None:
    combo = dialog.findChild(QComboBox, "camera_backend")
    assert combo is not None
    combo.showPopup()
    popup = combo.view().window()
    qtbot.waitUntil(popup.isVisible)
    picture = popup.grab().toImage()
    rows = [*range(4), *range(picture.height() - 4, picture.height())]  # where the strips were
    lightest = max(QColor(picture.pixel(x, y)).lightness() for y in rows for x in range(picture.width()))
    combo.hidePopup()
    assert lightest < 90, lightest


# Settings the dialog edits with widgets of their own, not a generated field editor.
OWN_WIDGETS = frozenset(
    {
        "retention_days",
        "screen",
        "pin_hash",
        "privacy_text",
        *(f"privacy_text_{c}" for c in ("de", "fr", "es", "it")),
    }
)


def test_every_setting_has_its_place_in_the_dialog(dialog: SettingsDialog) -> None:
    """A setting declared in settings.py but shown on no page could never be changed by staff."""
    missing = []
    for name in field_specs():
        try:
            dialog.editor(name)
        except KeyError:
            missing.append(name)
    assert sorted(missing) == sorted(OWN_WIDGETS)
    assert dialog.editor("logo_file").widget is not None and dialog.editor("show_hud").widget is not None
