"""One car's showroom picture, painted once per car and size and then reused.

The layout is given in fractions of the screen and a type scale of `height / 1080`, so it
holds at 1920x1080 and 1280x720 alike (the smallest type never below MIN_TEXT_PX): the name,
tagline, price and specs on the left, the car large on the right in a glow of its accent
colour, and a quiet floor beneath it. A cut-out car (a picture with transparency, as the bundled
renders) stands on the floor of its area; a rectangular photo with its own background is laid
out in the area clear of the HUD card (`photo_rect`) and its edges fade into the showroom, so it
sits in the scene instead of a hard-edged block.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPixmap, QRadialGradient

from kiosk.ui.common import theme
from kiosk.ui.common.i18n import translate
from kiosk.ui.showroom.images import Car
from kiosk.ui.showroom.prices import price_text

CAR_AREA = (0.38, 0.30, 0.58, 0.54)  # x, y, w, h as fractions of the screen
TEXT_LEFT = 0.055
TEXT_WIDTH = 0.31
MIN_TEXT_PX = 10.0  # the smallest type (the key figures' labels) on a small screen
CLEARANCE = 24  # a photo's distance from the HUD card, pixels at 1080 lines
FEATHER = 0.16  # a photo's edges fade over this share of its shorter side


@dataclass(frozen=True)
class SceneLayers:
    """One car's picture in three layers, so a transition can move and fade each on its own."""

    backdrop: QPixmap  # full screen, opaque: the accent-coloured light and floor
    car: QPixmap | None  # the car, scaled for this screen; None when its picture is unusable
    car_at: QPointF
    text: QPixmap  # transparent: name, tagline, price and specs, from the top-left corner
    framed: bool = False  # the car is a rectangular photo, laid out clear of the HUD and feathered

    @property
    def car_rect(self) -> QRectF:
        """Where the car's picture is painted (logical pixels); empty when there is none."""
        if self.car is None:
            return QRectF()
        return QRectF(self.car_at, self.car.deviceIndependentSize())


def render_layers(
    car: Car,
    image: QImage | None,
    size: QSize,
    *,
    index: int,
    count: int,
    dpr: float = 1.0,
    keep_clear: QRectF | None = None,
) -> SceneLayers:
    """Paint the layers for `car` (its texts in the language shown) at `size` (logical pixels;
    `dpr` device pixels per pixel); a rectangular photo stays out of `keep_clear` (the HUD)."""
    rect = QRectF(0, 0, size.width(), size.height())
    scale = size.height() / 1080.0
    accent = QColor(car.accent)
    backdrop = _canvas(size, dpr, theme.BACKGROUND)
    with _painting(backdrop) as painter:
        _paint_backdrop(painter, rect, accent)
    framed = image is not None and not image.isNull() and not image.hasAlphaChannel()
    if framed and image is not None:
        car_layer, car_at = _photo_layer(rect, image, dpr, keep_clear)
    else:
        car_layer, car_at = _car_layer(rect, image, dpr)
    text = _canvas(QSize(round(rect.width() * (TEXT_LEFT + TEXT_WIDTH) + 40 * scale), size.height()), dpr)
    with _painting(text) as painter:
        _paint_text(painter, rect, scale, car, accent, index, count)
    return SceneLayers(backdrop, car_layer, car_at, text, framed)


def _canvas(size: QSize, dpr: float, fill: QColor | None = None) -> QPixmap:
    pixmap = QPixmap(max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(fill if fill is not None else QColor(0, 0, 0, 0))
    return pixmap


@contextmanager
def _painting(pixmap: QPixmap) -> Iterator[QPainter]:
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        yield painter
    finally:
        painter.end()


def car_area(rect: QRectF) -> QRectF:
    x, y, w, h = CAR_AREA
    return QRectF(rect.width() * x, rect.height() * y, rect.width() * w, rect.height() * h)


def trim_transparent(image: QImage) -> QImage:
    """The image without its fully transparent margins (car renders often have wide ones)."""
    if not image.hasAlphaChannel():
        return image
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    alpha = np.frombuffer(argb.constBits(), np.uint8).reshape(argb.height(), argb.bytesPerLine())
    alpha = alpha[:, 3 : argb.width() * 4 : 4]  # ARGB32 is B, G, R, A in memory (little-endian)
    rows, cols = np.nonzero(alpha.max(axis=1) > 8)[0], np.nonzero(alpha.max(axis=0) > 8)[0]
    if rows.size == 0 or cols.size == 0:
        return image
    return argb.copy(int(cols[0]), int(rows[0]), int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1))


def _paint_backdrop(painter: QPainter, rect: QRectF, accent: QColor) -> None:
    area = car_area(rect)
    spot = QRadialGradient(QPointF(area.center().x(), area.top()), rect.width() * 0.45)
    spot.setColorAt(0.0, theme.with_alpha(accent, 0.26))
    spot.setColorAt(0.5, theme.with_alpha(accent, 0.07))
    spot.setColorAt(1.0, theme.with_alpha(accent, 0.0))
    painter.fillRect(rect, spot)
    _paint_ellipse_glow(
        painter,
        QPointF(area.center().x(), area.bottom() - area.height() * 0.12),
        area.width() * 0.62,
        area.height() * 0.22,
        theme.with_alpha(accent, 0.22),
    )
    vignette = QRadialGradient(rect.center(), rect.width() * 0.78)
    vignette.setColorAt(0.55, QColor(0, 0, 0, 0))
    vignette.setColorAt(1.0, QColor(0, 0, 0, 150))
    painter.fillRect(rect, vignette)


def _paint_ellipse_glow(painter: QPainter, centre: QPointF, rx: float, ry: float, color: QColor) -> None:
    """A soft elliptical pool of light: a unit radial gradient, scaled into an ellipse."""
    glow = QRadialGradient(QPointF(0, 0), 1.0)
    glow.setColorAt(0.0, color)
    glow.setColorAt(1.0, theme.with_alpha(color, 0.0))
    painter.save()
    painter.translate(centre)
    painter.scale(rx, ry)
    painter.fillRect(QRectF(-1, -1, 2, 2), glow)
    painter.restore()


def _car_layer(rect: QRectF, image: QImage | None, dpr: float) -> tuple[QPixmap | None, QPointF]:
    """The car scaled to fit its area, standing on the area's bottom edge."""
    if image is None or image.isNull():
        return None, QPointF()
    area = car_area(rect)
    scale = min(area.width() / image.width(), area.height() / image.height())
    target = QRectF(0, 0, image.width() * scale, image.height() * scale)
    target.moveCenter(area.center())
    target.moveBottom(area.bottom())
    return scaled_pixmap(image, target.size(), dpr), target.topLeft()


def photo_rect(area: QRectF, image: QSizeF, keep_clear: QRectF | None, gap: float) -> QRectF:
    """Where a rectangular photo goes: as large as its shape allows in `area`, at least `gap`
    away from `keep_clear` (the HUD card): beside it or below it, whichever leaves the larger
    picture; centred across what is left and standing on its bottom edge, as a car does."""
    regions = [area]
    if keep_clear is not None and keep_clear.adjusted(-gap, -gap, gap, gap).intersects(area):
        clear = keep_clear.adjusted(-gap, -gap, gap, gap)
        regions = [
            QRectF(area.left(), area.top(), clear.left() - area.left(), area.height()),  # left of it
            QRectF(clear.right(), area.top(), area.right() - clear.right(), area.height()),  # right
            QRectF(area.left(), clear.bottom(), area.width(), area.bottom() - clear.bottom()),  # below
            QRectF(area.left(), area.top(), area.width(), clear.top() - area.top()),  # above
        ]
    fitted = [_fitted(region, image) for region in regions if region.width() > 0 and region.height() > 0]
    return max(fitted, key=lambda r: r.width() * r.height(), default=QRectF())


def _fitted(region: QRectF, image: QSizeF) -> QRectF:
    scale = min(region.width() / image.width(), region.height() / image.height())
    target = QRectF(0, 0, image.width() * scale, image.height() * scale)
    target.moveCenter(region.center())
    target.moveBottom(region.bottom())
    return target


def _photo_layer(
    rect: QRectF, image: QImage, dpr: float, keep_clear: QRectF | None
) -> tuple[QPixmap | None, QPointF]:
    """A rectangular photo in the car's area, clear of the HUD, its edges fading out."""
    gap = CLEARANCE * rect.height() / 1080.0
    target = photo_rect(car_area(rect), QSizeF(image.size()), keep_clear, gap)
    if target.isEmpty():
        return None, QPointF()
    size = QSize(max(1, round(target.width() * dpr)), max(1, round(target.height() * dpr)))
    faded = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    faded.fill(Qt.GlobalColor.transparent)
    painter = QPainter(faded)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
    _feather(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    pixmap = QPixmap.fromImage(faded)
    pixmap.setDevicePixelRatio(dpr)
    return pixmap, target.topLeft()


def _feather(painter: QPainter, rect: QRectF) -> None:
    """Fade the picture's edges to transparent: a soft ramp along each side, multiplied in
    (DestinationIn), so the corners round off and the photo melts into the backdrop's light."""
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    reach = min(rect.width(), rect.height()) * FEATHER
    edges = (
        (rect.topLeft(), rect.topLeft() + QPointF(reach, 0)),
        (rect.topRight(), rect.topRight() - QPointF(reach, 0)),
        (rect.topLeft(), rect.topLeft() + QPointF(0, reach)),
        (rect.bottomLeft(), rect.bottomLeft() - QPointF(0, reach * 1.4)),  # longer into the floor
    )
    for start, end in edges:
        ramp = QLinearGradient(start, end)
        ramp.setColorAt(0.0, QColor(0, 0, 0, 0))
        ramp.setColorAt(0.55, QColor(0, 0, 0, 200))
        ramp.setColorAt(1.0, QColor(0, 0, 0, 255))
        painter.fillRect(rect, ramp)
    # and an oval light around the car, so the photo's corners are the showroom's dusk
    oval = QRadialGradient(QPointF(0, 0), 1.0)
    oval.setColorAt(0.0, QColor(0, 0, 0, 255))
    oval.setColorAt(0.62, QColor(0, 0, 0, 255))
    oval.setColorAt(1.0, QColor(0, 0, 0, 0))
    painter.save()
    painter.translate(rect.center().x(), rect.top() + rect.height() * 0.56)
    painter.scale(rect.width() * 0.62, rect.height() * 0.66)
    painter.fillRect(QRectF(-2, -2, 4, 4), oval)
    painter.restore()


def paint_dots(painter: QPainter, rect: QRectF, s: float, accent: QColor, index: int, count: int) -> None:
    """Where this car is in the catalog: a dot per car, the current one a pill in the accent colour."""
    if count < 2:
        return
    dot, gap, pill = 8 * s, 14 * s, 30 * s
    width = (count - 1) * (dot + gap) + pill
    x = rect.width() * (1 - TEXT_LEFT) - width
    y = rect.height() - 62 * s
    painter.setPen(Qt.PenStyle.NoPen)
    for i in range(count):
        w = pill if i == index else dot
        painter.setBrush(accent if i == index else QColor(255, 255, 255, 60))
        painter.drawRoundedRect(QRectF(x, y, w, dot), dot / 2, dot / 2)
        x += w + gap


def _paint_text(
    painter: QPainter, rect: QRectF, s: float, car: Car, accent: QColor, index: int, count: int
) -> None:
    """The left column: position in the catalog, name, tagline, price and specs, top to bottom."""
    left, width = rect.width() * TEXT_LEFT, rect.width() * TEXT_WIDTH
    y = rect.height() * 0.16
    kicker = theme.font(_px(17, s), weight=QFont.Weight.DemiBold, spacing=28, caps=True)
    _draw_block(painter, QRectF(left, y, width, 24 * s), f"{index + 1:02d} / {count:02d}", kicker, accent)
    painter.fillRect(QRectF(left, y + 40 * s, 56 * s, 3 * s), accent)
    name = theme.font(92 * s, weight=QFont.Weight.Light, display=True)
    y = _draw_block(painter, QRectF(left, y + 72 * s, width, 260 * s), car.name, name, theme.TEXT)
    tagline = theme.font(27 * s)
    y = _draw_block(painter, QRectF(left, y + 14 * s, width, 120 * s), car.tagline, tagline, theme.TEXT_MUTED)
    price_line = price_text(car)  # as the locale writes money
    if price_line:
        label = theme.font(_px(14, s), weight=QFont.Weight.DemiBold, spacing=20, caps=True)
        price = translate("Scene", "Price")
        _draw_block(painter, QRectF(left, y + 44 * s, width, 20 * s), price, label, theme.TEXT_FAINT)
        y = _draw_block(
            painter, QRectF(left, y + 66 * s, width, 60 * s), price_line, theme.font(40 * s), theme.TEXT
        )
    _paint_specs(painter, QRectF(left, y + 48 * s, width, 200 * s), s, car)


def _px(size: float, s: float) -> float:
    """A type size at scale `s`, never below MIN_TEXT_PX (small caps stay readable at 720p)."""
    return max(size * s, MIN_TEXT_PX)


def _draw_block(painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor) -> float:
    """Word-wrapped text at the top of `rect`; returns the y just below it."""
    if not text:
        return rect.top()
    painter.setFont(font)
    painter.setPen(color)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    used = painter.boundingRect(rect, flags, text)
    painter.drawText(rect, flags, text)
    return min(used.bottom(), rect.bottom())


def _paint_specs(painter: QPainter, rect: QRectF, s: float, car: Car) -> None:
    """Up to four specs in a 2x2 grid: a large value over a small caps label, with hairlines."""
    cell_w, cell_h = rect.width() / 2, 92 * s
    for i, spec in enumerate(car.specs[:4]):
        cell = QRectF(rect.left() + (i % 2) * cell_w, rect.top() + (i // 2) * cell_h, cell_w, cell_h)
        painter.fillRect(QRectF(cell.left(), cell.top(), cell_w - 24 * s, 1 * s), theme.HAIRLINE)
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(30 * s, weight=QFont.Weight.Normal))
        painter.drawText(
            QRectF(cell.left(), cell.top() + 14 * s, cell_w - 24 * s, 40 * s),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            spec.value,
        )
        painter.setPen(theme.TEXT_MUTED)
        painter.setFont(theme.font(_px(13, s), weight=QFont.Weight.DemiBold, spacing=16, caps=True))
        painter.drawText(
            QRectF(cell.left(), cell.top() + 56 * s, cell_w - 24 * s, 20 * s),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            spec.label,
        )


def scaled_pixmap(image: QImage, size: QSizeF, dpr: float) -> QPixmap:
    """`image` smoothly scaled to `size` (logical pixels) for a screen of `dpr` device pixels each."""
    scaled = image.scaled(
        round(size.width() * dpr),
        round(size.height() * dpr),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    pixmap = QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(dpr)
    return pixmap
