"""The first start of a kiosk without an operator PIN: a set-up screen that stays until one is set.

Whoever installs the kiosk chooses the PIN here (typed twice, on the keyboard or the number
pad), or beforehand on the PC with `emotion-kiosk set-pin`. Nothing on this screen closes the
kiosk or opens the settings, and the showroom (with its camera analysis) only starts once the
PIN is set; the kiosk says so to IT meanwhile (`setup_pending` in /health).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.settings.pin import MAX_DIGITS, MIN_DIGITS
from kiosk.ui.common import theme
from kiosk.ui.operator.pin import PinDialog, pin_style_sheet

COLUMN_WIDTH = 480  # pixels: the text, and the PIN form beside it


class _PinForm(PinDialog):
    """The PIN dialog's create form, embedded: it has no Cancel, and Escape does not hide it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(stored_hash="", purpose="setup", parent=parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setModal(False)
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        if cancel is not None:
            cancel.hide()

    def reject(self) -> None:
        """Escape (or a close request) on the set-up screen: the PIN is still needed."""
        self.pin_edit.setFocus()


class SetupScreen(QWidget):
    """Covers the kiosk window; `pin_chosen(hash)` once a valid PIN was typed twice."""

    pin_chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("setupScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            pin_style_sheet()
            + f"QWidget#setupScreen {{ background: {theme.BACKGROUND.name()}; }}"
            + "QLabel#setupHeading { font-size: 40px; font-weight: 300; }"
            + "QLabel#setupText { font-size: 18px; color: #c9ccd1; }"
        )
        self.heading = QLabel(self.tr("Set up this kiosk"))
        self.heading.setObjectName("setupHeading")
        self.heading.setWordWrap(True)
        self.text = QLabel(self._explanation())
        self.text.setObjectName("setupText")
        self.text.setWordWrap(True)
        self.form = _PinForm(self)
        self.form.prompt.hide()  # the text beside it says what the PIN is for
        self.form.ok_button.setText(self.tr("Set the PIN"))
        self.form.accepted.connect(self._on_form_accepted)
        words = QVBoxLayout()  # what this is, beside the form: both fit a 1280x720 screen
        words.setSpacing(18)
        words.addStretch(1)
        words.addWidget(self.heading)
        words.addWidget(self.text)
        words.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(48)
        row.addStretch(1)
        row.addLayout(words)
        row.addWidget(self.form)
        row.addStretch(1)
        for widget in (self.heading, self.text, self.form):
            widget.setFixedWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def _explanation(self) -> str:
        return self.tr(
            "Choose the operator PIN ({min}–{max} digits). Staff enter it to open the settings "
            "(hold the top-left corner for two seconds, or press Ctrl+Alt+S) and to close the kiosk. "
            "The showroom starts as soon as the PIN is set."
        ).format(min=MIN_DIGITS, max=MAX_DIGITS)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.heading.setText(self.tr("Set up this kiosk"))
            self.text.setText(self._explanation())
            self.form.ok_button.setText(self.tr("Set the PIN"))
        super().changeEvent(event)

    @Slot()
    def _on_form_accepted(self) -> None:
        self.pin_chosen.emit(self.form.new_hash)
