"""The fleet sync's queue in the local database: the (car, UTC hour) pairs still to push. No Qt.

`fleet_outbox` (schema v3) is filled by a trigger on every recorded exposure, and counts the
exposures added to a pair since it was queued. A push reads a batch of pairs and their full
hourly sums in one read transaction (`pending_hours`), and after its commit takes each pair
off the queue only if no exposure was added to it meanwhile (`take_off_queue`), so nothing is
lost and nothing counts twice. Each database also has its own id (schema v4), what its rows
in the central store are keyed on (`database_id`). The pushing is in kiosk.analytics.fleet.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Final

from kiosk.analytics.database import DATABASE_ID_SQL, exposure_sums_sql
from kiosk.analytics.summary import SUM_FIELDS, sums_of

__all__ = [
    "HourRow",
    "QueueKey",
    "backlog_or",
    "database_id",
    "pending_hours",
    "queued_count",
    "take_off_queue",
]

QueueKey = tuple[str, str, int]  # (car_id, hour, changes): a pair as it was read off the queue

# An hour's exposures are those whose started_at begins with it: the range [hour, hour || ';').
_PENDING_SQL: Final = f"""
    SELECT o.car_id, o.hour, o.changes, {exposure_sums_sql("e")}
    FROM (SELECT car_id, hour, changes FROM fleet_outbox ORDER BY hour, car_id LIMIT ?) AS o
    LEFT JOIN exposures AS e
        ON e.car_id = o.car_id AND e.started_at >= o.hour AND e.started_at < o.hour || ';'
    GROUP BY o.car_id, o.hour, o.changes ORDER BY o.hour, o.car_id"""


@dataclass(frozen=True)
class HourRow:
    """One (car, UTC hour) of local sums, as pushed."""

    car_id: str
    hour: datetime
    exposures: int
    visitor_seconds: float
    positive_seconds: float
    negative_seconds: float
    negative_switches: int
    audio_plays: int
    uplift_successes: int

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in ("car_id", "hour", *SUM_FIELDS))


def pending_hours(db_path: Path, limit: int) -> tuple[list[HourRow], list[QueueKey]]:
    """Up to `limit` queued (car, hour) pairs: their sums (pairs with no exposure left, after a
    retention purge, have none) and the queue keys (car_id, hour, changes) they were read at."""
    with closing(_connect_local(db_path)) as conn:
        conn.execute("BEGIN")  # one snapshot for the queue and the sums
        rows = conn.execute(_PENDING_SQL, (limit,)).fetchall()
        conn.execute("COMMIT")
    keys = [(str(car), str(hour), int(changes)) for car, hour, changes, *_ in rows]
    return [_hour_row(row) for row in rows if row[3] > 0], keys


def database_id(db_path: Path) -> str:
    """The local database's own id (schema v4), what its rows in the central store are keyed on."""
    with closing(_connect_local(db_path)) as conn:
        row = conn.execute(DATABASE_ID_SQL).fetchone()
    if row is None:
        raise sqlite3.DatabaseError(f"{db_path} has no database id (schema older than 4?)")
    return str(row[0])


def queued_count(db_path: Path) -> int:
    with closing(_connect_local(db_path)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM fleet_outbox").fetchone()[0])


def take_off_queue(db_path: Path, keys: Sequence[QueueKey]) -> None:
    """Dequeue the pushed pairs, each only if no exposure was added to it since it was read."""
    with closing(_connect_local(db_path)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM fleet_outbox WHERE car_id = ? AND hour = ? AND changes = ?", keys)
        conn.execute("COMMIT")


def backlog_or(db_path: Path, fallback: int) -> int:
    """The queue's length, or `fallback` when the local database cannot be read now."""
    try:
        return queued_count(db_path)
    except sqlite3.Error:
        return fallback


def _connect_local(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        f"{db_path.resolve().as_uri()}?mode=rw", uri=True, timeout=10.0, isolation_level=None
    )


def _hour_row(row: Sequence[Any]) -> HourRow:
    car_id, hour, _changes, *sums = row
    hour_utc = datetime.strptime(str(hour), "%Y-%m-%dT%H").replace(tzinfo=timezone.utc)
    return HourRow(str(car_id), hour_utc, *sums_of(sums))
