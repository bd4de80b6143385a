"""No visitor action takes the kiosk over: keys, the window's close and the corner hold, driven
on the real window, with no PIN (the set-up screen) and with one. Afterwards the kiosk still
runs and its PIN is what it was; only the set-up screen (or `set-pin`) sets a PIN, and setting
it never closes the kiosk."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fakes import VideoFactory
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.settings.pin import hash_pin, verify_pin
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions
from kiosk.ui.common.settings_store import SettingsStore

PIN = "2580"
HOLD_MS = 2300  # the corner hold opens the settings after 2 s


@pytest.fixture
def kiosk_with(
    qtbot: QtBot, tiny_model: Path, isolated_data_dir: Path, face_video: VideoFactory
) -> Iterator[Callable[[str], Kiosk]]:
    """A full-screen kiosk (as in the showroom) with the given stored PIN hash ("" for none)."""
    made: list[Kiosk] = []

    def make(pin_hash: str) -> Kiosk:
        store = SettingsStore(isolated_data_dir / "settings.ini")
        store.load()
        store.update(replace(store.settings, pin_hash=pin_hash, rotation_s=0, transition_ms=100))
        video = face_video([("none", 1.0)])
        options = LaunchOptions(video=str(video), model_path=tiny_model, records=False, realtime=False)
        kiosk = Kiosk(store, options)
        kiosk.start()
        made.append(kiosk)
        kiosk.window.activateWindow()
        qtbot.waitUntil(kiosk.window.isActiveWindow)
        return kiosk

    yield make
    for kiosk in made:
        if not kiosk._finished:
            with qtbot.waitSignal(kiosk.finished, timeout=10_000):
                kiosk.quit()
        kiosk.dispose()


def _escape(qtbot: QtBot, kiosk: Kiosk) -> None:
    QTest.keyClick(QApplication.focusWidget() or kiosk.window, Qt.Key.Key_Escape)


def _settings_shortcut(qtbot: QtBot, kiosk: Kiosk) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    QTest.keyClick(QApplication.focusWidget() or kiosk.window, Qt.Key.Key_S, modifiers)


def _close_request(qtbot: QtBot, kiosk: Kiosk) -> None:
    """Alt+F4 is the window manager's: it asks the window to close, as `close()` does."""
    QTest.keyClick(kiosk.window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    kiosk.window.close()


def _corner_hold(qtbot: QtBot, kiosk: Kiosk) -> None:
    target = kiosk.window.childAt(QPoint(10, 10)) or kiosk.window
    at = target.mapFrom(kiosk.window, QPoint(10, 10))
    QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.wait(HOLD_MS)
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


ACTIONS = {
    "escape": _escape,
    "ctrl+alt+s": _settings_shortcut,
    "alt+f4/close": _close_request,
    "corner hold": _corner_hold,
}


@pytest.mark.parametrize("action", list(ACTIONS))
def test_without_a_pin_nothing_from_the_showroom_side_sets_one_or_closes_the_kiosk(
    qtbot: QtBot, kiosk_with: Callable[[str], Kiosk], action: str
) -> None:
    kiosk = kiosk_with("")
    assert kiosk.setting_up and kiosk.window.setup_screen is not None
    assert kiosk.window.setup_screen.isVisible() and kiosk.window.isFullScreen()
    assert kiosk.operator.problems.has("setup_pending")
    ACTIONS[action](qtbot, kiosk)
    qtbot.wait(300)  # anything queued (a dialog, a quit) has had its turn
    assert not kiosk._quitting and kiosk.window.isVisible()
    assert kiosk.pin_dialog is None and kiosk.dialog is None
    assert kiosk.store.settings.pin_hash == ""
    assert "pin_hash=" not in kiosk.store.path.read_text() or "pin_hash=\n" in kiosk.store.path.read_text()
    assert kiosk.window.setup_screen is not None and kiosk.window.setup_screen.isVisible()
    assert not kiosk.controller.is_running  # no camera analysis before the kiosk is set up


@pytest.mark.parametrize("action", list(ACTIONS))
def test_with_a_pin_each_action_only_asks_for_it(
    qtbot: QtBot, kiosk_with: Callable[[str], Kiosk], action: str
) -> None:
    stored = hash_pin(PIN, iterations=1000)
    kiosk = kiosk_with(stored)
    assert not kiosk.setting_up
    ACTIONS[action](qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.pin_dialog is not None, timeout=3_000)
    dialog = kiosk.pin_dialog
    assert dialog is not None and not dialog.confirm_edit.isVisibleTo(dialog)  # asks, never creates
    QTest.keyClicks(dialog.pin_edit, "1111")
    QTest.keyClick(dialog.pin_edit, Qt.Key.Key_Return)  # a wrong PIN: refused
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # and away
    qtbot.waitUntil(lambda: kiosk.pin_dialog is None, timeout=3_000)
    assert not kiosk._quitting and kiosk.window.isVisible() and kiosk.dialog is None
    assert kiosk.store.settings.pin_hash == stored


def test_the_set_up_screen_sets_the_pin_and_the_showroom_starts_without_closing(
    qtbot: QtBot, kiosk_with: Callable[[str], Kiosk]
) -> None:
    kiosk = kiosk_with("")
    screen = kiosk.window.setup_screen
    assert screen is not None
    form = screen.form
    QTest.keyClick(form.pin_edit, Qt.Key.Key_Escape)  # Escape on the form does not hide it
    assert form.isVisible() and screen.isVisible()
    QTest.keyClicks(form.pin_edit, "97531")
    QTest.keyClicks(form.confirm_edit, "97530")
    QTest.keyClick(form.confirm_edit, Qt.Key.Key_Return)
    assert "differ" in form.message.text() and kiosk.store.settings.pin_hash == ""
    QTest.keyClicks(form.confirm_edit, "97531")
    with qtbot.waitSignal(kiosk.controller.result_received, timeout=20_000):  # the showroom runs
        QTest.keyClick(form.confirm_edit, Qt.Key.Key_Return)
    assert verify_pin("97531", kiosk.store.settings.pin_hash)
    assert "97531" not in kiosk.store.path.read_text()
    assert kiosk.window.setup_screen is None and not kiosk._quitting and kiosk.window.isVisible()
    assert not kiosk.operator.problems.has("setup_pending")
    assert kiosk.window.showroom.current_car is not None
    _escape(qtbot, kiosk)  # from now on Escape asks for the new PIN
    qtbot.waitUntil(lambda: kiosk.pin_dialog is not None, timeout=3_000)
    assert kiosk.pin_dialog is not None
    kiosk.pin_dialog.reject()
