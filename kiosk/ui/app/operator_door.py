"""The operator's way in: the PIN, then the settings dialog; the PIN, then the kiosk closes.

`OperatorDoor` is the one place that opens the settings dialog and asks for the PIN (`PinGate`,
with its back-off), on the GUI thread. Nothing opens before an operator PIN is set (the set-up
screen sets it); the dialog is rebuilt in a new language after Apply (nothing is lost), and the
keyboard goes back to the showroom when the last dialog closes, so Ctrl+Alt+S works again
without a click (on bare X nobody else hands the focus back).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QDialog, QWidget

from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.operator.pin import PinDialog
from kiosk.ui.operator.pin_gate import PinGate
from kiosk.ui.settings.dialog import SettingsDialog

log = logging.getLogger(__name__)

DialogFactory = Callable[[], SettingsDialog]  # a new dialog over the kiosk's parts, now


class OperatorDoor(QObject):
    """Asks for the PIN, then opens the settings (`request_settings`) or quits (`request_exit`)."""

    def __init__(
        self,
        store: SettingsStore,
        window: QWidget,
        make_dialog: DialogFactory,
        quit_kiosk: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._window = window
        self._make_dialog = make_dialog
        self._quit = quit_kiosk
        self._closing = False
        self.dialog: SettingsDialog | None = None
        self.pin_gate = PinGate(store, self)
        self.pin_gate.dialog_closed.connect(self._on_pin_dialog_closed)

    @property
    def pin_dialog(self) -> PinDialog | None:
        return self.pin_gate.dialog

    def request_settings(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        if not self._store.settings.pin_hash:
            log.info("event settings_refused (no operator PIN yet: the set-up screen sets it)")
            return
        self.pin_gate.ask(self.open_settings, purpose="settings", parent=self._dialog_parent())

    def request_exit(self) -> None:
        if not self._store.settings.pin_hash:
            log.info("event exit_refused (no operator PIN yet: the set-up screen sets it)")
            return
        self.pin_gate.ask(self._quit, purpose="exit", parent=self._dialog_parent())

    def open_settings(self) -> None:
        """The settings dialog, now (the PIN was given)."""
        dialog = self._make_dialog()
        dialog.exit_requested.connect(self._quit)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        log.info("event settings_opened")
        dialog.open()

    def language_changed(self) -> None:
        """An open dialog is rebuilt in the new language, on the same page (after Apply)."""
        if self.dialog is not None:
            QTimer.singleShot(0, self, self._reopen_settings)

    def close(self) -> None:
        """The kiosk is ending: close the dialog, and give nothing the focus any more."""
        self._closing = True
        if self.dialog is not None:
            self.dialog.close()

    @Slot()
    def _reopen_settings(self) -> None:
        dialog = self.dialog
        if dialog is None or not dialog.isVisible() or self._closing:
            return  # OK closed it, or the kiosk is ending
        row = dialog.nav.currentRow()
        dialog.done(QDialog.DialogCode.Accepted)
        self.open_settings()
        if self.dialog is not None:
            self.dialog.nav.setCurrentRow(row)

    @Slot(int)
    def _on_dialog_finished(self, _code: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self._refocus_window()

    @Slot()
    def _on_pin_dialog_closed(self) -> None:
        self._refocus_window()

    def _refocus_window(self) -> None:
        if self._closing or self.dialog is not None or self.pin_gate.dialog is not None:
            return
        self._window.raise_()
        self._window.activateWindow()
        self._window.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _dialog_parent(self) -> QWidget:
        return self.dialog if self.dialog is not None else self._window
