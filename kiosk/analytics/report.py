"""`python -m kiosk report`: the per-car reaction summary on the command line.

Reads `reactions.sqlite3` in the data folder (the caller applies `--data-dir` first) and
writes nothing to it. Dates are local calendar days, ISO `YYYY-MM-DD`, both inclusive.
Exit status, as for every command (`python -m kiosk --help`): 0 done (also when there is
nothing to show), 2 bad input: a bad argument, a database that cannot be read or a CSV file
that cannot be written. A read-only database is read as it is (see `read_summary`).
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kiosk.analytics.store import SchemaError, default_db_path, read_summary
from kiosk.analytics.summary import CarSummary, export_csv_to, format_percent, to_json, write_csv

EXIT_OK, EXIT_BAD_INPUT = 0, 2
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEADERS = ("car", "exposures", "visitor min", "positive", "negative", "neutral", "neg. switches", "uplift")


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


def run_report(args: argparse.Namespace) -> int:
    """Print the per-car summary; returns the exit status."""
    try:
        since, until = _date_range(args.since, args.until)
        if args.csv == "-" and args.json:
            raise _UsageError("--csv - and --json both write to stdout: choose one")
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.fleet:
        return _run_fleet_report(args, since, until)
    path = default_db_path()
    try:
        summaries = read_summary(path, since, until)
    except (SchemaError, sqlite3.Error) as exc:
        print(f"error: cannot read the reaction database {path}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.csv and not _export_csv(summaries, args.csv):
        return EXIT_BAD_INPUT
    _print_summary(summaries, args, path)
    return EXIT_OK


def _run_fleet_report(args: argparse.Namespace, since: date | None, until: date | None) -> int:
    from kiosk.analytics import fleet_report
    from kiosk.analytics.fleet import FleetError

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
        fleet_report.print_fleet(summary, format_table)
    return EXIT_OK


def format_table(summaries: Sequence[CarSummary]) -> str:
    """A plain-text table, one line per car, the car left-aligned and the numbers right-aligned."""
    rows = [_HEADERS, *(_table_row(s) for s in summaries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    return "\n".join(_table_line(row, widths) for row in rows)


def _table_line(row: Sequence[str], widths: Sequence[int]) -> str:
    first = row[0].ljust(widths[0])
    rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))
    return "  ".join((first, *rest)).rstrip()


def _print_summary(summaries: Sequence[CarSummary], args: argparse.Namespace, path: Path) -> None:
    if args.json:
        print(to_json(summaries))
        if not summaries:
            print(_nothing_message(args, path), file=sys.stderr)
    elif args.csv == "-":
        return
    elif not summaries:
        print(_nothing_message(args, path))
    else:
        print(format_table(summaries))


def _nothing_message(args: argparse.Namespace, path: Path) -> str:
    if args.since or args.until:
        return f"no exposures recorded from {args.since or 'the start'} to {args.until or 'today'}"
    return f"no exposures recorded yet ({path})"


def _export_csv(summaries: Sequence[CarSummary], target: str) -> bool:
    return export_csv_to(
        target, lambda out: write_csv(summaries, out), f"wrote {len(summaries)} cars to {target}"
    )


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


def _table_row(s: CarSummary) -> tuple[str, ...]:
    uplift = "-" if s.audio_plays == 0 else f"{s.uplift_successes}/{s.audio_plays}"
    if s.uplift_success_rate is not None:
        uplift += f" ({format_percent(s.uplift_success_rate)})"
    shares = (s.positive_share, s.negative_share, s.neutral_share)
    return (
        s.car_id,
        str(s.exposures),
        f"{s.visitor_minutes:.1f}",
        *(format_percent(share) for share in shares),
        str(s.negative_switches),
        uplift,
    )
