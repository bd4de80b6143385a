"""The exposure database: one SQLite file, migrated by PRAGMA user_version, written by a thread.

Durability: WAL journal with synchronous=FULL, and every write is one transaction, so a
crash or power cut leaves the last committed exposures and a readable file (exposures are a
few per minute, so FULL costs nothing). `secure_delete` overwrites purged rows.

Threads: `record()` only puts the exposure on a bounded queue (never blocks; a full queue
drops the record and says so in the log); a daemon writer thread owns the writes. Purge,
erase and retention changes take the same lock as a write batch (a few milliseconds at
most). Reads (`summary`) open their own short-lived connection, which WAL never blocks.
"""

from __future__ import annotations

import logging
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import TracebackType
from typing import Final, TypeAlias

from kiosk import paths
from kiosk.analytics.records import (
    EXPRESSIONS,
    NEGATIVE_EXPRESSIONS,
    POSITIVE_EXPRESSIONS,
    Exposure,
)
from kiosk.analytics.summary import CarSummary, car_summary

__all__ = [
    "DB_FILENAME",
    "DEFAULT_RETENTION_DAYS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "CorruptDatabaseError",
    "ReactionStore",
    "SchemaError",
    "default_db_path",
    "is_writable",
    "migrate",
    "read_summary",
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
)
SCHEMA_VERSION: Final = len(MIGRATIONS)

_INSERT_SQL: Final = (
    "INSERT INTO exposures (car_id, started_at, ended_at, visitor_seconds, "
    + ", ".join(f"p_{name}" for name in EXPRESSIONS)
    + ", peak_negative, ended_by_negative, audio_played, uplift_success) VALUES ("
    + ", ".join("?" * (4 + len(EXPRESSIONS) + 4))
    + ")"
)
_POSITIVE_SUM: Final = " + ".join(f"p_{name}" for name in sorted(POSITIVE_EXPRESSIONS))
_NEGATIVE_SUM: Final = " + ".join(f"p_{name}" for name in sorted(NEGATIVE_EXPRESSIONS))
_SUMMARY_SQL: Final = f"""
    SELECT car_id, COUNT(*), TOTAL(visitor_seconds),
        TOTAL(visitor_seconds * ({_POSITIVE_SUM})), TOTAL(visitor_seconds * ({_NEGATIVE_SUM})),
        TOTAL(ended_by_negative), TOTAL(audio_played), TOTAL(uplift_success)
    FROM exposures WHERE started_at >= ? AND started_at < ?
    GROUP BY car_id ORDER BY car_id"""

_BATCH_LIMIT: Final = 64
_STOP: Final = "stop"  # the queue's end marker (exposures travel as (generation, exposure))
_Queued: TypeAlias = "tuple[int, Exposure] | str"


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


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class ReactionStore:
    """Owns the database file: a background writer for exposures, and quick aggregate reads.

    Use `ReactionStore.open(path)`; call `close()` (or use `with`) to flush and stop.
    `now` gives the wall clock for retention purges (tests pass a fixed one); the writer
    purges after a batch or when idle, at most every `purge_interval_s` seconds.
    """

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        retention_days: int | None,
        queue_size: int,
        now: Callable[[], datetime],
        purge_interval_s: float,
    ) -> None:
        if queue_size < 1 or purge_interval_s < 0:
            raise ValueError(
                f"need queue_size >= 1 and purge_interval_s >= 0, got {queue_size}, {purge_interval_s}"
            )
        self.path = path
        self.dropped = 0  # exposures lost to a full queue or a failed write
        self._conn = conn
        self._now = now
        self._retention_days = _checked_retention(retention_days)
        self._purge_interval_s = purge_interval_s
        self._last_purge = time.monotonic()
        self._lock = threading.Lock()  # guards _conn, _open and _generation
        self._open = True
        self._closing = False
        self._generation = 0  # bumped by erase_all: older queued exposures are not written
        self._queue: queue.Queue[_Queued] = queue.Queue(maxsize=queue_size)
        self._thread = threading.Thread(target=self._run_writer, name="reaction-store-writer", daemon=True)
        self._thread.start()

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        retention_days: int | None = DEFAULT_RETENTION_DAYS,
        queue_size: int = 256,
        now: Callable[[], datetime] = _utc_now,
        purge_interval_s: float = 3600.0,
    ) -> ReactionStore:
        """Open (creating or migrating) the database; purge what retention says is too old.

        `path` defaults to `default_db_path()`; `retention_days=None` keeps everything.
        Raises SchemaError for a file written by a newer kiosk, CorruptDatabaseError when the
        integrity check fails, sqlite3.Error for a file that is not a database or is read-only.
        """
        path = (path or default_db_path()).resolve()
        days = _checked_retention(retention_days)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(path, create=True)
        try:
            _check_not_newer(_user_version(conn), path)
            _check_integrity(conn, path)
            _configure_for_writing(conn)
            migrate(conn)
            if days is not None:
                _purge(conn, days, now())
        except BaseException:
            conn.close()
            raise
        return cls(
            path,
            conn,
            retention_days=retention_days,
            queue_size=queue_size,
            now=now,
            purge_interval_s=purge_interval_s,
        )

    # -- writing -------------------------------------------------------------------------

    def record(self, exposure: Exposure) -> bool:
        """Queue one exposure for writing; never blocks. False if dropped (queue full, closed)."""
        if self._closing:
            log.warning("reaction store is closed; exposure of %s not recorded", exposure.car_id)
            return False
        try:
            self._queue.put_nowait((self._generation, exposure))
        except queue.Full:
            self.dropped += 1
            log.warning("reaction store queue full; exposure of %s dropped", exposure.car_id)
            return False
        return True

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued exposure is committed (or dropped). False on timeout."""
        done = self._queue.all_tasks_done
        with done:
            return done.wait_for(lambda: self._queue.unfinished_tasks == 0, timeout)

    def close(self) -> None:
        """Write what is queued, stop the writer and close the file. Safe to call twice."""
        if self._closing:
            return
        self._closing = True
        self._queue.put(_STOP)
        self._thread.join()
        with self._lock:
            self._open = False
            self._conn.close()

    def __enter__(self) -> ReactionStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- retention and erasing -----------------------------------------------------------

    @property
    def retention_days(self) -> int | None:
        return self._retention_days

    def set_retention_days(self, days: int | None) -> int:
        """Keep exposures for `days` (None: forever); purges at once. Returns rows deleted."""
        self._retention_days = _checked_retention(days)
        return 0 if days is None else self.purge(days)

    def purge(self, older_than_days: int) -> int:
        """Delete exposures that started more than `older_than_days` ago. Returns rows deleted."""
        days = _checked_retention(older_than_days)
        if days is None:
            raise ValueError("purge needs a number of days")
        with self._writing() as conn:
            return _purge(conn, days, self._now())

    def erase_all(self) -> int:
        """Delete every exposure, queued ones included. Returns rows deleted from the file."""
        with self._writing() as conn:
            self._generation += 1
            with _transaction(conn):
                deleted = int(conn.execute("DELETE FROM exposures").rowcount)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave no old pages in the WAL
        log.info("erased all %d exposures", deleted)
        return deleted

    # -- reading -------------------------------------------------------------------------

    def summary(self, since: date | None = None, until: date | None = None) -> list[CarSummary]:
        """Per-car figures for exposures that started from `since` to `until` (local dates, inclusive)."""
        return read_summary(self.path, since, until)

    # -- the writer thread ---------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if not self._open:
                raise RuntimeError(f"reaction store {self.path} is closed")
            yield self._conn

    def _run_writer(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=max(self._purge_interval_s, 1.0))  # idle: purge now and then
            except queue.Empty:
                self._auto_purge()
                continue
            batch = [first, *self._take_queued(_BATCH_LIMIT - 1)]
            try:
                self._write([item for item in batch if isinstance(item, tuple)])
                self._auto_purge()
            finally:
                for _ in batch:
                    self._queue.task_done()
            if _STOP in batch:
                return

    def _take_queued(self, limit: int) -> list[_Queued]:
        items: list[_Queued] = []
        while len(items) < limit:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return items

    def _write(self, queued: Sequence[tuple[int, Exposure]]) -> None:
        try:
            with self._lock:
                rows = [_row(e) for generation, e in queued if generation == self._generation]
                if rows:
                    with _transaction(self._conn):
                        self._conn.executemany(_INSERT_SQL, rows)
        except Exception:  # keep the writer alive: the kiosk must go on without analytics
            self.dropped += len(queued)
            log.exception("could not write %d exposures to %s", len(queued), self.path)

    def _auto_purge(self) -> None:
        days = self._retention_days
        if days is None or time.monotonic() - self._last_purge < self._purge_interval_s:
            return
        self._last_purge = time.monotonic()
        try:
            with self._lock:
                _purge(self._conn, days, self._now())
        except Exception:
            log.exception("could not purge old exposures from %s", self.path)


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
    return [_car_summary(row) for row in rows]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to SCHEMA_VERSION, one transaction per step. Returns the version."""
    _check_not_newer(_user_version(conn), None)
    for target in range(_user_version(conn) + 1, SCHEMA_VERSION + 1):
        with _transaction(conn):
            if _user_version(conn) != target - 1:  # another process got there first
                continue
            for statement in MIGRATIONS[target - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        log.info("reaction database migrated to schema version %d", target)
    return _user_version(conn)


def _connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """Autocommit mode (we issue BEGIN/COMMIT); usable from the writer and the owner's thread."""
    uri = f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"
    return sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None, check_same_thread=False)


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
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
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


def _purge(conn: sqlite3.Connection, days: int, now: datetime) -> int:
    cutoff = _iso_utc(now - timedelta(days=days))
    with _transaction(conn):
        deleted = conn.execute("DELETE FROM exposures WHERE started_at < ?", (cutoff,)).rowcount
        conn.execute("DELETE FROM fleet_outbox WHERE hour < substr(?, 1, 13)", (cutoff,))
    if deleted:
        log.info("purged %d exposures older than %d days", deleted, days)
    return int(deleted)


def _checked_retention(days: int | None) -> int | None:
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
        raise ValueError(f"retention must be a whole number of days >= 1 (or None), got {days!r}")
    return days


def _iso_utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _day_start_utc(day: date) -> str:
    """Local midnight at the start of `day`, as stored timestamps are written."""
    return _iso_utc(datetime(day.year, day.month, day.day).astimezone())


def _row(e: Exposure) -> tuple[object, ...]:
    probs = [None if e.mean_probs is None else e.mean_probs[name] for name in EXPRESSIONS]
    uplift = None if e.uplift_success is None else int(e.uplift_success)
    times = (_iso_utc(e.started_at), _iso_utc(e.ended_at))
    flags = (int(e.ended_by_negative), int(e.audio_played), uplift)
    return (e.car_id, *times, e.visitor_seconds, *probs, e.peak_negative, *flags)


def _car_summary(row: tuple[str, int, float, float, float, float, float, float]) -> CarSummary:
    return car_summary(row[0], row[1:])
