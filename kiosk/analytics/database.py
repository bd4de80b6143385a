"""The reaction database file: its schema and migrations, connections to it, and the summary read.

One SQLite file migrated by PRAGMA user_version (`MIGRATIONS[n]` takes version n to n + 1).
`open_for_writing` makes a connection ready for the writer (`ReactionStore`): integrity
check, WAL with synchronous=FULL, `secure_delete`, migrations, the retention purge.
`read_summary` opens its own short-lived connection and writes nothing (a read-only file
is read as it is). Pure Python, no threads: `kiosk.analytics.store` owns the writing.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Final

from kiosk import paths
from kiosk.analytics.records import (
    EXPRESSIONS,
    NEGATIVE_EXPRESSIONS,
    POSITIVE_EXPRESSIONS,
    Exposure,
)
from kiosk.analytics.summary import SUM_FIELDS, CarSummary, car_summary

__all__ = [
    "DATABASE_ID_SQL",
    "DB_FILENAME",
    "DEFAULT_RETENTION_DAYS",
    "INSERT_SQL",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "CorruptDatabaseError",
    "SchemaError",
    "checked_retention",
    "default_db_path",
    "exposure_row",
    "exposure_sums_sql",
    "is_writable",
    "migrate",
    "open_for_writing",
    "purge_before",
    "read_summary",
    "set_busy_timeout",
    "transaction",
]

log = logging.getLogger(__name__)

DB_FILENAME: Final = "reactions.sqlite3"
DEFAULT_RETENTION_DAYS: Final = 30

# MIGRATIONS[n] takes the schema from version n to n + 1; append, never edit a shipped one.
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    (  # v1: one row per exposure; aggregates only (no BLOBs, nothing per frame).
        """CREATE TABLE exposures (
            id INTEGER PRIMARY KEY,
            car_id TEXT NOT NULL CHECK (length(car_id) BETWEEN 1 AND 200),
            started_at TEXT NOT NULL,  -- ISO-8601 UTC, fixed width, so text order is time order
            ended_at TEXT NOT NULL,
            visitor_seconds REAL NOT NULL CHECK (visitor_seconds >= 0),
            p_angry REAL, p_disgust REAL, p_fear REAL, p_happy REAL,
            p_neutral REAL, p_sad REAL, p_surprise REAL,  -- NULL when no visitor watched
            peak_negative REAL,                          -- NULL when no visitor watched
            ended_by_negative INTEGER NOT NULL CHECK (ended_by_negative IN (0, 1)),
            audio_played INTEGER NOT NULL CHECK (audio_played IN (0, 1)),
            uplift_success INTEGER CHECK (
                (audio_played = 0 AND uplift_success IS NULL)
                OR (audio_played = 1 AND uplift_success IN (0, 1)))
        )""",
    ),
    (  # v2: date ranges and purges read by start time.
        "CREATE INDEX exposures_started_at ON exposures (started_at)",
    ),
    (  # v3: the (car, UTC hour) pairs the fleet sync has yet to push (kiosk.analytics.fleet).
        # `changes` counts the inserts since; the sync deletes a pair only if it is unchanged.
        """CREATE TABLE fleet_outbox (
            car_id TEXT NOT NULL,
            hour TEXT NOT NULL,  -- "YYYY-MM-DDTHH", the prefix of started_at
            changes INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (car_id, hour)
        ) WITHOUT ROWID""",
        """CREATE TRIGGER exposures_fleet_outbox AFTER INSERT ON exposures BEGIN
            INSERT INTO fleet_outbox (car_id, hour) VALUES (NEW.car_id, substr(NEW.started_at, 1, 13))
            ON CONFLICT (car_id, hour) DO UPDATE SET changes = changes + 1;
        END""",
        """INSERT INTO fleet_outbox (car_id, hour, changes)
            SELECT car_id, substr(started_at, 1, 13), COUNT(*) FROM exposures GROUP BY 1, 2""",
    ),
    (  # v4: the fleet. This file's own random id: the central store keeps each database's sums
        # apart, so a reset, recreated or second database of one kiosk never overwrites (or lowers)
        # what another pushed. And the index the fleet's catch-up reads an hour of a car through.
        "CREATE TABLE kiosk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        "INSERT INTO kiosk_meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))))",
        "CREATE INDEX exposures_car_started_at ON exposures (car_id, started_at)",
    ),
)
SCHEMA_VERSION: Final = len(MIGRATIONS)

INSERT_SQL: Final = (
    "INSERT INTO exposures (car_id, started_at, ended_at, visitor_seconds, "
    + ", ".join(f"p_{name}" for name in EXPRESSIONS)
    + ", peak_negative, ended_by_negative, audio_played, uplift_success) VALUES ("
    + ", ".join("?" * (4 + len(EXPRESSIONS) + 4))
    + ")"
)
DATABASE_ID_SQL: Final = "SELECT value FROM kiosk_meta WHERE key = 'database_id'"


def exposure_sums_sql(alias: str = "") -> str:
    """The SQL that sums rows of `exposures` into the SUM_FIELDS, in their order; `alias` is
    the table's name in the query, if it has one. COUNT and TOTAL give 0 for no rows."""
    e = f"{alias}." if alias else ""
    positive = " + ".join(f"{e}p_{name}" for name in sorted(POSITIVE_EXPRESSIONS))
    negative = " + ".join(f"{e}p_{name}" for name in sorted(NEGATIVE_EXPRESSIONS))
    sums = {
        "exposures": f"COUNT({e}id)",
        "visitor_seconds": f"TOTAL({e}visitor_seconds)",
        "positive_seconds": f"TOTAL({e}visitor_seconds * ({positive}))",
        "negative_seconds": f"TOTAL({e}visitor_seconds * ({negative}))",
        "negative_switches": f"TOTAL({e}ended_by_negative)",
        "audio_plays": f"TOTAL({e}audio_played)",
        "uplift_successes": f"TOTAL({e}uplift_success)",
    }
    if set(sums) != set(SUM_FIELDS):
        raise AssertionError(f"exposure_sums_sql sums {sorted(sums)}, not SUM_FIELDS {sorted(SUM_FIELDS)}")
    return ", ".join(sums[name] for name in SUM_FIELDS)


_SUMMARY_SQL: Final = f"""
    SELECT car_id, {exposure_sums_sql()}
    FROM exposures WHERE started_at >= ? AND started_at < ?
    GROUP BY car_id ORDER BY car_id"""


class SchemaError(Exception):
    """The database file has a schema this version of the kiosk cannot read."""


class CorruptDatabaseError(sqlite3.DatabaseError):
    """SQLite opens the file, but its integrity check fails."""


def is_writable(path: Path) -> bool:
    """Whether the kiosk may write `path` and create its -wal/-shm files beside it."""
    folder_ok = os.access(path.parent, os.W_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def default_db_path() -> Path:
    """`reactions.sqlite3` in the application's data folder (`--data-dir` applies)."""
    return paths.data_dir() / DB_FILENAME


def read_summary(path: Path, since: date | None = None, until: date | None = None) -> list[CarSummary]:
    """Per-car figures straight from the file, writing nothing; [] if there is no database yet.

    `since` / `until` are local calendar dates, both inclusive, matched on an exposure's start.
    """
    if since is not None and until is not None and since > until:
        raise ValueError(f"the start date {since} is after the end date {until}")
    if not path.exists():
        return []
    with closing(_connect_for_reading(path)) as conn:
        version = _user_version(conn)
        if version == 0:
            return []
        _check_not_newer(version, path)
        low = _day_start_utc(since) if since is not None else ""
        high = _day_start_utc(until + timedelta(days=1)) if until is not None else "~"
        rows = conn.execute(_SUMMARY_SQL, (low, high)).fetchall()
    return [car_summary(row[0], row[1:]) for row in rows]


def open_for_writing(
    path: Path, retention_days: int | None, now: datetime, *, busy_timeout_s: float = 5.0
) -> sqlite3.Connection:
    """Connect to `path` (creating it and its folder), check it, migrate it, apply the retention.

    `busy_timeout_s`: how long each step waits for another connection's lock (0: not at all).
    Raises SchemaError for a file written by a newer kiosk, CorruptDatabaseError when the
    integrity check fails, sqlite3.Error for a file that is not a database, is read-only or
    locked, OSError when the folder cannot be made.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(path, create=True, timeout=busy_timeout_s)
    try:
        _check_not_newer(_user_version(conn), path)
        _check_integrity(conn, path)
        _configure_for_writing(conn)
        migrate(conn)
        if retention_days is not None:
            purge_before(conn, retention_days, now)
    except BaseException:
        conn.close()
        raise
    return conn


def set_busy_timeout(conn: sqlite3.Connection, seconds: float) -> None:
    """How long the connection's statements wait for another connection's lock from now on."""
    conn.execute(f"PRAGMA busy_timeout = {round(seconds * 1000)}")


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to SCHEMA_VERSION, one transaction per step. Returns the version."""
    _check_not_newer(_user_version(conn), None)
    for target in range(_user_version(conn) + 1, SCHEMA_VERSION + 1):
        with transaction(conn):
            if _user_version(conn) != target - 1:  # another process got there first
                continue
            for statement in MIGRATIONS[target - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        log.info("reaction database migrated to schema version %d", target)
    return _user_version(conn)


def _connect(path: Path, *, create: bool, timeout: float = 5.0) -> sqlite3.Connection:
    """Autocommit mode (we issue BEGIN/COMMIT); usable from the writer and the owner's thread."""
    uri = f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"
    return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)


def _connect_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only file is opened `immutable` (no -wal/-shm created or needed), unless its WAL
    still holds pages (then `mode=ro`, which must read them); a writable one as usual."""
    if is_writable(path):
        return _connect(path, create=False)
    wal = path.with_name(path.name + "-wal")
    has_wal_pages = wal.exists() and wal.stat().st_size > 0
    uri = f"{path.resolve().as_uri()}?{'mode=ro' if has_wal_pages else 'immutable=1'}"
    return sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None, check_same_thread=False)


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)").fetchall()]
    if rows != ["ok"]:
        raise CorruptDatabaseError(f"reaction database {path} fails its integrity check: {'; '.join(rows)}")


def _configure_for_writing(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        log.warning("reaction database: WAL not available (journal_mode=%s)", mode)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _check_not_newer(version: int, path: Path | None) -> None:
    if version > SCHEMA_VERSION:
        where = f" {path}" if path else ""
        raise SchemaError(
            f"reaction database{where} has schema version {version}, but this kiosk knows only up to "
            f"{SCHEMA_VERSION}: it was written by a newer version; update the kiosk or move the file away"
        )


def purge_before(conn: sqlite3.Connection, days: int, now: datetime) -> int:
    cutoff = _iso_utc(now - timedelta(days=days))
    with transaction(conn):
        deleted = conn.execute("DELETE FROM exposures WHERE started_at < ?", (cutoff,)).rowcount
        conn.execute("DELETE FROM fleet_outbox WHERE hour < substr(?, 1, 13)", (cutoff,))
    if deleted:
        log.info("purged %d exposures older than %d days", deleted, days)
    return int(deleted)


def checked_retention(days: int | None) -> int | None:
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
        raise ValueError(f"retention must be a whole number of days >= 1 (or None), got {days!r}")
    return days


def _iso_utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _day_start_utc(day: date) -> str:
    """Local midnight at the start of `day`, as stored timestamps are written."""
    return _iso_utc(datetime(day.year, day.month, day.day).astimezone())


def exposure_row(e: Exposure) -> tuple[object, ...]:
    probs = [None if e.mean_probs is None else e.mean_probs[name] for name in EXPRESSIONS]
    uplift = None if e.uplift_success is None else int(e.uplift_success)
    times = (_iso_utc(e.started_at), _iso_utc(e.ended_at))
    flags = (int(e.ended_by_negative), int(e.audio_played), uplift)
    return (e.car_id, *times, e.visitor_seconds, *probs, e.peak_negative, *flags)
