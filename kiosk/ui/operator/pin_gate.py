"""The operator PIN in front of the settings and the exit: one dialog at a time, and then the action.

The first time (no PIN stored) the dialog asks for a new one and saves its hash through the
settings store; afterwards it checks the PIN, with the kiosk-wide backoff after wrong tries
(`PinBackoff`, kept in the data folder, so closing the dialog does not reset it). A damaged
hash is kept as it is and reported (`kiosk.ui.operator.pin`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from kiosk.paths import data_dir
from kiosk.settings.pin import DAMAGED_MESSAGE, is_damaged
from kiosk.settings.pin_backoff import FILE_NAME as PIN_ATTEMPTS_FILE
from kiosk.settings.pin_backoff import PinBackoff
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.operator.pin import PinDialog

log = logging.getLogger(__name__)


class PinGate(QObject):
    """`ask(then, purpose=..., parent=...)` shows the PIN dialog; `then` runs once it is accepted."""

    dialog_closed = Signal()  # the PIN dialog went away, accepted or not

    def __init__(self, store: SettingsStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.backoff = PinBackoff(data_dir() / PIN_ATTEMPTS_FILE)  # the kiosk's, not a dialog's
        self.dialog: PinDialog | None = None
        self._then: Callable[[], None] | None = None

    def ask(self, then: Callable[[], None], *, purpose: str, parent: QWidget) -> None:
        """Ask for the PIN (or a new one, the first time), then call `then`; ignored while a
        PIN dialog is already open."""
        if self.dialog is not None:
            return
        pin_hash = self._store.settings.pin_hash
        dialog = PinDialog(stored_hash=pin_hash, purpose=purpose, backoff=self.backoff, parent=parent)
        self._then = then
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.pin_refused.connect(self._on_pin_refused)
        self.dialog = dialog
        log.info("event pin_asked purpose=%s", purpose)
        if is_damaged(pin_hash):
            log.warning("event pin_damaged file=%s: %s", self._store.path, DAMAGED_MESSAGE)
        dialog.open()

    @Slot()
    def _on_dialog_accepted(self) -> None:
        dialog = self.dialog
        if dialog is not None and dialog.new_hash:
            self._store.update(replace(self._store.settings, pin_hash=dialog.new_hash))
            log.info("event pin_created")
        then, self._then = self._then, None
        if then is not None:
            QTimer.singleShot(0, self, then)  # after the dialog has closed

    @Slot(int)
    def _on_dialog_finished(self, _code: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.dialog_closed.emit()

    @Slot()
    def _on_pin_refused(self) -> None:
        log.warning("event pin_refused")
