"""`python -m kiosk catalog import DIR` and `catalog export DIR`: the dealer's cars as a folder.

A dealer group's head office prepares one folder (catalog.json and the photos, the format in
`kiosk.content.catalog`) and installs it on every kiosk with `import`: it is checked first,
every photo decoded, and installed into the data folder only when it has no error, all at
once (a running kiosk shows it within a second). Every problem is printed: each error (a car
that would be left out, or not shown as written) as an `error: ...` line, each warning
(something harmless that was adjusted, such as a fifth key figure) as a `warning: ...` line;
warnings alone do not stop the import. `export` writes the catalogue the kiosk shows, the
dealer's or else the bundled one, with its texts in every language, into a new folder that
`import` takes back.

Exit status: 0 done (perhaps with warnings); 2 the folder or its content has an error (each
line naming the file and the car) or cannot be written: nothing was installed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.analytics.summary import count_text

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_catalog_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`catalog import DIR` and `catalog export DIR` under the kiosk's subcommands."""
    catalog = commands.add_parser(
        "catalog", parents=[common], help="install the dealer's cars from a folder, or write them to one"
    )
    actions = catalog.add_subparsers(dest="catalog_action", metavar="ACTION", required=True)
    install = actions.add_parser(
        "import", parents=[common], help="check a catalogue folder and install it as this kiosk's cars"
    )
    install.add_argument("folder", type=Path, metavar="DIR", help="folder with catalog.json and the photos")
    install.set_defaults(handler=run_catalog_import)
    export = actions.add_parser("export", parents=[common], help="write this kiosk's cars into a new folder")
    export.add_argument(
        "folder", type=Path, metavar="DIR", help="a folder that does not exist yet, or is empty"
    )
    export.set_defaults(handler=run_catalog_export)


def run_catalog_import(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.content.catalog import CatalogError, dealer_catalog_dir
    from kiosk.content.catalog_store import import_catalog

    target = dealer_catalog_dir()
    try:
        imported = import_catalog(args.folder, target)
    except CatalogError as error:
        _warn(error.warnings)
        return _failed(error.problems, f"nothing was installed; the kiosk keeps its cars ({target})")
    _warn(imported.warnings)
    warnings = count_text(len(imported.warnings), "warning", "warnings")
    warned = f" ({warnings} above)" if imported.warnings else ""
    cars = count_text(len(imported.catalog.cars), "car", "cars")
    print(f"Installed {cars} from {args.folder} into {target}{warned}.")
    return EXIT_OK


def run_catalog_export(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.content.catalog import CatalogError, showroom_catalog
    from kiosk.content.catalog_store import export_catalog

    catalog = showroom_catalog()
    _warn(catalog.problems)
    try:
        count = export_catalog(catalog, args.folder)
    except CatalogError as error:
        return _failed(error.problems)
    print(f"Wrote {count_text(count, 'car', 'cars')} from {catalog.folder} to {args.folder}.")
    return EXIT_OK


def _warn(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _failed(problems: Sequence[str], outcome: str = "") -> int:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if outcome:
        print(outcome, file=sys.stderr)
    return EXIT_BAD_INPUT
