"""The HUD's negative meter for the settings dialog, larger, with its marks labelled.

It shows the live score of the visitor in front of the camera against the trigger and
release levels being edited, so the operator sees what a change would do before applying it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.session.results import AnalysisResult
from kiosk.ui.common import theme
from kiosk.ui.showroom.hud import BASELINE_COLOR, paint_meter_fill

RELEASE_COLOR = QColor(255, 255, 255, 150)


class LevelMeter(QWidget):
    """Feed it `show_result()`; `set_levels()` moves the trigger and release marks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelMeter")
        self.setMinimumSize(320, 92)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.trigger, self.release = 0.55, 0.35
        self._result: AnalysisResult | None = None

    def set_levels(self, trigger: float, release: float) -> None:
        self.trigger, self.release = trigger, release
        self.update()

    def show_result(self, result: AnalysisResult) -> None:
        self._result = result
        self.update()

    def negative(self) -> float | None:
        result = self._result
        if result is None or result.analysis is None or result.analysis.visitor_face is None:
            return None
        return result.negative

    def value_text(self) -> str:
        negative = self.negative()
        if self._result is None:
            return self.tr("waiting for the camera…")
        if negative is None:
            return self.tr("nobody in front of the camera")
        if self._result.learning:
            return self.tr("learning the resting face…")
        return self.tr("{percent} now").format(percent=f"{negative:.0%}")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(520, 92)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 4, -8, -4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.SURFACE)
        painter.drawRoundedRect(QRectF(self.rect()), 10, 10)
        painter.setFont(theme.font(12, weight=QFont.Weight.DemiBold, spacing=8, caps=True))
        painter.setPen(theme.TEXT_MUTED)
        header = QRectF(rect.left(), rect.top(), rect.width(), 18)
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        painter.drawText(header, left | Qt.AlignmentFlag.AlignVCenter, self.tr("Negative reaction (live)"))
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(14, weight=QFont.Weight.DemiBold))
        painter.drawText(header, right | Qt.AlignmentFlag.AlignVCenter, self.value_text())
        track = QRectF(rect.left() + 4, header.bottom() + 28, rect.width() - 8, 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 28))
        painter.drawRoundedRect(track, 5, 5)
        negative = self.negative()
        if negative is not None:
            paint_meter_fill(painter, track, negative, self.release, self.trigger)
        trigger = self.tr("trigger {percent}").format(percent=f"{self.trigger:.0%}")
        release = self.tr("release {percent}").format(percent=f"{self.release:.0%}")
        self._mark(painter, track, self.trigger, theme.TEXT, trigger, above=True)
        self._mark(painter, track, self.release, RELEASE_COLOR, release, above=False)
        baseline = self._result.baseline if self._result is not None else None
        if baseline is not None and negative is not None:
            self._mark(painter, track, baseline, BASELINE_COLOR, self.tr("resting"), above=False)
        painter.end()

    def _mark(
        self, painter: QPainter, track: QRectF, level: float, color: QColor, text: str, *, above: bool
    ) -> None:
        x = track.left() + track.width() * max(0.0, min(1.0, level))
        painter.setPen(QPen(color, 2))
        painter.drawLine(QPointF(x, track.top() - 5), QPointF(x, track.bottom() + 5))
        painter.setFont(theme.font(12))
        width = painter.fontMetrics().horizontalAdvance(text) + 8
        left = max(track.left() - 4, min(x - width / 2, track.right() + 4 - width))
        top = track.top() - 24 if above else track.bottom() + 6
        painter.drawText(QRectF(left, top, width, 18), Qt.AlignmentFlag.AlignCenter, text)
