"""The car catalogue as the screen shows it: photos as QImages, a placeholder for a lost one, and
the dealer's logo.

The catalogue itself (the format, reading, validation, saving) is Qt-free, in
`kiosk.content.catalog` and `kiosk.content.catalog_store`; its names are re-exported here for
the UI modules that show it. An SVG logo needs Qt SVG (PySide6.QtSvg); where a build leaves it
out, `logo_image` says so and a PNG does instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPen

from kiosk.content.catalog import (
    Car,
    Catalog,
    Spec,
    bundled_catalog_dir,
    load_catalog,
    read_catalog,
    showroom_catalog,
)
from kiosk.content.photos import SCREEN_SIZE, PhotoError, is_cutout, logo_format, read_photo

PLACEHOLDER_SIZE = (1600, 900)
LOGO_PIXELS = 640  # a logo is rendered or decoded to at most this on its longer side


def photo_image(path: Path, fit: tuple[int, int] = SCREEN_SIZE) -> QImage:
    """The photo scaled to fit inside `fit`, as an image that owns its pixels; PhotoError if unusable.

    A cut-out (transparency) comes with an alpha channel, a rectangular photo without one."""
    pixels = read_photo(path, fit)
    height, width = pixels.shape[:2]
    # ARGB32 is B, G, R, A in memory on little-endian machines: OpenCV's BGRA
    kind = QImage.Format.Format_ARGB32 if is_cutout(pixels) else QImage.Format.Format_BGR888
    return QImage(pixels.data, width, height, pixels.strides[0], kind).copy()


def logo_image(path: Path) -> QImage:
    """The dealer's logo (PNG, JPEG, WebP or SVG) at up to LOGO_PIXELS on its longer side;
    PhotoError, naming the file, when it cannot be shown."""
    if logo_format(path) == "SVG":
        return _svg_image(path)
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > LOGO_PIXELS:
        reader.setScaledSize(size.scaled(LOGO_PIXELS, LOGO_PIXELS, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise PhotoError(f"logo {path} cannot be decoded ({reader.errorString()})")
    return image


def _svg_image(path: Path) -> QImage:
    try:
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:
        raise PhotoError(f"logo {path}: this build cannot draw SVG; save the logo as a PNG") from None
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise PhotoError(f"logo {path} is not an SVG drawing Qt can read")
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(LOGO_PIXELS, LOGO_PIXELS // 4)
    size = size.scaled(LOGO_PIXELS, LOGO_PIXELS, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


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
    "logo_image",
    "photo_image",
    "placeholder_image",
    "read_catalog",
    "showroom_catalog",
]
