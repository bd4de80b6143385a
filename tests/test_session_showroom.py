"""The showroom model (Qt-free): which car is shown, for what reason, at what session time."""

from __future__ import annotations

from pathlib import Path

from kiosk.analytics.records import CarChange
from kiosk.content.catalog import Car
from kiosk.reaction.engine import Event
from kiosk.session.showroom import CarShown, SessionClock, ShowroomModel


def cars(*ids: str, uplift: dict[str, str] | None = None) -> tuple[Car, ...]:
    made = []
    for car_id in ids:
        made.append(
            Car(
                car_id,
                car_id.title(),
                "",
                None,
                "EUR",
                Path(f"{car_id}.webp"),
                uplift_to=(uplift or {}).get(car_id, ""),
            )
        )
    return tuple(made)


def model_with(
    *ids: str, rotation_s: int = 0, **kwargs: dict[str, str]
) -> tuple[ShowroomModel, list[CarShown]]:
    model = ShowroomModel(rotation_s=rotation_s)
    shown: list[CarShown] = []
    model.subscribe(shown.append)
    model.set_cars(cars(*ids, **kwargs), 0.0)
    return model, shown


def test_a_catalogue_starts_at_its_first_car_or_where_a_restart_left_off() -> None:
    model, shown = model_with("a", "b", "c")
    assert shown == [CarShown(model.cars[0], 0, CarChange.START, 0.0)]
    model.set_cars(model.cars, 5.0, start_at="c")
    assert (shown[-1].car.id, shown[-1].reason, shown[-1].t) == ("c", CarChange.START, 5.0)
    model.set_cars(model.cars, 6.0, start_at="gone")
    assert shown[-1].car.id == "a"


def test_every_listener_gets_each_change_in_order() -> None:
    model, first = model_with("a", "b")
    second: list[CarShown] = []
    model.subscribe(second.append)
    model.step(1, 2.0)
    assert first[-1] == second[-1] == CarShown(model.cars[1], 1, CarChange.MANUAL, 2.0)


def test_a_switch_event_shows_the_car_the_catalogue_chose_to_cheer_up() -> None:
    model, shown = model_with("a", "b", "c", "d", uplift={"a": "c"})
    model.on_events([Event.VISITOR_ARRIVED], 1.0)
    assert len(shown) == 1  # nothing else changes the car
    model.on_events([Event.SWITCH_CAR], 2.0)
    assert (shown[-1].car.id, shown[-1].reason, shown[-1].t) == ("c", CarChange.NEGATIVE, 2.0)
    model.on_events([Event.SWITCH_CAR], 3.0)
    assert shown[-1].car.id == "d"  # c has no choice and no car is cheerful: the next


def test_staff_steps_wrap_around_and_one_car_never_changes() -> None:
    model, shown = model_with("a", "b", "c")
    model.step(-1, 1.0)
    assert shown[-1].car.id == "c" and shown[-1].reason == CarChange.MANUAL
    model.step(1, 2.0)
    assert shown[-1].car.id == "a"
    single, single_shown = model_with("only")
    single.step(1, 1.0)
    single.on_events([Event.SWITCH_CAR], 2.0)
    single.tick(100.0, visitor_present=False)
    assert len(single_shown) == 1


def test_the_rotation_waits_while_someone_looks_and_restarts_after_each_change() -> None:
    model, shown = model_with("a", "b", "c", rotation_s=10)
    model.tick(9.9, visitor_present=False)
    assert len(shown) == 1
    model.tick(10.0, visitor_present=False)
    assert (shown[-1].car.id, shown[-1].reason, shown[-1].t) == ("b", CarChange.ROTATION, 10.0)
    model.tick(15.0, visitor_present=True)  # someone looks: the wait starts again when they go
    model.tick(24.9, visitor_present=False)
    assert len(shown) == 2
    model.tick(25.0, visitor_present=False)
    assert shown[-1].car.id == "c"
    model.step(1, 30.0)  # a tap restarts the wait too
    model.tick(39.0, visitor_present=False)
    assert shown[-1].reason == CarChange.MANUAL
    model.set_rotation_s(0, 40.0)
    model.tick(1000.0, visitor_present=False)
    assert shown[-1].reason == CarChange.MANUAL  # no rotation


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_the_session_clock_follows_the_frames_and_never_steps_back() -> None:
    mono = FakeMonotonic()
    clock = SessionClock(mono)
    first = clock.frame(0.0)
    mono.now += 1.0
    assert clock.frame(1.0) == first + 1.0  # frame time, on the session's scale
    mono.now += 3.0
    assert clock.now() == first + 4.0  # between frames (no camera) it runs on
    mono.now += 0.5
    looped = clock.frame(0.0)  # a looping clip starts again at 0
    assert looped == first + 4.5
    mono.now += 0.5
    assert clock.frame(0.5) == looped + 0.5  # and goes on from there
    assert clock.now() >= looped + 0.5
