"""The one record the analytics keep: an `Exposure` (a car shown once), and the expression names."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from types import MappingProxyType
from typing import Final

from kiosk.vision.labels import EMOTION_LABELS, NEGATIVE_LABELS, POSITIVE_LABELS

# The shipped model's labels (kiosk/vision/labels.py); other labels are ignored.
EXPRESSIONS: Final = EMOTION_LABELS
POSITIVE_EXPRESSIONS: Final = POSITIVE_LABELS
NEGATIVE_EXPRESSIONS: Final = NEGATIVE_LABELS

MAX_CAR_ID_LENGTH = 200


class CarChange(str, Enum):
    """Why a car appeared on screen, and so why the one before it ended."""

    NEGATIVE = "negative"  # the visitor turned unhappy
    MANUAL = "manual"  # someone swiped or pressed an arrow key
    ROTATION = "rotation"  # the showroom moved on by itself (nobody there)
    START = "start"  # the first car after the kiosk started: nothing ended
    SHUTDOWN = "shutdown"  # the kiosk stopped: the car on screen ended, no new one


@dataclass(frozen=True)
class Exposure:
    """One showing of one car. Holds aggregates only: nothing that identifies a visitor.

    `mean_probs` has every name in EXPRESSIONS (missing ones read 0) and is None exactly
    when `visitor_seconds` is 0. `uplift_success` is None exactly when no audio played.
    Timestamps must be timezone-aware; they are stored in UTC.
    """

    car_id: str
    started_at: datetime
    ended_at: datetime
    visitor_seconds: float
    mean_probs: Mapping[str, float] | None
    peak_negative: float | None
    ended_by_negative: bool
    audio_played: bool
    uplift_success: bool | None

    def __post_init__(self) -> None:
        check_car_id(self.car_id)
        for name in ("started_at", "ended_at"):
            _check_aware(name, getattr(self, name))
        if not (math.isfinite(self.visitor_seconds) and self.visitor_seconds >= 0):
            raise ValueError(f"visitor_seconds must be a finite number >= 0, got {self.visitor_seconds!r}")
        object.__setattr__(self, "mean_probs", _normalised_probs(self.mean_probs, self.visitor_seconds))
        if self.peak_negative is not None:
            _check_unit("peak_negative", self.peak_negative)
        if (self.uplift_success is None) == self.audio_played:
            raise ValueError("uplift_success must be a bool when audio played and None when it did not")


def check_car_id(car_id: object) -> None:
    if not isinstance(car_id, str) or not car_id.strip() or len(car_id) > MAX_CAR_ID_LENGTH:
        raise ValueError(f"car_id must be a non-empty string of at most {MAX_CAR_ID_LENGTH} characters")


def _check_aware(name: str, value: object) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {value!r}")


def _check_unit(name: str, value: float) -> None:
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise ValueError(f"{name} must be within 0..1, got {value!r}")


def _normalised_probs(probs: Mapping[str, float] | None, seconds: float) -> Mapping[str, float] | None:
    if seconds == 0:
        if probs is not None:
            raise ValueError("mean_probs must be None when visitor_seconds is 0")
        return None
    if probs is None:
        raise ValueError("mean_probs is required when visitor_seconds > 0")
    unknown = set(probs) - set(EXPRESSIONS)
    if unknown:
        raise ValueError(f"mean_probs has unknown expressions {sorted(unknown)}; expected {EXPRESSIONS}")
    full = {name: float(probs.get(name, 0.0)) for name in EXPRESSIONS}
    for name, value in full.items():
        _check_unit(f"mean_probs[{name!r}]", value)
    return MappingProxyType(full)
