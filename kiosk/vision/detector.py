"""Face detection with OpenCV's Haar frontal-face cascade, built once per detector.

Detection runs on a downscaled copy of the frame. While faces are being followed, each is
first looked for in a region around where it was; a full-frame scan runs when one is lost
and every few frames anyway, so a newcomer is found within a fraction of a second.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import cv2
import numpy as np

from kiosk.paths import resource_path
from kiosk.vision.types import DETECTOR_FLOOR, Box

# OpenCV's frontal-face cascade, shipped gzip-compressed (129 KB instead of 908 KB); the copy inside
# an OpenCV package, the fallback, is the plain XML.
CASCADE_FILE = "haarcascade_frontalface_default.xml.gz"
OPENCV_CASCADE_FILE = "haarcascade_frontalface_default.xml"
_HAAR_WINDOW = 24  # the cascade's training size: smaller faces cannot be found
_FOLLOW_FACE_PX = 40  # a followed face is searched for at about this size: fast, still reliable


class CascadeError(RuntimeError):
    """The face detector's cascade file is missing or unusable (the message names it)."""


def default_cascade_path() -> Path:
    """The shipped cascade, else the copy inside the OpenCV package."""
    shipped = resource_path("resources", CASCADE_FILE)
    if shipped.is_file():
        return shipped
    data = getattr(cv2, "data", None)
    if data is not None:
        bundled = Path(data.haarcascades) / OPENCV_CASCADE_FILE
        if bundled.is_file():
            return bundled
    return shipped


def load_cascade(path: Path) -> cv2.CascadeClassifier:
    """Load a cascade XML, or gzip-compressed XML (`.gz`). Read through Python so that any path
    (non-ASCII too) works."""
    if not path.is_file():
        raise CascadeError(f"face detector file {path} does not exist")
    try:
        data = path.read_bytes()
        text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
        storage = cv2.FileStorage(text, cv2.FILE_STORAGE_READ | cv2.FILE_STORAGE_MEMORY)
        cascade = cv2.CascadeClassifier()
        loaded = cascade.read(storage.getFirstTopLevelNode())
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, cv2.error) as error:
        raise CascadeError(f"face detector file {path} could not be read: {error}") from error
    if not loaded or cascade.empty():
        raise CascadeError(f"face detector file {path} is not an OpenCV cascade classifier")
    return cascade


class FaceDetector:
    """Finds frontal faces in a grayscale image; boxes are in that image's pixels."""

    def __init__(
        self,
        min_face_size: int = DETECTOR_FLOOR,
        detect_width: int = 320,
        cascade: Path | None = None,
        *,
        scale_factor: float = 1.1,
        min_neighbors: int = 5,
        full_scan_every: int = 8,
    ) -> None:
        self.cascade_path = cascade if cascade is not None else default_cascade_path()
        self.min_face_size = min_face_size
        self.detect_width = detect_width
        self._cascade = load_cascade(self.cascade_path)
        self._scale_factor = scale_factor
        self._min_neighbors = min_neighbors
        self._full_scan_every = full_scan_every
        self._tracked: list[Box] = []  # last faces, in downscaled pixels
        self._since_full_scan = 0

    def reset(self) -> None:
        """Forget the faces being followed (e.g. when the source changes)."""
        self._tracked = []
        self._since_full_scan = 0

    def detect(self, gray: np.ndarray) -> list[Box]:
        height, width = gray.shape[:2]
        scale = min(1.0, self.detect_width / width) if width > 0 else 1.0
        small = gray
        if scale < 1.0:
            size = (max(1, round(width * scale)), max(1, round(height * scale)))
            small = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
        min_size = max(_HAAR_WINDOW, round(self.min_face_size * scale))
        found = self._follow(small, min_size)
        if found is None:
            found = self._scan(small, min_size, (0, 0))
            self._since_full_scan = 0
        self._tracked = found
        return [_rescale(box, 1.0 / scale, width, height) for box in found]

    def _follow(self, small: np.ndarray, min_size: int) -> list[Box] | None:
        """Look for each followed face near where it was; None when a full scan is due."""
        if not self._tracked or self._since_full_scan >= self._full_scan_every:
            return None
        found: list[Box] = []
        for last in self._tracked:
            box = self._follow_one(small, last)
            if box is None or box.size < min_size:
                return None
            found.append(box)
        self._since_full_scan += 1
        return _distinct(found)

    def _follow_one(self, small: np.ndarray, last: Box) -> Box | None:
        """Search a region around `last`, shrunk so the face is about _FOLLOW_FACE_PX wide."""
        x0, y0, x1, y1 = _grow(last, 0.3, small.shape[1], small.shape[0])
        region = small[y0:y1, x0:x1]
        factor = min(1.0, _FOLLOW_FACE_PX / max(1, last.size))
        if factor < 1.0:
            size = (max(1, round(region.shape[1] * factor)), max(1, round(region.shape[0] * factor)))
            region = cv2.resize(region, size, interpolation=cv2.INTER_AREA)
        lo = max(_HAAR_WINDOW, int(last.size * factor * 0.8))
        hi = int(last.size * factor * 1.25) + 1
        hits = self._scan(region, lo, (0, 0), max_size=hi, min_neighbors=3)
        if not hits:
            return None
        best = max(hits, key=lambda box: box.area)
        fx, fy = region.shape[1] / (x1 - x0), region.shape[0] / (y1 - y0)
        return Box(x0 + round(best.x / fx), y0 + round(best.y / fy), round(best.w / fx), round(best.h / fy))

    def _scan(
        self,
        image: np.ndarray,
        min_size: int,
        offset: tuple[int, int],
        max_size: int = 0,
        min_neighbors: int = 0,
    ) -> list[Box]:
        if min(image.shape[:2]) < min_size:
            return []
        rects = self._cascade.detectMultiScale(
            image,
            scaleFactor=self._scale_factor,
            minNeighbors=min_neighbors or self._min_neighbors,
            minSize=(min_size, min_size),
            maxSize=(max_size, max_size) if max_size > min_size else (0, 0),
        )
        return [Box(int(x) + offset[0], int(y) + offset[1], int(w), int(h)) for x, y, w, h in rects]


def _grow(box: Box, margin: float, width: int, height: int) -> tuple[int, int, int, int]:
    """The box grown by `margin` times its size on every side, clipped: (x0, y0, x1, y1)."""
    dx, dy = int(box.w * margin), int(box.h * margin)
    return (
        max(0, box.x - dx),
        max(0, box.y - dy),
        min(width, box.x + box.w + dx),
        min(height, box.y + box.h + dy),
    )


def _rescale(box: Box, factor: float, width: int, height: int) -> Box:
    x, y = max(0, round(box.x * factor)), max(0, round(box.y * factor))
    w, h = min(width - x, round(box.w * factor)), min(height - y, round(box.h * factor))
    return Box(x, y, max(0, w), max(0, h))


def _distinct(boxes: list[Box]) -> list[Box]:
    """Drop boxes that mostly overlap a larger one (two followed faces found as one)."""
    kept: list[Box] = []
    for box in sorted(boxes, key=lambda b: b.area, reverse=True):
        if all(_overlap(box, other) < 0.5 for other in kept):
            kept.append(box)
    return kept


def _overlap(a: Box, b: Box) -> float:
    """Intersection over the smaller box's area."""
    w = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    h = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    if w <= 0 or h <= 0:
        return 0.0
    return (w * h) / max(1, min(a.area, b.area))
