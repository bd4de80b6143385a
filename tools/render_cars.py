"""Render the showroom's default car pictures and their catalog.

Makes, in the output folder (default ``resources/cars``), one lossless WebP per car (1600x900 by
default, transparent background, soft floor shadow and glossy-floor reflection) and
``catalog.json``, its words in every language the kiosk speaks (the others' in car_words.py).
Lossless WebP keeps every pixel of the drawing at 60 % of the PNG's size.
Every car is a side-view vector drawing painted with QPainter from the designs below, so the
pictures are ours to ship. Runs deterministically:

    python tools/render_cars.py [--out DIR] [--size 1600x900] [--only ID]

Designs are in millimetres with the ground at y = 0, y pointing up and the nose at x = 0.
Outlines are control polygons whose corners are rounded by the radius given with each point;
a radius larger than the edges turns the polygon into a smooth curve through edge midpoints.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import car_words
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QConicalGradient,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
    QTransform,
)

Ctrl = tuple[float, float, float]  # x, y (mm), corner radius (mm)
Shape = tuple[Ctrl, ...]

DESIGN_W, DESIGN_H = 1600.0, 900.0  # every picture is laid out on this canvas, then scaled
GROUND_Y = 735.0
CAR_SPAN = 1300.0  # pixels for a 4.8 m car; longer cars are drawn a little larger, shorter smaller
CAR_SPAN_RANGE = (1000.0, 1420.0)
CAR_TOP = 95.0
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "cars"


@dataclass(frozen=True)
class Car:
    """One catalogue entry: the words for the kiosk and the drawing of the car."""

    id: str
    name: str
    tagline: str
    price: int  # euros (catalog.json: a number and its ISO currency)
    accent: str
    specs: tuple[tuple[str, str], ...]
    paint: str
    length: float
    height: float
    axles: tuple[float, float]
    tyre_r: float
    rim_r: float
    rim: str  # "multi", "five", "aero" or "rugged"
    body: Shape
    glass: Shape
    shoulder: Shape
    head: Shape
    tail: Shape
    mirror: Shape
    pillars: tuple[Shape, ...] = ()
    cuts: tuple[Shape, ...] = ()
    trim: tuple[Shape, ...] = ()
    handles: tuple[tuple[float, float], ...] = ()
    rails: Shape = ()
    chrome: bool = False
    cladding: bool = False
    roof_paint: str = ""  # a contrasting roof, or "" for body colour
    arch_gap: float = 38.0


# ---------------------------------------------------------------- geometry


def rounded_path(points: Sequence[Ctrl], closed: bool = True) -> QPainterPath:
    """A path through a control polygon whose corners are rounded by their radius."""
    path = QPainterPath()
    n = len(points)
    if not closed:
        path.moveTo(points[0][0], points[0][1])
    for i in range(n):
        if not closed and i in (0, n - 1):
            if i == n - 1:
                path.lineTo(points[i][0], points[i][1])
            continue
        corner_in, corner, corner_out = _round_corner(points[i - 1], points[i], points[(i + 1) % n])
        if closed and i == 0:
            path.moveTo(corner_in)
        else:
            path.lineTo(corner_in)
        path.quadTo(corner, corner_out)
    if closed:
        path.closeSubpath()
    return path


def _round_corner(prev: Ctrl, cur: Ctrl, nxt: Ctrl) -> tuple[QPointF, QPointF, QPointF]:
    here = QPointF(cur[0], cur[1])
    ends = []
    for other in (prev, nxt):
        dx, dy = other[0] - cur[0], other[1] - cur[1]
        length = math.hypot(dx, dy) or 1.0
        t = min(cur[2], length / 2.0) / length
        ends.append(QPointF(cur[0] + dx * t, cur[1] + dy * t))
    return ends[0], here, ends[1]


def circle(cx: float, cy: float, r: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), r, r)
    return path


def body_with_arches(car: Car) -> QPainterPath:
    """The body outline with the wheel arches cut out."""
    body = rounded_path(car.body)
    for x in car.axles:
        body = body.subtracted(circle(x, car.tyre_r, car.tyre_r + car.arch_gap))
    return body


# ---------------------------------------------------------------- colour helpers


def rgba(name: str, alpha: float = 1.0) -> QColor:
    colour = QColor(name)
    colour.setAlphaF(alpha)
    return colour


def shade(colour: QColor, factor: float) -> QColor:
    """Lighter for factor > 1, darker for factor < 1, keeping the hue."""
    if factor >= 1.0:
        return colour.lighter(int(100 * factor))
    return colour.darker(int(100 / factor))


def vertical(y_top: float, y_bottom: float, stops: Sequence[tuple[float, QColor]]) -> QLinearGradient:
    gradient = QLinearGradient(0.0, y_top, 0.0, y_bottom)
    for at, colour in stops:
        gradient.setColorAt(at, colour)
    return gradient


# ---------------------------------------------------------------- body paint


def paint_body(p: QPainter, car: Car) -> None:
    body = body_with_arches(car)
    base = QColor(car.paint)
    p.fillPath(body, vertical(car.height, 0.0, _paint_stops(base)))
    p.save()
    p.setClipPath(body)
    _paint_upper_sheen(p, car)
    _paint_lower_side(p, car, base)
    _paint_arch_flares(p, car)
    _paint_hot_spots(p, car)
    _paint_end_falloff(p, car)
    p.restore()
    if car.roof_paint:
        _paint_roof(p, car, body)
    _paint_rim_light(p, car, body)


def _paint_roof(p: QPainter, car: Car, body: QPainterPath) -> None:
    """A contrasting roof: everything above the window line, pillars included."""
    (x0, y0, _), (x1, y1, _) = car.glass[0], car.glass[-1]
    slope = (y1 - y0) / (x1 - x0)
    roof = QPainterPath()
    roof.moveTo(-100, y0 + 15 + slope * (-100 - x0))
    roof.lineTo(car.length + 100, y0 + 15 + slope * (car.length + 100 - x0))
    roof.lineTo(car.length + 100, car.height + 100)
    roof.lineTo(-100, car.height + 100)
    roof.closeSubpath()
    roof = roof.intersected(body)
    base = QColor(car.roof_paint)
    p.fillPath(roof, vertical(car.height, y0, [(0.0, shade(base, 1.05)), (1.0, shade(base, 0.75))]))
    p.strokePath(roof, QPen(rgba("#000000", 0.25), 3.0))


def _paint_stops(base: QColor) -> list[tuple[float, QColor]]:
    return [
        (0.0, shade(base, 1.6)),
        (0.2, shade(base, 1.25)),
        (0.45, base),
        (0.75, shade(base, 0.8)),
        (1.0, shade(base, 0.45)),
    ]


def _shoulder_region(car: Car, below: bool) -> QPainterPath:
    """The part of the side below (or above) the shoulder crease."""
    region = rounded_path(car.shoulder, closed=False)
    y = -400.0 if below else car.height + 400.0
    region.lineTo(car.length + 400, y)
    region.lineTo(-400, y)
    region.closeSubpath()
    return region


def _crease_brush(car: Car, stops: Sequence[tuple[float, QColor]]) -> QBrush:
    """A gradient from the crease down to the ground that leans with the crease."""
    (x0, y0, _), (x1, y1, _) = car.shoulder[0], car.shoulder[-1]
    slope = (y1 - y0) / (x1 - x0)
    top = max(pt[1] - slope * (pt[0] - x0) for pt in car.shoulder)
    brush = QBrush(vertical(top, 0.0, stops))
    brush.setTransform(QTransform(1, slope, 0, 1, 0, -slope * x0))
    return brush


def _paint_upper_sheen(p: QPainter, car: Car) -> None:
    """Above the crease the paint faces the sky."""
    sheen = vertical(car.height, 0.0, [(0.0, rgba("#ffffff", 0.3)), (1.0, rgba("#ffffff", 0.06))])
    p.fillPath(_shoulder_region(car, below=False), sheen)


def _paint_lower_side(p: QPainter, car: Car, base: QColor) -> None:
    """Below the crease the side faces the floor: a shadow, a horizon glow, a dark sill."""
    stops = [
        (0.0, rgba("#000000", 0.45)),
        (0.08, rgba("#000000", 0.3)),
        (0.28, rgba("#000000", 0.06)),
        (0.44, rgba(shade(base, 1.8).name(), 0.28)),
        (0.52, rgba("#000000", 0.0)),
        (0.8, rgba("#000000", 0.22)),
        (1.0, rgba("#000000", 0.55)),
    ]
    p.fillPath(_shoulder_region(car, below=True), _crease_brush(car, stops))
    crease = rounded_path(car.shoulder, closed=False)
    p.strokePath(crease.translated(0, 6), QPen(QBrush(rgba("#ffffff", 0.75)), 6.0))
    p.strokePath(crease.translated(0, -8), QPen(QBrush(rgba("#000000", 0.18)), 10.0))


def _paint_arch_flares(p: QPainter, car: Car) -> None:
    """Each arch lip throws a thin shadow; the fender above it catches the light."""
    for x in car.axles:
        r = car.tyre_r + car.arch_gap
        p.strokePath(circle(x, car.tyre_r, r + 10), QPen(rgba("#000000", 0.35), 20.0))
        glow = QRadialGradient(QPointF(x, car.tyre_r), r + 160)
        glow.setColorAt(r / (r + 160), rgba("#ffffff", 0.0))
        glow.setColorAt((r + 60) / (r + 160), rgba("#ffffff", 0.10))
        glow.setColorAt(1.0, rgba("#ffffff", 0.0))
        p.fillPath(circle(x, car.tyre_r, r + 160), glow)


def crease_y(car: Car, x: float) -> float:
    """Height of the shoulder crease at x (linear between its control points)."""
    pts = car.shoulder
    for (xa, ya, _), (xb, yb, _) in itertools.pairwise(pts):
        if xa <= x <= xb:
            return ya + (yb - ya) * (x - xa) / (xb - xa)
    return pts[0][1] if x < pts[0][0] else pts[-1][1]


def _paint_hot_spots(p: QPainter, car: Car) -> None:
    """Soft studio-light highlights on the front wing and the rear haunch."""
    for x in car.axles:
        arch_top = 2 * car.tyre_r + car.arch_gap
        centre = QPointF(x + 0.15 * car.tyre_r, (arch_top + crease_y(car, x)) / 2)
        soft_ellipse(p, centre, 2.2 * car.tyre_r, 0.5 * car.tyre_r, rgba("#ffffff", 0.2))


def _paint_end_falloff(p: QPainter, car: Car) -> None:
    """Darken the nose and tail so the sides read as curving away."""
    gradient = QLinearGradient(0.0, 0.0, car.length, 0.0)
    gradient.setColorAt(0.0, rgba("#000000", 0.35))
    gradient.setColorAt(0.09, rgba("#000000", 0.0))
    gradient.setColorAt(0.9, rgba("#000000", 0.0))
    gradient.setColorAt(1.0, rgba("#000000", 0.4))
    p.fillRect(QRectF(-100, -100, car.length + 200, car.height + 200), gradient)


def _paint_rim_light(p: QPainter, car: Car, body: QPainterPath) -> None:
    p.save()
    p.setClipPath(body)
    light = vertical(car.height, car.height * 0.45, [(0.0, rgba("#ffffff", 0.75)), (1.0, rgba("#ffffff", 0))])
    p.strokePath(body, QPen(QBrush(light), 14.0))
    p.restore()
    p.strokePath(body, QPen(rgba("#000000", 0.55), 3.5))


# ---------------------------------------------------------------- glass, trim, lights


def paint_glass(p: QPainter, car: Car) -> None:
    glass = rounded_path(car.glass)
    top = max(pt[1] for pt in car.glass)
    bottom = min(pt[1] for pt in car.glass)
    stops = [(0.0, QColor("#6f8294")), (0.45, QColor("#2a3440")), (1.0, QColor("#0b0f14"))]
    p.fillPath(glass, vertical(top, bottom, stops))
    p.save()
    p.setClipPath(glass)
    _paint_glass_reflection(p, car, top, bottom)
    for pillar in car.pillars:
        p.fillPath(rounded_path(pillar), QColor("#0d0f12"))
    p.restore()
    seal = QColor("#c9d1d8") if car.chrome else QColor("#0d0f12")
    p.strokePath(glass, QPen(seal, 12.0 if car.chrome else 16.0))


def _paint_glass_reflection(p: QPainter, car: Car, top: float, bottom: float) -> None:
    x0 = min(pt[0] for pt in car.glass)
    width = max(pt[0] for pt in car.glass) - x0
    band = QPainterPath()
    band.moveTo(x0 + 0.18 * width, top + 50)
    band.lineTo(x0 + 0.42 * width, top + 50)
    band.lineTo(x0 + 0.30 * width, bottom - 50)
    band.lineTo(x0 + 0.02 * width, bottom - 50)
    band.closeSubpath()
    p.fillPath(band, rgba("#ffffff", 0.10))
    band.translate(0.36 * width, 0)
    p.fillPath(band, rgba("#ffffff", 0.06))


def paint_cladding(p: QPainter, car: Car) -> None:
    """Matte black arch flares and sills, as on crossovers and trucks."""
    bottom = min(pt[1] for pt in car.body)
    parts = QPainterPath()
    parts.addRect(QRectF(-100, -100, car.length + 200, bottom + 250))
    for x in car.axles:
        r = car.tyre_r + car.arch_gap
        parts = parts.united(circle(x, car.tyre_r, r + 75))
    parts = parts.intersected(body_with_arches(car))
    p.fillPath(parts, vertical(car.height * 0.6, 0.0, [(0.0, QColor("#33373d")), (1.0, QColor("#141619"))]))
    p.strokePath(parts, QPen(rgba("#000000", 0.6), 4.0))


def paint_trim(p: QPainter, car: Car) -> None:
    if car.cladding:
        paint_cladding(p, car)
    p.save()
    p.setClipPath(body_with_arches(car))
    for part in car.trim:
        path = rounded_path(part)
        top = max(pt[1] for pt in part)
        bottom = min(pt[1] for pt in part)
        p.fillPath(path, vertical(top, bottom, [(0.0, QColor("#2b2f35")), (1.0, QColor("#121418"))]))
    p.restore()
    if car.rails:
        rail = rounded_path(car.rails)
        p.fillPath(
            rail, vertical(car.height, car.height - 80, [(0, QColor("#cfd5db")), (1, QColor("#5c646c"))])
        )
        p.strokePath(rail, QPen(rgba("#000000", 0.5), 3.0))


def paint_lines(p: QPainter, car: Car) -> None:
    """Door shut lines: a dark gap with a thin highlight behind it."""
    for cut in car.cuts:
        path = rounded_path(cut, closed=False)
        p.strokePath(path.translated(5, 0), QPen(rgba("#ffffff", 0.18), 4.0))
        p.strokePath(path, QPen(rgba("#000000", 0.6), 5.0))
    for x, y in car.handles:
        handle = QPainterPath()
        handle.addRoundedRect(QRectF(x, y - 16, 190, 32), 16, 16)
        p.fillPath(handle, vertical(y + 16, y - 16, [(0, QColor("#f0f3f6")), (1, QColor("#7d8690"))]))
        p.strokePath(handle, QPen(rgba("#000000", 0.45), 3.0))


def paint_lights(p: QPainter, car: Car) -> None:
    """Lamps wrap round the corners, so they are clipped to the silhouette."""
    p.save()
    p.setClipPath(rounded_path(car.body))
    _paint_lamp(p, car.head, ("#4a5868", "#10151b"), ("#ffffff", "#bfe3ff"), "#aeb8c2")
    _paint_lamp(p, car.tail, ("#c2182f", "#4d0010"), ("#ffe0e0", "#ff2a44"), "#3a0a10")
    p.restore()


def _paint_lamp(p: QPainter, shape: Shape, housing: tuple[str, str], lens: tuple[str, str], rim: str) -> None:
    """A smoked housing with a glowing lens strip along its upper part."""
    path = rounded_path(shape)
    top = max(pt[1] for pt in shape)
    bottom = min(pt[1] for pt in shape)
    p.fillPath(path, vertical(top, bottom, [(0.0, QColor(housing[0])), (1.0, QColor(housing[1]))]))
    box = path.boundingRect()
    centre = QPointF(box.center().x(), top - 0.38 * (top - bottom))
    glow = QRadialGradient(QPointF(0, 0), 1.0)
    glow.setColorAt(0.0, QColor(lens[0]))
    glow.setColorAt(0.55, QColor(lens[1]))
    glow.setColorAt(1.0, rgba(lens[1], 0.0))
    brush = QBrush(glow)
    brush.setTransform(QTransform(box.width() * 0.5, 0, 0, (top - bottom) * 0.32, centre.x(), centre.y()))
    p.fillPath(path, brush)
    p.strokePath(path, QPen(QColor(rim), 6.0))


def paint_mirror(p: QPainter, car: Car) -> None:
    mirror = rounded_path(car.mirror)
    (x0, y0, _), (x1, _, _) = car.mirror[0], car.mirror[-1]
    stalk = QPainterPath()
    stalk.addRoundedRect(QRectF(x0 + 30, y0 - 40, (x1 - x0) * 0.5, 80), 20, 20)
    p.fillPath(stalk, QColor("#111316"))
    top = max(pt[1] for pt in car.mirror)
    bottom = min(pt[1] for pt in car.mirror)
    base = QColor(car.paint)
    p.fillPath(mirror, vertical(top, bottom, [(0, shade(base, 1.5)), (0.6, base), (1, shade(base, 0.5))]))
    p.strokePath(mirror, QPen(rgba("#000000", 0.6), 4.0))


# ---------------------------------------------------------------- wheels


def paint_underbody(p: QPainter, car: Car) -> None:
    """The dark gap between the sills and the floor, which gives the car its weight."""
    bottom = min(pt[1] for pt in car.body)
    x0, x1 = car.axles
    shadow = vertical(bottom + 20, 0.0, [(0.0, rgba("#000000", 0.8)), (1.0, rgba("#000000", 0.25))])
    p.fillRect(QRectF(x0, 0.0, x1 - x0, bottom + 20), shadow)


def paint_wheel_wells(p: QPainter, car: Car) -> None:
    p.save()
    p.setClipPath(rounded_path(car.body))
    for x in car.axles:
        r = car.tyre_r + car.arch_gap
        well = QRadialGradient(QPointF(x, car.tyre_r), r)
        well.setColorAt(0.0, QColor("#050505"))
        well.setColorAt(0.85, QColor("#101112"))
        well.setColorAt(1.0, QColor("#202226"))
        p.fillPath(circle(x, car.tyre_r, r), well)
    p.restore()


def paint_wheel(p: QPainter, car: Car, x: float) -> None:
    cy, r, rr = car.tyre_r, car.tyre_r, car.rim_r
    tyre = QRadialGradient(QPointF(x, cy), r)
    tyre.setColorAt(rr / r, QColor("#050505"))
    tyre.setColorAt(rr / r + 0.03, QColor("#2c2d30"))
    tyre.setColorAt(0.93, QColor("#18191b"))
    tyre.setColorAt(1.0, QColor("#0c0c0d"))
    p.fillPath(circle(x, cy, r), tyre)
    highlight = QConicalGradient(QPointF(x, cy), 90)
    highlight.setColorAt(0.0, rgba("#ffffff", 0.16))
    highlight.setColorAt(0.25, rgba("#ffffff", 0.0))
    highlight.setColorAt(0.75, rgba("#ffffff", 0.0))
    highlight.setColorAt(1.0, rgba("#ffffff", 0.16))
    p.strokePath(circle(x, cy, (r + rr) / 2 + 10), QPen(QBrush(highlight), (r - rr) * 0.6))
    p.strokePath(
        circle(x, cy, r - 3), QPen(QColor("#3b3e44"), 5.0)
    )  # the sidewall's edge, for dark backdrops
    if car.rim == "rugged":
        _paint_tread(p, x, cy, r)
    paint_rim(p, car, x, cy)


def _paint_tread(p: QPainter, x: float, cy: float, r: float) -> None:
    """Chunky all-terrain lugs round the shoulder of the tyre."""
    lugs = QPen(QColor("#2e3034"), r * 0.07)
    lugs.setCapStyle(Qt.PenCapStyle.FlatCap)
    lugs.setDashPattern([1.6, 1.4])
    p.strokePath(circle(x, cy, r * 0.9), lugs)


def paint_rim(p: QPainter, car: Car, x: float, cy: float) -> None:
    rr = car.rim_r
    p.fillPath(circle(x, cy, rr), QColor("#0e0f11"))
    if car.rim != "aero":
        _paint_brake(p, car, x, cy)
    painters = {"multi": _spokes_multi, "five": _spokes_five, "rugged": _spokes_rugged, "aero": _aero_disc}
    painters[car.rim](p, x, cy, rr)
    lip = QConicalGradient(QPointF(x, cy), 45)
    for i, c in enumerate(["#f4f6f8", "#7b838c", "#e6eaee", "#646c75", "#f4f6f8"]):
        lip.setColorAt(i / 4, QColor(c))
    ring = circle(x, cy, rr).subtracted(circle(x, cy, rr * 0.93))
    p.fillPath(ring, lip)
    _paint_hub(p, car, x, cy, rr)


def _paint_brake(p: QPainter, car: Car, x: float, cy: float) -> None:
    rr = car.rim_r
    disc = QRadialGradient(QPointF(x, cy), rr * 0.8)
    disc.setColorAt(0.3, QColor("#2a2c2f"))
    disc.setColorAt(0.45, QColor("#8a8f96"))
    disc.setColorAt(1.0, QColor("#5a5f66"))
    p.fillPath(circle(x, cy, rr * 0.8), disc)
    caliper = QPainterPath()
    outer = QRectF(x - rr * 0.76, cy - rr * 0.76, rr * 1.52, rr * 1.52)
    inner = QRectF(x - rr * 0.5, cy - rr * 0.5, rr * 1.0, rr * 1.0)
    caliper.arcMoveTo(outer, 15)
    caliper.arcTo(outer, 15, 60)
    caliper.arcTo(inner, 75, -60)
    caliper.closeSubpath()
    accent = QColor(car.accent)
    p.fillPath(caliper, vertical(cy + rr * 0.76, cy, [(0, shade(accent, 1.3)), (1, shade(accent, 0.6))]))


def _metal(x: float, cy: float, rr: float) -> QLinearGradient:
    gradient = QLinearGradient(x - rr, cy + rr, x + rr, cy - rr)
    gradient.setColorAt(0.0, QColor("#ffffff"))
    gradient.setColorAt(0.45, QColor("#c3c9cf"))
    gradient.setColorAt(1.0, QColor("#6e767f"))
    return gradient


def _spoke(
    x: float, cy: float, angle: float, r0: float, r1: float, w0: float, w1: float, twist: float = 0.0
) -> QPainterPath:
    """A tapered spoke from radius r0 (width w0) to r1 (width w1), curving by `twist` degrees."""
    steps = 8 if twist else 1
    left, right = [], []
    for i in range(steps + 1):
        t = i / steps
        a = math.radians(angle + twist * t)
        r, w = r0 + (r1 - r0) * t, (w0 + (w1 - w0) * t) / 2
        ux, uy = math.cos(a), math.sin(a)
        left.append(QPointF(x + ux * r - uy * w, cy + uy * r + ux * w))
        right.append(QPointF(x + ux * r + uy * w, cy + uy * r - ux * w))
    path = QPainterPath(left[0])
    for point in left[1:] + right[::-1]:
        path.lineTo(point)
    path.closeSubpath()
    return path


def _fill_spokes(p: QPainter, spokes: QPainterPath, x: float, cy: float, rr: float) -> None:
    p.fillPath(spokes, _metal(x, cy, rr))
    p.strokePath(spokes, QPen(rgba("#1b1d20", 0.7), 3.0))


def _spokes_multi(p: QPainter, x: float, cy: float, rr: float) -> None:
    spokes = QPainterPath()
    for i in range(10):
        spokes = spokes.united(_spoke(x, cy, 90 + i * 36, rr * 0.2, rr * 0.95, rr * 0.2, rr * 0.09))
    _fill_spokes(p, spokes, x, cy, rr)


def _spokes_five(p: QPainter, x: float, cy: float, rr: float) -> None:
    spokes = QPainterPath()
    for i in range(5):
        for offset in (-7, 7):
            spokes = spokes.united(
                _spoke(x, cy, 90 + i * 72 + offset, rr * 0.22, rr * 0.95, rr * 0.16, rr * 0.13)
            )
    _fill_spokes(p, spokes, x, cy, rr)


def _spokes_rugged(p: QPainter, x: float, cy: float, rr: float) -> None:
    spokes = circle(x, cy, rr * 0.42)
    for i in range(6):
        spokes = spokes.united(_spoke(x, cy, 90 + i * 60, rr * 0.3, rr * 0.95, rr * 0.42, rr * 0.34))
    _fill_spokes(p, spokes, x, cy, rr)
    for i in range(6):
        a = math.radians(120 + i * 60)
        p.fillPath(
            circle(x + math.cos(a) * rr * 0.33, cy + math.sin(a) * rr * 0.33, rr * 0.04), QColor("#2a2c30")
        )


def _aero_disc(p: QPainter, x: float, cy: float, rr: float) -> None:
    disc = QConicalGradient(QPointF(x, cy), 120)
    for i, c in enumerate(["#eef1f4", "#9aa3ac", "#dfe4e9", "#7e8790", "#eef1f4"]):
        disc.setColorAt(i / 4, QColor(c))
    p.fillPath(circle(x, cy, rr * 0.95), disc)
    for i in range(7):
        slot = _spoke(x, cy, 100 + i * 360 / 7, rr * 0.34, rr * 0.88, rr * 0.05, rr * 0.16, twist=-38)
        p.fillPath(slot, QColor("#1a1c1f"))
        p.strokePath(slot.translated(-rr * 0.015, rr * 0.015), QPen(rgba("#ffffff", 0.5), rr * 0.012))


def _paint_hub(p: QPainter, car: Car, x: float, cy: float, rr: float) -> None:
    cap = QRadialGradient(QPointF(x - rr * 0.05, cy + rr * 0.05), rr * 0.16)
    cap.setColorAt(0.0, QColor("#4a4f56"))
    cap.setColorAt(1.0, QColor("#121316"))
    p.fillPath(circle(x, cy, rr * 0.14), cap)
    p.strokePath(circle(x, cy, rr * 0.09), QPen(QColor(car.accent), rr * 0.03))


# ---------------------------------------------------------------- composition


def car_transform(car: Car, scale_to: float) -> QTransform:
    """Millimetres (y up) to pixels: the car centred on the canvas, wheels on the ground line."""
    span = min(max(CAR_SPAN * (car.length / 4800.0) ** 0.6, CAR_SPAN_RANGE[0]), CAR_SPAN_RANGE[1])
    s = min(span / car.length, (GROUND_Y - CAR_TOP) / car.height) * scale_to
    left = (DESIGN_W * scale_to - car.length * s) / 2.0
    return QTransform(s, 0, 0, -s, left, GROUND_Y * scale_to)


def render_car_layer(car: Car, width: int, height: int) -> QImage:
    layer = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    layer.fill(Qt.GlobalColor.transparent)
    p = QPainter(layer)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(car_transform(car, width / DESIGN_W))
    paint_underbody(p, car)
    paint_wheel_wells(p, car)
    paint_body(p, car)
    paint_trim(p, car)
    paint_glass(p, car)
    paint_lines(p, car)
    paint_lights(p, car)
    paint_mirror(p, car)
    for x in car.axles:
        paint_wheel(p, car, x)
    p.end()
    return layer


def paint_shadow(p: QPainter, car: Car, scale_to: float) -> None:
    t = car_transform(car, scale_to)
    ground = GROUND_Y * scale_to
    left, right = t.map(QPointF(0, 0)).x(), t.map(QPointF(car.length, 0)).x()
    soft_ellipse(
        p, QPointF((left + right) / 2, ground), (right - left) * 0.56, 30 * scale_to, rgba("#000000", 0.6)
    )
    for x in car.axles:
        centre = t.map(QPointF(x, 0))
        r = car.tyre_r * t.m11()
        soft_ellipse(p, centre, r * 1.2, 9 * scale_to, rgba("#000000", 0.85))


def soft_ellipse(p: QPainter, centre: QPointF, rx: float, ry: float, colour: QColor) -> None:
    """A blurred elliptical spot, full colour in the middle and transparent at the rim."""
    gradient = QRadialGradient(QPointF(0, 0), 1.0)
    gradient.setColorAt(0.0, colour)
    edge = QColor(colour)
    edge.setAlphaF(colour.alphaF() * 0.45)
    gradient.setColorAt(0.5, edge)
    edge.setAlphaF(0.0)
    gradient.setColorAt(1.0, edge)
    brush = QBrush(gradient)
    brush.setTransform(QTransform(rx, 0, 0, ry, centre.x(), centre.y()))
    p.fillRect(QRectF(centre.x() - rx, centre.y() - ry, 2 * rx, 2 * ry), brush)


def reflection(layer: QImage, ground: float, depth: float) -> QImage:
    """The car mirrored in a glossy floor, fading out over `depth` pixels."""
    mirrored = layer.flipped(Qt.Orientation.Vertical)
    out = QImage(layer.size(), QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.drawImage(QPointF(0, 2 * ground - layer.height()), mirrored)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    fade = vertical(ground, ground + depth, [(0.0, rgba("#000000", 0.22)), (1.0, rgba("#000000", 0.0))])
    p.fillRect(QRectF(0, 0, layer.width(), layer.height()), fade)
    p.end()
    return out


def render_car(car: Car, width: int, height: int) -> QImage:
    scale_to = width / DESIGN_W
    layer = render_car_layer(car, width, height)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ground = GROUND_Y * scale_to
    p.drawImage(0, 0, reflection(layer, ground, 150 * scale_to))
    paint_shadow(p, car, scale_to)
    p.drawImage(0, 0, layer)
    p.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


# ---------------------------------------------------------------- the cars


def _pts(text: str) -> Shape:
    """'x y r, x y r, ...' (millimetres) into a Shape; keeps the design tables compact."""
    triples = [tuple(float(v) for v in item.split()) for item in text.split(",") if item.strip()]
    if any(len(t) != 3 for t in triples):
        raise ValueError(f"expected 'x y r' triples, got {text!r}")
    return tuple((t[0], t[1], t[2]) for t in triples)


def _pillar(
    x_bottom: float, x_top: float, width: float, y_bottom: float = 0.0, y_top: float = 3000.0
) -> Shape:
    """A straight black pillar; the glass outline clips it."""
    return (
        (x_bottom, y_bottom, 0.0),
        (x_top, y_top, 0.0),
        (x_top + width, y_top, 0.0),
        (x_bottom + width, y_bottom, 0.0),
    )


CARS: tuple[Car, ...] = (
    Car(
        id="aurora-gt",
        name="Aurora GT",
        tagline="A grand tourer that makes every road feel like the long way home.",
        price=48900,
        accent="#1e88e5",
        specs=(("Power", "310 hp"), ("0–100 km/h", "4.9 s"), ("Range", "720 km"), ("Seats", "2+2")),
        paint="#1d5fd1",
        length=4550,
        height=1235,
        axles=(980, 3650),
        tyre_r=350,
        rim_r=262,
        rim="multi",
        body=_pts(
            "260 150 30, 60 200 60, 0 330 100, 30 500 150, 230 630 200, 900 770 1000,"
            " 1800 900 250, 2550 1235 900, 3100 1215 900, 4050 975 400, 4440 945 30, 4555 890 60,"
            " 4570 600 80, 4540 300 60, 4420 170 40"
        ),
        glass=_pts("1950 950 60, 2520 1185 150, 3050 1170 500, 3700 975 60"),
        shoulder=_pts("150 590 0, 1500 780 2000, 3000 840 2000, 4500 780 0"),
        head=_pts("0 450 40, 70 560 80, 640 705 60, 680 655 40, 300 520 80"),
        tail=_pts("4330 855 30, 4570 885 30, 4570 805 30, 4380 820 30"),
        mirror=_pts("1880 950 30, 1900 1040 60, 2090 1060 50, 2125 965 30"),
        pillars=(_pillar(3060, 3130, 70),),
        cuts=(
            _pts("1800 925 0, 1740 600 300, 1760 240 0"),
            _pts("2990 950 0, 3020 600 300, 2980 240 0"),
        ),
        trim=(
            _pts("30 200 20, 20 300 40, 330 320 40, 380 190 20"),
            _pts("1450 480 20, 1660 540 20, 1670 470 20, 1470 440 20"),
            _pts("1395 150 10, 1395 215 10, 3255 225 10, 3255 150 10"),
        ),
        handles=((2650, 780),),
    ),
    Car(
        id="lumen-ev",
        name="Lumen EV",
        tagline="Quiet, bright and all-electric: the crossover that charges while you shop.",
        price=39900,
        accent="#00bfa5",
        specs=(("Power", "245 hp"), ("0–100 km/h", "6.4 s"), ("Range", "510 km"), ("Seats", "5")),
        paint="#e6eaee",
        length=4650,
        height=1600,
        axles=(960, 3850),
        tyre_r=370,
        rim_r=265,
        rim="aero",
        cladding=True,
        body=_pts(
            "220 300 40, 40 380 80, 0 620 180, 60 870 200, 250 960 250, 1200 1080 700,"
            " 1500 1110 200, 2300 1580 700, 2900 1600 1200, 3700 1470 700, 4450 1260 200, 4620 1180 80,"
            " 4650 1000 120, 4640 600 150, 4580 340 60, 4420 290 40"
        ),
        glass=_pts("1650 1150 60, 2320 1535 150, 2950 1552 800, 3750 1410 400, 4250 1215 60"),
        shoulder=_pts("80 900 0, 1600 1050 2000, 4640 1110 0"),
        head=_pts("0 880 20, 40 925 30, 720 1010 20, 730 985 20, 60 890 20"),
        tail=_pts("4280 1190 20, 4650 1165 20, 4650 1105 20, 4300 1140 20"),
        mirror=_pts("1630 1150 30, 1650 1255 60, 1860 1270 50, 1890 1165 30"),
        pillars=(_pillar(2790, 2800, 80), _pillar(3720, 3700, 70)),
        cuts=(
            _pts("1620 1140 0, 1560 650 300, 1600 330 0"),
            _pts("2830 1170 0, 2850 330 0"),
            _pts("3780 1190 0, 3690 820 0"),
        ),
        handles=((2330, 1060), (3330, 1080)),
    ),
    Car(
        id="borealis-x",
        name="Borealis X",
        tagline="Seven seats, all-wheel drive and room for every adventure.",
        price=56400,
        accent="#43a047",
        specs=(("Power", "340 hp"), ("0–100 km/h", "6.1 s"), ("Range", "850 km"), ("Seats", "7")),
        paint="#2f604d",
        length=4850,
        height=1740,
        axles=(930, 3880),
        tyre_r=390,
        rim_r=270,
        rim="rugged",
        arch_gap=55,
        cladding=True,
        body=_pts(
            "200 340 40, 30 420 80, 0 780 120, 30 990 120, 200 1040 200, 1250 1130 800,"
            " 1500 1160 150, 2150 1700 300, 3000 1740 2000, 4550 1700 200, 4800 1620 120, 4840 1080 200,"
            " 4850 700 120, 4810 380 60, 4620 320 40"
        ),
        glass=_pts("1620 1220 60, 2180 1640 120, 4350 1640 200, 4600 1560 60, 4570 1260 60"),
        shoulder=_pts("60 1000 0, 1500 1100 2000, 4840 1150 0"),
        head=_pts("0 860 20, 20 1000 40, 520 1040 40, 540 940 40, 150 870 40"),
        tail=_pts("4600 1350 30, 4850 1370 30, 4850 1250 30, 4620 1240 30"),
        mirror=_pts("1600 1200 30, 1610 1330 60, 1850 1340 50, 1870 1220 30"),
        pillars=(_pillar(2700, 2690, 90), _pillar(3760, 3790, 100)),
        rails=_pts("2250 1700 20, 2350 1790 30, 4350 1780 30, 4450 1690 20"),
        cuts=(
            _pts("1560 1200 0, 1480 700 300, 1500 330 0"),
            _pts("2740 1220 0, 2760 330 0"),
            _pts("3760 1230 0, 3700 800 0"),
        ),
        handles=((2450, 1110), (3450, 1120)),
    ),
    Car(
        id="celesta",
        name="Celesta",
        tagline="An executive saloon with a whisper-quiet cabin and a chauffeur's calm.",
        price=41200,
        accent="#e53935",
        specs=(("Power", "258 hp"), ("0–100 km/h", "6.2 s"), ("Range", "900 km"), ("Seats", "5")),
        paint="#a3122a",
        length=4900,
        height=1450,
        axles=(950, 3900),
        tyre_r=345,
        rim_r=250,
        rim="five",
        chrome=True,
        body=_pts(
            "220 190 40, 30 260 80, 0 500 120, 50 680 120, 250 780 200, 1500 900 900,"
            " 1740 925 120, 2450 1420 450, 3000 1450 1000, 3450 1420 400, 4150 1060 150, 4820 1030 200,"
            " 4900 920 100, 4905 600 120, 4860 260 60, 4700 200 40"
        ),
        glass=_pts("1880 965 60, 2450 1370 150, 3000 1395 900, 3400 1375 250, 3980 1030 60"),
        shoulder=_pts("100 760 0, 1800 880 2000, 4890 910 0"),
        head=_pts("10 650 30, 80 750 40, 650 840 40, 670 770 40, 250 670 40"),
        tail=_pts("4620 960 30, 4900 985 30, 4905 860 30, 4650 870 30"),
        mirror=_pts("1860 955 30, 1880 1060 60, 2080 1075 50, 2110 970 30"),
        pillars=(_pillar(2790, 2780, 80), _pillar(3520, 3480, 60)),
        cuts=(
            _pts("1880 955 0, 1780 500 300, 1800 230 0"),
            _pts("2830 965 0, 2840 230 0"),
            _pts("3700 975 0, 3620 600 0"),
        ),
        trim=(
            _pts("30 270 20, 20 420 40, 350 430 40, 400 260 20"),
            _pts("1390 185 10, 1390 240 10, 3460 250 10, 3460 185 10"),
        ),
        handles=((2500, 865), (3400, 880)),
    ),
    Car(
        id="fjord-estate",
        name="Fjord Estate",
        tagline="A long roof, a flat floor and 1,600 litres for everything you love.",
        price=36500,
        accent="#e0a060",
        specs=(("Power", "190 hp"), ("0–100 km/h", "7.8 s"), ("Range", "1,050 km"), ("Boot", "1,600 l")),
        paint="#a8622e",
        length=4760,
        height=1430,
        axles=(930, 3800),
        tyre_r=345,
        rim_r=258,
        rim="multi",
        body=_pts(
            "220 180 40, 30 250 80, 0 480 120, 40 650 120, 220 740 200, 1450 870 900,"
            " 1680 890 120, 2380 1400 450, 3000 1430 1500, 4300 1400 300, 4620 1320 100, 4740 1050 150,"
            " 4760 650 120, 4700 260 60, 4540 200 40"
        ),
        glass=_pts("1830 930 60, 2400 1360 150, 3000 1385 1200, 4230 1360 150, 4480 1240 60, 4530 1010 40"),
        shoulder=_pts("100 740 0, 1800 860 2000, 4750 930 0"),
        head=_pts("10 640 30, 80 740 40, 650 820 40, 670 750 40, 250 660 40"),
        tail=_pts("4560 1060 30, 4730 1090 30, 4755 930 30, 4580 930 30"),
        mirror=_pts("1810 925 30, 1830 1030 60, 2030 1045 50, 2060 940 30"),
        pillars=(_pillar(2780, 2770, 80), _pillar(3690, 3720, 70)),
        rails=_pts("2550 1400 20, 2650 1458 30, 4150 1443 30, 4250 1380 20"),
        cuts=(
            _pts("1780 920 0, 1720 500 300, 1760 230 0"),
            _pts("2800 940 0, 2810 230 0"),
            _pts("3650 960 0, 3580 620 0"),
        ),
        trim=(_pts("30 260 20, 20 410 40, 350 420 40, 400 250 20"),),
        handles=((2480, 830), (3330, 850)),
    ),
    Car(
        id="pico",
        name="Pico",
        tagline="Small outside, roomy inside, and happy in any parking space.",
        price=19990,
        accent="#fb8c00",
        specs=(("Power", "110 hp"), ("Economy", "4.6 l/100 km"), ("Seats", "5")),
        paint="#f5b700",
        length=3950,
        height=1470,
        axles=(800, 3300),
        tyre_r=325,
        rim_r=235,
        roof_paint="#f4f6f8",
        rim="five",
        body=_pts(
            "200 180 40, 30 250 80, 0 470 120, 40 640 120, 200 740 200, 950 880 500,"
            " 1200 920 120, 1900 1440 400, 3100 1465 600, 3450 1420 120, 3820 1150 120, 3940 880 150,"
            " 3945 520 120, 3880 250 60, 3720 190 40"
        ),
        glass=_pts("1350 950 60, 1930 1395 120, 3050 1405 250, 3300 1360 60, 3380 1090 60"),
        shoulder=_pts("100 700 0, 1500 880 2000, 3940 980 0"),
        head=_pts("20 600 20, 100 700 40, 550 800 40, 570 740 40, 250 650 40"),
        tail=_pts("3700 1220 30, 3860 1160 30, 3930 960 30, 3760 990 30"),
        mirror=_pts("1340 945 30, 1360 1050 60, 1560 1065 50, 1590 960 30"),
        pillars=(_pillar(2280, 2270, 80), _pillar(2960, 2930, 80)),
        cuts=(
            _pts("1330 940 0, 1290 500 300, 1310 230 0"),
            _pts("2300 960 0, 2310 230 0"),
            _pts("2990 1010 0, 2970 420 0"),
        ),
        trim=(_pts("30 260 20, 20 400 40, 320 410 40, 360 250 20"),),
        handles=((1980, 880), (2780, 905)),
    ),
    Car(
        id="ironbark",
        name="Ironbark",
        tagline="A crew-cab pickup that works all week and heads for the hills at the weekend.",
        price=44700,
        accent="#ff6f00",
        specs=(("Power", "420 hp"), ("Towing", "3,500 kg"), ("Range", "780 km"), ("Seats", "5")),
        paint="#4b5660",
        length=5700,
        height=1900,
        axles=(980, 4480),
        tyre_r=410,
        rim_r=255,
        rim="rugged",
        arch_gap=65,
        cladding=True,
        body=_pts(
            "150 430 40, 0 520 60, 10 1000 80, 60 1340 80, 1650 1430 200, 2250 1880 200, 3450 1900 200,"
            "3520 1880 60, 3550 1420 40, 5680 1420 40, 5700 1370 40, 5700 620 60, 5650 430 40,"
            "5500 420 30, 300 420 30"
        ),
        glass=_pts("1800 1500 40, 2290 1820 60, 3420 1820 60, 3420 1500 40"),
        shoulder=_pts("50 1280 0, 5700 1330 0"),
        head=_pts("0 1120 20, 20 1310 40, 420 1330 40, 440 1180 40, 120 1120 40"),
        tail=_pts("5580 1370 20, 5700 1370 20, 5700 1000 20, 5590 1000 20"),
        mirror=_pts("1760 1480 30, 1780 1660 60, 2020 1670 50, 2030 1500 30"),
        pillars=(_pillar(2700, 2690, 110),),
        cuts=(
            _pts("1720 1460 0, 1700 540 0"),
            _pts("2760 1490 0, 2770 540 0"),
            _pts("3470 1490 0, 3470 540 0"),
            _pts("3580 1420 0, 3580 480 0"),
            _pts("5620 1400 0, 5620 640 0"),
        ),
        trim=(
            _pts("1450 380 10, 1450 440 10, 3500 440 10, 3500 380 10"),
            _pts("3600 1400 10, 5670 1400 10, 5670 1425 10, 3600 1425 10"),
            _pts("-50 390 0, -50 740 0, 280 740 30, 320 390 0"),
            _pts("5450 390 0, 5500 680 30, 5800 680 0, 5800 390 0"),
        ),
        handles=((2250, 1360), (3080, 1360)),
    ),
)


# ---------------------------------------------------------------- output


IMAGE_SUFFIX = ".webp"
LOSSLESS = 100  # Qt's WebP writer is lossless at quality 100


def catalog(cars: Sequence[Car]) -> dict[str, object]:
    """catalog.json (format 3): the English words, and the other languages' (tools/car_words.py)."""
    return {
        "version": 3,
        "language": "en",
        "cars": [
            {
                "id": car.id,
                "name": car.name,
                "tagline": car_words.text(car.tagline, car_words.TAGLINES[car.id]),
                "price": car.price,
                "currency": "EUR",
                "image": f"{car.id}{IMAGE_SUFFIX}",
                "accent": car.accent,
                "specs": [
                    {
                        "label": car_words.text(label, car_words.LABELS.get(label)),
                        "value": car_words.text(value, car_words.figure(value)),
                    }
                    for label, value in car.specs
                ],
            }
            for car in cars
        ],
    }


def write_all(out: Path, width: int, height: int, only: str | None = None) -> list[Path]:
    """Render every car (or just `only`) into `out` and write catalog.json; returns the pictures."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for car in CARS:
        if only and car.id != only:
            continue
        target = out / f"{car.id}{IMAGE_SUFFIX}"
        if not render_car(car, width, height).save(str(target), "WEBP", LOSSLESS):
            raise OSError(f"could not write {target}")
        written.append(target)
    text = json.dumps(catalog(CARS), ensure_ascii=False, indent=2)
    (out / "catalog.json").write_text(text + "\n", encoding="utf-8")
    return written


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1600x900, got {text!r}") from None
    if width < 16 or height < 9:
        raise argparse.ArgumentTypeError(f"size {text!r} is too small (at least 16x9)")
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    parser.add_argument(
        "--size", type=parse_size, default=(1600, 900), help="WIDTHxHEIGHT (default 1600x900)"
    )
    parser.add_argument("--only", help="render just this car id (the catalog lists all)")
    args = parser.parse_args(argv)
    width, height = args.size
    for path in write_all(args.out, width, height, only=args.only):
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
