"""The mouse wheel over the settings scrolls the page; it changes a value only in the focused field."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.settings.cars_page import CarsPage
from kiosk.ui.settings.detection_page import DetectionPage
from kiosk.ui.settings.dialog import SettingsDialog

DOWN = QPoint(0, -120)  # one notch of the wheel, turned towards the user: the page goes down


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> SettingsDialog:
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    store.update(replace(store.settings, pin_hash="kept"))
    widget = SettingsDialog(store)
    qtbot.addWidget(widget)
    widget.fit_to(QRect(0, 0, 1000, 560))  # small enough for every page to scroll
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _show_page(dialog: SettingsDialog, kind: type) -> QScrollArea:
    row = next(i for i, page in enumerate(dialog.pages) if isinstance(page, kind))
    dialog.nav.setCurrentRow(row)
    QApplication.processEvents()
    area = dialog.stack.currentWidget()
    assert isinstance(area, QScrollArea)
    assert area.verticalScrollBar().maximum() > 0, "the page must be able to scroll for this test"
    return area


def _wheel(widget: QWidget, delta: QPoint = DOWN) -> None:
    """A wheel event sent to the widget itself, as Qt delivers one under the pointer."""
    inside = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        inside,
        QPointF(widget.mapToGlobal(inside.toPoint())),
        QPoint(0, 0),
        delta,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _cars_combo(dialog: SettingsDialog) -> QComboBox:
    cars = dialog.page(CarsPage)
    assert isinstance(cars, CarsPage) and cars.list.count() >= 2
    cars.list.setCurrentRow(0)
    combo = cars.findChild(QComboBox, "upliftTarget")
    assert combo is not None and combo.count() > 2
    return combo


def test_an_unfocused_drop_down_on_the_cars_page_scrolls_the_page_instead(dialog: SettingsDialog) -> None:
    area = _show_page(dialog, CarsPage)
    combo = _cars_combo(dialog)
    area.ensureWidgetVisible(combo)
    area.verticalScrollBar().setValue(0)
    before = combo.currentIndex()
    _wheel(combo)
    assert combo.currentIndex() == before
    assert area.verticalScrollBar().value() > 0
    cars = dialog.page(CarsPage)
    assert isinstance(cars, CarsPage) and not cars.dirty  # no edit was made behind the operator's back


def test_an_unfocused_number_box_scrolls_the_page_instead(dialog: SettingsDialog) -> None:
    area = _show_page(dialog, DetectionPage)
    spin = dialog.findChild(QDoubleSpinBox, "cooldown_s")
    assert spin is not None
    before = spin.value()
    _wheel(spin)
    _wheel(spin)
    assert spin.value() == before
    assert area.verticalScrollBar().value() > 0


def test_a_focused_field_takes_the_wheel_as_usual(qtbot: QtBot, dialog: SettingsDialog) -> None:
    _show_page(dialog, DetectionPage)
    spin = dialog.findChild(QDoubleSpinBox, "cooldown_s")
    assert spin is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    before = spin.value()
    _wheel(spin, QPoint(0, 120))
    assert spin.value() == pytest.approx(before + spin.singleStep())


def test_a_real_wheel_turn_neither_changes_nor_focuses_the_field(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    """Through the window, as the mouse sends it: Qt would give a WheelFocus field the focus first."""
    area = _show_page(dialog, CarsPage)
    combo = _cars_combo(dialog)
    area.ensureWidgetVisible(combo)  # under the pointer, with the page scrolled down to it
    QApplication.processEvents()
    scrolled = area.verticalScrollBar().value()
    assert scrolled > 0
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    before = combo.currentIndex()
    centre = combo.mapTo(dialog, QPoint(combo.width() // 2, combo.height() // 2))
    assert dialog.childAt(centre) in (combo, *combo.findChildren(QWidget))
    QTest.wheelEvent(dialog.windowHandle(), QPointF(centre), QPoint(0, 120))  # up: back to the top
    QApplication.processEvents()
    assert combo.currentIndex() == before and not combo.hasFocus()
    assert area.verticalScrollBar().value() < scrolled


def test_widgets_outside_the_dialog_are_left_alone(qtbot: QtBot, dialog: SettingsDialog) -> None:
    other = QComboBox()
    qtbot.addWidget(other)
    other.addItems(["a", "b", "c"])
    other.show()
    _wheel(other)
    assert other.currentIndex() == 1  # Qt's own wheel handling: the next item
