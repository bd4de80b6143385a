"""The car catalogue: `catalog.json` in a folder, with the photos beside it. No Qt here.

Where it is: the dealer's own catalogue lives in the data folder, `<data dir>/catalog/`
(`dealer_catalog_dir()`), so updating the kiosk never touches it; until the dealer saves one
(settings dialog, Cars page) or imports one (`python -m kiosk catalog import DIR`), the cars
bundled with the kiosk (`resources/cars/`) are shown. The "Catalog folder" setting, when set,
shows another folder instead (`showroom_folder`).

The format of `catalog.json`, how each car in it is checked and what a bad one costs, is in
`kiosk.content.catalog_format`. A catalogue that cannot be read, or that lists no cars, falls
back to the bundled cars (`load_catalog`). Every message is meant for the screen, the log and
the dialog.
"""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.content.cars import (
    CAR_ID,
    DEFAULT_ACCENT,
    DEFAULT_CURRENCY,
    MAX_SPECS,
    Car,
    CarWords,
    Catalog,
    CatalogError,
    Spec,
    Stamp,
    uplift_index,
)
from kiosk.content.catalog_format import (
    FORMAT_VERSION,
    PHOTOS_DIR,
    READ_VERSIONS,
    SCREEN_DIR,
    CatalogReport,
    car_entry,
    catalog_document,
    parse_car,
    parse_catalog,
    screen_copy_of,
)
from kiosk.paths import data_dir, resource_path

CATALOG_FILE = "catalog.json"

__all__ = [  # the types live in `cars`, the format in `catalog_format`; everything catalogue is found here
    "CAR_ID",
    "CATALOG_FILE",
    "DEFAULT_ACCENT",
    "DEFAULT_CURRENCY",
    "FORMAT_VERSION",
    "MAX_SPECS",
    "PHOTOS_DIR",
    "READ_VERSIONS",
    "SCREEN_DIR",
    "Car",
    "CarWords",
    "Catalog",
    "CatalogError",
    "Spec",
    "Stamp",
    "bundled_catalog_dir",
    "car_entry",
    "catalog_document",
    "catalog_stamp",
    "dealer_catalog_dir",
    "dealer_logo_dir",
    "has_catalog",
    "load_catalog",
    "parse_car",
    "parse_catalog",
    "read_catalog",
    "screen_copy_of",
    "showroom_catalog",
    "showroom_folder",
    "uplift_index",
]


def bundled_catalog_dir() -> Path:
    return resource_path("resources", "cars")


def dealer_catalog_dir() -> Path:
    """The dealer's own catalogue, in the data folder (it may not exist yet)."""
    return data_dir() / "catalog"


def dealer_logo_dir() -> Path:
    """Where the dealer's logo is kept, copied from the file they chose (see catalog_store.keep_logo)."""
    return data_dir() / "logo"


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
    errors = (*catalog.errors, note, *fallback.errors)
    return Catalog(fallback.cars, problems, fallback.folder, catalog.stamp, fallback.language, errors)


def read_catalog(folder: Path) -> Catalog:
    """The cars of one folder, each bad car left out with a message; never raising."""
    folder = Path(folder)
    path = folder / CATALOG_FILE
    stamp = catalog_stamp(folder)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problem = f"Catalog {path} not found"
        return Catalog((), (problem,), folder, stamp, errors=(problem,))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problem = f"Catalog {path} cannot be read: {exc}"
        return Catalog((), (problem,), folder, stamp, errors=(problem,))
    report = CatalogReport()
    cars, language = parse_catalog(document, folder, path, report)
    if not cars and not report.problems:
        report.error(f"Catalog {path} lists no cars")
    return Catalog(tuple(cars), tuple(report.problems), folder, stamp, language, tuple(report.errors))
