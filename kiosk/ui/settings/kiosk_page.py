"""The Kiosk page of the settings dialog: the language, the screen, the mouse pointer, the hours
the screen stays on, the privacy notice, the operator PIN, and the button that exits the kiosk."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from kiosk.settings.model import KioskSettings, field_specs
from kiosk.settings.pin import FOLDER_RESET_HINT, RESET_HINT
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.operator.pin import PinDialog
from kiosk.ui.settings.fields import hint_label
from kiosk.ui.settings.page import SettingsPage
from kiosk.ui.settings.privacy_editor import PrivacyEditor


class KioskPage(SettingsPage):
    """The kiosk as a whole; `exit_requested` when the operator presses "Exit the kiosk"."""

    title = QT_TRANSLATE_NOOP("SettingsPage", "Kiosk")
    exit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["language", "hide_cursor", "screen_off_hours"], parent)
        self.screens = QComboBox()
        self.screens.setObjectName("screens")
        self.screens.addItem(self.tr("The primary screen"), "")
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            self.screens.addItem(f"{screen.name()} ({geometry.width()}x{geometry.height()})", screen.name())
        self.form_layout.insertRow(0, field_specs()["screen"].text, self.screens)
        self.privacy = PrivacyEditor()
        self.form_layout.addRow(field_specs()["privacy_text"].text, self.privacy)
        self.form_layout.addRow("", hint_label(self.tr("Empty: the standard notice in that language.")))
        self._pin_hash = ""
        self.pin_dialog: PinDialog | None = None
        self.pin_status = QLabel("")
        self.pin_button = QPushButton(self.tr("Change PIN…"))
        self.pin_button.clicked.connect(self._on_pin_clicked)
        self.form_layout.addRow(self.pin_button, self.pin_status)
        self.form_layout.addRow(
            "",
            hint_label(
                self.tr(
                    "Forgotten PIN: stop the kiosk and, on this PC, run `{command}` in a terminal "
                    "(or `{folder_command}` in the kiosk's folder). The kiosk then asks for a new PIN."
                ).format(command=RESET_HINT, folder_command=FOLDER_RESET_HINT)
            ),
        )
        self.exit_button = QPushButton(self.tr("Exit the kiosk"))
        self.exit_button.setObjectName("exitKiosk")
        self.exit_button.clicked.connect(self.exit_requested)
        self.outer.addStretch(1)
        self.outer.addWidget(self.exit_button, 0, Qt.AlignmentFlag.AlignRight)

    def load(self, settings: KioskSettings) -> None:
        super().load(settings)
        row = self.screens.findData(settings.screen)
        if row < 0:
            self.screens.addItem(
                self.tr("{screen} (not connected)").format(screen=settings.screen), settings.screen
            )
            row = self.screens.count() - 1
        self.screens.setCurrentIndex(row)
        self.privacy.load(settings)
        self._pin_hash = settings.pin_hash
        self.pin_status.setText("")

    def save(self, settings: KioskSettings) -> KioskSettings:
        settings = self.privacy.save(super().save(settings))
        return dataclasses.replace(
            settings, screen=str(self.screens.currentData() or ""), pin_hash=self._pin_hash
        )

    @Slot()
    def _on_pin_clicked(self) -> None:
        self.pin_dialog = PinDialog(purpose="change", parent=self)
        self.pin_dialog.accepted.connect(self._on_pin_dialog_accepted)
        self.pin_dialog.open()

    @Slot()
    def _on_pin_dialog_accepted(self) -> None:
        assert self.pin_dialog is not None
        self._pin_hash = self.pin_dialog.new_hash
        self.pin_status.setText(self.tr("New PIN chosen: press Apply or OK to keep it."))
