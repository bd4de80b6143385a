"""The car catalog: `catalog.json` in a folder, with pictures beside it.

Format: `{"version": 1, "cars": [{"id", "name", "tagline", "price", "image", "accent", "specs":
[{"label", "value"}]}]}`, `image` relative to the catalog folder. A car with a missing field
or picture is left out with a message; a dealer catalog that cannot be read at all falls back
to the bundled one, so the showroom always has cars to show.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.paths import resource_path

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.json"
DEFAULT_ACCENT = "#c8a96a"
_ACCENT = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Spec:
    label: str
    value: str


@dataclass(frozen=True)
class Car:
    id: str
    name: str
    tagline: str
    price: str
    image: Path
    accent: str
    specs: tuple[Spec, ...]


@dataclass(frozen=True)
class Catalog:
    cars: tuple[Car, ...]
    problems: tuple[str, ...] = ()  # one line each, shown on screen and logged
    folder: Path | None = None


def bundled_catalog_dir() -> Path:
    return resource_path("resources", "cars")


def load_catalog(folder: Path | None) -> Catalog:
    """The dealer's catalog (or the bundled one when `folder` is None), never raising."""
    bundled = bundled_catalog_dir()
    catalog = read_catalog(folder or bundled)
    if catalog.cars or folder is None or Path(folder).resolve() == bundled.resolve():
        return catalog
    fallback = read_catalog(bundled)
    note = f"Showing the bundled cars instead of {folder}"
    return Catalog(fallback.cars, (*catalog.problems, note, *fallback.problems), fallback.folder)


def read_catalog(folder: Path) -> Catalog:
    path = Path(folder) / CATALOG_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Catalog((), (f"Catalog {path} not found",), Path(folder))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Catalog((), (f"Catalog {path} cannot be read: {exc}",), Path(folder))
    entries = document.get("cars") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return Catalog((), (f'Catalog {path}: expected {{"version": 1, "cars": [...]}}',), Path(folder))
    cars: list[Car] = []
    problems: list[str] = []
    for number, entry in enumerate(entries, start=1):
        try:
            cars.append(_parse_car(entry, Path(folder)))
        except ValueError as exc:
            problems.append(f"{path.name}, car {number}: {exc}; left out")
    return Catalog(tuple(cars), tuple(problems), Path(folder))


def _parse_car(entry: Any, folder: Path) -> Car:
    if not isinstance(entry, dict):
        raise ValueError("expected an object")
    missing = [k for k in ("id", "name", "image") if not isinstance(entry.get(k), str) or not entry[k]]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    image = folder / entry["image"]
    if not image.is_file():
        raise ValueError(f"{entry['id']}: picture {image} not found")
    accent = str(entry.get("accent", DEFAULT_ACCENT))
    return Car(
        id=entry["id"],
        name=entry["name"],
        tagline=str(entry.get("tagline", "")),
        price=_price_text(entry.get("price", "")),
        image=image,
        accent=accent if _ACCENT.match(accent) else DEFAULT_ACCENT,
        specs=_parse_specs(entry.get("specs", [])),
    )


def _price_text(price: Any) -> str:
    if isinstance(price, (int, float)) and not isinstance(price, bool):
        return f"€ {price:,.0f}".replace(",", " ")
    return str(price)


def _parse_specs(specs: Any) -> tuple[Spec, ...]:
    if not isinstance(specs, list):
        return ()
    return tuple(
        Spec(str(s.get("label", "")), str(s.get("value", ""))) for s in specs[:4] if isinstance(s, dict)
    )
