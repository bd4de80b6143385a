"""The fleet's central store: per-car hourly figures pushed to PostgreSQL (psycopg 3). No Qt.

What leaves the kiosk: for each car and UTC hour, the sums the local report is made of
(exposures, visitor seconds, positive and negative seconds, reaction-driven switches, audio
plays, uplift successes), with the kiosk's id and name; and about once a minute a heartbeat
(kiosk.analytics.fleet_status). Never images, face data or single exposures.

Nothing is lost, nothing counts twice, and nothing is overwritten:
- the local database's `fleet_outbox` (schema v3, filled by a trigger on every recorded
  exposure) is the queue (kiosk.analytics.fleet_queue): it survives restarts and holds each
  (car, hour) still to push;
- a push reads a batch of pairs and their full hourly sums in one read transaction, upserts
  them in one PostgreSQL transaction, and only then takes the pairs off the queue, each only
  if no exposure was added to it meanwhile. An interrupted push is pushed again;
- central rows are keyed on (kiosk id, local database id, car, hour): the kiosk id is made
  once in the data folder (kiosk.appliance.identity), the database id once in each local
  database (schema v4), so a name used twice, a copied settings file, or a reset or recreated
  database each write rows of their own. Within a row a push keeps the larger of the old and
  the new value of each sum (an hour's sums only grow), so a database restored from a backup
  can lower nothing, and pushing the same sums twice changes nothing;
- with the server away, `FleetSync` retries with exponential backoff (with jitter), up to
  `retry_max_s`, and goes back to its normal interval after the first success; a clean stop
  makes one last push, bounded by `final_push_s`.

The kiosk never creates or changes the central schema (kiosk.analytics.fleet_central): an
administrator sets it up once with `fleet init-db`, and the kiosk keeps queuing, saying why,
while it is missing, too old or too new.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

import psycopg

from kiosk.analytics.fleet_central import (
    FleetError,
    check_central,
    failure_cause,
    first_line,
)
from kiosk.analytics.fleet_queue import (
    HourRow,
    backlog_or,
    database_id,
    pending_hours,
    queued_count,
    take_off_queue,
)
from kiosk.analytics.fleet_status import Heartbeat, send_heartbeat
from kiosk.analytics.summary import SUM_FIELDS

__all__ = [
    "FleetConfig",
    "FleetSync",
    "PushResult",
    "connect_central",
    "push_once",
]

log = logging.getLogger(__name__)

_UPSERT_SQL: Final = (
    f"INSERT INTO kiosk_car_hours (kiosk_id, database_id, kiosk, car_id, hour, {', '.join(SUM_FIELDS)}) "
    f"VALUES (%s, %s, %s, %s, %s, {', '.join(['%s'] * len(SUM_FIELDS))}) "
    "ON CONFLICT (kiosk_id, database_id, car_id, hour) DO UPDATE SET kiosk = EXCLUDED.kiosk, "
    + ", ".join(f"{name} = GREATEST(kiosk_car_hours.{name}, EXCLUDED.{name})" for name in SUM_FIELDS)
    + ", pushed_at = now()"
)


@dataclass(frozen=True)
class FleetConfig:
    dsn: str  # libpq connection string or URI, without the password
    kiosk: str  # this showroom's name in the fleet (for people; may clash)
    kiosk_id: str  # this kiosk's id (kiosk.appliance.identity): what its rows are keyed on
    password: str | None = None  # from the keyring; None: libpq's own (PGPASSWORD, ~/.pgpass)
    interval_s: float = 60.0  # between pushes (and heartbeats) while all is well
    retry_min_s: float = 5.0  # the first retry after a failure, doubling up to retry_max_s
    retry_max_s: float = 600.0
    connect_timeout_s: int = 10
    statement_timeout_ms: int = 30_000
    batch: int = 500  # (car, hour) pairs per transaction
    final_push_s: float = 3.0  # the last push at a clean stop waits at most this long

    def __post_init__(self) -> None:
        if not self.dsn.strip():
            raise ValueError("the central store's connection string is empty")
        if not 1 <= len(self.kiosk.strip()) <= 200:
            raise ValueError(f"the kiosk name must have 1 to 200 characters, got {self.kiosk!r}")
        if not 1 <= len(self.kiosk_id) <= 64:
            raise ValueError(f"the kiosk id must have 1 to 64 characters, got {self.kiosk_id!r}")
        if not 0 < self.retry_min_s <= self.retry_max_s or self.interval_s <= 0 or self.batch < 1:
            raise ValueError(f"unusable fleet timings: {self}")


@dataclass(frozen=True)
class PushResult:
    pushed: int  # (car, hour) rows upserted
    remaining: int  # pairs still queued locally
    clashes: tuple[str, ...] = ()  # what the heartbeat found: names or ids used twice


# -- the central store ---------------------------------------------------------------------


def connect_central(config: FleetConfig) -> psycopg.Connection[Any]:
    """A connection to the central store, or FleetError saying why there is none."""
    options: dict[str, Any] = {
        "autocommit": True,  # each `conn.transaction()` block is a transaction of its own
        "connect_timeout": config.connect_timeout_s,
        "application_name": "emotion-kiosk",
        "options": f"-c statement_timeout={config.statement_timeout_ms}",
    }
    if config.password is not None:
        options["password"] = config.password
    try:
        return psycopg.connect(config.dsn, **options)
    except psycopg.Error as exc:
        message = f"cannot connect to the central store: {first_line(exc)}"
        raise FleetError(message, failure_cause(exc)) from exc


# -- pushing ---------------------------------------------------------------------------------


def push_once(
    db_path: Path,
    config: FleetConfig,
    *,
    max_batches: int | None = None,
    heartbeat: Heartbeat | None = None,
    last_error: str = "",
) -> PushResult:
    """Push every queued (car, hour) (or `max_batches` batches of them), then this kiosk's
    heartbeat when one is given (with the queue left, and the push's error when it failed);
    FleetError on failure.

    Each batch is one PostgreSQL transaction; a batch is taken off the local queue only after
    its commit, so a failure anywhere leaves it queued for the next push.
    """
    pushed = batches = 0
    with _central(config) as conn:
        try:
            source = database_id(db_path)
            while max_batches is None or batches < max_batches:
                rows, keys = pending_hours(db_path, config.batch)
                if not keys:
                    break
                _upsert(conn, (config.kiosk_id, source, config.kiosk), rows)
                take_off_queue(db_path, keys)
                pushed += len(rows)
                batches += 1
        except (psycopg.Error, sqlite3.Error) as exc:
            if heartbeat is not None:  # alive, and why its figures do not land
                _try_heartbeat(conn, db_path, config, heartbeat, first_line(exc))
            raise
        remaining = queued_count(db_path)
        clashes: list[str] = []
        if heartbeat is not None:
            clashes = send_heartbeat(conn, config.kiosk_id, config.kiosk, heartbeat, remaining, last_error)
    return PushResult(pushed=pushed, remaining=remaining, clashes=tuple(clashes))


def _try_heartbeat(
    conn: psycopg.Connection[Any], db_path: Path, config: FleetConfig, beat: Heartbeat, error: str
) -> None:
    try:
        send_heartbeat(conn, config.kiosk_id, config.kiosk, beat, queued_count(db_path), error)
    except (psycopg.Error, sqlite3.Error) as exc:  # the connection went with the push
        log.debug("no heartbeat after the failed push: %s", exc)


@contextmanager
def _central(config: FleetConfig) -> Iterator[psycopg.Connection[Any]]:
    conn = connect_central(config)
    try:
        try:
            check_central(conn)
            yield conn
        except psycopg.Error as exc:
            raise FleetError(f"the central store failed: {first_line(exc)}", failure_cause(exc)) from exc
    finally:
        conn.close()


def _upsert(conn: psycopg.Connection[Any], key: tuple[str, str, str], rows: Sequence[HourRow]) -> None:
    with conn.transaction(), conn.cursor() as cursor:
        cursor.executemany(_UPSERT_SQL, [(*key, *row.values()) for row in rows])


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
        heartbeat_source: Callable[[], Heartbeat] | None = None,
    ) -> None:
        self.db_path = db_path
        self.config = config
        self._password_source = password_source  # asked in the sync thread (a keyring may be slow)
        self._heartbeat_source = heartbeat_source  # a snapshot, thread-safe (the health monitor's)
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
        self.clashes: tuple[str, ...] = ()  # the last heartbeat's: names or ids used twice

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="fleet-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float | None = None) -> bool:
        """Stop: the thread makes one last push (what the kiosk wrote as it closed), bounded by
        `config.final_push_s`, then ends; waits at most `timeout_s` (default: that bound and a
        second) for it. False if it did not end in time (a push in progress stays queued)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(self.config.final_push_s + 1.0 if timeout_s is None else timeout_s)
        return not thread.is_alive()

    def sync_now(self, *, final: bool = False) -> bool:
        """One push (after the heartbeat) in the caller's thread; True on success (the failure is
        in `last_error`). `final`: the last one at a stop, with short waits."""
        config = self.config
        if config.password is None and self._password_source is not None:
            config = replace(config, password=self._password_source())
        if final:
            wait = max(1, round(config.final_push_s))
            config = replace(config, connect_timeout_s=wait, statement_timeout_ms=wait * 1000)
        beat = self._heartbeat_source() if self._heartbeat_source is not None else None
        try:
            result = push_once(self.db_path, config, heartbeat=beat, last_error=self.last_error)
        except (FleetError, sqlite3.Error) as exc:
            self._failed(exc)
            return False
        self._succeeded(result)
        return True

    def _succeeded(self, result: PushResult) -> None:
        with self._lock:
            if self.failures:
                log.info("event fleet_sync_recovered after=%d", self.failures)
            self.failures, self.last_error, self.last_cause, self.failing_since = 0, "", "", None
            self.last_success = self._clock()
            self.pushed += result.pushed
            self.backlog = result.remaining
            if result.clashes != self.clashes and (result.clashes or self._heartbeat_source is not None):
                for clash in result.clashes:
                    log.warning("event fleet_clash %s", clash)
                self.clashes = result.clashes
        if result.pushed:
            log.info("event fleet_sync pushed=%d remaining=%d", result.pushed, result.remaining)

    def _failed(self, exc: FleetError | sqlite3.Error) -> None:
        cause = failure_cause(exc)
        backlog = backlog_or(self.db_path, self.backlog)
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
                "clashes": list(self.clashes),
            }

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sync_now()
            if self._stop.wait(self.next_delay_s()):
                break
        if self.failures == 0 or self.last_cause not in ("unreachable", "auth", "schema"):
            self.sync_now(final=True)  # what was written as the kiosk closed; no wait for a dead server
