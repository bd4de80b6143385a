"""A drawn visitor: a face the Haar cascade detects, with an adjustable expression.

Demo content, not part of the kiosk: it draws the bundled demo clip
(`tools/make_demo_clip.py`), the development clips (`tools/make_dev_clips.py`) and the faces
the tests need. The kiosk itself only plays the rendered clip (resources/demo/demo.mp4).

The head is painted procedurally, with soft light and shadow rather than outlines, so that at
the 48x48 pixels an emotion model sees it reads like a (stylised) photograph: a lit skin oval
framed by hair, eye sockets in shadow, small dark eyes under lids, tapered brows, a nose
modelled by light, lips, nasolabial folds.

The expression moves what a real face moves. A smile widens and lifts the mouth, opens it over
the upper teeth, deepens the folds, raises the cheeks and narrows the eyes. Sorrow raises the
inner brow ends (with short lines above them), lets the upper lids droop, pulls the mouth
corners down and pushes the chin and lower lip up. Anger pulls the brows into a steep V with
furrows between them, deepens the shadow over narrowed eyes, flares the nostrils and turns the
tightened mouth down.

The head is painted at a fixed canonical size and then warped onto the frame (sub-pixel
placed), so it looks the same at every size and costs about the same: a few milliseconds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass, replace

import cv2
import numpy as np

FRAME_SIZE = (640, 480)  # width, height


@dataclass(frozen=True)
class FaceStyle:
    """How to draw one face. Sizes in pixels of the frame; expression and brows in -1..1."""

    cx: float = 320.0
    cy: float = 230.0
    width: float = 150.0  # face width; the height is 1.3 times this
    expression: float = 0.0  # -1: deep frown, 0: neutral, +1: broad smile
    brows: float = 0.0  # -1: lowered, +1: raised
    knit: float = 0.0  # +1: inner ends pulled down (anger), -1: inner ends pulled up (sorrow)
    light: float = 1.0  # skin brightness factor (about 0.5 dim .. 1.3 bright)
    mouth_open: float = 0.0  # 0: lips meet, 1: jaw dropped as on an open vowel (speech)


# Moods as a drawing can show them. Lighting differs too: sorrow is drawn in dim light, a smile
# in bright light. That keeps the test model in tests/fakes.py apart, which reads only the
# brightness of the middle of the face crop (about 94 sad, 138 neutral, 177 happy).
MOODS: dict[str, FaceStyle] = {
    "happy": FaceStyle(expression=1.0, brows=0.3, light=1.11),
    "neutral": FaceStyle(expression=0.0, light=0.875),
    "sad": FaceStyle(expression=-1.0, brows=-0.2, knit=-1.0, light=0.59),
    "angry": FaceStyle(expression=-1.0, brows=-0.6, knit=1.0, light=0.9),
}


def mood_style(mood: str, **changes: float) -> FaceStyle:
    """The FaceStyle for a mood name (see MOODS), with optional field changes."""
    if mood not in MOODS:
        raise ValueError(f"unknown mood {mood!r}; expected one of {sorted(MOODS)}")
    return replace(MOODS[mood], **changes)


def blend(a: FaceStyle, b: FaceStyle, weight: float) -> FaceStyle:
    """The style `weight` (0..1) of the way from a to b, field by field."""
    w = min(1.0, max(0.0, weight))
    return FaceStyle(*(x + (y - x) * w for x, y in zip(astuple(a), astuple(b), strict=True)))


def render_background(size: tuple[int, int] = FRAME_SIZE) -> np.ndarray:
    """A plain showroom: a lit wall above a darker floor, smooth so video compresses well."""
    return _background((size[0], size[1])).copy()


@functools.lru_cache(maxsize=4)
def _background(size: tuple[int, int]) -> np.ndarray:
    width, height = size
    rows = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    wall = 150.0 + 40.0 * (1.0 - rows)
    floor_line = int(height * 0.78)
    shade = np.repeat(wall, width, axis=1)
    shade[floor_line:] = 95.0
    image = np.clip(np.stack([shade * 0.95, shade * 0.97, shade], axis=2), 0, 255).astype(np.uint8)
    image.flags.writeable = False
    return image


def render_frame(face: FaceStyle | None = None, size: tuple[int, int] = FRAME_SIZE) -> np.ndarray:
    """A BGR uint8 frame: the background, with the face drawn when one is given."""
    image = render_background(size)
    if face is not None:
        draw_face(image, face)
    return image


def draw_face(image: np.ndarray, face: FaceStyle) -> None:
    """Draw the face (with hair, neck and shoulders) onto a BGR image in place."""
    _draw_body(image, face)
    colour, alpha = _paint_head(face)
    _composite(image, face, colour, alpha)


# --- the canonical canvas -------------------------------------------------------------------
# The head is painted on a small canvas where the face is _F pixels wide; positions below are
# in face widths from the face centre (x to the right, y down; the face oval reaches x = +-0.5
# and y = +-0.65).

_F = 112.0
_LEFT, _TOP = 0.7, 0.82  # canvas extent left of and above the face centre, in face widths
_BOTTOM = 1.15  # the canvas reaches this far below the face centre, past the collar
_CANVAS = (round(2 * _LEFT * _F), round((_TOP + _BOTTOM) * _F))  # width, height in pixels
_NECK = 0.8  # value of the lit part of the neck
_NECK_HALF = 0.19  # half its width, in face widths
_SHIFT = 4  # OpenCV fixed-point bits: shapes are placed to 1/16 pixel
_ONE = 1 << _SHIFT
_FINE_SIGMA = 0.9  # pixels of the canvas: softens every painted edge
_SOFT_SIGMA = 3.6  # pixels of the canvas: light and shadow modelling

_SKIN_BGR = np.array([150.0, 170.0, 205.0], dtype=np.float32)
_LUMA = np.array([0.114, 0.587, 0.299], dtype=np.float32)
_SKIN_LUMA = float(_SKIN_BGR @ _LUMA)


def _tint(bgr: Sequence[float]) -> np.ndarray:
    """A colour scaled to the skin's luminance, so that only the value map sets brightness."""
    colour = np.asarray(bgr, dtype=np.float32)
    return colour * (_SKIN_LUMA / float(colour @ _LUMA))


_LIP_TINT = _tint((120.0, 135.0, 225.0))
_WHITE_TINT = _tint((200.0, 205.0, 210.0))

Point = tuple[float, float]
Ink = float | tuple[float, ...]  # what OpenCV draws with: a value, or one per channel


def _px(x: float, y: float) -> tuple[int, int]:
    """Canvas fixed-point coordinates of a point in face widths."""
    return round((x + _LEFT) * _F * _ONE), round((y + _TOP) * _F * _ONE)


_ORIGIN = np.array([_LEFT, _TOP])  # the face centre on the canvas, in face widths


def _poly(points: Sequence[Point]) -> np.ndarray:
    """Canvas fixed-point coordinates [N, 2] of points in face widths."""
    return np.rint((np.asarray(points, dtype=np.float64) + _ORIGIN) * (_F * _ONE)).astype(np.int32)


class _Layers:
    """The two paint layers of one head, both on the canonical canvas.

    `fine` is paint (premultiplied value, alpha, lip tint, white tint), each shape laid over
    what is already there; it is blurred a little. `soft` is shading: how much darker
    (negative: lighter) the skin gets, later shapes replacing earlier ones; it is blurred a
    lot, so its shapes turn into light and shadow.
    """

    def __init__(self) -> None:
        width, height = _CANVAS
        self.fine = np.zeros((height, width, 4), dtype=np.float32)
        self.soft = np.zeros((height, width), dtype=np.float32)

    def paint(
        self, points: Sequence[Point], value: float, alpha: float = 1.0, lip: float = 0.0, white: float = 0.0
    ) -> None:
        """Lay a polygon of a value (1: lit skin) and opacity on, tinted towards lips or white."""
        fixed = _poly(points)
        self._over(fixed, 0, (value, alpha, lip, white), lambda image, at, ink: _fill(image, fixed - at, ink))

    def paint_line(self, points: Sequence[Point], width: float, value: float, alpha: float = 1.0) -> None:
        fixed, thickness = _poly(points), _thickness(width)
        self._over(
            fixed,
            thickness,
            (value, alpha, 0.0, 0.0),
            lambda image, at, ink: _line(image, fixed - at, thickness, ink),
        )

    def paint_ellipse(
        self,
        centre: Point,
        axes: Point,
        value: float,
        alpha: float = 1.0,
        lip: float = 0.0,
        white: float = 0.0,
        angle: float = 0.0,
    ) -> None:
        middle, size = np.array(_px(*centre)), _axes(axes)
        corners = np.array([middle - max(size), middle + max(size)])
        self._over(
            corners,
            0,
            (value, alpha, lip, white),
            lambda image, at, ink: _ellipse(image, middle - at, size, angle, ink),
        )

    def _over(
        self,
        fixed: np.ndarray,
        pad: int,
        paint: tuple[float, float, float, float],
        draw: Callable[[np.ndarray, np.ndarray, Ink], None],
    ) -> None:
        """Lay one shape over the fine layer; a translucent one is blended in its bounding box."""
        value, alpha, lip, white = paint
        ink = (value * alpha, alpha, lip * alpha, white * alpha)
        if alpha >= 1.0:  # opaque: drawing it straight in replaces what it covers
            draw(self.fine, np.zeros(2, dtype=np.int32), ink)
            return
        if alpha <= 0.0:
            return
        height, width = self.fine.shape[:2]
        x0, y0 = np.maximum(fixed.min(axis=0) // _ONE - pad - 1, 0)
        x1, y1 = np.minimum(fixed.max(axis=0) // _ONE + pad + 2, (width, height))
        if x0 >= x1 or y0 >= y1:
            return
        mask = np.zeros((y1 - y0, x1 - x0), dtype=np.float32)
        draw(mask, np.array([x0 * _ONE, y0 * _ONE]), 1.0)
        region = self.fine[y0:y1, x0:x1]
        region *= 1.0 - alpha * mask[..., None]
        region += mask[..., None] * np.array(ink, dtype=np.float32)

    def shade(self, points: Sequence[Point], amount: float) -> None:
        """Darken (amount > 0) or lighten (< 0) the skin over a polygon, softly."""
        cv2.fillPoly(self.soft, [_poly(points)], amount, cv2.LINE_8, _SHIFT)

    def shade_line(self, points: Sequence[Point], width: float, amount: float) -> None:
        cv2.polylines(self.soft, [_poly(points)], False, amount, _thickness(width), cv2.LINE_8, _SHIFT)

    def shade_ellipse(self, centre: Point, axes: Point, amount: float) -> None:
        cv2.ellipse(self.soft, _px(*centre), _axes(axes), 0, 0, 360, amount, -1, cv2.LINE_8, _SHIFT)


def _fill(image: np.ndarray, fixed: np.ndarray, ink: Ink) -> None:
    cv2.fillPoly(image, [fixed], ink, cv2.LINE_8, _SHIFT)


def _line(image: np.ndarray, fixed: np.ndarray, thickness: int, ink: Ink) -> None:
    cv2.polylines(image, [fixed], False, ink, thickness, cv2.LINE_8, _SHIFT)


def _ellipse(image: np.ndarray, centre: np.ndarray, size: tuple[int, int], angle: float, ink: Ink) -> None:
    cv2.ellipse(image, (int(centre[0]), int(centre[1])), size, angle, 0, 360, ink, -1, cv2.LINE_8, _SHIFT)


def _thickness(width: float) -> int:
    return max(1, round(width * _F))


def _axes(axes: Point) -> tuple[int, int]:
    return max(1, round(axes[0] * _F * _ONE)), max(1, round(axes[1] * _F * _ONE))


@functools.lru_cache(maxsize=1)
def _base() -> tuple[np.ndarray, np.ndarray]:
    """The expressionless head: (value map, alpha), both [H, W] float32, painted once."""
    width, height = _CANVAS
    xs = (np.arange(width, dtype=np.float32) + 0.5) / _F - _LEFT
    ys = (np.arange(height, dtype=np.float32) + 0.5) / _F - _TOP
    x, y = np.meshgrid(xs, ys)

    def inside(dist: np.ndarray, soft_px: float = 1.2) -> np.ndarray:
        """Alpha from a signed distance in face widths (positive inside), `soft_px` soft."""
        return np.clip(dist * _F / soft_px + 0.5, 0.0, 1.0)

    # the face: an egg, narrower at the jaw than at the cheekbones
    down = np.clip(y / 0.65, 0.0, 1.0)
    half_width = 0.5 - 0.07 * down**2
    radius = np.sqrt((x / half_width) ** 2 + (y / 0.65) ** 2)
    face = inside((1.0 - radius) * 0.5)
    # hair parted on the left, swept over the top, the hairline a little irregular
    hairline = -0.4 + 0.95 * x**2 + 0.025 * np.exp(-(((x + 0.13) / 0.1) ** 2)) - 0.015 * np.sin(x * 13.0)
    face *= inside(y - hairline, 1.5)
    angle = np.arctan2(y + 0.1, x)
    outline = 1.0 + 0.035 * np.sin(angle * 5.0 + 0.7) * np.clip(-(y + 0.1) / 0.3, 0.0, 1.0)
    hair_radius = np.sqrt((x / 0.57) ** 2 + ((y + 0.08) / 0.72) ** 2) / outline
    sides = 0.03 - y - 0.5 * np.clip(np.abs(x) - 0.42, 0.0, None)  # down to the top of the ears
    hair = inside((1.0 - hair_radius) * 0.55, 1.6) * inside(sides, 2.5)
    # ears, half hidden behind the face, and the neck with the chin's shadow on it
    ear_radius = np.sqrt(((np.abs(x) - 0.475) / 0.06) ** 2 + ((y - 0.03) / 0.105) ** 2)
    ears = inside((1.0 - ear_radius) * 0.06)
    neck = inside(_NECK_HALF - np.abs(x)) * inside(y - 0.2) * inside(1.1 - np.abs(x) - y)

    # lighting from the front and a little above: the middle of the face brightest
    across = np.abs(x) / half_width
    skin = (
        1.04
        - 0.28 * across**4
        - 0.08 * across**2
        - 0.1 * down**3
        + 0.04 * np.clip(-y / 0.4, 0.0, 1.0)
        - 0.06 * np.exp(-(((np.abs(x) - 0.4) / 0.06) ** 2) - ((y + 0.12) / 0.1) ** 2)  # temples
    )
    ear_value = 0.86 - 0.3 * np.clip(1.0 - ear_radius, 0.0, 1.0) ** 2
    jaw = 0.65 * np.sqrt(np.clip(1.0 - (x / 0.38) ** 2, 0.0, 1.0))
    neck_value = _NECK - 0.4 * np.exp(-np.clip(y - jaw, 0.0, None) / 0.1)
    sweep = (x - 0.14) / (0.3 + np.clip(y + 0.75, 0.0, None))  # lines fanning out from the parting
    strands = 0.02 * np.sin(sweep * 26.0) * np.clip(-(y + 0.25) / 0.2, 0.0, 1.0)
    sheen = np.exp(-(((x + 0.1) / 0.24) ** 2) - ((y + 0.52) / 0.08) ** 2)
    parting = np.exp(-(((x - 0.14) / 0.012) ** 2)) * np.clip(-(y + 0.5) / 0.1, 0.0, 1.0)
    hair_value = 0.2 + 0.1 * sheen + strands - 0.06 * parting - 0.06 * np.clip(np.abs(x) / 0.55, 0.0, 1.0)

    value = neck_value * neck
    alpha = neck.copy()
    for part, shade in ((ears, ear_value), (hair, hair_value), (face, skin)):
        value = value * (1.0 - part) + shade * part
        alpha = alpha * (1.0 - part) + part
    value = value / np.maximum(alpha, 1e-3)  # the edges were painted over nothing: un-premultiply
    value, alpha = value.astype(np.float32), alpha.astype(np.float32)
    value.flags.writeable = alpha.flags.writeable = False  # shared by every call
    return value, alpha


def _paint_head(face: FaceStyle) -> tuple[np.ndarray, np.ndarray]:
    """The head's BGR colour [H, W, 3] and alpha [H, W] on the canonical canvas."""
    value, alpha = _base()
    layers = _Layers()
    mood = _Mood.of(face)
    _paint_eyes(layers, mood)
    _paint_brows(layers, mood)
    _paint_nose(layers, mood)
    _paint_cheeks(layers, mood)
    _paint_mouth(layers, mood)
    fine = cv2.GaussianBlur(layers.fine, (0, 0), _FINE_SIGMA)
    soft = cv2.GaussianBlur(layers.soft, (0, 0), _SOFT_SIGMA)
    shaded = (value * (1.0 - fine[..., 1]) + fine[..., 0]) * (1.0 - soft)
    lip, white = fine[..., 2:3], fine[..., 3:4]
    tint = _SKIN_BGR + lip * (_LIP_TINT - _SKIN_BGR) + white * (_WHITE_TINT - _SKIN_BGR)
    colour = np.maximum(shaded, 0.0)[..., None] * tint * max(0.0, face.light)
    return colour, alpha


def _composite(image: np.ndarray, face: FaceStyle, colour: np.ndarray, alpha: np.ndarray) -> None:
    """Warp the canvas onto the image: scaled to the face width, centred on (cx, cy)."""
    height, width = image.shape[:2]
    scale = face.width / _F
    if not scale > 0:
        return
    left, top = face.cx - _LEFT * _F * scale, face.cy - _TOP * _F * scale
    x0, y0 = max(0, int(np.floor(left))), max(0, int(np.floor(top)))
    x1 = min(width, int(np.ceil(left + _CANVAS[0] * scale)))
    y1 = min(height, int(np.ceil(top + _CANVAS[1] * scale)))
    if x0 >= x1 or y0 >= y1:
        return
    matrix = np.array([[scale, 0.0, left - x0], [0.0, scale, top - y0]], dtype=np.float64)
    size = (x1 - x0, y1 - y0)
    if scale < 1.0:  # shrink with area averaging first, then place with sub-pixel accuracy
        small = (max(1, round(_CANVAS[0] * scale)), max(1, round(_CANVAS[1] * scale)))
        colour = cv2.resize(colour, small, interpolation=cv2.INTER_AREA)
        alpha = cv2.resize(alpha, small, interpolation=cv2.INTER_AREA)
        matrix[0, 0] = _CANVAS[0] * scale / small[0]
        matrix[1, 1] = _CANVAS[1] * scale / small[1]
    paint = np.clip(colour, 0, 255).astype(np.uint8)
    over = cv2.warpAffine(paint, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    cover = cv2.warpAffine(alpha, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    region = image[y0:y1, x0:x1]
    region[...] = cv2.blendLinear(over, region, cover, 1.0 - cover)


def _draw_body(image: np.ndarray, face: FaceStyle) -> None:
    """Shoulders in a dark jumper, drawn before the head (which brings its neck)."""
    centre = (round(face.cx), round(face.cy + 1.45 * face.width))
    axes = (max(1, round(1.1 * face.width)), max(1, round(0.6 * face.width)))
    cv2.ellipse(image, centre, axes, 0, 180, 360, (70, 60, 55), -1, cv2.LINE_AA)


# --- the expression -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mood:
    """The style's expression split into the movements a face makes, each 0..1."""

    smile: float
    frown: float
    anger: float
    sorrow: float
    lift: float  # brows, -1..1
    open: float  # jaw drop of speech, 0..1

    @staticmethod
    def of(face: FaceStyle) -> _Mood:
        expression = float(np.clip(face.expression, -1.0, 1.0))
        knit = float(np.clip(face.knit, -1.0, 1.0))
        return _Mood(
            smile=max(0.0, expression),
            frown=max(0.0, -expression),
            anger=max(0.0, knit),
            sorrow=max(0.0, -knit),
            lift=float(np.clip(face.brows, -1.0, 1.0)),
            open=float(np.clip(face.mouth_open, 0.0, 1.0)),
        )


_EYE_X, _EYE_Y = 0.205, -0.075
_EYE_HALF = 0.1  # half the width of an eye opening


def _curve(x0: float, x1: float, f: Callable[[np.ndarray], np.ndarray], count: int = 12) -> list[Point]:
    xs = np.linspace(x0, x1, count)
    return [(float(x), float(y)) for x, y in zip(xs, f(xs), strict=True)]


def _paint_eyes(layers: _Layers, mood: _Mood) -> None:
    upper = 0.042 * (1.0 - 0.45 * mood.smile - 0.3 * mood.sorrow - 0.15 * mood.anger + 0.08 * mood.lift)
    lower = 0.023 * (1.0 - 0.55 * mood.smile - 0.3 * mood.anger)
    droop = 0.014 * mood.sorrow  # the outer half of the upper lid hangs lower in sorrow
    for side in (-1.0, 1.0):
        ex, ey = side * _EYE_X, _EYE_Y + 0.01 * mood.smile

        def upper_lid(xs: np.ndarray, ex: float = ex, ey: float = ey, side: float = side) -> np.ndarray:
            t = np.clip((xs - ex) / _EYE_HALF, -1.0, 1.0)  # -1..1 across the eye
            outer = np.clip(t * side, 0.0, 1.0)
            return ey - upper * (1.0 - t**2) * (1.0 - 0.25 * t * side) + droop * outer

        def lower_lid(xs: np.ndarray, ex: float = ex, ey: float = ey) -> np.ndarray:
            t = np.clip((xs - ex) / _EYE_HALF, -1.0, 1.0)
            return ey + lower * (1.0 - t**2) ** 0.8

        # the socket in shadow, deeper under a lowered brow
        socket = 0.2 + 0.28 * mood.anger + 0.1 * mood.sorrow - 0.06 * mood.smile
        layers.shade_ellipse((ex, ey - 0.02), (0.12, 0.065), socket)
        layers.shade_ellipse((ex + side * 0.02, ey + 0.045), (0.08, 0.02), 0.08 + 0.1 * mood.sorrow)
        # the opening with the iris, cut by the lids; a crease above, the lash line
        left, right = ex - _EYE_HALF, ex + _EYE_HALF
        opening = _curve(left, right, upper_lid) + _curve(right, left, lower_lid)
        layers.paint(opening, 0.78, white=0.6)
        iris_y = ey + 0.004 + 0.008 * mood.sorrow
        layers.paint_ellipse((ex, iris_y), (0.045, 0.045), 0.18)
        layers.paint_ellipse((ex, iris_y), (0.018, 0.018), 0.08)
        layers.paint_ellipse((ex + 0.014, iris_y - 0.014), (0.006, 0.005), 1.0, alpha=0.45, white=1.0)
        lid_l, lid_r = left - 0.012, right + 0.012
        above = _curve(lid_l, lid_r, upper_lid) + _curve(lid_r, lid_l, lambda xs: upper_lid(xs) - 0.05)
        below = _curve(lid_l, lid_r, lower_lid) + _curve(lid_r, lid_l, lambda xs: lower_lid(xs) + 0.05)
        layers.paint(above, 0.9)
        layers.paint(below, 0.96)
        crease = _curve(left + 0.01, right - 0.005, lambda xs: upper_lid(xs) - 0.018 - 0.006 * mood.lift)
        layers.paint_line(crease, 0.008, 0.55, alpha=0.45 * (1.0 - 0.6 * mood.anger))
        layers.paint_line(_curve(left - 0.005, right + 0.01, upper_lid), 0.014, 0.12)
        layers.paint_line(_curve(left + 0.01, right - 0.005, lower_lid), 0.006, 0.55, alpha=0.6)
        if mood.smile > 0:  # a raised cheek pushes up under the eye; a crease below it
            crease_below = _curve(left + 0.01, right, lambda xs: lower_lid(xs) + 0.022)
            layers.shade_line(crease_below, 0.012, 0.12 * mood.smile)
            crow = [(side * (_EYE_X + _EYE_HALF + 0.015), ey + dy) for dy in (-0.015, 0.0, 0.018)]
            for cx, cy in crow:
                end = (cx + side * 0.035, cy + (cy - ey) * 1.3)
                layers.paint_line([(cx, cy), end], 0.006, 0.6, alpha=0.35 * mood.smile)


def _paint_brows(layers: _Layers, mood: _Mood) -> None:
    """Tapered brows; anger pulls the inner ends down and together, sorrow lifts them."""
    lift = 0.028 * mood.lift
    inner_drop = 0.1 * mood.anger - 0.06 * mood.sorrow
    outer_drop = 0.012 * mood.sorrow - 0.05 * mood.anger
    for side in (-1.0, 1.0):
        inner_x = side * (0.07 - 0.012 * mood.anger)
        outer_x = side * 0.31
        xs = np.linspace(0.0, 1.0, 16)  # 0 at the inner end, 1 at the outer end
        arch = (-0.03 * np.sin(np.pi * (0.12 + 0.72 * xs)) + 0.012 * xs**2) * (1.0 - 0.6 * mood.sorrow)
        centre_y = -0.2 - lift + inner_drop * (1.0 - xs) ** 1.5 + outer_drop * xs**2 + arch
        if mood.sorrow > 0:  # the inner third bunches up into a slope
            centre_y -= 0.012 * mood.sorrow * np.clip(1.0 - xs * 3.0, 0.0, 1.0)
        centre_x = inner_x + (outer_x - inner_x) * xs
        thick = (
            (0.03 + 0.006 * mood.anger)
            * np.sqrt(1.0 - 0.85 * xs)
            * (0.8 + 0.2 * np.sqrt(xs * 8.0).clip(0, 1))
        )
        for grow, value, alpha in ((0.012, 0.35, 0.4), (0.0, 0.17, 0.9)):  # a soft fringe, the dense brow
            top = [
                (float(x), float(y - t / 2 - grow / 2))
                for x, y, t in zip(centre_x, centre_y, thick, strict=True)
            ]
            bottom = [
                (float(x), float(y + t / 2 + grow / 2))
                for x, y, t in zip(centre_x, centre_y, thick, strict=True)
            ]
            layers.paint(top + bottom[::-1], value, alpha=alpha)
        # shadow under the brow ridge, the bulge above a raised inner end
        below = [(float(x), float(y + 0.025)) for x, y in zip(centre_x, centre_y, strict=True)]
        layers.shade_line(below, 0.02, 0.1 + 0.15 * mood.anger)
    if mood.anger > 0:  # vertical furrows between the brows and a crease at the nose root
        for side in (-1.0, 1.0):
            furrow = [(side * 0.02, -0.2), (side * 0.026, -0.17), (side * 0.034, -0.13)]
            layers.paint_line(furrow, 0.005, 0.6, alpha=0.25 * mood.anger)
            layers.shade_line(furrow, 0.016, 0.22 * mood.anger)
        layers.paint_line(
            [(-0.04, -0.105), (0.0, -0.11), (0.04, -0.105)], 0.006, 0.55, alpha=0.5 * mood.anger
        )
        layers.shade_ellipse((0.0, -0.16), (0.012, 0.05), -0.08 * mood.anger)
    if mood.sorrow > 0:  # short forehead lines over the raised inner brows
        for k, y in enumerate((-0.255, -0.29)):
            line = [(float(x), y - 0.01 * float(np.cos(x * 12.0))) for x in np.linspace(-0.085, 0.085, 7)]
            layers.paint_line(line, 0.005, 0.62, alpha=(0.35 - 0.1 * k) * mood.sorrow)
            layers.shade_line(line, 0.012, 0.06 * mood.sorrow)


def _paint_nose(layers: _Layers, mood: _Mood) -> None:
    flare = 1.0 + 0.35 * mood.anger + 0.15 * mood.smile
    layers.shade([(-0.018, -0.1), (0.018, -0.1), (0.024, 0.15), (-0.024, 0.15)], -0.1)  # the bridge
    for side in (-1.0, 1.0):
        layers.shade(
            [(side * 0.035, -0.08), (side * 0.065, -0.08), (side * 0.085, 0.17), (side * 0.05, 0.17)], 0.1
        )
        layers.shade_ellipse((side * 0.063 * flare, 0.19), (0.03, 0.035), 0.17)
        wing = [
            (side * 0.05, 0.15),
            (side * 0.075 * flare, 0.15),
            (side * 0.078 * flare, 0.2),
            (side * 0.06, 0.222),
        ]
        layers.paint_line(wing, 0.006, 0.55, alpha=0.45)
        layers.paint_ellipse((side * 0.028 * flare, 0.214), (0.017 * flare, 0.008), 0.25, angle=side * 12.0)
    layers.shade_ellipse((0.0, 0.17), (0.034, 0.028), -0.14)  # the tip catches the light
    layers.shade_ellipse((0.0, 0.232), (0.055, 0.016), 0.28)  # shadow under the nose
    layers.shade_line([(0.0, 0.24), (0.0, 0.29)], 0.014, 0.06)  # the philtrum


def _paint_cheeks(layers: _Layers, mood: _Mood) -> None:
    """Cheek light and the nasolabial folds from the nose wings past the mouth corners."""
    half, corner_y = _mouth_corner(mood)
    depth = 0.1 + 0.2 * mood.smile + 0.06 * mood.anger + 0.06 * mood.sorrow
    for side in (-1.0, 1.0):
        apple = (side * (0.2 + 0.02 * mood.smile), 0.1 - 0.035 * mood.smile)
        layers.shade_ellipse(apple, (0.085, 0.06 + 0.01 * mood.smile), -0.05 - 0.05 * mood.smile)
        start = (side * 0.085, 0.18 - 0.02 * mood.smile)
        end = (side * (half + 0.035 + 0.02 * mood.smile), corner_y + 0.06 - 0.02 * mood.smile)
        bow = side * (0.035 + 0.03 * mood.smile)
        fold = [
            (start[0] + (end[0] - start[0]) * t + bow * np.sin(np.pi * t), start[1] + (end[1] - start[1]) * t)
            for t in np.linspace(0.0, 1.0, 10)
        ]
        layers.shade_line(fold, 0.014, depth)
        layers.paint_line(fold[1:8], 0.006, 0.62, alpha=0.25 + 0.4 * mood.smile)
        if mood.frown > 0:  # lines from the mouth corners down towards the jaw
            drop = [(side * (half + 0.005), corner_y + 0.01), (side * (half + 0.025), corner_y + 0.09)]
            layers.shade_line(drop, 0.014, 0.2 * mood.frown)


def _mouth_corner(mood: _Mood) -> tuple[float, float]:
    """(half width of the mouth, height of its corners) in face widths."""
    half = 0.18 + 0.055 * mood.smile - 0.035 * mood.frown - 0.04 * mood.open * (1.0 - mood.smile)
    drop = -0.055 * mood.smile + 0.065 * mood.frown
    return half, _MOUTH_Y + drop


_MOUTH_Y = 0.365


def _paint_mouth(layers: _Layers, mood: _Mood) -> None:
    """Lips around the line where they meet; a smile opens them over the upper teeth."""
    half, corner_y = _mouth_corner(mood)
    drop = corner_y - _MOUTH_Y
    power = 2.0 if drop < 0 else 2.6
    press = 0.3 * mood.anger * (1.0 - mood.smile)
    pout = mood.frown * max(mood.sorrow, 0.6 * mood.anger)

    def meet(xs: np.ndarray) -> np.ndarray:  # where the lips meet; the corners rise or fall
        return _MOUTH_Y + drop * np.abs(xs / half) ** power - 0.008 * pout * (1 - (xs / half) ** 2)

    grin = 0.075 * mood.smile**1.3  # a smile parts the lips over the upper teeth
    jaw = 0.12 * mood.open  # speech drops the jaw: a rounder, darker opening
    gap = grin + jaw  # the opening at the middle of the mouth

    def bulge(xs: np.ndarray, p: float = 0.8) -> np.ndarray:
        return np.clip(1.0 - (xs / half) ** 2, 0.0, 1.0) ** p

    def upper_inner(xs: np.ndarray) -> np.ndarray:
        return meet(xs) - 0.2 * gap * bulge(xs)

    def lower_inner(xs: np.ndarray) -> np.ndarray:
        return meet(xs) + 0.8 * grin * bulge(xs, 0.7) + 0.95 * jaw * bulge(xs, 0.5)

    upper_t = 0.03 * (1.0 - 0.45 * mood.smile) * (1.0 - 0.65 * press) * (1.0 - 0.3 * pout)
    lower_t = 0.042 * (1.0 - 0.35 * mood.smile) * (1.0 - 0.55 * press) * (1.0 + 0.2 * pout)

    def upper_outer(xs: np.ndarray) -> np.ndarray:
        bow = 0.006 * np.exp(-((xs / 0.03) ** 2)) * (1.0 - mood.smile)
        return upper_inner(xs) - upper_t * bulge(xs, 0.6) - 0.003 + bow

    def lower_outer(xs: np.ndarray) -> np.ndarray:
        return lower_inner(xs) + lower_t * bulge(xs, 0.6) + 0.003

    count = 21
    # shadow below the lower lip (stronger as the chin pushes up) and light on the chin
    under_lip = _curve(-half * 0.6, half * 0.6, lambda xs: lower_outer(xs) + 0.018, 9)
    layers.shade_line(under_lip, 0.02, 0.22 + 0.2 * pout + 0.15 * press)
    layers.shade_ellipse((0.0, 0.55 - 0.02 * pout), (0.09, 0.05), -0.08 - 0.06 * pout)
    if pout > 0:  # the raised chin dimples
        for dx, dy in ((-0.03, 0.52), (0.03, 0.53), (0.0, 0.56)):
            layers.shade_ellipse((dx, dy), (0.012, 0.009), 0.12 * pout)
    if press > 0:  # lips pressed together bulge the skin above and below
        for side in (-1.0, 1.0):
            layers.shade_ellipse((side * (half + 0.01), corner_y), (0.022, 0.03), 0.16 * press)
    upper_lip = _curve(-half, half, upper_outer, count) + _curve(half, -half, upper_inner, count)
    lower_lip = _curve(-half, half, lower_inner, count) + _curve(half, -half, lower_outer, count)
    layers.paint(upper_lip, 0.6, lip=0.8)
    layers.paint(lower_lip, 0.76, lip=0.8)
    layers.paint_ellipse(
        (0.0, float(lower_outer(np.zeros(1))[0]) - lower_t * 0.45), (0.05, 0.009), 0.88, lip=0.5
    )
    if gap > 0.004:
        inside = _curve(-half, half, upper_inner, count) + _curve(half, -half, lower_inner, count)
        layers.paint(inside, 0.12)
        teeth_h = min(0.04, 0.6 * grin + 0.1 * jaw)
        tw = half * 0.8
        teeth = _curve(-tw, tw, upper_inner, count) + _curve(
            tw, -tw, lambda xs: upper_inner(xs) + teeth_h * bulge(xs * half / tw, 0.5), count
        )
        layers.paint(teeth, 1.2, white=1.0)
        for k in (-2, -1, 0, 1, 2):  # faint gaps between the teeth
            x = k * 0.03
            top = float(upper_inner(np.array([x]))[0])
            layers.paint_line([(x, top), (x, top + teeth_h * 0.8)], 0.004, 0.75, alpha=0.3)
        for side in (-1.0, 1.0):  # the mouth corners stay dark
            layers.paint_ellipse(
                (side * half * 0.85, float(meet(np.array([half * 0.85]))[0])), (0.03, 0.012), 0.2
            )
    line = _curve(-half - 0.006, half + 0.006, meet, count)
    layers.paint_line(
        line, 0.014 + 0.004 * press, 0.12 - 0.08 * press, alpha=0.9 * (1.0 - min(1.0, gap / 0.01))
    )
    for side in (-1.0, 1.0):
        layers.paint_ellipse((side * (half + 0.004), corner_y), (0.01, 0.008), 0.35, alpha=0.7)
