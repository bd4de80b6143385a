"""The fleet's central store: per-car hourly figures pushed to PostgreSQL (psycopg 3). No Qt.

What leaves the kiosk: for each car and UTC hour, the sums the local report is made of
(exposures, visitor seconds, positive and negative seconds, reaction-driven switches, audio
plays, uplift successes), with the kiosk's name. Never images, face data or single exposures.

Nothing is lost and nothing counts twice:
- the local database's `fleet_outbox` (schema v3, filled by a trigger on every recorded
  exposure) is the queue: it survives restarts and holds each (car, hour) still to push;
- a push reads a batch of pairs and their full hourly sums in one read transaction, upserts
  them in one PostgreSQL transaction keyed on (kiosk, car, hour), and only then takes the
  pairs off the queue, each only if no exposure was added to it meanwhile. An interrupted
  push is pushed again, and pushing the same sums twice replaces them with themselves;
- with the server away, `FleetSync` retries with exponential backoff (with jitter), up to
  `retry_max_s`, and goes back to its normal interval after the first success.

The central schema is created and migrated by the kiosk (`migrate_central`), under an
advisory lock so that kiosks starting together do not race.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Final

import psycopg

from kiosk.analytics.records import NEGATIVE_EXPRESSIONS, POSITIVE_EXPRESSIONS
from kiosk.analytics.summary import SUM_FIELDS, sums_of

__all__ = [
    "CENTRAL_MIGRATIONS",
    "CENTRAL_SCHEMA_VERSION",
    "FAILURE_CAUSES",
    "FleetConfig",
    "FleetError",
    "FleetSync",
    "HourRow",
    "PushResult",
    "connect_central",
    "failure_cause",
    "migrate_central",
    "pending_hours",
    "push_once",
]

log = logging.getLogger(__name__)

_SUM_COLUMNS: Final = SUM_FIELDS
# CENTRAL_MIGRATIONS[n] takes the central schema from version n to n + 1; append, never edit.
CENTRAL_MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    (
        """CREATE TABLE kiosk_car_hours (
            kiosk TEXT NOT NULL CHECK (length(kiosk) BETWEEN 1 AND 200),
            car_id TEXT NOT NULL CHECK (length(car_id) BETWEEN 1 AND 200),
            hour TIMESTAMPTZ NOT NULL CHECK (date_trunc('hour', hour) = hour),
            exposures INTEGER NOT NULL CHECK (exposures >= 0),
            visitor_seconds DOUBLE PRECISION NOT NULL CHECK (visitor_seconds >= 0),
            positive_seconds DOUBLE PRECISION NOT NULL,
            negative_seconds DOUBLE PRECISION NOT NULL,
            negative_switches INTEGER NOT NULL,
            audio_plays INTEGER NOT NULL,
            uplift_successes INTEGER NOT NULL,
            pushed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY (kiosk, car_id, hour)
        )""",
        "CREATE INDEX kiosk_car_hours_hour ON kiosk_car_hours (hour)",
    ),
)
CENTRAL_SCHEMA_VERSION: Final = len(CENTRAL_MIGRATIONS)
_VERSION_TABLE: Final = "kiosk_fleet_schema"
_MIGRATION_LOCK: Final = 0x4B494F534B  # any constant shared by every kiosk: "KIOSK"

_POSITIVE: Final = " + ".join(f"e.p_{name}" for name in sorted(POSITIVE_EXPRESSIONS))
_NEGATIVE: Final = " + ".join(f"e.p_{name}" for name in sorted(NEGATIVE_EXPRESSIONS))
# An hour's exposures are those whose started_at begins with it: the range [hour, hour || ';').
_PENDING_SQL: Final = f"""
    SELECT o.car_id, o.hour, o.changes, COUNT(e.id), TOTAL(e.visitor_seconds),
        TOTAL(e.visitor_seconds * ({_POSITIVE})), TOTAL(e.visitor_seconds * ({_NEGATIVE})),
        TOTAL(e.ended_by_negative), TOTAL(e.audio_played), TOTAL(e.uplift_success)
    FROM (SELECT car_id, hour, changes FROM fleet_outbox ORDER BY hour, car_id LIMIT ?) AS o
    LEFT JOIN exposures AS e
        ON e.car_id = o.car_id AND e.started_at >= o.hour AND e.started_at < o.hour || ';'
    GROUP BY o.car_id, o.hour, o.changes ORDER BY o.hour, o.car_id"""
_UPSERT_SQL: Final = (
    f"INSERT INTO kiosk_car_hours (kiosk, car_id, hour, {', '.join(_SUM_COLUMNS)}) "
    f"VALUES (%s, %s, %s, {', '.join(['%s'] * len(_SUM_COLUMNS))}) "
    "ON CONFLICT (kiosk, car_id, hour) DO UPDATE SET "
    + ", ".join(f"{name} = EXCLUDED.{name}" for name in _SUM_COLUMNS)
    + ", pushed_at = now()"
)


FAILURE_CAUSES: Final = ("auth", "unreachable", "schema", "permission", "server", "local")
_AUTH_STATES: Final = frozenset({"28000", "28P01"})  # invalid authorization, invalid password
_PERMISSION_STATES: Final = frozenset({"42501"})  # insufficient privilege


class FleetError(Exception):
    """The central store cannot be reached or used; the message says why (never the password).

    `cause` says what kind of failure it is, for /health and /metrics: auth (user or password
    refused), unreachable (no answer, refused, name unknown), schema (written by a newer kiosk),
    permission (the role may not do what the push needs), server (anything else on the server's
    side), local (this kiosk's own database)."""

    def __init__(self, message: str, cause: str = "server") -> None:
        super().__init__(message)
        self.cause = cause


def failure_cause(exc: BaseException) -> str:
    """Which of FAILURE_CAUSES a failed connection or statement is."""
    if isinstance(exc, FleetError):
        return exc.cause
    if isinstance(exc, sqlite3.Error):
        return "local"
    sqlstate = getattr(exc, "sqlstate", None)
    text = str(exc).lower()
    if sqlstate in _AUTH_STATES or "password authentication failed" in text or "no password supplied" in text:
        return "auth"
    if sqlstate in _PERMISSION_STATES or "permission denied" in text:
        return "permission"
    if isinstance(exc, psycopg.OperationalError) and sqlstate is None:
        return "unreachable"  # refused, timed out, unknown host, connection lost
    return "server"


@dataclass(frozen=True)
class FleetConfig:
    dsn: str  # libpq connection string or URI, without the password
    kiosk: str  # this showroom's name in the fleet
    password: str | None = None  # from the keyring; None: libpq's own (PGPASSWORD, ~/.pgpass)
    interval_s: float = 60.0  # between pushes while all is well
    retry_min_s: float = 5.0  # the first retry after a failure, doubling up to retry_max_s
    retry_max_s: float = 600.0
    connect_timeout_s: int = 10
    statement_timeout_ms: int = 30_000
    batch: int = 500  # (car, hour) pairs per transaction

    def __post_init__(self) -> None:
        if not self.dsn.strip():
            raise ValueError("the central store's connection string is empty")
        if not 1 <= len(self.kiosk.strip()) <= 200:
            raise ValueError(f"the kiosk name must have 1 to 200 characters, got {self.kiosk!r}")
        if not 0 < self.retry_min_s <= self.retry_max_s or self.interval_s <= 0 or self.batch < 1:
            raise ValueError(f"unusable fleet timings: {self}")


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
        return tuple(getattr(self, name) for name in ("car_id", "hour", *_SUM_COLUMNS))


@dataclass(frozen=True)
class PushResult:
    pushed: int  # (car, hour) rows upserted
    remaining: int  # pairs still queued locally


# -- the central schema ----------------------------------------------------------------------


def connect_central(config: FleetConfig) -> psycopg.Connection[Any]:
    """A connection to the central store, or FleetError saying why there is none."""
    options: dict[str, Any] = {
        "connect_timeout": config.connect_timeout_s,
        "application_name": "emotion-kiosk",
        "options": f"-c statement_timeout={config.statement_timeout_ms}",
    }
    if config.password is not None:
        options["password"] = config.password
    try:
        return psycopg.connect(config.dsn, **options)
    except psycopg.Error as exc:
        message = f"cannot connect to the central store: {_first_line(exc)}"
        raise FleetError(message, failure_cause(exc)) from exc


def migrate_central(conn: psycopg.Connection[Any]) -> int:
    """Create or migrate the central schema to CENTRAL_SCHEMA_VERSION; returns the version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        conn.execute(f"CREATE TABLE IF NOT EXISTS {_VERSION_TABLE} (version INTEGER NOT NULL)")
        row = conn.execute(f"SELECT max(version) FROM {_VERSION_TABLE}").fetchone()
        version = int(row[0]) if row and row[0] is not None else 0
        if version > CENTRAL_SCHEMA_VERSION:
            raise FleetError(
                f"the central store has schema version {version}, this kiosk knows up to "
                f"{CENTRAL_SCHEMA_VERSION}: update the kiosk",
                "schema",
            )
        for target in range(version + 1, CENTRAL_SCHEMA_VERSION + 1):
            for statement in CENTRAL_MIGRATIONS[target - 1]:
                conn.execute(statement)
            conn.execute(f"DELETE FROM {_VERSION_TABLE}")
            conn.execute(f"INSERT INTO {_VERSION_TABLE} (version) VALUES (%s)", (target,))
            log.info("central store migrated to schema version %d", target)
    return CENTRAL_SCHEMA_VERSION


# -- the local queue -------------------------------------------------------------------------


def pending_hours(db_path: Path, limit: int) -> tuple[list[HourRow], list[tuple[str, str, int]]]:
    """Up to `limit` queued (car, hour) pairs: their sums (pairs with no exposure left, after a
    retention purge, have none) and the queue keys (car_id, hour, changes) they were read at."""
    with closing(_connect_local(db_path)) as conn:
        conn.execute("BEGIN")  # one snapshot for the queue and the sums
        rows = conn.execute(_PENDING_SQL, (limit,)).fetchall()
        conn.execute("COMMIT")
    keys = [(str(car), str(hour), int(changes)) for car, hour, changes, *_ in rows]
    return [_hour_row(row) for row in rows if row[3] > 0], keys


def queued_count(db_path: Path) -> int:
    with closing(_connect_local(db_path)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM fleet_outbox").fetchone()[0])


def _take_off_queue(db_path: Path, keys: Sequence[tuple[str, str, int]]) -> None:
    with closing(_connect_local(db_path)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM fleet_outbox WHERE car_id = ? AND hour = ? AND changes = ?", keys)
        conn.execute("COMMIT")


def _backlog_or(db_path: Path, fallback: int) -> int:
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


# -- pushing ---------------------------------------------------------------------------------


def push_once(db_path: Path, config: FleetConfig, *, max_batches: int | None = None) -> PushResult:
    """Push every queued (car, hour) (or `max_batches` batches of them); FleetError on failure.

    Each batch is one PostgreSQL transaction; a batch is taken off the local queue only after
    its commit, so a failure anywhere leaves it queued for the next push.
    """
    pushed = batches = 0
    with _central(config) as conn:
        while max_batches is None or batches < max_batches:
            rows, keys = pending_hours(db_path, config.batch)
            if not keys:
                break
            _upsert(conn, config.kiosk, rows)
            _take_off_queue(db_path, keys)
            pushed += len(rows)
            batches += 1
    return PushResult(pushed=pushed, remaining=queued_count(db_path))


@contextmanager
def _central(config: FleetConfig) -> Iterator[psycopg.Connection[Any]]:
    conn = connect_central(config)
    try:
        try:
            migrate_central(conn)
            yield conn
        except psycopg.Error as exc:
            raise FleetError(f"the central store failed: {_first_line(exc)}", failure_cause(exc)) from exc
    finally:
        conn.close()


def _upsert(conn: psycopg.Connection[Any], kiosk: str, rows: Sequence[HourRow]) -> None:
    with conn.transaction(), conn.cursor() as cursor:
        cursor.executemany(_UPSERT_SQL, [(kiosk, *row.values()) for row in rows])


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


# -- the background sync ---------------------------------------------------------------------


class FleetSync:
    """Pushes the queue every `interval_s` in a daemon thread; retries with backoff on failure.

    `start()` / `stop()`; `state()` says how it goes (for the log and /health). `rng` gives
    the backoff's jitter and `clock` the time of the last success (tests pass fixed ones).
    """

    def __init__(
        self,
        db_path: Path,
        config: FleetConfig,
        *,
        rng: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.time,
        password_source: Callable[[], str | None] | None = None,
    ) -> None:
        self.db_path = db_path
        self.config = config
        self._password_source = password_source  # asked in the sync thread (a keyring may be slow)
        self._rng = rng
        self._clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.failures = 0  # in a row
        self.last_error = ""
        self.last_cause = ""  # of the last failure (FAILURE_CAUSES)
        self.failing_since: float | None = None  # the first failure of the current run
        self.failures_by_cause: dict[str, int] = {}  # since start
        self.last_success: float | None = None
        self.pushed = 0
        self.backlog = 0  # (car, hour) pairs still queued after the last attempt

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="fleet-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 15.0) -> bool:
        """Ask the thread to stop after the push in progress; False if it did not end in time."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout_s)
        return not thread.is_alive()

    def sync_now(self) -> bool:
        """One push in the caller's thread; True on success (the failure is in `last_error`)."""
        config = self.config
        if config.password is None and self._password_source is not None:
            config = replace(config, password=self._password_source())
        try:
            result = push_once(self.db_path, config)
        except (FleetError, sqlite3.Error) as exc:
            self._failed(exc)
            return False
        with self._lock:
            if self.failures:
                log.info("event fleet_sync_recovered after=%d", self.failures)
            self.failures, self.last_error, self.last_cause, self.failing_since = 0, "", "", None
            self.last_success = self._clock()
            self.pushed += result.pushed
            self.backlog = result.remaining
        if result.pushed:
            log.info("event fleet_sync pushed=%d remaining=%d", result.pushed, result.remaining)
        return True

    def _failed(self, exc: FleetError | sqlite3.Error) -> None:
        cause = failure_cause(exc)
        backlog = _backlog_or(self.db_path, self.backlog)
        with self._lock:
            self.failures += 1
            self.last_error, self.last_cause = str(exc), cause
            self.failures_by_cause[cause] = self.failures_by_cause.get(cause, 0) + 1
            if self.failing_since is None:
                self.failing_since = self._clock()
            self.backlog = backlog
        log.warning("event fleet_sync_failed attempt=%d cause=%s %s", self.failures, cause, exc)

    def next_delay_s(self) -> float:
        """The normal interval, or after n failures min(max, min * 2**(n-1)), less up to half (jitter)."""
        config = self.config
        if self.failures == 0:
            return config.interval_s
        backoff = min(config.retry_max_s, config.retry_min_s * 2 ** min(self.failures - 1, 30))
        return backoff * (0.5 + 0.5 * self._rng())

    def state(self) -> dict[str, Any]:
        with self._lock:
            return {
                "failures": self.failures,
                "last_error": self.last_error,
                "last_cause": self.last_cause,
                "failing_since": self.failing_since,
                "failures_by_cause": dict(self.failures_by_cause),
                "last_success": self.last_success,
                "pushed": self.pushed,
                "backlog": self.backlog,
            }

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sync_now()
            if self._stop.wait(self.next_delay_s()):
                return
