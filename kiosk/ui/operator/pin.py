"""The dialog that asks for the operator PIN (the PIN itself, hashed: `kiosk.settings.pin`).

Repeated wrong PINs lock the prompt for longer and longer (`pin_backoff`, kept per kiosk on disk).

The dialog fits a 1280x720 screen with room to spare, centred on its screen, in the showroom's
type, with keys and OK/Cancel large enough for a finger; the set-up screen embeds its form.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRegularExpression, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.settings.pin import (
    MAX_DIGITS,
    MIN_DIGITS,
    damaged_message,
    hash_pin,
    is_damaged,
    is_valid_pin,
    verify_pin,
)
from kiosk.settings.pin_backoff import PinBackoff
from kiosk.ui.common import theme
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, translate

PURPOSES = {  # purpose -> (window title, prompt), translated where shown ({min}, {max}: digits)
    "settings": (
        QT_TRANSLATE_NOOP("PinDialog", "Operator PIN"),
        QT_TRANSLATE_NOOP("PinDialog", "Enter the PIN to open the settings"),
    ),
    "exit": (
        QT_TRANSLATE_NOOP("PinDialog", "Close the kiosk"),
        QT_TRANSLATE_NOOP("PinDialog", "Enter the PIN to close the kiosk"),
    ),
    "change": (
        QT_TRANSLATE_NOOP("PinDialog", "New operator PIN"),
        QT_TRANSLATE_NOOP("PinDialog", "Choose the new operator PIN ({min}–{max} digits)"),
    ),
}
CREATE_PROMPT = QT_TRANSLATE_NOOP(
    "PinDialog",
    "Choose an operator PIN ({min}–{max} digits). It protects the settings and closing the kiosk.",
)
CLEAR_KEY = "Clear"
PAD_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", CLEAR_KEY, "0", "⌫")
TICK_MS = 200  # the countdown's refresh
WIDTH = 460  # pixels: the dialog (the set-up screen gives the form its own width)
MARGIN = 24  # pixels inside the dialog, and left free around it on the screen
ROW_SPACING = 12  # pixels between the rows of keys (and the other rows)
KEY_HEIGHT = 54  # pixels: a fingertip, with four rows that fit 720 pixels
BUTTON_SIZE = (132, 50)  # OK and Cancel: as easy to hit as the keys


def pin_style_sheet() -> str:
    """The dialogs' dark style, with large digits and finger-sized keys and buttons."""
    width, height = BUTTON_SIZE
    return (
        theme.dialog_style_sheet()
        + f"""
    QDialog#pinDialog QLabel#pinPrompt {{ font-size: 18px; }}
    QDialog#pinDialog QLabel#pinLabel {{ font-size: 15px; color: #c9ccd1; }}
    QDialog#pinDialog QLineEdit {{ font-size: 28px; letter-spacing: 6px; padding: 6px 12px;
                                   min-width: 220px; }}
    QDialog#pinDialog QPushButton#padKey {{ font-size: 24px; min-width: 80px; min-height: {KEY_HEIGHT}px;
                                            padding: 0; }}
    QDialog#pinDialog QLabel#pinMessage {{ font-size: 15px; color: #f2c94c; }}
    QDialog#pinDialog QDialogButtonBox QPushButton {{ font-size: 17px; min-width: {width}px;
                                                      min-height: {height}px; padding: 0 12px; }}
    """
    )


class PinDialog(QDialog):
    """Asks for the operator PIN (verify) or for a new one, typed twice (create).

    Verify: accepts only when the PIN matches `stored_hash`; a wrong PIN is counted by
    `backoff`, which belongs to the kiosk (and its data folder), not to this dialog, so
    Cancel does not reset it. While it is locked a countdown runs, OK waits, Cancel works.
    Create (no stored hash): `new_hash` holds the hash of the new PIN once accepted.
    `pin_refused` fires on each wrong try.
    """

    pin_refused = Signal()

    def __init__(
        self,
        *,
        stored_hash: str = "",
        purpose: str = "settings",
        backoff: PinBackoff | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self._stored_hash = stored_hash
        self._creating = not stored_hash
        self._purpose = purpose
        self.backoff = backoff if backoff is not None else PinBackoff(None)
        self.new_hash = ""
        title, _prompt = PURPOSES.get(purpose, PURPOSES["settings"])
        creating = self._creating and purpose != "change"
        self.setWindowTitle(self.tr("Create operator PIN") if creating else translate("PinDialog", title))
        self.setWindowFlags(  # a title, no minimise or maximise button
            Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
        )
        self.setStyleSheet(pin_style_sheet())
        self.setModal(True)
        self._countdown = QTimer(self)
        self._countdown.setInterval(TICK_MS)
        self._countdown.timeout.connect(self._on_countdown_timeout)
        self._build()
        self._on_countdown_timeout()  # a lock left by an earlier dialog (or run) shows at once

    def prompt_text(self) -> str:
        if self._creating and self._purpose != "change":
            prompt = CREATE_PROMPT
        else:
            prompt = PURPOSES.get(self._purpose, PURPOSES["settings"])[1]
        return translate("PinDialog", prompt).format(min=MIN_DIGITS, max=MAX_DIGITS)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(ROW_SPACING)
        self.prompt = QLabel(self.prompt_text())
        self.prompt.setObjectName("pinPrompt")
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        layout.addLayout(self._fields())
        layout.addLayout(self._number_pad())
        self.message = QLabel("")
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        if not self._creating and is_damaged(self._stored_hash):
            self.message.setText(damaged_message())  # the kiosk also logs it
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(  # made in the dialog, so with its style (no icons)
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAutoDefault(False)  # Return is handled in keyPressEvent
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _fields(self) -> QGridLayout:
        """The PIN field (and the repeat, when choosing one), each with its label beside it."""
        grid = QGridLayout()
        grid.setSpacing(ROW_SPACING)
        grid.setColumnStretch(1, 1)
        self.pin_edit = self._pin_field()
        label = _buddy(self.tr("New PIN") if self._creating else self.tr("PIN"), self.pin_edit)
        self.confirm_edit = self._pin_field()
        self.confirm_label = _buddy(self.tr("Repeat the new PIN"), self.confirm_edit)
        for row, (text, edit) in enumerate(((label, self.pin_edit), (self.confirm_label, self.confirm_edit))):
            grid.addWidget(text, row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(edit, row, 1)
        for widget in (self.confirm_label, self.confirm_edit):
            widget.setVisible(self._creating)
        return grid

    def fit_to(self, available: QRect) -> None:
        """WIDTH wide (less on a narrow screen), as tall as its rows need, centred in `available`."""
        width = min(WIDTH, available.width() - 2 * MARGIN)
        layout = self.layout()
        assert layout is not None
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.resize(width, min(height, available.height() - 2 * MARGIN))
        frame = QRect(QPoint(0, 0), self.frameGeometry().size())  # with its title bar, once known
        self.move(available.center() - frame.center())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self.isWindow():  # not when the set-up screen embeds the form
            self.fit_to(_available_area(self))
        super().showEvent(event)

    def _pin_field(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(MAX_DIGITS)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), edit))
        edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return edit

    def _number_pad(self) -> QGridLayout:
        """Keys for a touch screen; they never take the focus from the PIN field."""
        grid = QGridLayout()
        grid.setSpacing(ROW_SPACING)
        self.pad: dict[str, QPushButton] = {}
        for index, key in enumerate(PAD_KEYS):
            button = QPushButton(self.tr("Clear") if key == CLEAR_KEY else key)
            button.setObjectName("padKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.clicked.connect(self._on_pad_clicked)
            grid.addWidget(button, index // 3, index % 3)
            self.pad[key] = button
        return grid

    def _target(self) -> QLineEdit:
        return self.confirm_edit if self._creating and self.confirm_edit.hasFocus() else self.pin_edit

    @Slot()
    def _on_pad_clicked(self) -> None:
        button = self.sender()
        key = next((key for key, pad in self.pad.items() if pad is button), "")
        edit = self._target()
        if key == CLEAR_KEY:
            edit.clear()
        elif key == "⌫":
            edit.backspace()
        elif len(edit.text()) < MAX_DIGITS:
            edit.insert(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_ok_clicked()
            return
        super().keyPressEvent(event)

    @Slot()
    def _on_ok_clicked(self) -> None:
        if self._creating:
            self._finish_create()
        elif self.backoff.remaining_s() > 0:
            text = self.tr(
                "Not checked: after several wrong PINs the kiosk waits {time} before it checks the next one."
            )
            self.message.setText(text.format(time=self.backoff.remaining_text()))
        else:
            self._finish_verify()

    def _finish_create(self) -> None:
        pin = self.pin_edit.text()
        if not is_valid_pin(pin):
            self.message.setText(
                self.tr("The PIN must have {min} to {max} digits.").format(min=MIN_DIGITS, max=MAX_DIGITS)
            )
        elif pin != self.confirm_edit.text():
            self.message.setText(self.tr("The two PINs differ. Please type it again."))
            self.confirm_edit.clear()
        else:
            self.new_hash = hash_pin(pin)
            self.backoff.record_success()
            self.accept()

    def _finish_verify(self) -> None:
        if verify_pin(self.pin_edit.text(), self._stored_hash):
            self.backoff.record_success()
            self.accept()
            return
        self.backoff.record_failure()
        self.pin_edit.clear()
        self.message.setText(damaged_message() if is_damaged(self._stored_hash) else self.tr("Wrong PIN."))
        self.pin_refused.emit()
        self._on_countdown_timeout()

    @Slot()
    def _on_countdown_timeout(self) -> None:
        """Show the time left while locked; OK waits, Cancel and the keys stay usable."""
        if self._creating:
            return
        locked = self.backoff.remaining_s() > 0
        self.ok_button.setEnabled(not locked)
        if locked:
            self.message.setText(
                self.tr("Wrong PIN. Try again in {time}.").format(time=self.backoff.remaining_text())
            )
            if not self._countdown.isActive():
                self._countdown.start()
        elif self._countdown.isActive():
            self._countdown.stop()
            self.message.setText(self.tr("You can try again now."))


def _buddy(text: str, field: QLineEdit) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pinLabel")
    label.setBuddy(field)
    return label


def _available_area(dialog: QWidget) -> QRect:
    """The usable area (without task bars) of the screen the dialog opens on."""
    parent = dialog.parentWidget()
    return (parent if parent is not None else dialog).screen().availableGeometry()
