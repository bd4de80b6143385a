"""What the showroom paints over the cars: the dealer's logo (`CornerLogo`), the privacy notice,
the ring of the held corner, and the operator's discreet indicator.

Sizes are given in pixels at 1080 lines and scaled by `s` (height / 1080); the privacy notice and
the ring's words never get smaller than NOTICE_MIN_PX, so they stay readable on a 720p screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPixmap

from kiosk.ui.common import theme
from kiosk.ui.showroom.scene import TEXT_LEFT, scaled_pixmap

NOTICE_MIN_PX = 12.0  # the privacy notice and the hold ring's words are never smaller than this
ATTENTION_RADIUS = 5  # the operator's indicator, pixels at 1080 lines
ATTENTION_INSET = 18  # its centre from the bottom-right corner, pixels at 1080 lines
GROUND = QColor(10, 12, 14, 170)  # the dark ground under the ring and its words
LOGO_BOX = (0.16, 64.0)  # the logo fits in this share of the width and these pixels at 1080 lines
LOGO_TOP = 44.0  # pixels at 1080 lines


class CornerLogo:
    """The dealer's logo in the top-left corner, above the text column and left-aligned with it;
    scaled once per size. Without an image it takes no room and paints nothing."""

    def __init__(self) -> None:
        self._image: QImage | None = None
        self._pixmap: QPixmap | None = None  # the image scaled for the last size painted

    def set_image(self, image: QImage | None) -> None:
        self._image = image if image is not None and not image.isNull() else None
        self._pixmap = None

    def rect(self, size: QSizeF) -> QRectF:
        """Where the logo goes on a showroom of `size` (empty without one)."""
        if self._image is None:
            return QRectF()
        s = size.height() / 1080.0
        share, height = LOGO_BOX
        box = QSizeF(self._image.size()).scaled(
            QSizeF(size.width() * share, height * s), Qt.AspectRatioMode.KeepAspectRatio
        )
        return QRectF(QPointF(size.width() * TEXT_LEFT, LOGO_TOP * s), box)

    def paint(self, painter: QPainter, size: QSizeF, dpr: float) -> None:
        if self._image is None:
            return
        rect = self.rect(size)
        if self._pixmap is None or self._pixmap.deviceIndependentSize() != rect.size():
            self._pixmap = scaled_pixmap(self._image, rect.size(), dpr)
        rounded = not self._image.hasAlphaChannel()
        _paint_logo(painter, rect, self._pixmap, rounded=rounded, s=size.height() / 1080.0)


def _paint_logo(painter: QPainter, rect: QRectF, pixmap: QPixmap, *, rounded: bool, s: float) -> None:
    """The dealer's logo, a touch quieter than the text; one without transparency (a JPEG on
    white) gets rounded corners, as a card would."""
    painter.save()
    if rounded:
        corners = QPainterPath()
        corners.addRoundedRect(rect, 8 * s, 8 * s)
        painter.setClipPath(corners, Qt.ClipOperation.IntersectClip)
    painter.setOpacity(0.92)
    painter.drawPixmap(rect.topLeft(), pixmap)
    painter.restore()


def paint_hold(painter: QPainter, s: float, progress: float, text: str) -> None:
    """A ring filling up in the held corner, with what it leads to, each on a dark ground of its
    own, so both read over the dealer's logo."""
    radius = 26 * s
    centre = QPointF(24 * s + radius, 24 * s + radius)
    ring = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    painter.setPen(QPen(QColor(255, 255, 255, 60), 5 * s))
    painter.setBrush(GROUND)
    painter.drawEllipse(ring)
    pen = QPen(theme.TEXT, 5 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawArc(ring, 90 * 16, round(-360 * 16 * progress))
    painter.setFont(theme.font(max(15 * s, NOTICE_MIN_PX), weight=QFont.Weight.DemiBold))
    width = painter.fontMetrics().horizontalAdvance(text)
    label = QRectF(ring.right() + 12 * s, ring.top(), width, ring.height())
    ground = label.adjusted(-10 * s, 8 * s, 12 * s, -8 * s)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(GROUND)
    painter.drawRoundedRect(ground, ground.height() / 2, ground.height() / 2)
    painter.setPen(theme.TEXT)
    painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


def paint_notice(painter: QPainter, size: QSizeF, s: float, text: str) -> None:
    """The privacy notice at the bottom left, behind a lock, in two lines at most."""
    pixels = max(15 * s, NOTICE_MIN_PX)
    height = max(60 * s, pixels * 3.4)  # room for two lines, whatever the screen
    rect = QRectF(size.width() * 0.055, size.height() - 24 * s - height, size.width() * 0.6, height)
    lock = pixels / 15
    _paint_lock(painter, QRectF(rect.left(), rect.center().y() - 10 * lock, 16 * lock, 20 * lock))
    painter.setPen(theme.TEXT_MUTED)
    painter.setFont(theme.font(pixels))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
    painter.drawText(rect.adjusted(30 * lock, 0, 0, 0), flags, text)


def _paint_lock(painter: QPainter, rect: QRectF) -> None:
    painter.save()
    w = rect.width()
    body = QRectF(rect.left(), rect.top() + rect.height() * 0.45, w, rect.height() * 0.55)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.TEXT_MUTED)
    painter.drawRoundedRect(body, w * 0.15, w * 0.15)
    painter.setPen(QPen(theme.TEXT_MUTED, w * 0.16))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    left, span = rect.left() + w * 0.22, w * 0.56
    shackle = QPainterPath(QPointF(left, body.top()))
    shackle.lineTo(left, rect.top() + span / 2)
    shackle.arcTo(QRectF(left, rect.top(), span, span), 180, -180)
    shackle.lineTo(left + span, body.top())
    painter.drawPath(shackle)
    painter.restore()


def paint_attention(painter: QPainter, size: QSizeF, s: float, error: bool) -> None:
    """The operator's discreet indicator: a small dot in the bottom-right corner, red or amber."""
    color = theme.BAD if error else theme.WARN
    radius = ATTENTION_RADIUS * s
    centre = QPointF(size.width() - ATTENTION_INSET * s, size.height() - ATTENTION_INSET * s)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.with_alpha(color, 0.85))
    painter.drawEllipse(centre, radius, radius)
