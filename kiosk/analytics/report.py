"""`python -m kiosk report`: the per-car reaction summary on the command line.

Reads `reactions.sqlite3` in the data folder (the caller applies `--data-dir` first) and
writes nothing, not even the folder. Dates are local calendar days, ISO `YYYY-MM-DD`, both
inclusive. The table starts with the period it covers (the --since / --until days, else the
days of the first and last exposure) and its totals, and names each car as the showroom does:
the caller passes the names (`car_names`, id -> name; the catalogue is not the analytics' to
read), a car it does not know shows its id. `--csv` and `--json` keep the car ids.
Exit status, as for every command (`python -m kiosk --help`): 0 done (also when the dates
hold nothing), 2 bad input: a bad argument, a data folder that does not exist or holds no
reaction database, a database that cannot be read or a CSV file that cannot be written. A
read-only database is read as it is (see `read_summary`).
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections.abc import Mapping, Sequence
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

# The period's query belongs beside read_summary in database.py, whose connection and day
# bounds it shares; it is here for now (#31 did not change database.py).
from kiosk.analytics.database import (
    DB_FILENAME,
    SchemaError,
    _connect_for_reading,
    _day_start_utc,
    read_summary,
)
from kiosk.analytics.summary import (
    CarSummary,
    count_text,
    export_csv_to,
    format_min_s,
    format_percent,
    to_json,
    totals_text,
    write_csv,
)
from kiosk.paths import data_dir

EXIT_OK, EXIT_BAD_INPUT = 0, 2
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEADERS = ("car", "exposures", "visitor min:s", "positive", "negative", "neutral", "neg. switches", "uplift")
_PERIOD_SQL = (
    "SELECT MIN(started_at), MAX(started_at) FROM exposures WHERE started_at >= ? AND started_at < ?"
)


class _UsageError(ValueError):
    """A bad argument: reported as `error: ...`, exit status 2."""


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the report's options to `parser` (the `report` sub-command's parser)."""
    parser.add_argument("--since", metavar="DATE", help="first day to include, YYYY-MM-DD (local time)")
    parser.add_argument("--until", metavar="DATE", help="last day to include, YYYY-MM-DD (local time)")
    parser.add_argument("--csv", metavar="FILE", help="also write the summary as CSV to FILE ('-': stdout)")
    parser.add_argument("--json", action="store_true", help="print one JSON object keyed by car id")
    parser.add_argument(
        "--fleet",
        metavar="DSN",
        help="report every kiosk from the central PostgreSQL store at DSN, instead of this kiosk's file",
    )


def run_report(args: argparse.Namespace, car_names: Mapping[str, str] | None = None) -> int:
    """Print the per-car summary, each car by its name in `car_names` (id -> name); returns the
    exit status."""
    try:
        since, until = _date_range(args.since, args.until)
        if args.csv == "-" and args.json:
            raise _UsageError("--csv - and --json both write to stdout: choose one")
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    names = dict(car_names or {})
    if args.fleet:
        return _run_fleet_report(args, since, until, names)
    return _run_local_report(args, since, until, names)


def missing_data_folder(folder: Path) -> str | None:
    """Why `folder` cannot be the data folder to report on, or None when it is there."""
    if folder.is_dir():
        return None
    return f"the data folder {folder} does not exist: give the kiosk's data folder with --data-dir DIR"


def _missing_database(folder: Path) -> str | None:
    problem = missing_data_folder(folder)
    if problem is None and not (folder / DB_FILENAME).is_file():
        problem = (
            f"{folder} holds no reaction database ({DB_FILENAME}): the kiosk has recorded nothing in "
            "this folder; give the kiosk's data folder with --data-dir DIR"
        )
    return problem


def _run_local_report(
    args: argparse.Namespace, since: date | None, until: date | None, names: Mapping[str, str]
) -> int:
    folder = data_dir(create=False)
    problem = _missing_database(folder)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    path = folder / DB_FILENAME
    try:
        summaries = read_summary(path, since, until)
        days = _exposure_days(path, since, until) if summaries else None
    except (SchemaError, sqlite3.Error) as exc:
        print(f"error: cannot read the reaction database {path}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.csv and not _export_csv(summaries, args.csv):
        return EXIT_BAD_INPUT
    if days is not None:
        since, until = since or days[0], until or days[1]
    _print_summary(summaries, args, path, _period(since, until), names)
    return EXIT_OK


def _run_fleet_report(
    args: argparse.Namespace, since: date | None, until: date | None, names: Mapping[str, str]
) -> int:
    from kiosk.analytics import fleet_report
    from kiosk.analytics.fleet_central import FleetError

    try:
        summary = fleet_report.read_fleet_summary(args.fleet, since, until)
    except FleetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.csv and not fleet_report.export_fleet_csv(summary, args.csv):
        return EXIT_BAD_INPUT
    if args.json:
        print(fleet_report.fleet_json(summary))
    elif args.csv != "-":
        fleet_report.print_fleet(summary, lambda cars: format_table(cars, names), _period(since, until))
    return EXIT_OK


def format_table(summaries: Sequence[CarSummary], car_names: Mapping[str, str] | None = None) -> str:
    """A plain-text table, one line per car in the order of their names, the car by its name in
    `car_names` (else its id) left-aligned and the numbers right-aligned."""
    names = car_names or {}
    named = sorted(((names.get(s.car_id, s.car_id), s) for s in summaries), key=_by_name)
    rows = [_HEADERS, *(_table_row(name, s) for name, s in named)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    return "\n".join(_table_line(row, widths) for row in rows)


def _by_name(named: tuple[str, CarSummary]) -> tuple[str, str]:
    return named[0].casefold(), named[1].car_id


def _table_line(row: Sequence[str], widths: Sequence[int]) -> str:
    first = row[0].ljust(widths[0])
    rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))
    return "  ".join((first, *rest)).rstrip()


def _print_summary(
    summaries: Sequence[CarSummary],
    args: argparse.Namespace,
    path: Path,
    period: str,
    names: Mapping[str, str],
) -> None:
    if args.json:
        print(to_json(summaries))
        if not summaries:
            print(_nothing_message(args, path), file=sys.stderr)
    elif args.csv == "-":
        return
    elif not summaries:
        print(_nothing_message(args, path))
    else:
        print(f"Reactions {period}: {totals_text(summaries)}.\n")
        print(format_table(summaries, names))


def _period(since: date | None, until: date | None) -> str:
    """The days a report covers, for its first line: "from 2025-03-09 to 2025-03-10 (local time)"."""
    if since is None and until is None:
        return "on every recorded day"
    if since is not None and since == until:
        return f"on {since.isoformat()} (local time)"
    start = since.isoformat() if since is not None else "the first recorded day"
    end = until.isoformat() if until is not None else "the last recorded day"
    return f"from {start} to {end} (local time)"


def _nothing_message(args: argparse.Namespace, path: Path) -> str:
    if args.since or args.until:
        return f"no exposures recorded from {args.since or 'the start'} to {args.until or 'today'}"
    return f"no exposures recorded yet ({path})"


def _exposure_days(path: Path, since: date | None, until: date | None) -> tuple[date, date] | None:
    """The local days of the first and the last exposure from `since` to `until` (None: none);
    bounded as `read_summary` bounds them."""
    low = _day_start_utc(since) if since is not None else ""
    high = _day_start_utc(until + timedelta(days=1)) if until is not None else "~"
    with closing(_connect_for_reading(path)) as conn:
        first, last = conn.execute(_PERIOD_SQL, (low, high)).fetchone()
    if first is None or last is None:
        return None
    return _local_day(first), _local_day(last)


def _local_day(stamp: str) -> date:
    return datetime.fromisoformat(stamp).astimezone().date()


def _export_csv(summaries: Sequence[CarSummary], target: str) -> bool:
    done = f"wrote {count_text(len(summaries), 'car', 'cars')} to {target}"
    return export_csv_to(target, lambda out: write_csv(summaries, out), done)


def _date_range(since_text: str | None, until_text: str | None) -> tuple[date | None, date | None]:
    since = _parse_date("--since", since_text)
    until = _parse_date("--until", until_text)
    if since is not None and until is not None and since > until:
        raise _UsageError(f"--since {since} is after --until {until}")
    return since, until


def _parse_date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise _UsageError(f"{option}: expected a date as YYYY-MM-DD, got {text!r}") from None


def _table_row(name: str, s: CarSummary) -> tuple[str, ...]:
    uplift = "-" if s.audio_plays == 0 else f"{s.uplift_successes}/{s.audio_plays}"
    if s.uplift_success_rate is not None:
        uplift += f" ({format_percent(s.uplift_success_rate)})"
    shares = (s.positive_share, s.negative_share, s.neutral_share)
    return (
        name,
        str(s.exposures),
        format_min_s(s.visitor_seconds),
        *(format_percent(share) for share in shares),
        str(s.negative_switches),
        uplift,
    )
