"""Draw the kiosk's application icon: a smiling car front with a spark of emotion.

Writes, in the output folder (default ``resources/icons``), ``kiosk.png`` (256x256, transparent)
and ``kiosk.ico`` holding 16, 24, 32, 48, 64, 128 and 256 pixel images as PNG-compressed
entries (the ICO writer is below; Qt's writes only one size). Each size is painted from the
vector drawing rather than scaled down, so small sizes stay crisp. Deterministic:

    python tools/make_icon.py [--out DIR]
"""

from __future__ import annotations

import argparse
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
)

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
DESIGN = 256.0  # the drawing is laid out on a 256x256 grid
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def rounded_rect(x: float, y: float, w: float, h: float, r: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, w, h), r, r)
    return path


def paint_badge(p: QPainter) -> None:
    """A round badge in the kiosk's blue-to-teal, with a soft top highlight."""
    gradient = QLinearGradient(40, 10, 216, 246)
    gradient.setColorAt(0.0, QColor("#2196f3"))
    gradient.setColorAt(1.0, QColor("#00bfa5"))
    badge = QPainterPath()
    badge.addEllipse(QPointF(128, 128), 122, 122)
    p.fillPath(badge, gradient)
    shine = QRadialGradient(QPointF(128, 40), 150)
    shine.setColorAt(0.0, QColor(255, 255, 255, 90))
    shine.setColorAt(1.0, QColor(255, 255, 255, 0))
    p.fillPath(badge, shine)
    p.strokePath(badge, QPen(QColor(255, 255, 255, 200), 5))


def paint_car(p: QPainter) -> None:
    """The car seen from the front: its headlights are eyes and its grille smiles."""
    for x in (58, 166):  # wheels peeking out under the body
        p.fillPath(rounded_rect(x, 166, 32, 40, 9), QColor("#1b2430"))
    cabin = QPainterPath()
    cabin.moveTo(84, 64)
    cabin.lineTo(172, 64)
    cabin.quadTo(182, 64, 186, 74)
    cabin.lineTo(200, 112)
    cabin.lineTo(56, 112)
    cabin.lineTo(70, 74)
    cabin.quadTo(74, 64, 84, 64)
    p.fillPath(cabin, QColor("#ffffff"))
    glass = QPainterPath()
    glass.moveTo(90, 76)
    glass.lineTo(166, 76)
    glass.lineTo(180, 108)
    glass.lineTo(76, 108)
    glass.closeSubpath()
    sky = QLinearGradient(0, 76, 0, 108)
    sky.setColorAt(0.0, QColor("#5c6f85"))
    sky.setColorAt(1.0, QColor("#1b2430"))
    p.fillPath(glass, sky)
    body = rounded_rect(36, 104, 184, 76, 26)
    paint_white(p, body, 104, 180)
    for x in (26, 212):  # side mirrors
        p.fillPath(rounded_rect(x, 98, 18, 14, 6), QColor("#e3e9ef"))


def paint_white(p: QPainter, path: QPainterPath, top: float, bottom: float) -> None:
    paint = QLinearGradient(0, top, 0, bottom)
    paint.setColorAt(0.0, QColor("#ffffff"))
    paint.setColorAt(1.0, QColor("#d5dde6"))
    p.fillPath(path, paint)


def paint_face(p: QPainter) -> None:
    for cx in (82, 174):  # headlight eyes with a glint
        eye = QPainterPath()
        eye.addEllipse(QPointF(cx, 134), 17, 17)
        p.fillPath(eye, QColor("#1b2430"))
        glow = QRadialGradient(QPointF(cx - 4, 130), 14)
        glow.setColorAt(0.0, QColor("#fff8d6"))
        glow.setColorAt(1.0, QColor("#ffc933"))
        lamp = QPainterPath()
        lamp.addEllipse(QPointF(cx, 134), 12, 12)
        p.fillPath(lamp, glow)
    smile = QPainterPath()
    smile.moveTo(100, 146)
    smile.quadTo(128, 176, 156, 146)
    pen = QPen(QColor("#1b2430"), 10)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.strokePath(smile, pen)


def paint_spark(p: QPainter, cx: float, cy: float, r: float) -> None:
    """A four-pointed sparkle: the 'emotion' in the emotion-aware kiosk."""
    star = QPainterPath()
    star.moveTo(cx, cy - r)
    for dx, dy in ((1, 0), (0, 1), (-1, 0), (0, -1)):
        star.quadTo(cx, cy, cx + dx * r, cy + dy * r)
    p.fillPath(star, QColor("#fff3b0"))
    p.strokePath(star, QPen(QColor("#ffb300"), 2.5))


def render_icon(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / DESIGN, size / DESIGN)
    paint_badge(p)
    paint_car(p)
    paint_face(p)
    if size > 24:  # at favicon sizes the sparks only add noise
        paint_spark(p, 204, 52, 26)
        paint_spark(p, 48, 58, 12)
    p.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(f"could not encode the icon as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: Sequence[tuple[int, bytes]]) -> bytes:
    """An ICO file whose entries are PNG images (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = [], []
    for size, blob in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def write_icons(out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    pngs = [(size, png_bytes(render_icon(size))) for size in ICO_SIZES]
    png_path, ico_path = out / "kiosk.png", out / "kiosk.ico"
    png_path.write_bytes(dict(pngs)[256])
    ico_path.write_bytes(ico_bytes(pngs))
    return png_path, ico_path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    for path in write_icons(args.out):
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
