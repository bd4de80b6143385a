"""The live camera preview in the settings, with the staff ignore zone drawn by dragging."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.session.results import AnalysisResult
from kiosk.ui.common import theme
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from kiosk.ui.showroom.hud import preview_pixmap

Zone = tuple[float, float, float, float]
MIN_ZONE = 0.02  # a drag smaller than this (of the picture) clears the zone
ZONE_LABEL = QT_TRANSLATE_NOOP("ZoneEditor", "staff — not analysed")  # translated where painted


class ZoneEditor(QWidget):
    """Shows the newest preview; when `editable`, a drag draws the ignore zone (0..1 fractions)."""

    zone_edited = Signal(object)  # Zone | None

    def __init__(self, *, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoneEditor")
        self._editable = editable
        self._pixmap: QPixmap | None = None
        self._result: AnalysisResult | None = None
        self._zone: Zone | None = None
        self._drag_from: QPointF | None = None
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if editable:
            self.setCursor(Qt.CursorShape.CrossCursor)
            self.setToolTip(
                self.tr("Drag a rectangle around where staff stand: faces there are not analysed.")
            )

    @property
    def zone(self) -> Zone | None:
        return self._zone

    def set_zone(self, zone: Zone | None) -> None:
        self._zone = zone
        self.update()

    def show_result(self, result: AnalysisResult) -> None:
        self._result = result
        self._pixmap = preview_pixmap(result)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(480, 270)

    def _picture_rect(self) -> QRectF:
        """Where the preview is drawn: 4:3 or the preview's own aspect, centred."""
        aspect = 4 / 3
        if self._pixmap is not None and self._pixmap.height() > 0:
            aspect = self._pixmap.width() / self._pixmap.height()
        width = min(float(self.width()), self.height() * aspect)
        rect = QRectF(0, 0, width, width / aspect)
        rect.moveCenter(QRectF(self.rect()).center())
        return rect

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        picture = self._picture_rect()
        painter.fillRect(picture, QColor("#06080a"))
        if self._pixmap is None:
            painter.setPen(theme.TEXT_FAINT)
            painter.drawText(picture, Qt.AlignmentFlag.AlignCenter, self.tr("Waiting for the camera…"))
        else:
            painter.drawPixmap(picture, self._pixmap, QRectF(self._pixmap.rect()))
            self._paint_faces(painter, picture)
        self._paint_zone(painter, picture)
        painter.end()

    def _paint_faces(self, painter: QPainter, picture: QRectF) -> None:
        result = self._result
        if result is None or result.analysis is None:
            return
        scale = picture.width() / max(1, result.frame_size[0])
        boxes = [(f.box, QColor(theme.GOOD)) for f in result.analysis.faces]
        boxes += [(b, QColor(150, 150, 150)) for b in result.analysis.ignored]
        for box, color in boxes:
            painter.setPen(QPen(color, 2))
            painter.drawRect(
                QRectF(picture.x() + box.x * scale, picture.y() + box.y * scale, box.w * scale, box.h * scale)
            )

    def _paint_zone(self, painter: QPainter, picture: QRectF) -> None:
        if self._zone is None:
            return
        x, y, w, h = self._zone
        rect = QRectF(
            picture.x() + x * picture.width(),
            picture.y() + y * picture.height(),
            w * picture.width(),
            h * picture.height(),
        )
        painter.setPen(QPen(theme.WARN, 2, Qt.PenStyle.DashLine))
        painter.setBrush(theme.with_alpha(theme.WARN, 0.15))
        painter.drawRect(rect)
        paint_zone_label(painter, rect, picture)

    def _fraction(self, pos: QPointF) -> QPointF:
        picture = self._picture_rect()
        fx = (pos.x() - picture.x()) / max(1.0, picture.width())
        fy = (pos.y() - picture.y()) / max(1.0, picture.height())
        return QPointF(min(1.0, max(0.0, fx)), min(1.0, max(0.0, fy)))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._editable and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = self._fraction(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._drag_from is not None:
            self._zone = _zone_between(self._drag_from, self._fraction(event.position()))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._drag_from is None:
            return
        zone = _zone_between(self._drag_from, self._fraction(event.position()))
        self._drag_from = None
        self._zone = zone if zone[2] >= MIN_ZONE and zone[3] >= MIN_ZONE else None
        self.update()
        self.zone_edited.emit(self._zone)


def _zone_between(a: QPointF, b: QPointF) -> Zone:
    x, y = round(min(a.x(), b.x()), 3), round(min(a.y(), b.y()), 3)
    w = min(round(abs(a.x() - b.x()), 3), round(1.0 - x, 3))
    h = min(round(abs(a.y() - b.y()), 3), round(1.0 - y, 3))
    return (x, y, w, h)


def paint_zone_label(painter: QPainter, zone: QRectF, picture: QRectF) -> None:
    """ "staff — not analysed" in full on a dark chip, readable on any picture; inside the zone
    when it fits, else just below or above it, always within the picture."""
    painter.setFont(theme.font(13, weight=QFont.Weight.DemiBold))
    metrics = painter.fontMetrics()
    label = translate("ZoneEditor", ZONE_LABEL)
    chip = QRectF(0, 0, metrics.horizontalAdvance(label) + 14, metrics.height() + 6)
    chip.moveTopLeft(zone.topLeft() + QPointF(4, 4))
    if chip.width() > zone.width() - 8 or chip.height() > zone.height() - 8:
        below = zone.bottom() + 4 + chip.height() <= picture.bottom()
        chip.moveTop(zone.bottom() + 4 if below else zone.top() - 4 - chip.height())
    chip.moveLeft(max(picture.left(), min(chip.left(), picture.right() - chip.width())))
    chip.moveTop(max(picture.top(), min(chip.top(), picture.bottom() - chip.height())))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(10, 12, 14, 225))
    painter.drawRoundedRect(chip, 4, 4)
    painter.setPen(theme.WARN)
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
