"""Immutable values that cross threads: a frame, a face's result, a frame's analysis."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

# Face sizes in pixels of the full frame, compared with Box.size: a face smaller than
# VISITOR_MIN_FACE (the default of the operator's setting) is never judged as the visitor;
# the detector still finds (and the HUD shows) faces down to DETECTOR_FLOOR.
VISITOR_MIN_FACE = 80
DETECTOR_FLOOR = 60


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels of the full frame."""

    x: int
    y: int
    w: int
    h: int

    @property
    def area(self) -> int:
        return self.w * self.h

    @property
    def size(self) -> int:
        """The shorter side: what the minimum face size is compared with."""
        return min(self.w, self.h)

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(frozen=True)
class Frame:
    """An owned BGR uint8 image [H, W, 3] with its source timestamp in seconds.

    The image is made read-only on construction, so a frame handed to another thread
    cannot change under it: copy the image before drawing on it.
    """

    image: np.ndarray
    t: float
    index: int

    def __post_init__(self) -> None:
        self.image.flags.writeable = False


@dataclass(frozen=True)
class FaceResult:
    """One classified face. `probs` maps every label to its probability (read-only)."""

    box: Box
    label: str
    confidence: float
    probs: Mapping[str, float]

    def __post_init__(self) -> None:
        if not isinstance(self.probs, MappingProxyType):
            object.__setattr__(self, "probs", MappingProxyType(dict(self.probs)))


@dataclass(frozen=True)
class Analysis:
    """What one frame shows.

    `faces` are the classified faces; `visitor` indexes the largest of them that is not below
    the minimum size. `ignored` holds faces found inside an ignore zone: never classified.
    """

    frame_index: int
    t: float
    faces: tuple[FaceResult, ...]
    visitor: int | None
    ignored: tuple[Box, ...] = field(default=())

    @property
    def visitor_face(self) -> FaceResult | None:
        return None if self.visitor is None else self.faces[self.visitor]
