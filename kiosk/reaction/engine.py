"""From a visitor's per-frame emotion probabilities to showroom events.

Pure logic with time passed in: the caller gives each update the frame's timestamp, so the
engine runs the same on live video, a file played as fast as possible, or a test's fake
clock. The negative score (the summed probability of the negative labels) is smoothed in
two steps: a median over the last few frames removes single-frame flicker, then an
exponential filter with a time constant, using the real time between updates, so a
slower or uneven frame rate does not change how fast the score follows the face.
"""

from __future__ import annotations

import math
import statistics
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

MEDIAN_FRAMES = 3  # a one-frame spike never passes a median of three
_EPS = 1e-9  # timestamps are float sums: 6 * (1 / 15) is a hair below 0.4


class Event(str, Enum):
    SWITCH_CAR = "switch_car"
    PLAY_UPLIFT = "play_uplift"
    VISITOR_ARRIVED = "visitor_arrived"
    VISITOR_LEFT = "visitor_left"


@dataclass(frozen=True)
class ReactionConfig:
    negative_labels: frozenset[str] = frozenset({"angry", "disgust", "fear", "sad"})
    smoothing_s: float = 0.4  # time constant of the smoothing
    trigger_level: float = 0.55  # smoothed negative score that fires
    release_level: float = 0.35  # must fall below this before it can fire again
    dwell_s: float = 0.4  # time above trigger_level before firing
    cooldown_s: float = 8.0  # minimum time between two switches
    arrive_s: float = 0.4  # face present this long -> visitor_arrived
    depart_s: float = 2.0  # face absent this long -> visitor_left (resets state)

    def __post_init__(self) -> None:
        times = ("smoothing_s", "dwell_s", "cooldown_s", "arrive_s", "depart_s")
        for name in times:
            if not getattr(self, name) >= 0.0:
                raise ValueError(f"{name} must be a time of 0 s or more, got {getattr(self, name)!r}")
        if not 0.0 <= self.release_level <= self.trigger_level <= 1.0:
            raise ValueError(
                f"levels must satisfy 0 <= release_level ({self.release_level}) "
                f"<= trigger_level ({self.trigger_level}) <= 1"
            )


def negative_score(probs: Mapping[str, float], negative_labels: frozenset[str]) -> float:
    """The summed probability of the negative labels, clamped to 0..1 (NaN if unusable)."""
    total = sum(float(probs.get(label, 0.0)) for label in negative_labels)
    return min(1.0, max(0.0, total)) if math.isfinite(total) else math.nan


class ReactionEngine:
    """Visitor sessions and the switch trigger. Call `update` once per analysed frame."""

    def __init__(self, config: ReactionConfig = ReactionConfig()) -> None:
        self.config = config
        self.reset()

    def update_config(self, config: ReactionConfig) -> None:
        """New levels and times apply from the next update; the visitor's state is kept."""
        self.config = config

    def reset(self) -> None:
        """Forget the visitor, the smoothed score, the trigger and the cooldown."""
        self.negative: float | None = None  # smoothed negative score, None while no visitor
        self.visitor_present = False
        self._smoothed = 0.0  # starts neutral: the first frames of a sighting cannot fire alone
        self._recent: deque[float] = deque(maxlen=MEDIAN_FRAMES)
        self._last_t: float | None = None
        self._first_seen: float | None = None
        self._last_seen: float | None = None
        self._above_since: float | None = None
        self._armed = True
        self._last_switch: float | None = None

    def update(self, t: float, probs: Mapping[str, float] | None) -> list[Event]:
        """t: the frame's timestamp in seconds; probs: the visitor's probabilities, None if none."""
        events: list[Event] = []
        if self._last_t is not None and t < self._last_t:  # a new source restarted its clock
            events += self._leave()
        dt = 0.0 if self._last_t is None else t - self._last_t
        self._last_t = t
        if probs is None:
            return events + self._absent(t)
        if self._first_seen is None:  # a new sighting starts from neutral, whatever the gap before
            dt = 0.0
        events += self._present(t)
        self._smooth(negative_score(probs, self.config.negative_labels), dt)
        if self.visitor_present:
            self.negative = self._smoothed
            events += self._trigger(t)
        return events

    def _present(self, t: float) -> list[Event]:
        if self._first_seen is None:
            self._first_seen = t
        self._last_seen = t
        if not self.visitor_present and t - self._first_seen + _EPS >= self.config.arrive_s:
            self.visitor_present = True
            return [Event.VISITOR_ARRIVED]
        return []

    def _absent(self, t: float) -> list[Event]:
        if self._last_seen is None:
            return []
        gap = t - self._last_seen
        if self.visitor_present:
            return self._leave() if gap + _EPS >= self.config.depart_s else []
        if gap > self.config.arrive_s:  # a sighting too short to count: start over
            self._forget_sighting()
        return []

    def _leave(self) -> list[Event]:
        present = self.visitor_present
        last_t = self._last_t
        self.reset()
        self._last_t = last_t
        return [Event.VISITOR_LEFT] if present else []

    def _forget_sighting(self) -> None:
        self._first_seen = self._last_seen = None
        self._smoothed = 0.0
        self._recent.clear()

    def _smooth(self, score: float, dt: float) -> None:
        if math.isnan(score):
            return
        self._recent.append(score)
        target = statistics.median(self._recent)
        tau = self.config.smoothing_s
        alpha = 1.0 if tau <= 0.0 else 1.0 - math.exp(-max(0.0, dt) / tau)
        self._smoothed += alpha * (target - self._smoothed)

    def _trigger(self, t: float) -> list[Event]:
        """Fire after dwell_s above trigger_level; re-arm only below release_level."""
        config, score = self.config, self._smoothed
        if not self._armed:
            if score >= config.release_level:
                return []
            self._armed = True
        if score < config.trigger_level:
            self._above_since = None
            return []
        if self._above_since is None:
            self._above_since = t
        if t - self._above_since + _EPS < config.dwell_s:
            return []
        if self._last_switch is not None and t - self._last_switch + _EPS < config.cooldown_s:
            return []
        self._armed, self._above_since, self._last_switch = False, None, t
        return [Event.SWITCH_CAR, Event.PLAY_UPLIFT]
