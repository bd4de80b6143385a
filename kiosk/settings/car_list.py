"""The cars the settings dialog's Cars page edits, as a Qt-free model the page displays.

`CarList` holds the cars in showroom order, the catalogue's language and whether anything
changed (`dirty`: then the cars are part of the dialog's draft, `kiosk.settings.draft`). It keeps
the list sound as it changes: a new car gets a unique id made from its photo's name, a removed
car is no longer anyone's uplift choice, and a new car is priced in the currency the others use.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

from kiosk.content.car_text import DEFAULT_LANGUAGE
from kiosk.content.catalog import DEFAULT_ACCENT, DEFAULT_CURRENCY, Car
from kiosk.content.currencies import ISO_4217


class CarList:
    """The edited cars; each change returns the row to show next."""

    def __init__(self) -> None:
        self.cars: list[Car] = []
        self.language = DEFAULT_LANGUAGE  # the catalogue's own: that of its plain texts
        self.dirty = False

    def reset(self, cars: tuple[Car, ...], language: str) -> None:
        """Start again from a catalogue (as the showroom shows it, or as just saved)."""
        self.cars, self.language, self.dirty = list(cars), language, False

    def add_from_photo(
        self, row: int, photo: Path, *, accent: str = DEFAULT_ACCENT, local_currency: str = ""
    ) -> int:
        """A new car from a photo at `row` (named after the file, for the dealer to correct)."""
        stem = photo.stem
        car = Car(
            id=self._new_id(stem),
            name=readable_name(stem),
            tagline="",
            price=None,
            currency=self.usual_currency(local_currency),
            photo=photo,
            accent=accent,
            language=self.language,
        )
        row = max(0, min(row, len(self.cars)))
        self.cars.insert(row, car)
        self.dirty = True
        return row

    def set_photo(self, row: int, photo: Path) -> None:
        self.cars[row] = dataclasses.replace(self.cars[row], photo=photo, screen=None, photo_name="")
        self.dirty = True

    def update(self, row: int, car: Car) -> bool:
        """The car at `row` as edited; True when that changed it."""
        if car == self.cars[row]:
            return False
        self.cars[row] = car
        self.dirty = True
        return True

    def remove(self, row: int) -> int:
        if not 0 <= row < len(self.cars):
            return row
        gone = self.cars.pop(row).id
        self.cars = [dataclasses.replace(c, uplift_to="") if c.uplift_to == gone else c for c in self.cars]
        self.dirty = True
        return min(row, len(self.cars) - 1)

    def move(self, row: int, step: int) -> int | None:
        """Move the car at `row` by `step` places; its new row, or None when it cannot move."""
        target = row + step
        if not (0 <= row < len(self.cars) and 0 <= target < len(self.cars)):
            return None
        self.cars.insert(target, self.cars.pop(row))
        self.dirty = True
        return target

    def usual_currency(self, local: str = "") -> str:
        """The currency most cars here are priced in, else `local` (the locale's), else EUR."""
        used = Counter(car.currency for car in self.cars if car.price is not None)
        if used:
            return used.most_common(1)[0][0]
        return local if local in ISO_4217 else DEFAULT_CURRENCY

    def _new_id(self, stem: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:40] or "car"
        taken = {car.id for car in self.cars}
        candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, len(taken) + 2))
        return next(c for c in candidates if c not in taken)


def readable_name(stem: str) -> str:
    """'aurora_gt-2024' -> 'Aurora Gt 2024': a start the operator then corrects."""
    words = re.sub(r"[_\-.]+", " ", stem).split()
    return " ".join(word[:1].upper() + word[1:] for word in words) or stem
