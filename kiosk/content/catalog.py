"""The car catalogue: `catalog.json` in a folder, with the photos beside it. No Qt here.

Where it is: the dealer's own catalogue lives in the data folder, `<data dir>/catalog/`
(`dealer_catalog_dir()`), so updating the kiosk never touches it; until the dealer saves one
(settings dialog, Cars page) or imports one (`python -m kiosk catalog import DIR`), the cars
bundled with the kiosk (`resources/cars/`) are shown. The "Catalog folder" setting, when set,
shows another folder instead (`showroom_folder`).

The format (version 2; version 1, the same without `currency`, `cheerful` and `uplift_to`
and with the price as text, is still read)::

    {
      "version": 2,
      "cars": [
        {
          "id": "aurora-gt",            // unique; letters, digits, "-" and "_" (reaction records use it)
          "name": "Aurora GT",
          "tagline": "A grand tourer ...",          // optional
          "price": 48900,               // optional: a number in `currency`; omitted or null: no price
          "currency": "EUR",            // ISO 4217; EUR when omitted
          "image": "photos/aurora-gt.jpg",           // JPEG, PNG or WebP, relative to the folder
          "accent": "#1e88e5",          // optional: the colour of the showroom's light
          "specs": [{"label": "Power", "value": "310 hp"}],   // up to four key figures
          "cheerful": true,             // optional: an unhappy visitor is shown a cheerful car
          "uplift_to": "pico"           // optional: the car an unhappy visitor sees after this one
        }
      ]
    }

A saved catalogue also has `screen/`: each photo scaled for the screen (see `photos`), made
when the photo is added; it is derived, never exported, and rebuilt when missing.

Bad content never stops the showroom: a car with a missing, unreadable, 1-pixel or oversized
photo, or no id or name, is left out with a message naming the file and the car; an unknown
currency hides that car's price; a catalogue that cannot be read, or that lists no cars,
falls back to the bundled cars. Every message is meant for the screen, the log and the dialog.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.content.currencies import currency_problem
from kiosk.content.photos import PhotoError, photo_info
from kiosk.paths import data_dir, resource_path

CATALOG_FILE = "catalog.json"
FORMAT_VERSION = 2
PHOTOS_DIR = "photos"
SCREEN_DIR = "screen"
DEFAULT_ACCENT = "#c8a96a"
DEFAULT_CURRENCY = "EUR"
MAX_SPECS = 4
CAR_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_ACCENT = re.compile(r"^#[0-9a-fA-F]{6}$")

Stamp = tuple[str, int, int, int]  # folder, and catalog.json's inode, modification time and size


@dataclass(frozen=True)
class Spec:
    label: str
    value: str


@dataclass(frozen=True)
class Car:
    id: str
    name: str
    tagline: str
    price: float | None  # in `currency`; None: no price shown (unless `price_text`)
    currency: str  # ISO 4217
    photo: Path  # the original, as the dealer gave it
    accent: str = DEFAULT_ACCENT
    specs: tuple[Spec, ...] = ()
    screen: Path | None = None  # the copy scaled for the screen, where one was made
    price_text: str = ""  # a version-1 price written as text: shown as it is
    cheerful: bool = False
    uplift_to: str = ""  # the id of the car an unhappy visitor is shown next; "" = automatic

    @property
    def image(self) -> Path:
        """What the showroom shows: the screen copy, else the photo itself."""
        return self.screen or self.photo


@dataclass(frozen=True)
class Catalog:
    cars: tuple[Car, ...]
    problems: tuple[str, ...] = ()  # one line each, for the screen, the log and the dialog
    folder: Path | None = None
    stamp: Stamp | None = None  # changes whenever catalog.json is replaced (see catalog_stamp)


class CatalogError(ValueError):
    """A catalogue that cannot be saved, imported or exported; `problems` lists each reason."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def bundled_catalog_dir() -> Path:
    return resource_path("resources", "cars")


def dealer_catalog_dir() -> Path:
    """The dealer's own catalogue, in the data folder (it may not exist yet)."""
    return data_dir() / "catalog"


def has_catalog(folder: Path) -> bool:
    return (folder / CATALOG_FILE).is_file()


def showroom_folder(catalog_dir: str = "") -> Path:
    """The folder the showroom shows: the setting's folder, else the dealer's, else the bundled."""
    if catalog_dir:
        return Path(catalog_dir)
    dealer = dealer_catalog_dir()
    return dealer if has_catalog(dealer) else bundled_catalog_dir()


def showroom_catalog(catalog_dir: str = "") -> Catalog:
    """The catalogue the showroom shows (see `showroom_folder`), never raising."""
    return load_catalog(showroom_folder(catalog_dir))


def catalog_stamp(folder: Path) -> Stamp | None:
    """Cheap to take; differs after every save or import (a new catalog.json is a new file)."""
    try:
        stat = (Path(folder) / CATALOG_FILE).stat()
    except OSError:
        return None
    return (str(Path(folder).resolve()), stat.st_ino, stat.st_mtime_ns, stat.st_size)


def load_catalog(folder: Path | None) -> Catalog:
    """The catalogue in `folder` (the bundled one when None); the bundled cars when it has none."""
    bundled = bundled_catalog_dir()
    catalog = read_catalog(folder or bundled)
    if catalog.cars or folder is None or Path(folder).resolve() == bundled.resolve():
        return catalog
    fallback = read_catalog(bundled)
    note = f"Showing the bundled cars instead of {folder}"
    problems = (*catalog.problems, note, *fallback.problems)
    return Catalog(fallback.cars, problems, fallback.folder, catalog.stamp)


def read_catalog(folder: Path) -> Catalog:
    """The cars of one folder, each bad car left out with a message; never raising."""
    folder = Path(folder)
    path = folder / CATALOG_FILE
    stamp = catalog_stamp(folder)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Catalog((), (f"Catalog {path} not found",), folder, stamp)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Catalog((), (f"Catalog {path} cannot be read: {exc}",), folder, stamp)
    cars, problems = parse_catalog(document, folder, path)
    if not cars and not problems:
        problems = [f"Catalog {path} lists no cars"]
    return Catalog(tuple(cars), tuple(problems), folder, stamp)


def parse_catalog(document: Any, folder: Path, path: Path) -> tuple[list[Car], list[str]]:
    """The cars of a parsed catalog.json, and a message for each thing left out or changed."""
    entries = document.get("cars") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return [], [f'Catalog {path}: expected {{"version": {FORMAT_VERSION}, "cars": [...]}}']
    problems: list[str] = []
    version = document.get("version", 1)
    if version not in (1, FORMAT_VERSION):
        problems.append(f"Catalog {path}: version {version!r} is unknown (expected 1 or 2); read as 2")
    cars: list[Car] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path.name}, car {number}" + (f" ({entry['id']})" if _has_text(entry, "id") else "")
        try:
            car, notes = parse_car(entry, folder)
        except ValueError as exc:
            problems.append(f"{where}: {exc}; left out")
            continue
        if any(other.id == car.id for other in cars):
            problems.append(f"{where}: the id {car.id!r} is used twice; left out")
            continue
        cars.append(car)
        problems += [f"{where}: {note}" for note in notes]
    return _checked_uplift_targets(cars, problems, path)


def parse_car(entry: Any, folder: Path) -> tuple[Car, list[str]]:
    """One car; ValueError when it cannot be shown, with notes on what was changed otherwise."""
    if not isinstance(entry, dict):
        raise ValueError("expected an object")
    missing = [key for key in ("id", "name", "image") if not _has_text(entry, key)]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if not CAR_ID.match(entry["id"]):
        raise ValueError(f"id {entry['id']!r}: use letters, digits, '-' and '_' (at most 64)")
    photo = _photo_path(folder, entry["image"])
    try:
        photo_info(photo)
    except PhotoError as exc:
        raise ValueError(str(exc)) from None
    notes: list[str] = []
    price, currency, price_text = _parse_price(entry, notes)
    accent = str(entry.get("accent", DEFAULT_ACCENT))
    if not _ACCENT.match(accent):
        notes.append(f"accent {accent!r} is not a colour like #1e88e5; the default is used")
        accent = DEFAULT_ACCENT
    car = Car(
        id=entry["id"],
        name=entry["name"].strip(),
        tagline=str(entry.get("tagline", "")).strip(),
        price=price,
        currency=currency,
        photo=photo,
        accent=accent,
        specs=_parse_specs(entry.get("specs", []), notes),
        screen=screen_copy_of(photo, folder),
        price_text=price_text,
        cheerful=entry.get("cheerful") is True,
        uplift_to=str(entry.get("uplift_to") or ""),
    )
    return car, notes


def _has_text(entry: Any, key: str) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get(key), str) and bool(entry[key].strip())


def _photo_path(folder: Path, relative: str) -> Path:
    """The photo inside the catalogue folder; an absolute path or one leading out of it is refused."""
    parts = PurePosixPath(relative.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or re.match(r"^[A-Za-z]:", relative):
        raise ValueError(f"image {relative!r} must be a path inside the catalogue folder")
    return folder.joinpath(*parts.parts)


def _parse_price(entry: dict[str, Any], notes: list[str]) -> tuple[float | None, str, str]:
    """(amount, currency, text): a number with its ISO currency, or a version-1 text price."""
    raw = entry.get("price")
    currency = entry.get("currency", DEFAULT_CURRENCY)
    problem = currency_problem(currency)
    if isinstance(raw, str):
        return None, currency if not problem else DEFAULT_CURRENCY, raw.strip()
    if raw is None:
        return None, currency if not problem else DEFAULT_CURRENCY, ""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw) or raw < 0:
        notes.append(f"price {raw!r} is not an amount like 39900; no price is shown")
        return None, DEFAULT_CURRENCY, ""
    if problem:
        notes.append(f"{problem}; no price is shown")
        return None, DEFAULT_CURRENCY, ""
    return float(raw), currency, ""


def _parse_specs(specs: Any, notes: list[str]) -> tuple[Spec, ...]:
    if not isinstance(specs, list):
        notes.append("specs: expected a list of {label, value}; none shown")
        return ()
    parsed = tuple(
        Spec(str(s.get("label", "")).strip(), str(s.get("value", "")).strip())
        for s in specs
        if isinstance(s, dict) and (s.get("label") or s.get("value"))
    )
    if len(parsed) < len(specs):
        notes.append(f"specs: {len(specs) - len(parsed)} without a label or value left out")
    if len(parsed) > MAX_SPECS:
        notes.append(f"specs: {len(parsed)} given, the first {MAX_SPECS} are shown")
    return parsed[:MAX_SPECS]


def _checked_uplift_targets(cars: list[Car], problems: list[str], path: Path) -> tuple[list[Car], list[str]]:
    ids = {car.id for car in cars}
    checked = []
    for car in cars:
        if car.uplift_to and (car.uplift_to not in ids or car.uplift_to == car.id):
            problems.append(
                f"{path.name}, car {car.id}: uplift_to {car.uplift_to!r} is no other car; automatic"
            )
            car = dataclasses.replace(car, uplift_to="")
        checked.append(car)
    return checked, problems


def screen_copy_of(photo: Path, folder: Path) -> Path | None:
    """The screen copy made for `photo` when it was saved into `folder`, if it is there."""
    if photo.parent.name != PHOTOS_DIR:
        return None
    for suffix in (".jpg", ".png"):
        candidate = folder / SCREEN_DIR / f"{photo.stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def uplift_index(cars: Sequence[Car], current: int) -> int:
    """Where a visitor who looks unhappy at car `current` is taken: that car's `uplift_to`,
    else the next cheerful car after it, else simply the next car."""
    count = len(cars)
    if count < 2:
        return current
    target = cars[current].uplift_to
    for index, car in enumerate(cars):
        if target and car.id == target and index != current:
            return index
    for step in range(1, count):
        if cars[(current + step) % count].cheerful:
            return (current + step) % count
    return (current + 1) % count


def car_entry(car: Car, image: str) -> dict[str, Any]:
    """The car as catalog.json writes it, with its photo at `image` (relative, with '/')."""
    entry: dict[str, Any] = {"id": car.id, "name": car.name, "tagline": car.tagline}
    if car.price is not None:
        entry["price"] = int(car.price) if float(car.price).is_integer() else round(car.price, 2)
    elif car.price_text:
        entry["price"] = car.price_text
    entry["currency"] = car.currency
    entry["image"] = image
    entry["accent"] = car.accent
    entry["specs"] = [{"label": s.label, "value": s.value} for s in car.specs[:MAX_SPECS]]
    if car.cheerful:
        entry["cheerful"] = True
    if car.uplift_to:
        entry["uplift_to"] = car.uplift_to
    return entry


def catalog_document(entries: list[dict[str, Any]]) -> str:
    return json.dumps({"version": FORMAT_VERSION, "cars": entries}, ensure_ascii=False, indent=2) + "\n"
