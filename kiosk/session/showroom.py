"""The showroom without Qt: which car is shown, when the next one comes, which one cheers up.

`ShowroomModel` is the one home of the showroom's state: the cars, the one on screen, the
rotation and the uplift choice. It is fed the reaction loop's events (`Event.SWITCH_CAR`), staff
steps (a tap or swipe), the rotation's ticks and a new catalogue, each with the session's time,
and answers each change with one `CarShown`, which every listener receives in order: the reaction
records (exposures end and start at `CarShown.t`), the showroom widget (the crossfade), the log
and the resume file. Widgets display the model; they never decide what is shown.

Time is one clock from the engine to the record: `SessionClock`, the analysed frames' source
time made monotone (a looping clip jumps back; the jump is absorbed), running on between frames
(the camera may be lost, and cars still rotate) so a tap or a rotation gets a time on the same
scale as the frames around it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.analytics.records import CarChange
from kiosk.content.catalog import Car, uplift_index
from kiosk.reaction.engine import Event


@dataclass(frozen=True)
class CarShown:
    """A car came on screen at session time `t`, for `reason` (the previous one ended then)."""

    car: Car
    index: int
    reason: CarChange
    t: float


Listener = Callable[[CarShown], None]


class SessionClock:
    """Session time: each frame's source time, never stepping back, continued between frames
    by the monotonic clock."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._offset = 0.0  # session time = frame time + offset
        self._last = 0.0  # the session time of the last frame (or the last `now`)
        self._last_at = monotonic()  # when that was, on the monotonic clock
        self._started = False

    def frame(self, t: float) -> float:
        """The session time of a frame with source time `t` (seconds)."""
        now = self.now()
        if not self._started:
            self._started = True
            self._offset = now - t
        elif t + self._offset < now:  # the clip looped, or frames lag the clock: never step back
            self._offset = now - t
        return self._mark(t + self._offset)

    def now(self) -> float:
        """Session time now: the last frame's, plus the time since it arrived."""
        return self._last + max(0.0, self._monotonic() - self._last_at)

    def _mark(self, session_t: float) -> float:
        self._last, self._last_at = session_t, self._monotonic()
        return session_t


class ShowroomModel:
    """The cars and the one on screen. Every change is one `CarShown` to every listener."""

    def __init__(self, *, rotation_s: int = 0) -> None:
        self._cars: tuple[Car, ...] = ()
        self._index = 0
        self._listeners: list[Listener] = []
        self._rotation_s = rotation_s
        self._since = 0.0  # when the rotation's wait began: the last change, or a visitor seen

    # -- wiring ------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def set_rotation_s(self, seconds: int, t: float) -> None:
        """A new rotation interval (0: no rotation), counted from `t`."""
        self._rotation_s, self._since = seconds, t

    # -- what is shown -----------------------------------------------------------------------

    @property
    def cars(self) -> tuple[Car, ...]:
        return self._cars

    @property
    def index(self) -> int:
        return self._index

    @property
    def current_car(self) -> Car | None:
        return self._cars[self._index] if self._cars else None

    # -- what changes it ---------------------------------------------------------------------

    def set_cars(self, cars: Sequence[Car], t: float, *, start_at: str | None = None) -> None:
        """A catalogue to show, from the car with id `start_at` (a restart resumes), else its first."""
        self._cars = tuple(cars)
        self._index = next((i for i, car in enumerate(self._cars) if car.id == start_at), 0)
        if self._cars:
            self._show(self._index, CarChange.START, t)

    def on_events(self, events: Sequence[Event], t: float) -> None:
        """The reaction loop's events of one frame: a switch shows the catalogue's uplift car."""
        if Event.SWITCH_CAR in events and self._cars:
            self.show_index(uplift_index(self._cars, self._index), CarChange.NEGATIVE, t)

    def step(self, delta: int, t: float) -> None:
        """Staff stepped `delta` cars on (negative: back) with a tap or a swipe."""
        self.show_index(self._index + delta, CarChange.MANUAL, t)

    def tick(self, t: float, *, visitor_present: bool) -> None:
        """The rotation: the next car once `rotation_s` has passed with nobody looking (someone
        looking restarts the wait)."""
        if visitor_present or self._rotation_s <= 0:
            self._since = t
        elif t - self._since >= self._rotation_s:
            self.show_index(self._index + 1, CarChange.ROTATION, t)
            self._since = t  # also when there is one car only: wait again

    def show_index(self, index: int, reason: CarChange, t: float) -> None:
        """Car `index` (wrapping around), unless it is the one shown or there is one car only."""
        if len(self._cars) < 2:
            return
        index %= len(self._cars)
        if index != self._index:
            self._show(index, reason, t)

    def _show(self, index: int, reason: CarChange, t: float) -> None:
        self._index, self._since = index, t
        shown = CarShown(self._cars[index], index, reason, t)
        for listener in self._listeners:
            listener(shown)
