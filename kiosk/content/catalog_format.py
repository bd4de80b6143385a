"""catalog.json, the catalogue's format: each car read and checked, and written back. No Qt here.

The format (version 3; version 2, the same without `language`, `image_name` and texts by
language, and version 1, also without `currency`, `cheerful` and `uplift_to`, are still read)::

    {
      "version": 3,
      "language": "en",                 // the language of the plain texts; "en" when omitted
      "cars": [
        {
          "id": "aurora-gt",            // unique; letters, digits, "-" and "_" (reaction records use it)
          "name": "Aurora GT",          // every text may instead be {"en": ..., "de": ..., ...}
          "tagline": {"en": "A grand tourer ...", "de": "Ein Gran Turismo ..."},   // optional
          "price": 48900,               // optional: a number in `currency`; omitted or null: no price
          "currency": "EUR",            // ISO 4217; EUR when omitted
          "image": "photos/aurora-gt.jpg",           // JPEG, PNG or WebP, relative to the folder
          "image_name": "Aurora, front.jpg",         // optional: the photo's name as the dealer chose it
          "accent": "#1e88e5",          // optional: the colour of the showroom's light
          "specs": [{"label": {"en": "Power", "de": "Leistung"}, "value": "310 hp"}],  // up to four
          "cheerful": true,             // optional: an unhappy visitor is shown a cheerful car
          "uplift_to": "pico"           // optional: the car an unhappy visitor sees after this one
        }
      ]
    }

Texts by language are explained in `car_text`: the showroom shows its own language's text, else
the catalogue language's, else whichever there is. A price written as text (version 1 wrote it
so) must be a number with its currency, such as "€ 48,900"; it is shown as it is written.

A saved catalogue also has `screen/`: each photo scaled for the screen (see `photos`), made
when the photo is added; it is derived, never exported, and rebuilt when missing.

Bad content never stops the showroom: a car with a missing, unreadable, 1-pixel or oversized
photo, or no id or name, is left out with a message naming the file and the car; a price that
is no price, or in an unknown currency, is not shown. Each message is an error
(`CatalogReport.errors`: a car left out, or not shown as written, so `catalog import` refuses
the folder) or a warning (something harmless was adjusted, such as a fifth key figure left
out or an accent that is no colour: the folder is imported).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from pathlib import Path, PurePosixPath
from typing import Any, Final

from kiosk.content.car_text import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODE,
    Translations,
    language_order,
    parse_text,
    text_value,
)
from kiosk.content.cars import CAR_ID, DEFAULT_ACCENT, DEFAULT_CURRENCY, MAX_SPECS, Car, Spec
from kiosk.content.currencies import currency_problem, plain_amount, price_text_problem
from kiosk.content.photos import PhotoError, photo_info
from kiosk.languages import LANGUAGES

__all__ = [
    "FORMAT_VERSION",
    "PHOTOS_DIR",
    "READ_VERSIONS",
    "SCREEN_DIR",
    "CatalogReport",
    "car_entry",
    "catalog_document",
    "parse_car",
    "parse_catalog",
    "screen_copy_of",
]

FORMAT_VERSION: Final = 3
READ_VERSIONS: Final = (1, 2, 3)
PHOTOS_DIR: Final = "photos"
SCREEN_DIR: Final = "screen"
_ACCENT: Final = re.compile(r"^#[0-9a-fA-F]{6}$")


class CatalogReport:
    """Messages in the order found, each an error or a warning."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.errors: list[str] = []

    def error(self, text: str) -> None:
        self.problems.append(text)
        self.errors.append(text)

    def warn(self, text: str) -> None:
        self.problems.append(text)


class _Notes:
    """What parsing one car found, before the car's name is known to the message."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []


def parse_catalog(document: Any, folder: Path, path: Path, report: CatalogReport) -> tuple[list[Car], str]:
    """The cars of a parsed catalog.json and its language; a message in `report` for each thing
    left out or changed."""
    entries = document.get("cars") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        report.error(f'Catalog {path}: expected {{"version": {FORMAT_VERSION}, "cars": [...]}}')
        return [], DEFAULT_LANGUAGE
    version = document.get("version", 1)
    if version not in READ_VERSIONS:
        report.warn(f"Catalog {path}: version {version!r} is unknown (expected 1, 2 or 3); read as 3")
    language = _catalog_language(document, path, report)
    cars: list[Car] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path.name}, car {number}" + (f" ({entry['id']})" if _has_text(entry, "id") else "")
        notes = _Notes()
        try:
            car = parse_car(entry, folder, notes, language)
        except ValueError as exc:
            report.error(f"{where}: {exc}; left out")
            continue
        if any(other.id == car.id for other in cars):
            report.error(f"{where}: the id {car.id!r} is used twice; left out")
            continue
        cars.append(car)
        for text in notes.errors:
            report.error(f"{where}: {text}")
        for text in notes.warnings:
            report.warn(f"{where}: {text}")
    _note_unshown_languages(cars, path, report)
    return _checked_uplift_targets(cars, report, path), language


def _catalog_language(document: dict[str, Any], path: Path, report: CatalogReport) -> str:
    language = document.get("language", DEFAULT_LANGUAGE)
    if isinstance(language, str) and LANGUAGE_CODE.match(language):
        return language
    report.warn(
        f'Catalog {path}: language {language!r} is not a language code like "en" or "de"; '
        f"its texts are read as {DEFAULT_LANGUAGE}"
    )
    return DEFAULT_LANGUAGE


def _note_unshown_languages(cars: list[Car], path: Path, report: CatalogReport) -> None:
    unknown = set().union(*(car.text_languages for car in cars)) - set(LANGUAGES) if cars else set()
    if unknown:
        codes = ", ".join(sorted(unknown, key=language_order))
        report.warn(
            f"Catalog {path}: texts in {codes} are kept, but the kiosk shows only {', '.join(LANGUAGES)}"
        )


def parse_car(entry: Any, folder: Path, notes: _Notes, language: str = DEFAULT_LANGUAGE) -> Car:
    """One car; ValueError when it cannot be shown; `notes` says what was changed otherwise."""
    if not isinstance(entry, dict):
        raise ValueError("expected an object")
    warnings = notes.warnings
    name, name_in = parse_text(entry.get("name"), language, "name", warnings)
    given = {"id": _has_text(entry, "id"), "name": bool(name), "image": _has_text(entry, "image")}
    missing = [key for key, ok in given.items() if not ok]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}" + _name_hint(name_in, language))
    if not CAR_ID.match(entry["id"]):
        raise ValueError(f"id {entry['id']!r}: use letters, digits, '-' and '_' (at most 64)")
    photo = _photo_path(folder, entry["image"])
    try:
        photo_info(photo)
    except PhotoError as exc:
        raise ValueError(str(exc)) from None
    price, currency, price_text = _parse_price(entry, notes)
    tagline, tagline_in = _optional_text(entry.get("tagline"), language, "tagline", notes)
    return Car(
        id=entry["id"],
        name=name,
        tagline=tagline,
        price=price,
        currency=currency,
        photo=photo,
        accent=_parse_accent(entry, warnings),
        specs=_parse_specs(entry.get("specs", []), notes, language),
        screen=screen_copy_of(photo, folder),
        price_text=price_text,
        cheerful=entry.get("cheerful") is True,
        uplift_to=str(entry.get("uplift_to") or ""),
        language=language,
        name_in=name_in,
        tagline_in=tagline_in,
        photo_name=_parse_photo_name(entry, photo, warnings),
    )


def _name_hint(name_in: Translations, language: str) -> str:
    if not name_in:
        return ""
    others = ", ".join(code for code, _ in name_in)
    return f" in {language}, the catalogue's language (it has one in {others} only)"


def _optional_text(value: Any, language: str, what: str, notes: _Notes) -> tuple[str, Translations]:
    """An optional text: one that is not a text is an error, and the car is shown without it."""
    try:
        return parse_text(value, language, what, notes.warnings)
    except ValueError as exc:
        notes.errors.append(f"{exc}; not shown")
        return "", ()


def _has_text(entry: Any, key: str) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get(key), str) and bool(entry[key].strip())


def _photo_path(folder: Path, relative: str) -> Path:
    """The photo inside the catalogue folder; an absolute path or one leading out of it is refused."""
    parts = PurePosixPath(relative.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or re.match(r"^[A-Za-z]:", relative):
        raise ValueError(f"image {relative!r} must be a path inside the catalogue folder")
    return folder.joinpath(*parts.parts)


def _parse_photo_name(entry: dict[str, Any], photo: Path, warnings: list[str]) -> str:
    name = entry.get("image_name")
    if name is None:
        return ""
    if not isinstance(name, str) or not name.strip() or "/" in name or "\\" in name:
        warnings.append(f"image_name {name!r} is no file name; the photo's own name is shown")
        return ""
    return "" if name.strip() == photo.name else name.strip()


def _parse_accent(entry: dict[str, Any], warnings: list[str]) -> str:
    accent = str(entry.get("accent", DEFAULT_ACCENT))
    if _ACCENT.match(accent):
        return accent
    warnings.append(f"accent {accent!r} is not a colour like #1e88e5; the default is used")
    return DEFAULT_ACCENT


def _parse_price(entry: dict[str, Any], notes: _Notes) -> tuple[float | None, str, str]:
    """(amount, currency, text): a number with its ISO currency, or a price written as text."""
    raw = entry.get("price")
    currency = entry.get("currency", DEFAULT_CURRENCY)
    problem = currency_problem(currency)
    if isinstance(raw, str) and raw.strip():
        raw = plain_amount(raw)
        if raw is None:
            text = str(entry["price"]).strip()
            if price_problem := price_text_problem(text):
                notes.errors.append(f"{price_problem}; no price is shown")
                text = ""
            return None, currency if not problem else DEFAULT_CURRENCY, text
    if raw is None or raw == "":
        return None, currency if not problem else DEFAULT_CURRENCY, ""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw) or raw < 0:
        notes.errors.append(f"price {raw!r} is not an amount like 39900; no price is shown")
        return None, DEFAULT_CURRENCY, ""
    if problem:
        notes.errors.append(f"{problem}; no price is shown")
        return None, DEFAULT_CURRENCY, ""
    return float(raw), currency, ""


def _parse_specs(specs: Any, notes: _Notes, language: str) -> tuple[Spec, ...]:
    if not isinstance(specs, list):
        notes.errors.append("specs: expected a list of {label, value}; none shown")
        return ()
    parsed: list[Spec] = []
    for spec in specs:
        if not isinstance(spec, dict):
            continue
        label, label_in = _optional_text(spec.get("label"), language, "specs: label", notes)
        value, value_in = _optional_text(spec.get("value"), language, "specs: value", notes)
        if label or value or label_in or value_in:
            parsed.append(Spec(label, value, label_in, value_in))
    if len(parsed) < len(specs):
        dropped = len(specs) - len(parsed)
        notes.warnings.append(
            f"specs: {dropped} without a label or value left out"
            if dropped > 1
            else "specs: one without a label or value left out"
        )
    if len(parsed) > MAX_SPECS:
        notes.warnings.append(
            f"specs: {len(parsed)} key figures given; the showroom has room for {MAX_SPECS}, "
            f"the first {MAX_SPECS} are shown"
        )
    return tuple(parsed[:MAX_SPECS])


def _checked_uplift_targets(cars: list[Car], report: CatalogReport, path: Path) -> list[Car]:
    ids = {car.id for car in cars}
    checked = []
    for car in cars:
        if car.uplift_to and (car.uplift_to not in ids or car.uplift_to == car.id):
            report.warn(f"{path.name}, car {car.id}: uplift_to {car.uplift_to!r} is no other car; automatic")
            car = dataclasses.replace(car, uplift_to="")
        checked.append(car)
    return checked


def screen_copy_of(photo: Path, folder: Path) -> Path | None:
    """The screen copy made for `photo` when it was saved into `folder`, if it is there."""
    if photo.parent.name != PHOTOS_DIR:
        return None
    for suffix in (".jpg", ".png"):
        candidate = folder / SCREEN_DIR / f"{photo.stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def car_entry(car: Car, image: str) -> dict[str, Any]:
    """The car as catalog.json writes it, with its photo at `image` (relative, with '/'); its
    texts in the car's `language`, and by language where it has others."""
    language = car.language
    entry: dict[str, Any] = {
        "id": car.id,
        "name": text_value(car.name, car.name_in, language),
        "tagline": text_value(car.tagline, car.tagline_in, language),
    }
    if car.price is not None:
        entry["price"] = int(car.price) if float(car.price).is_integer() else round(car.price, 2)
    elif car.price_text:
        entry["price"] = car.price_text
    entry["currency"] = car.currency
    entry["image"] = image
    if car.photo_label != PurePosixPath(image).name:
        entry["image_name"] = car.photo_label
    entry["accent"] = car.accent
    entry["specs"] = [_spec_entry(spec, language) for spec in car.specs[:MAX_SPECS]]
    if car.cheerful:
        entry["cheerful"] = True
    if car.uplift_to:
        entry["uplift_to"] = car.uplift_to
    return entry


def _spec_entry(spec: Spec, language: str) -> dict[str, Any]:
    return {
        "label": text_value(spec.label, spec.label_in, language),
        "value": text_value(spec.value, spec.value_in, language),
    }


def catalog_document(entries: list[dict[str, Any]], language: str = DEFAULT_LANGUAGE) -> str:
    document = {"version": FORMAT_VERSION, "language": language, "cars": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
