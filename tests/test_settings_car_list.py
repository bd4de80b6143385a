"""The Cars page's model (Qt-free): unique ids, uplift links kept valid, the usual currency."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kiosk.content.catalog import Car
from kiosk.settings.car_list import CarList, readable_name


def priced(car_id: str, currency: str, *, uplift_to: str = "") -> Car:
    return Car(car_id, car_id.title(), "", 39900.0, currency, Path(f"{car_id}.jpg"), uplift_to=uplift_to)


def test_a_car_from_a_photo_gets_a_unique_id_a_readable_name_and_the_usual_currency() -> None:
    cars = CarList()
    cars.reset((priced("aurora-gt", "CHF"), priced("van", "CHF"), priced("suv", "EUR")), "de")
    assert not cars.dirty
    row = cars.add_from_photo(1, Path("/photos/Aurora_GT.jpg"), local_currency="GBP")
    added = cars.cars[row]
    assert row == 1 and added.id == "aurora-gt-2" and added.name == "Aurora GT"
    assert added.currency == "CHF" and added.language == "de" and added.price is None
    assert cars.dirty
    empty = CarList()
    assert empty.usual_currency("GBP") == "GBP" and empty.usual_currency("XYZ") == "EUR"
    assert readable_name("aurora_gt-2024") == "Aurora Gt 2024"


def test_removing_a_car_clears_the_choices_that_named_it() -> None:
    cars = CarList()
    cars.reset(
        (priced("a", "EUR", uplift_to="c"), priced("b", "EUR", uplift_to="a"), priced("c", "EUR")), "en"
    )
    assert cars.remove(2) == 1
    assert [(c.id, c.uplift_to) for c in cars.cars] == [("a", ""), ("b", "a")]
    assert cars.remove(5) == 5 and len(cars.cars) == 2  # no such row: nothing happens


def test_moves_stay_inside_the_list_and_edits_count_only_when_they_change_something() -> None:
    cars = CarList()
    cars.reset((priced("a", "EUR"), priced("b", "EUR")), "en")
    assert cars.move(0, -1) is None and not cars.dirty
    assert cars.move(0, 1) == 1 and [c.id for c in cars.cars] == ["b", "a"]
    cars.reset(tuple(cars.cars), "en")
    assert not cars.update(0, cars.cars[0]) and not cars.dirty
    assert cars.update(0, replace(cars.cars[0], name="Bee")) and cars.dirty
    cars.set_photo(1, Path("new.jpg"))
    assert cars.cars[1].photo == Path("new.jpg") and cars.cars[1].screen is None
