"""The operator PIN: stored as a salted PBKDF2 hash; the dialog refuses a wrong PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from kiosk.ui.pin import PinDialog, hash_pin, is_valid_pin, verify_pin

FAST = 1_000  # iterations: the format and checks are the same, the tests are quicker


def test_the_hash_is_salted_and_never_the_pin() -> None:
    first, second = hash_pin("4711"), hash_pin("4711")
    assert "4711" not in first
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


def test_repeated_failures_pause_the_dialog(qtbot: QtBot) -> None:
    dialog = PinDialog(stored_hash=hash_pin("1357", iterations=FAST))
    qtbot.addWidget(dialog)
    dialog.open()
    for _ in range(3):
        dialog.pin_edit.setText("9999")
        _ok(dialog)
    assert not dialog.buttons.isEnabled()
    assert "Try again in" in dialog.message.text()


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
