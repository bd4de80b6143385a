"""The operator PIN: stored as a salted PBKDF2 hash; the dialog refuses a wrong PIN, and the
wrong-PIN back-off belongs to the kiosk (on disk), not to the dialog."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from kiosk.settings.pin import RESET_HINT, damaged_message, hash_pin, is_valid_pin, verify_pin
from kiosk.settings.pin_backoff import MAX_DELAY_S, PinBackoff, delay_after
from kiosk.ui.common import theme
from kiosk.ui.operator.pin import MARGIN, PinDialog

FAST = 1_000  # iterations: the format and checks are the same, the tests are quicker


def test_the_hash_is_salted_and_never_the_pin() -> None:
    first, second = hash_pin("4711"), hash_pin("4711")
    scheme, iterations, salt, digest = first.split("$")
    # The PIN is no field of it (the hex of the salt or the digest may hold "4711" by chance:
    # about once in 700 hashes, so a plain `"4711" not in first` failed now and then).
    assert "4711" not in (scheme, iterations, salt, digest)
    assert len(salt) == 32 and len(digest) == 64 and int(salt, 16) >= 0 and int(digest, 16) >= 0
    assert first != second  # a fresh salt each time
    assert first.startswith("pbkdf2_sha256$")
    assert verify_pin("4711", first) and verify_pin("4711", second)


def test_a_wrong_pin_or_a_malformed_hash_is_refused() -> None:
    stored = hash_pin("2468", iterations=FAST)
    assert not verify_pin("2469", stored)
    assert not verify_pin("", stored)
    for bad in ("", "2468", "md5$1$00$00", "pbkdf2_sha256$x$00$00", "pbkdf2_sha256$1000$zz$00"):
        assert not verify_pin("2468", bad)


def test_pin_rules() -> None:
    assert is_valid_pin("1234") and is_valid_pin("123456789012")
    assert not is_valid_pin("123") and not is_valid_pin("12a4") and not is_valid_pin("1234567890123")


def _ok(dialog: PinDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_dialog_refuses_a_wrong_pin_and_accepts_the_right_one(qtbot: QtBot) -> None:
    dialog = PinDialog(stored_hash=hash_pin("1357", iterations=FAST))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.pin_edit.setText("0000")
    with qtbot.waitSignal(dialog.pin_refused):
        _ok(dialog)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.pin_edit.text() == ""
    dialog.pin_edit.setText("1357")
    with qtbot.waitSignal(dialog.accepted):
        _ok(dialog)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def _verify_dialog(qtbot: QtBot, backoff: PinBackoff, purpose: str = "settings") -> PinDialog:
    dialog = PinDialog(stored_hash=hash_pin("1357", iterations=FAST), purpose=purpose, backoff=backoff)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _fail(dialog: PinDialog, times: int) -> None:
    for _ in range(times):
        dialog.pin_edit.setText("9999")
        _ok(dialog)


def test_the_delay_doubles_after_two_free_tries_up_to_a_maximum() -> None:
    assert [delay_after(n) for n in range(1, 8)] == [0, 0, 2, 4, 8, 16, 32]
    assert delay_after(40) == MAX_DELAY_S


def test_repeated_failures_lock_ok_but_not_cancel(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _verify_dialog(qtbot, PinBackoff(tmp_path / "attempts.json", clock=FakeClock()))
    _fail(dialog, 3)
    assert not dialog.ok_button.isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled()
    assert "Try again in 2 s" in dialog.message.text()
    with qtbot.waitSignal(dialog.rejected):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_the_back_off_survives_cancel_and_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    clock, path = FakeClock(), tmp_path / "attempts.json"
    first = _verify_dialog(qtbot, PinBackoff(path, clock=clock))
    _fail(first, 3)
    first.reject()
    clock.now += 3  # the 2 s lock is over; the count is not
    restarted = PinBackoff(path, clock=clock)  # a new kiosk process reads the same file
    assert restarted.failures == 3
    second = _verify_dialog(qtbot, restarted, purpose="exit")
    assert second.ok_button.isEnabled()
    _fail(second, 1)
    assert "Try again in 4 s" in second.message.text()  # not 2 s again
    assert PinBackoff(path, clock=clock).remaining_s() == 4
    third = _verify_dialog(qtbot, PinBackoff(path, clock=clock))
    assert not third.ok_button.isEnabled() and "4 s" in third.message.text()


def test_the_countdown_runs_and_then_ok_works(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    dialog = _verify_dialog(qtbot, PinBackoff(tmp_path / "attempts.json", clock=clock))
    _fail(dialog, 3)
    _fail(dialog, 1)  # OK is disabled: this try is not counted
    assert "2 s" in dialog.message.text()
    clock.now += 2
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    _fail(dialog, 1)
    assert "4 s" in dialog.message.text()
    clock.now += 1.5
    qtbot.waitUntil(lambda: "3 s" in dialog.message.text())
    clock.now += 3
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    assert "try again now" in dialog.message.text()
    dialog.pin_edit.setText("1357")
    with qtbot.waitSignal(dialog.accepted):
        _ok(dialog)
    assert PinBackoff(tmp_path / "attempts.json", clock=clock).failures == 0


def test_return_during_the_delay_says_why_it_was_ignored(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _verify_dialog(qtbot, PinBackoff(tmp_path / "attempts.json", clock=FakeClock()))
    _fail(dialog, 3)
    dialog.pin_edit.setText("1357")  # the right PIN, but too soon
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    assert "Not checked" in dialog.message.text() and "2 s" in dialog.message.text()
    assert dialog.isVisible()


def test_an_unreadable_attempts_file_counts_from_zero(tmp_path: Path) -> None:
    path = tmp_path / "attempts.json"
    path.write_text("not json")
    assert PinBackoff(path).failures == 0


def test_the_dialog_says_what_the_pin_is_for(qtbot: QtBot) -> None:
    backoff = PinBackoff(None)
    closing = _verify_dialog(qtbot, backoff, purpose="exit")
    opening = _verify_dialog(qtbot, backoff, purpose="settings")
    assert "close the kiosk" in closing.prompt.text()
    assert "open the settings" in opening.prompt.text()
    flags = closing.windowFlags()
    assert not flags & Qt.WindowType.WindowMinimizeButtonHint
    assert not flags & Qt.WindowType.WindowMaximizeButtonHint


def test_the_number_pad_types_into_the_pin_field(qtbot: QtBot) -> None:
    dialog = _verify_dialog(qtbot, PinBackoff(None))
    for key in ("1", "3", "5", "8", "⌫", "7"):
        dialog.pad[key].click()
    assert dialog.pin_edit.text() == "1357"
    with qtbot.waitSignal(dialog.accepted):
        _ok(dialog)


def test_creating_a_pin_needs_it_twice(qtbot: QtBot) -> None:
    dialog = PinDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.confirm_edit.isVisibleTo(dialog)
    dialog.pin_edit.setText("12")
    _ok(dialog)
    assert "4 to 12 digits" in dialog.message.text()
    dialog.pin_edit.setText("8642")
    dialog.confirm_edit.setText("8641")
    _ok(dialog)
    assert "differ" in dialog.message.text()
    assert dialog.new_hash == ""
    dialog.confirm_edit.setText("8642")
    with qtbot.waitSignal(dialog.accepted):
        _ok(dialog)
    assert verify_pin("8642", dialog.new_hash)
    assert "8642" not in dialog.new_hash


def test_the_pin_fields_take_digits_only(qtbot: QtBot) -> None:
    dialog = PinDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.pin_edit, "12ab34")
    assert dialog.pin_edit.text() == "1234"


# -- the dialog at 1280x720: margins, spacing, finger-sized buttons, the showroom's type -----


def _shown(qtbot: QtBot, dialog: PinDialog, available: QRect) -> PinDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fit_to(available)
    QApplication.processEvents()
    return dialog


@pytest.mark.parametrize("task_bar", [0, 40])
@pytest.mark.parametrize("kind", ["verify", "damaged", "create"])
def test_the_pin_pad_fits_a_1280x720_screen_with_margins(qtbot: QtBot, kind: str, task_bar: int) -> None:
    available = QRect(0, 0, 1280, 720 - task_bar)
    stored = {"verify": hash_pin("1357", iterations=FAST), "damaged": "pbkdf2_sha256$broken", "create": ""}
    dialog = _shown(qtbot, PinDialog(stored_hash=stored[kind], purpose="exit"), available)
    inner = available.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    frame = dialog.frameGeometry()  # with the window's frame, as far as the platform knows it
    assert inner.contains(frame), (frame, inner)
    layout = dialog.layout()
    assert layout.totalHeightForWidth(dialog.width()) <= dialog.height()  # nothing squeezed
    assert (frame.center() - available.center()).manhattanLength() <= 2  # centred
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert dialog.rect().contains(cancel.geometry().translated(cancel.parentWidget().pos()))


def test_key_rows_are_apart_and_ok_and_cancel_are_finger_sized(qtbot: QtBot) -> None:
    dialog = _shown(qtbot, PinDialog(stored_hash=hash_pin("1357", iterations=FAST)), QRect(0, 0, 1280, 720))
    rows = [dialog.pad[key].geometry() for key in ("1", "4", "7", "0")]
    for upper, lower in itertools.pairwise(rows):
        assert lower.top() - upper.bottom() > 8, (upper, lower)
    for key in dialog.pad.values():
        assert key.height() >= 48 and key.width() >= 80
    for button in (dialog.ok_button, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)):
        assert button.height() >= 48 and button.width() >= 120, button.size()
        assert button.icon().isNull()  # words only, as on the keys


def test_the_pin_pad_uses_the_showroom_type(qtbot: QtBot) -> None:
    dialog = _shown(qtbot, PinDialog(stored_hash=hash_pin("1357", iterations=FAST)), QRect(0, 0, 1280, 720))
    showroom = QFontInfo(theme.font(24)).family()
    for widget in (dialog.pad["5"], dialog.ok_button, dialog.prompt, dialog.pin_edit, dialog.message):
        assert QFontInfo(widget.font()).family() == showroom, widget


def test_the_set_up_screen_keeps_the_pin_form_in_view(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.operator.setup_screen import SetupScreen

    for width, height in ((1280, 720), (1920, 1080)):
        window = QWidget()
        qtbot.addWidget(window)
        window.resize(width, height)
        screen = SetupScreen(window)
        screen.resize(width, height)
        window.show()
        QApplication.processEvents()
        form = screen.form
        assert not form.isWindow() and form.parentWidget() is screen
        area = form.geometry()
        assert screen.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN).contains(area), (width, area)
        assert form.ok_button.isVisible() and form.ok_button.height() >= 48


def test_a_forgotten_or_damaged_pin_is_worded_for_the_dealer() -> None:
    message = damaged_message()
    assert "emotion-kiosk reset-pin" in message and "EmotionKiosk reset-pin" in message
    assert "python" not in message and "--data-dir" not in message
    assert "python" not in RESET_HINT
