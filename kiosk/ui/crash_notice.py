"""The screen a crash loop leaves: what happened and whom to call, instead of a desktop."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

NOTICE_STYLE = "background: #101418; color: #f2f2f2; font-size: 28px; padding: 80px;"


def show_crash_notice(app: QApplication, text: str, *, windowed: bool, close_after_ms: int = 0) -> QLabel:
    """Shown full screen (or windowed); a click or key press does not close it by accident:
    the operator ends it like the kiosk, or it stays until the PC restarts. close_after_ms > 0
    closes it (tests, and the offscreen self-check)."""
    notice = QLabel(text)
    notice.setObjectName("crashNotice")
    notice.setWordWrap(True)
    notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
    notice.setStyleSheet(NOTICE_STYLE)
    notice.setWindowTitle("Emotion Kiosk stopped")
    if windowed:
        notice.resize(900, 500)
        notice.show()
    else:
        notice.showFullScreen()
    if close_after_ms > 0:
        QTimer.singleShot(close_after_ms, app.quit)
    return notice
