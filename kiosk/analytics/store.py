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
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Final, TypeAlias

from kiosk.analytics.database import (
    DB_FILENAME,
    DEFAULT_RETENTION_DAYS,
    INSERT_SQL,
    MIGRATIONS,
    SCHEMA_VERSION,
    CorruptDatabaseError,
    SchemaError,
    checked_retention,
    default_db_path,
    exposure_row,
    is_writable,
    migrate,
    open_for_writing,
    purge_before,
    read_summary,
    transaction,
)
from kiosk.analytics.records import Exposure
from kiosk.analytics.summary import CarSummary

__all__ = [  # the file's names are re-exported: `kiosk.analytics.store` was their home
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

_BATCH_LIMIT: Final = 64
_STOP: Final = "stop"  # the queue's end marker (exposures travel as (generation, exposure))
_Queued: TypeAlias = "tuple[int, Exposure] | str"


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
        self._retention_days = checked_retention(retention_days)
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
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = open_for_writing(path, checked_retention(retention_days), now())
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
        self._retention_days = checked_retention(days)
        return 0 if days is None else self.purge(days)

    def purge(self, older_than_days: int) -> int:
        """Delete exposures that started more than `older_than_days` ago. Returns rows deleted."""
        days = checked_retention(older_than_days)
        if days is None:
            raise ValueError("purge needs a number of days")
        with self._writing() as conn:
            return purge_before(conn, days, self._now())

    def erase_all(self) -> int:
        """Delete every exposure, queued ones included. Returns rows deleted from the file."""
        with self._writing() as conn:
            self._generation += 1
            with transaction(conn):
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
                self._autopurge_before()
                continue
            batch = [first, *self._take_queued(_BATCH_LIMIT - 1)]
            try:
                self._write([item for item in batch if isinstance(item, tuple)])
                self._autopurge_before()
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
                rows = [exposure_row(e) for generation, e in queued if generation == self._generation]
                if rows:
                    with transaction(self._conn):
                        self._conn.executemany(INSERT_SQL, rows)
        except Exception:  # keep the writer alive: the kiosk must go on without analytics
            self.dropped += len(queued)
            log.exception("could not write %d exposures to %s", len(queued), self.path)

    def _autopurge_before(self) -> None:
        days = self._retention_days
        if days is None or time.monotonic() - self._last_purge < self._purge_interval_s:
            return
        self._last_purge = time.monotonic()
        try:
            with self._lock:
                purge_before(self._conn, days, self._now())
        except Exception:
            log.exception("could not purge old exposures from %s", self.path)
