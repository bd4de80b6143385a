"""The operator PIN: a salted PBKDF2 hash (never the PIN itself) and the dialog that asks for it.

The stored form is `pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`, kept in the settings
file. A wrong PIN is answered after a short pause that grows with repeated failures, so
guessing a 4-digit PIN at the kiosk takes hours rather than minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

SCHEME = "pbkdf2_sha256"
ITERATIONS = 200_000
MIN_DIGITS = 4
MAX_DIGITS = 12


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """The storable hash of a PIN, with a fresh random salt unless one is given."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"{SCHEME}${iterations}${salt.hex()}${digest.hex()}"


RESET_HINT = "python -m kiosk reset-pin"
DAMAGED_MESSAGE = (
    "The stored operator PIN is damaged, so no PIN can match it. "
    f"On this PC, stop the kiosk and run `{RESET_HINT}` (with the same --data-dir) "
    "to clear it; the kiosk then asks for a new PIN."
)


def _parse(stored: str) -> tuple[int, bytes, bytes] | None:
    """(iterations, salt, digest) of a stored hash, or None when it is malformed."""
    try:
        scheme, iterations_text, salt_hex, digest_hex = stored.split("$")
        iterations = int(iterations_text)
        salt = bytes.fromhex(salt_hex)
        expected = bytes.fromhex(digest_hex)
    except ValueError:
        return None
    if scheme != SCHEME or not 1_000 <= iterations <= 10_000_000 or not salt or len(expected) != 32:
        return None
    return iterations, salt, expected


def is_damaged(stored: str) -> bool:
    """A PIN hash is set but cannot be used (hand-edited, truncated): no PIN would ever match."""
    return bool(stored) and _parse(stored) is None


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches the stored hash; False for a wrong PIN or a malformed hash."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    iterations, salt, expected = parsed
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(digest, expected)


def is_valid_pin(pin: str) -> bool:
    return pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS


class PinDialog(QDialog):
    """Asks for the operator PIN (`verify` mode) or for a new one, typed twice (`create` mode).

    In verify mode the dialog only accepts when the PIN matches `stored_hash`; in create mode
    `new_hash` holds the hash of the new PIN once accepted. `pin_refused` fires on each wrong try.
    """

    pin_refused = Signal()

    def __init__(self, *, stored_hash: str = "", title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self._stored_hash = stored_hash
        self._creating = not stored_hash
        self._failures = 0
        self.new_hash = ""
        self.setWindowTitle(title or ("Create operator PIN" if self._creating else "Operator PIN"))
        self.setModal(True)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        prompt = (
            f"Choose an operator PIN ({MIN_DIGITS}-{MAX_DIGITS} digits).\n"
            "It protects the settings and leaving the kiosk."
            if self._creating
            else "Enter the operator PIN."
        )
        layout.addWidget(QLabel(prompt))
        self.pin_edit = self._pin_field("PIN")
        layout.addWidget(self.pin_edit)
        self.confirm_edit = self._pin_field("Repeat the PIN")
        self.confirm_edit.setVisible(self._creating)
        layout.addWidget(self.confirm_edit)
        self.message = QLabel("")
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        if not self._creating and is_damaged(self._stored_hash):
            self.message.setText(DAMAGED_MESSAGE)  # the kiosk also logs it
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _pin_field(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(MAX_DIGITS)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), edit))
        edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return edit

    @Slot()
    def _on_ok_clicked(self) -> None:
        if self._creating:
            self._finish_create()
        else:
            self._finish_verify()

    def _finish_create(self) -> None:
        pin = self.pin_edit.text()
        if not is_valid_pin(pin):
            self.message.setText(f"The PIN must have {MIN_DIGITS} to {MAX_DIGITS} digits.")
        elif pin != self.confirm_edit.text():
            self.message.setText("The two PINs differ. Please type it again.")
            self.confirm_edit.clear()
        else:
            self.new_hash = hash_pin(pin)
            self.accept()

    def _finish_verify(self) -> None:
        if verify_pin(self.pin_edit.text(), self._stored_hash):
            self.accept()
            return
        self._failures += 1
        self.pin_edit.clear()
        self.message.setText(DAMAGED_MESSAGE if is_damaged(self._stored_hash) else "Wrong PIN.")
        self.pin_refused.emit()
        if self._failures >= 3:
            self._pause_after_failures()

    def _pause_after_failures(self) -> None:
        delay_s = min(2 ** (self._failures - 2), 300)
        self.message.setText(f"Wrong PIN. Try again in {delay_s} s.")
        self.buttons.setEnabled(False)
        QTimer.singleShot(delay_s * 1000, self, self._on_pause_ended)

    @Slot()
    def _on_pause_ended(self) -> None:
        self.buttons.setEnabled(True)
        self.message.setText("")
