"""The car catalogue as the screen shows it: photos as QImages, and a placeholder for a lost one.

The catalogue itself (the format, reading, validation, saving) is Qt-free, in
`kiosk.content.catalog` and `kiosk.content.catalog_store`; its names are re-exported here for
the UI modules that show it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from kiosk.content.catalog import (
    Car,
    Catalog,
    Spec,
    bundled_catalog_dir,
    load_catalog,
    read_catalog,
    showroom_catalog,
)
from kiosk.content.photos import SCREEN_SIZE, PhotoError, read_photo

PLACEHOLDER_SIZE = (1600, 900)


def photo_image(path: Path, fit: tuple[int, int] = SCREEN_SIZE) -> QImage:
    """The photo scaled to fit inside `fit`, as an image that owns its pixels; PhotoError if unusable."""
    pixels = read_photo(path, fit)
    height, width, channels = pixels.shape
    # ARGB32 is B, G, R, A in memory on little-endian machines: OpenCV's BGRA
    kind = QImage.Format.Format_ARGB32 if channels == 4 else QImage.Format.Format_BGR888
    return QImage(pixels.data, width, height, pixels.strides[0], kind).copy()


def placeholder_image() -> QImage:
    """What stands in for a car whose photo cannot be shown: a framed, crossed-out picture."""
    width, height = PLACEHOLDER_SIZE
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    frame = QRectF(width * 0.2, height * 0.2, width * 0.6, height * 0.6)

    def at(fx: float, fy: float) -> QPointF:
        return QPointF(frame.left() + frame.width() * fx, frame.top() + frame.height() * fy)

    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    line = QColor(255, 255, 255, 70)
    painter.setPen(QPen(line, 6, Qt.PenStyle.DashLine))
    painter.drawRoundedRect(frame, 36, 36)
    painter.setPen(QPen(line, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPolyline([at(0.3, 0.7), at(0.45, 0.45), at(0.56, 0.6), at(0.63, 0.5), at(0.72, 0.7)])
    painter.drawEllipse(at(0.66, 0.3), frame.height() * 0.06, frame.height() * 0.06)
    painter.drawLine(at(0.25, 0.85), at(0.75, 0.15))
    painter.end()
    return image


__all__ = [
    "Car",
    "Catalog",
    "PhotoError",
    "Spec",
    "bundled_catalog_dir",
    "load_catalog",
    "photo_image",
    "placeholder_image",
    "read_catalog",
    "showroom_catalog",
]
