"""Turns the kiosk's live stream (car shown, analysed frames, audio, car ended) into exposures.

Pure Python, time passed in: every `t` is seconds on one monotonic clock chosen by the
caller (the kiosk passes `time.monotonic()`); should it ever step back (a looping demo
clip's timestamps) the recorder carries on from the latest time instead of going negative.
Wall-clock datetimes (`now`) are used only for the stored start and end.

Each analysed frame's probabilities hold until the next frame (gaps count at most
`max_gap_s`); the definitions of the figures are in `kiosk.analytics`'s docstring.
Not thread-safe: call it from one thread (the GUI thread).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Final, Protocol

from kiosk.analytics.records import EXPRESSIONS, CarChange, Exposure, check_car_id

# The reasons that end an exposure (START begins the first one and ends nothing).
END_REASONS: Final = frozenset({CarChange.NEGATIVE, CarChange.MANUAL, CarChange.ROTATION, CarChange.SHUTDOWN})


class ExposureSink(Protocol):
    """Where finished exposures go: `ReactionStore` (or a list-like fake in tests)."""

    def record(self, exposure: Exposure) -> object: ...


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class _Running:
    """The exposure being watched now, as running sums."""

    car_id: str
    started_at: datetime
    last_t: float
    last_probs: dict[str, float] | None = None
    visitor_seconds: float = 0.0
    weighted: dict[str, float] = field(default_factory=lambda: dict.fromkeys(EXPRESSIONS, 0.0))
    peak_negative: float | None = None
    last_negative: float | None = None
    audio_t: float | None = None
    audio_baseline: float | None = None
    uplift_success: bool | None = None  # decided once, for the first audio play


class ExposureRecorder:
    """Collects one exposure per car shown and hands each finished one to `sink.record()`."""

    def __init__(
        self,
        sink: ExposureSink,
        *,
        now: Callable[[], datetime] = _utc_now,
        max_gap_s: float = 2.0,
        uplift_window_s: float = 10.0,
    ) -> None:
        self._sink = sink
        self._now = now
        self._max_gap_s = max_gap_s
        self._uplift_window_s = uplift_window_s
        self._running: _Running | None = None
        self._last_t = -math.inf
        self._offset = 0.0

    @property
    def current_car(self) -> str | None:
        return None if self._running is None else self._running.car_id

    def car_shown(self, car_id: str, t: float) -> None:
        """A car is on screen from `t`; an exposure still open is ended as "rotation"."""
        check_car_id(car_id)
        if self._running is not None:
            self.car_ended(t, CarChange.ROTATION)
        self._running = _Running(car_id=car_id, started_at=self._now(), last_t=self._clock(t))

    def observe(self, t: float, probs: Mapping[str, float] | None, negative: float | None) -> None:
        """One analysed frame: the visitor's class probabilities (None: no visitor) and the
        smoothed negative score (None while no visitor). Ignored while no car is shown."""
        running = self._running
        if running is None:
            return
        t = self._clock(t)
        self._accumulate(running, t)
        running.last_probs = _known_probs(probs)
        negative = _unit_or_none(negative)
        if negative is not None:
            running.peak_negative = max(negative, running.peak_negative or 0.0)
        self._judge_uplift(running, t, negative)
        running.last_negative = negative

    def audio_played(self, t: float) -> None:
        """The uplifting audio started; only the first play in an exposure is judged."""
        running = self._running
        if running is None or running.audio_t is not None:
            return
        running.audio_t = self._clock(t)
        running.audio_baseline = running.last_negative

    def car_ended(self, t: float, reason: CarChange) -> Exposure | None:
        """Close the open exposure (reason in END_REASONS) and record it; None if none was open."""
        if reason not in END_REASONS:
            raise ValueError(f"reason must be one of {sorted(END_REASONS)}, got {reason!r}")
        running = self._running
        if running is None:
            return None
        self._running = None
        self._accumulate(running, self._clock(t))
        exposure = self._finish(running, reason)
        self._sink.record(exposure)
        return exposure

    def close(self, t: float) -> None:
        """End the open exposure, if any, as "shutdown"."""
        self.car_ended(t, CarChange.SHUTDOWN)

    def _clock(self, t: float) -> float:
        """`t` on a clock that never steps back (a backward jump is absorbed into an offset)."""
        t += self._offset
        if t < self._last_t:
            self._offset += self._last_t - t
            t = self._last_t
        self._last_t = t
        return t

    def _accumulate(self, running: _Running, t: float) -> None:
        """Credit the time since the last frame to the last frame's probabilities."""
        dt = min(max(0.0, t - running.last_t), self._max_gap_s)
        running.last_t = t
        if running.last_probs is None or dt == 0.0:
            return
        running.visitor_seconds += dt
        for name, p in running.last_probs.items():
            running.weighted[name] += dt * p

    def _judge_uplift(self, running: _Running, t: float, negative: float | None) -> None:
        if running.audio_t is None or running.uplift_success is not None:
            return
        if t >= running.audio_t + self._uplift_window_s:
            baseline = running.audio_baseline
            running.uplift_success = baseline is not None and negative is not None and negative < baseline

    def _finish(self, running: _Running, reason: CarChange) -> Exposure:
        seconds = running.visitor_seconds
        means = {n: min(1.0, w / seconds) for n, w in running.weighted.items()} if seconds > 0 else None
        played = running.audio_t is not None
        return Exposure(
            car_id=running.car_id,
            started_at=running.started_at,
            ended_at=self._now(),
            visitor_seconds=seconds,
            mean_probs=means,
            peak_negative=running.peak_negative,
            ended_by_negative=reason == CarChange.NEGATIVE,
            audio_played=played,
            uplift_success=bool(running.uplift_success) if played else None,
        )


def _known_probs(probs: Mapping[str, float] | None) -> dict[str, float] | None:
    """The known expressions' probabilities clamped to 0..1; None for no visitor or a NaN."""
    if probs is None:
        return None
    known = {name: float(probs.get(name, 0.0)) for name in EXPRESSIONS}
    if not all(math.isfinite(p) for p in known.values()):
        return None
    return {name: min(1.0, max(0.0, p)) for name, p in known.items()}


def _unit_or_none(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return min(1.0, max(0.0, float(value)))
