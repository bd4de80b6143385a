"""`python -m kiosk report`: the command line's part of the report.

`kiosk.analytics.report` reads and prints the figures, but may not read the catalogue (the
layers analytics | content never import each other): the cars' names are looked up here, in
the catalogue the kiosk shows (the dealer's, else the bundled one; as `catalog export` takes
it, without the settings' "Catalog folder"), and handed over. The report creates nothing: a
--data-dir that names no folder is an error, also for --fleet, which reads only the names there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.analytics.report import EXIT_BAD_INPUT, missing_data_folder, run_report
from kiosk.content.catalog import load_catalog, showroom_catalog
from kiosk.paths import data_dir


def run_report_command(args: argparse.Namespace) -> int:
    """The report for `args` (the report's options and `data_dir`, the --data-dir given or None),
    its cars by name; returns the exit status."""
    folder = data_dir(create=False)
    problem = missing_data_folder(folder) if args.data_dir is not None else None
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_report(args, car_names(folder))


def car_names(folder: Path) -> dict[str, str]:
    """Each car's name by its id, as the showroom shows them; the bundled cars when the data
    folder `folder` does not exist (the dealer's catalogue lives in it), which is not created."""
    catalog = showroom_catalog() if folder.is_dir() else load_catalog(None)
    return {car.id: car.name for car in catalog.cars}
