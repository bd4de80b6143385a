"""The kiosk window: the showroom full screen with the HUD in a corner (unless the operator hides it).

It does not end on Escape, Alt+F4 or the window's close: each only reports `exit_requested`
(the kiosk asks for the operator PIN, or ignores it while no PIN is set), and only
`allow_close()` lets the next close through. Without a PIN it shows the set-up screen. The mouse
pointer hides after a few idle seconds and comes back when the mouse moves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShortcut,
)
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.operator.setup_screen import SetupScreen
from kiosk.ui.showroom.hud import EmotionHud
from kiosk.ui.showroom.view import ShowroomView

log = logging.getLogger(__name__)

CURSOR_IDLE_MS = 3000
HUD_MARGIN = 36  # pixels at 1080 lines


def choose_screen(name: str) -> QScreen:
    """The screen called `name`, or the primary one when it is not connected (or not set)."""
    for screen in QGuiApplication.screens():
        if name and screen.name() == name:
            return screen
    if name:
        log.warning("screen %r is not connected; using the primary screen", name)
    return QGuiApplication.primaryScreen()


class CursorHider(QObject):
    """Hides the pointer over the app after `idle_ms` without movement (an application event filter)."""

    def __init__(self, idle_ms: int = CURSOR_IDLE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hidden = False
        self._enabled = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def hidden(self) -> bool:
        return self._hidden

    def set_enabled(self, enabled: bool) -> None:
        app = QApplication.instance()
        if enabled == self._enabled or app is None:
            return
        self._enabled = enabled
        if enabled:
            app.installEventFilter(self)
            self._timer.start()
        else:
            app.removeEventFilter(self)
            self._timer.stop()
            self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._show()
            self._timer.start()
        return False

    @Slot()
    def _on_timer_timeout(self) -> None:
        if not self._hidden:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self._hidden = True

    def _show(self) -> None:
        if self._hidden:
            QApplication.restoreOverrideCursor()
            self._hidden = False


class KioskWindow(QWidget):
    """The showroom window. Connect `exit_requested` and `settings_requested`."""

    exit_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.setWindowTitle(self.tr("Showroom"))
        self.setStyleSheet("#kioskWindow { background: #0b0d10; }")
        self.setMinimumSize(640, 360)
        self._close_allowed = False
        self.showroom = ShowroomView(self)
        self.setup_screen: SetupScreen | None = None
        self.hud = EmotionHud(self.showroom)
        self.showroom.settings_requested.connect(self.settings_requested)
        shortcut = QShortcut(QKeySequence("Ctrl+Alt+S"), self)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.settings_requested)
        self.cursor_hider = CursorHider(parent=self)

    def place(self, screen_name: str, *, windowed: bool) -> None:
        """Show on the chosen screen: full screen, or a window for development."""
        screen = choose_screen(screen_name)
        geometry = screen.geometry()
        if windowed:  # the usable area: without task bars, and maximised where a window manager runs
            self.setGeometry(screen.availableGeometry())
            self.showMaximized()
            return
        self.setGeometry(geometry)  # before showFullScreen, so the window opens on that screen
        self.winId()  # creates the native window, so its screen can be set
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.showFullScreen()

    def show_setup(self) -> SetupScreen:
        """Cover the showroom with the set-up screen (no operator PIN yet); returns it."""
        if self.setup_screen is None:
            self.setup_screen = SetupScreen(self)
            self.setup_screen.setGeometry(self.rect())
        self.setup_screen.show()
        self.setup_screen.raise_()
        self.setup_screen.form.pin_edit.setFocus()
        return self.setup_screen

    def hide_setup(self) -> None:
        if self.setup_screen is not None:
            self.setup_screen.hide()
            self.setup_screen.deleteLater()
            self.setup_screen = None
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def allow_close(self) -> None:
        self._close_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._close_allowed:
            self.cursor_hider.set_enabled(False)
            event.accept()
            return
        event.ignore()
        log.info("event exit_attempt (close refused without the PIN)")
        QTimer.singleShot(0, self, self.exit_requested.emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key == Qt.Key.Key_Right:
            self.showroom.step_requested.emit(1)
        elif key == Qt.Key.Key_Left:
            self.showroom.step_requested.emit(-1)
        elif key == Qt.Key.Key_Escape:
            self.exit_requested.emit()
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Showroom"))
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self.showroom.setGeometry(self.rect())
        if self.setup_screen is not None:
            self.setup_screen.setGeometry(self.rect())
        self.hud.set_scale(max(0.4, self.height() / 1080.0))
        self.relayout_hud()
        super().resizeEvent(event)

    def set_hud_visible(self, visible: bool) -> None:
        """Show or hide the emotion card (the privacy notice stays on the showroom either way)."""
        self.hud.setVisible(visible)
        self.relayout_hud()

    def relayout_hud(self) -> None:
        """Place the HUD again after its size changed (the preview turned on or off), and tell the
        showroom where it is, so a dealer's photo stays clear of it."""
        margin = round(HUD_MARGIN * max(0.4, self.height() / 1080.0))
        self.hud.move(self.width() - self.hud.width() - margin, margin)
        self.showroom.set_keep_clear(None if self.hud.isHidden() else QRectF(self.hud.geometry()))
