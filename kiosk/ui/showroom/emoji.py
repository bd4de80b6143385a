"""Expression faces drawn with QPainter, so the HUD looks the same on every PC (no emoji font needed)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QRadialGradient

_FACE = {  # (highlight, shadow) of the face disc
    "angry": ("#ffb36b", "#e0552f"),
    "fear": ("#e4ecff", "#9fb3e6"),
    "disgust": ("#d9ef8b", "#9bbf3c"),
}
_DEFAULT_FACE = ("#ffe27a", "#f4b63f")
_INK = QColor("#3b2a1a")

# label -> (eye style, brow tilt or None, mouth style)
_FEATURES: dict[str, tuple[str, float | None, str]] = {
    "happy": ("arc", None, "smile"),
    "neutral": ("dot", None, "flat"),
    "sad": ("dot", -0.5, "frown"),
    "angry": ("dot", 0.6, "frown"),
    "disgust": ("squint", 0.3, "wave"),
    "fear": ("wide", -0.6, "small_o"),
    "surprise": ("wide", None, "big_o"),
}


def paint_emoji(painter: QPainter, rect: QRectF, label: str | None, *, opacity: float = 1.0) -> None:
    """A face showing `label` (one of the model's labels) inside `rect`; a blank face for None."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(painter.opacity() * opacity)
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    _paint_disc(painter, box, label)
    eyes, brow, mouth = _FEATURES.get(label or "", ("dot", None, "flat"))
    pen = QPen(_INK, side * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for sign in (-1.0, 1.0):
        _paint_eye(painter, box, sign, eyes)
        if brow is not None:
            _paint_brow(painter, box, sign, brow)
    _paint_mouth(painter, box, mouth)
    painter.restore()


def _paint_disc(painter: QPainter, box: QRectF, label: str | None) -> None:
    light, dark = _FACE.get(label or "", _DEFAULT_FACE)
    gradient = QRadialGradient(
        box.center() - QPointF(box.width() * 0.18, box.height() * 0.22), box.width() * 0.75
    )
    gradient.setColorAt(0.0, QColor(light))
    gradient.setColorAt(1.0, QColor(dark))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawEllipse(box)
    if label is None:
        painter.setBrush(QColor(20, 23, 28, 150))
        painter.drawEllipse(box)


def _at(box: QRectF, fx: float, fy: float) -> QPointF:
    """A point in face units: fx, fy in -1..1 from the centre."""
    return QPointF(box.center().x() + fx * box.width() / 2, box.center().y() + fy * box.height() / 2)


def _paint_eye(painter: QPainter, box: QRectF, sign: float, style: str) -> None:
    centre = _at(box, 0.33 * sign, -0.18)
    r = box.width() * 0.055
    if style == "arc":
        path = QPainterPath(centre + QPointF(-r * 1.6, r * 0.6))
        path.quadTo(centre + QPointF(0, -r * 1.8), centre + QPointF(r * 1.6, r * 0.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    elif style == "squint":
        painter.drawLine(centre + QPointF(-r * 1.5, 0), centre + QPointF(r * 1.5, 0))
    elif style == "wide":
        painter.save()
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(centre, r * 1.7, r * 2.1)
        painter.setBrush(_INK)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(centre, r * 0.8, r * 0.8)
        painter.restore()
    else:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_INK)
        painter.drawEllipse(centre, r * 1.1, r * 1.5)
        painter.restore()


def _paint_brow(painter: QPainter, box: QRectF, sign: float, tilt: float) -> None:
    """tilt > 0: inner ends down (anger); tilt < 0: inner ends up (sorrow, fear)."""
    outer = _at(box, 0.50 * sign, -0.48)
    inner = _at(box, 0.16 * sign, -0.48 + 0.16 * tilt)
    painter.drawLine(outer, inner)


def _paint_mouth(painter: QPainter, box: QRectF, style: str) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    left, right = _at(box, -0.38, 0.32), _at(box, 0.38, 0.32)
    if style in ("smile", "frown"):
        bend = box.height() * (0.26 if style == "smile" else -0.16)
        start, end = (left, right) if style == "smile" else (_at(box, -0.32, 0.48), _at(box, 0.32, 0.48))
        path = QPainterPath(start)
        path.quadTo(QPointF(box.center().x(), start.y() + bend), end)
        painter.drawPath(path)
    elif style == "wave":
        path = QPainterPath(_at(box, -0.36, 0.42))
        for i in range(1, 7):
            path.lineTo(_at(box, -0.36 + i * 0.12, 0.42 + 0.06 * math.sin(i * math.pi / 1.5)))
        painter.drawPath(path)
    elif style in ("small_o", "big_o"):
        painter.setBrush(_INK)
        w, h = (0.10, 0.13) if style == "small_o" else (0.16, 0.22)
        painter.drawEllipse(_at(box, 0, 0.45), box.width() * w, box.height() * h)
    else:
        painter.drawLine(_at(box, -0.28, 0.40), _at(box, 0.28, 0.40))
