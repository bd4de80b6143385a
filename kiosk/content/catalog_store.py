"""Saving, importing and exporting the car catalogue, each all or nothing. No Qt here.

A save never overwrites a file the current catalogue uses. Each photo is stored under a name
made of the car's id and a hash of its content (`photos/<id>-<hash>.jpg`), next to its screen
copy (`screen/<id>-<hash>.jpg`); then catalog.json is written to a temporary file and moved
over the old one with `os.replace`, which is atomic. A save interrupted at any point leaves the
previous catalogue complete and loadable; what it had written is removed, and anything still
left over goes with the next save. The name the dealer gave the photo is kept as `image_name`.
An import is a save of a folder that validated without an error (its warnings are reported,
see `kiosk.content.catalog_format`); an export writes the cars into a new folder with plain photo
names. The dealer's logo is kept in the data folder the same way (`keep_logo`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import math
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.car_text import DEFAULT_LANGUAGE
from kiosk.content.cars import CAR_ID, MAX_SPECS, Car, Catalog, CatalogError
from kiosk.content.catalog import CATALOG_FILE, read_catalog
from kiosk.content.catalog_format import PHOTOS_DIR, SCREEN_DIR, car_entry, catalog_document, screen_copy_of
from kiosk.content.currencies import currency_problem, price_text_problem
from kiosk.content.photos import SUFFIXES, PhotoError, encode_screen_copy, logo_format, photo_info, read_photo


@dataclass(frozen=True)
class Imported:
    """An installed catalogue, and the warnings its folder had (they did not stop it)."""

    catalog: Catalog
    warnings: tuple[str, ...]


def car_problems(cars: Sequence[Car]) -> list[str]:
    """What stops these cars from being saved, one line per problem, naming the car."""
    problems: list[str] = []
    ids = [car.id for car in cars]
    for number, car in enumerate(cars, start=1):
        where = f"Car {number} ({car.name.strip() or car.id})"
        if not CAR_ID.match(car.id):
            problems.append(f"{where}: id {car.id!r}: use letters, digits, '-' and '_' (at most 64)")
        if ids.count(car.id) > 1:
            problems.append(f"{where}: the id {car.id!r} is used by another car")
        if not car.name.strip():
            problems.append(f"{where}: the name is empty (in {car.language}, the catalogue's language)")
        if car.price is not None and (not math.isfinite(car.price) or car.price < 0):
            problems.append(f"{where}: price {car.price} is not an amount")
        if car.price is None and car.price_text and (price := price_text_problem(car.price_text)):
            problems.append(f"{where}: {price}")
        if currency := currency_problem(car.currency):
            problems.append(f"{where}: {currency}")
        if len(car.specs) > MAX_SPECS:
            problems.append(f"{where}: {len(car.specs)} key figures; at most {MAX_SPECS}")
        if car.uplift_to and (car.uplift_to not in ids or car.uplift_to == car.id):
            problems.append(f"{where}: the car to show next ({car.uplift_to!r}) is no other car here")
        try:
            photo_info(car.photo)
        except PhotoError as exc:
            problems.append(f"{where}: {exc}")
    return problems


def save_catalog(folder: Path, cars: Sequence[Car], language: str | None = None) -> Catalog:
    """Make `cars` (their photos wherever they are) the catalogue in `folder`, atomically, its
    plain texts in `language` (by default the first car's; every text of every car is kept).

    CatalogError, with the previous catalogue untouched, when a car or a photo is not right or
    the folder cannot be written.
    """
    language = language or (cars[0].language if cars else DEFAULT_LANGUAGE)
    cars = [car.with_language(language) for car in cars]
    problems = car_problems(cars)
    if problems:
        raise CatalogError(problems)
    folder = Path(folder)
    created: list[Path] = []
    try:
        for sub in (PHOTOS_DIR, SCREEN_DIR):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        cars = [_named(car) for car in cars]
        images = [_store_photo(car, folder, created) for car in cars]
        entries = [
            car_entry(car, f"{PHOTOS_DIR}/{image.name}") for car, image in zip(cars, images, strict=True)
        ]
        replace_file(folder / CATALOG_FILE, catalog_document(entries, language).encode("utf-8"))
    except (OSError, PhotoError) as exc:
        for path in created:
            with contextlib.suppress(OSError):
                path.unlink()
        raise CatalogError([f"The cars could not be saved in {folder}: {exc}"]) from exc
    _remove_unused(folder, {image.name for image in images})
    return read_catalog(folder)


def _named(car: Car) -> Car:
    """The car with its photo's name as the dealer chose it spelt out (the stored file's differs)."""
    return dataclasses.replace(car, photo_name=car.photo_label)


def _store_photo(car: Car, folder: Path, created: list[Path]) -> Path:
    """The photo in `folder/photos` under its content's name, with its screen copy beside."""
    info = photo_info(car.photo)
    target = folder / PHOTOS_DIR / f"{car.id}-{_digest(car.photo)}{SUFFIXES[info.format]}"
    if not target.is_file():
        replace_file(target, car.photo.read_bytes())
        created.append(target)
    if screen_copy_of(target, folder) is None:
        suffix, data = encode_screen_copy(read_photo(target))
        screen = folder / SCREEN_DIR / f"{target.stem}{suffix}"
        replace_file(screen, data)
        created.append(screen)
    return target


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:12]


def replace_file(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: a temporary file, flushed to disk, then os.replace."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _remove_unused(folder: Path, photos: set[str]) -> None:
    """Photos and screen copies no car uses any more, and temporary files of interrupted saves."""
    stems = {Path(name).stem for name in photos}
    for path in [*(folder / PHOTOS_DIR).iterdir(), *(folder / SCREEN_DIR).iterdir(), *folder.glob(".*.tmp")]:
        used = path.name in photos if path.parent.name == PHOTOS_DIR else path.stem in stems
        if path.is_file() and (not used or path.name.endswith(".tmp")):
            with contextlib.suppress(OSError):
                path.unlink()


def import_catalog(source: Path, target: Path) -> Imported:
    """Validate the catalogue in `source` and install it in `target` (atomically, see above),
    with the warnings found in `source`.

    CatalogError listing every error (each naming its file), and the warnings, when anything in
    `source` is not right: nothing is installed then.
    """
    source = Path(source)
    if not source.is_dir():
        raise CatalogError([f"{source} is not a folder"])
    catalog = read_catalog(source)
    if catalog.errors:
        raise CatalogError(catalog.errors, catalog.warnings)
    cars = [dataclasses.replace(car, screen=None) for car in catalog.cars]
    return Imported(save_catalog(target, cars, catalog.language), catalog.warnings)


def export_catalog(catalog: Catalog, target: Path) -> int:
    """Write the cars into the new (or empty) folder `target`: catalog.json and photos/<id>.<ext>.

    Returns the number of cars; CatalogError when `target` is in use or cannot be written.
    """
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise CatalogError([f"{target} already exists and is not an empty folder: choose a new one"])
    staging = target.parent / f".{target.name}.{os.getpid()}.export"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        (staging / PHOTOS_DIR).mkdir(parents=True)
        entries = []
        for car in catalog.cars:
            name = f"{car.id}{SUFFIXES[photo_info(car.photo).format]}"
            shutil.copyfile(car.photo, staging / PHOTOS_DIR / name)
            entries.append(car_entry(car, f"{PHOTOS_DIR}/{name}"))
        (staging / CATALOG_FILE).write_text(catalog_document(entries, catalog.language), encoding="utf-8")
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    except (OSError, PhotoError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise CatalogError([f"The catalogue could not be written to {target}: {exc}"]) from exc
    return len(entries)


def keep_logo(source: Path, folder: Path) -> Path:
    """The dealer's logo as kept in `folder` (the data folder's logo/): copied from `source`
    while that file is there, so the showroom keeps its logo when the file is moved or deleted.

    PhotoError, naming the file, when neither `source` nor a kept copy of it is a PNG, JPEG,
    WebP or SVG picture; OSError when the copy cannot be written.
    """
    source, kept = Path(source), Path(folder) / Path(source).name
    if not source.is_file():
        logo_format(kept if kept.is_file() else source)
        return kept
    logo_format(source)
    data = source.read_bytes()
    if source.resolve() != kept.resolve() and (not kept.is_file() or kept.read_bytes() != data):
        kept.parent.mkdir(parents=True, exist_ok=True)
        replace_file(kept, data)
    for other in kept.parent.iterdir():  # one logo at a time
        if other.is_file() and other.name != kept.name:
            with contextlib.suppress(OSError):
                other.unlink()
    return kept
