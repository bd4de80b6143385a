"""A drawn visitor: a face the Haar cascade detects, with an adjustable expression.

Used where no camera or real footage is wanted: `bench` without `--video`, the demo clip
(`tools/make_demo_clip.py`) and the tests. The drawing keeps what the frontal-face cascade
looks for (dark eye sockets and brows above lighter cheeks, a light nose bridge, a darker
mouth line) and moves the mouth corners and brows to show a smile or a frown.
"""

from __future__ import annotations

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


# Moods as a drawing can show them. Lighting differs too: a frown is drawn in dimmer light,
# a smile in brighter light, which also keeps the test model in tests/fakes.py apart.
MOODS: dict[str, FaceStyle] = {
    "happy": FaceStyle(expression=1.0, brows=0.5, light=1.25),
    "neutral": FaceStyle(expression=0.0, light=0.95),
    "sad": FaceStyle(expression=-1.0, brows=-0.4, knit=-1.0, light=0.62),
    "angry": FaceStyle(expression=-0.8, brows=-1.0, knit=1.0, light=0.75),
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
    width, height = size
    rows = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    wall = 150.0 + 40.0 * (1.0 - rows)
    floor_line = int(height * 0.78)
    shade = np.repeat(wall, width, axis=1)
    shade[floor_line:] = 95.0
    image = np.stack([shade * 0.95, shade * 0.97, shade], axis=2)
    return np.clip(image, 0, 255).astype(np.uint8)


def render_frame(face: FaceStyle | None = None, size: tuple[int, int] = FRAME_SIZE) -> np.ndarray:
    """A BGR uint8 frame: the background, with the face drawn when one is given."""
    image = render_background(size)
    if face is not None:
        draw_face(image, face)
    return image


def draw_face(image: np.ndarray, face: FaceStyle) -> None:
    """Draw the face (with hair, neck and shoulders) onto a BGR image in place."""
    _draw_body(image, face)
    _draw_skin(image, face)
    _draw_eyes(image, face)
    _draw_brows(image, face)
    _draw_nose(image, face)
    _draw_mouth(image, face)


def _pt(face: FaceStyle, fx: float, fy: float) -> tuple[int, int]:
    """A point given in face-relative units (x, y in -1..1 across width and height)."""
    return round(face.cx + fx * face.width / 2), round(face.cy + fy * face.width * 0.65)


def _len(face: FaceStyle, fraction: float) -> int:
    return max(1, round(fraction * face.width))


def _skin(face: FaceStyle, level: float = 1.0) -> tuple[float, float, float]:
    base = np.array([150.0, 170.0, 205.0]) * face.light * level
    b, g, r = np.clip(base, 0, 255)
    return float(b), float(g), float(r)


def _draw_body(image: np.ndarray, face: FaceStyle) -> None:
    shoulders = (_pt(face, 0, 2.3), (_len(face, 1.1), _len(face, 0.6)))
    cv2.ellipse(image, shoulders[0], shoulders[1], 0, 180, 360, (70, 60, 55), -1, cv2.LINE_AA)
    neck_top, neck_bottom = _pt(face, -0.3, 0.8), _pt(face, 0.3, 1.6)
    cv2.rectangle(image, neck_top, neck_bottom, _skin(face, 0.8), -1)
    hair = _pt(face, 0, -0.25)
    cv2.ellipse(image, hair, (_len(face, 0.56), _len(face, 0.66)), 0, 180, 360, (40, 45, 55), -1, cv2.LINE_AA)


def _draw_skin(image: np.ndarray, face: FaceStyle) -> None:
    """A skin ellipse lit from the front: brighter in the middle, darker at the rim."""
    height, width = image.shape[:2]
    axes = (face.width / 2, face.width * 0.65)
    x0, x1 = max(0, int(face.cx - axes[0]) - 1), min(width, int(face.cx + axes[0]) + 2)
    y0, y1 = max(0, int(face.cy - axes[1]) - 1), min(height, int(face.cy + axes[1]) + 2)
    if x0 >= x1 or y0 >= y1:
        return
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    radius = np.sqrt(((xs - face.cx) / axes[0]) ** 2 + ((ys - face.cy) / axes[1]) ** 2)
    inside = radius <= 1.0
    shading = (1.05 - 0.35 * radius**2)[..., None]
    colour = np.array(_skin(face), dtype=np.float32) * shading
    patch = image[y0:y1, x0:x1]
    patch[inside] = np.clip(colour[inside], 0, 255).astype(np.uint8)


def _draw_eyes(image: np.ndarray, face: FaceStyle) -> None:
    for side in (-1, 1):
        centre = _pt(face, side * 0.38, -0.12)
        socket = (_len(face, 0.16), _len(face, 0.085))
        cv2.ellipse(image, centre, socket, 0, 0, 360, _skin(face, 0.55), -1, cv2.LINE_AA)
        white = (_len(face, 0.1), _len(face, 0.045))
        cv2.ellipse(image, centre, white, 0, 0, 360, (205, 210, 215), -1, cv2.LINE_AA)
        cv2.circle(image, centre, _len(face, 0.042), (35, 30, 30), -1, cv2.LINE_AA)


def _draw_brows(image: np.ndarray, face: FaceStyle) -> None:
    """Brows move up or down together; knitting tilts their inner ends down or up."""
    lift = 0.04 * face.brows
    tilt = 0.06 * face.knit
    for side in (-1, 1):
        outer = _pt(face, side * 0.6, -0.3 - lift - tilt)
        inner = _pt(face, side * 0.16, -0.3 - lift + tilt)
        cv2.line(image, outer, inner, (30, 30, 40), _len(face, 0.06), cv2.LINE_AA)


def _draw_nose(image: np.ndarray, face: FaceStyle) -> None:
    top, tip = _pt(face, 0, -0.05), _pt(face, 0, 0.3)
    for side in (-1, 1):
        wing = _pt(face, side * 0.12, 0.3)
        cv2.line(image, (top[0] + side * _len(face, 0.05), top[1]), wing, _skin(face, 0.7), 2, cv2.LINE_AA)
        cv2.circle(image, _pt(face, side * 0.07, 0.33), _len(face, 0.022), _skin(face, 0.35), -1)
    cv2.line(image, top, tip, _skin(face, 1.12), _len(face, 0.04), cv2.LINE_AA)


def _draw_mouth(image: np.ndarray, face: FaceStyle) -> None:
    """A lip line whose corners rise for a smile and drop for a frown."""
    curve = float(np.clip(face.expression, -1.0, 1.0))
    xs = np.linspace(-0.3, 0.3, 25)
    ys = 0.58 - curve * 0.18 * (xs / 0.3) ** 2 + curve * 0.05
    points = np.array([_pt(face, x, y) for x, y in zip(xs, ys, strict=True)], dtype=np.int32)
    lips = (int(60 * face.light), int(60 * face.light), int(140 * face.light))
    cv2.polylines(image, [points], False, lips, _len(face, 0.05), cv2.LINE_AA)
    if curve > 0.3:  # an open smile shows teeth
        teeth = points[6:19] + np.array([0, _len(face, 0.02)])
        cv2.polylines(image, [teeth], False, (225, 225, 230), _len(face, 0.025), cv2.LINE_AA)
