"""The screen a crash loop leaves: what happened and whom to call, instead of a desktop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.appliance.crashguard import CrashLoopGuard
from kiosk.ui.common.i18n import translate

NOTICE_STYLE = "background: #101418; color: #f2f2f2; font-size: 28px; padding: 80px;"
RESTART_CHECK_MS = 1000


def crash_loop_text(guard: CrashLoopGuard) -> str:
    """`guard.message()` in the installed language (kiosk.appliance has no Qt, so it is said here)."""
    text = translate(
        "CrashNotice",
        "The kiosk stopped after {crashes} crashes within {seconds} seconds and will not restart by "
        "itself. Please call your service contact. Details are in the log in {folder}.",
    )
    folder = guard.marker.parent / "logs"
    return text.format(crashes=guard.policy.crashes, seconds=f"{guard.policy.window_s:g}", folder=folder)


def show_crash_notice(app: QApplication, text: str, *, windowed: bool, close_after_ms: int = 0) -> QLabel:
    """Shown full screen (or windowed); a click or key press does not close it by accident:
    the operator ends it like the kiosk, or it stays until the PC restarts. close_after_ms > 0
    closes it (tests, and the offscreen self-check)."""
    notice = QLabel(text)
    notice.setObjectName("crashNotice")
    notice.setWordWrap(True)
    notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
    notice.setStyleSheet(NOTICE_STYLE)
    notice.setWindowTitle(translate("CrashNotice", "Emotion Kiosk stopped"))
    if windowed:
        notice.resize(900, 500)
        notice.show()
    else:
        notice.showFullScreen()
    if close_after_ms > 0:
        QTimer.singleShot(close_after_ms, app.quit)
    return notice


class RestartWatch(QObject):
    """`restarted` once a kiosk starts again with the data folder (the guard's `running` marker
    appears), so that a notice left in its own scope (`crash-notice`) does not hide the kiosk
    the technician starts after the fix."""

    restarted = Signal()

    def __init__(self, marker: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.marker = marker
        self._timer = QTimer(self, interval=RESTART_CHECK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.marker.exists():
            self._timer.stop()
            self.restarted.emit()
