"""`python -m kiosk report --fleet DSN`: per-car figures across every kiosk, and per kiosk.

Reads the central store's hourly sums (kiosk.analytics.fleet) and writes nothing. `--since`
/ `--until` are local calendar days, both inclusive, matched on the hour. The password comes
from the connection string, the keyring (as the kiosk stored it) or libpq's own PGPASSWORD /
~/.pgpass. Kiosks are told apart by their ids (two may share a name) and shown by the name they
pushed last, with their last push. Output: the totals and a table per scope (the cars by the
names of this computer's catalogue, as `report` passes them), `--json` one object
{"cars": {...}, "kiosks": {id: {"name", "last_push", "cars": {...}}}}, `--csv FILE` one row per
scope and car with `kiosk` and `kiosk_id` columns ("*" for the fleet).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Final, TextIO

import psycopg

from kiosk.analytics.fleet_central import FleetError, connect_dsn
from kiosk.analytics.summary import (
    CSV_COLUMNS,
    SUM_FIELDS,
    CarSummary,
    car_summary,
    count_text,
    export_csv_to,
    totals_text,
)

__all__ = ["FLEET_SCOPE", "FleetSummary", "KioskInfo", "read_fleet_summary", "write_fleet_csv"]

FLEET_SCOPE: Final = "*"  # the `kiosk` cell of the rows for the whole fleet
_SUMS: Final = ", ".join(f"SUM({name})" for name in SUM_FIELDS)  # the central columns are named so
_FROM: Final = "FROM kiosk_car_hours WHERE hour >= %s AND hour < %s"
_FLEET_SQL: Final = f"SELECT '', car_id, {_SUMS} {_FROM} GROUP BY car_id ORDER BY car_id"
_KIOSK_SQL: Final = (
    f"SELECT kiosk_id, car_id, {_SUMS} {_FROM} GROUP BY kiosk_id, car_id ORDER BY kiosk_id, car_id"
)
# Each kiosk's name as it pushed it last, and its last push (of all time, whatever the dates).
_NAMES_SQL: Final = """
    SELECT kiosk_id, (array_agg(kiosk ORDER BY pushed_at DESC))[1], max(pushed_at)
    FROM kiosk_car_hours GROUP BY kiosk_id"""


@dataclass(frozen=True)
class KioskInfo:
    name: str  # as it pushed it last
    last_push: datetime | None


@dataclass(frozen=True)
class FleetSummary:
    cars: list[CarSummary]  # across every kiosk
    kiosks: dict[str, list[CarSummary]]  # kiosk id -> its cars
    info: dict[str, KioskInfo] = field(default_factory=dict)  # kiosk id -> its name and last push

    def label(self, kiosk_id: str) -> str:
        info = self.info.get(kiosk_id)
        name = info.name if info is not None else kiosk_id
        pushed = f", last push {info.last_push:%Y-%m-%d %H:%M %Z}" if info and info.last_push else ""
        return f"{name} (id {kiosk_id[:8]}{pushed})"


def read_fleet_summary(dsn: str, since: date | None = None, until: date | None = None) -> FleetSummary:
    """The fleet's per-car figures; FleetError when the central store cannot be read."""
    low = _local_midnight(since) if since is not None else datetime(1970, 1, 2).astimezone()
    high = (
        _local_midnight(until + timedelta(days=1)) if until is not None else datetime(9999, 1, 1).astimezone()
    )
    try:
        with _connect(dsn) as conn:
            if not _has_table(conn):
                return FleetSummary([], {})
            cars = [_summary(row) for row in conn.execute(_FLEET_SQL, (low, high))]
            kiosks: dict[str, list[CarSummary]] = {}
            for row in conn.execute(_KIOSK_SQL, (low, high)):
                kiosks.setdefault(str(row[0]), []).append(_summary(row))
            info = {str(k): KioskInfo(str(name), pushed) for k, name, pushed in conn.execute(_NAMES_SQL)}
    except psycopg.Error as exc:
        raise FleetError(f"cannot read the central store: {str(exc).strip().splitlines()[0]}") from exc
    return FleetSummary(cars, kiosks, {k: v for k, v in info.items() if k in kiosks})


def _connect(dsn: str) -> psycopg.Connection[Any]:
    return connect_dsn(dsn, "emotion-kiosk-report")


def _has_table(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute("SELECT to_regclass('kiosk_car_hours') IS NOT NULL").fetchone()
    return bool(row and row[0])


def _local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day).astimezone()


def _summary(row: Sequence[Any]) -> CarSummary:
    _kiosk, car_id, *sums = row
    return car_summary(car_id, sums)


def fleet_json(summary: FleetSummary) -> str:
    def by_car(cars: Sequence[CarSummary]) -> dict[str, Any]:
        return {car.car_id: {k: v for k, v in car.as_dict().items() if k != "car_id"} for car in cars}

    def kiosk(kiosk_id: str, cars: Sequence[CarSummary]) -> dict[str, Any]:
        info = summary.info.get(kiosk_id)
        pushed = info.last_push.isoformat() if info and info.last_push else None
        return {"name": info.name if info else kiosk_id, "last_push": pushed, "cars": by_car(cars)}

    data = {"cars": by_car(summary.cars), "kiosks": {k: kiosk(k, v) for k, v in summary.kiosks.items()}}
    return json.dumps(data, indent=2, sort_keys=True)


def write_fleet_csv(summary: FleetSummary, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=("kiosk", "kiosk_id", *CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    scopes = [(FLEET_SCOPE, summary.cars), *summary.kiosks.items()]
    for kiosk_id, cars in scopes:
        info = summary.info.get(kiosk_id)
        name = FLEET_SCOPE if kiosk_id == FLEET_SCOPE else (info.name if info else kiosk_id)
        for car in cars:
            cells = {k: "" if v is None else v for k, v in car.as_dict().items()}
            writer.writerow({"kiosk": name, "kiosk_id": kiosk_id, **cells})


def print_fleet(summary: FleetSummary, table: Callable[[Sequence[CarSummary]], str], period: str) -> None:
    """The fleet's totals over `period` (words: "from ... to ...") and its table, then each kiosk's;
    `table` formats a list of CarSummary."""
    if not summary.cars:
        print("no figures in the central store for these dates")
        return
    kiosks = count_text(len(summary.kiosks), "kiosk", "kiosks")
    print(f"Reactions at {kiosks} {period}: {totals_text(summary.cars)}.\n")
    print("All kiosks")
    print(table(summary.cars))
    for kiosk_id, cars in sorted(summary.kiosks.items(), key=lambda item: summary.label(item[0])):
        print(f"\n{summary.label(kiosk_id)}: {totals_text(cars)}")
        print(table(cars))


def export_fleet_csv(summary: FleetSummary, target: str) -> bool:
    return export_csv_to(
        target, lambda out: write_fleet_csv(summary, out), f"wrote the fleet's figures to {target}"
    )
