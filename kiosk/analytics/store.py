"""`ReactionStore`: the exposure database's writer, a thread that never loses a record quietly.

Durability: WAL journal with synchronous=FULL, and every write is one transaction, so a
crash or power cut leaves the last committed exposures and a readable file (exposures are a
few per minute, so FULL costs nothing). `secure_delete` overwrites purged rows.

Opening: one routine, `database.open_for_writing` (integrity check, WAL, migrations, the
retention purge), runs in one of two places. `ReactionStore.open()` runs it on the caller's
thread, waits up to 5 s for another program's lock and raises what goes wrong: for tests,
tools and scripts that want the file now or an error. `ReactionStore.start()` is the
kiosk's: it tries once without waiting for any lock, and a file that is locked, on a full
disk or failing with an I/O error gives at once a store in state "retrying", whose writer
thread opens the file when it can. Only what time will not mend raises (a newer schema, a
corrupt or read-only file): `kiosk.analytics.recovery` decides what to do with those.

Threads: `record()` only appends the exposure to a list in memory (never blocks); a daemon
writer thread owns the connection and writes batches. A write that fails (locked beyond the
busy timeout, disk full, read-only, I/O error) keeps its exposures in memory (at most
`max_pending`, days of them; beyond that the oldest are dropped, counted and logged) and is
retried with backoff (1 s doubling to 60 s); the log says when the trouble starts, changes
and ends (`event reaction_db_unavailable` / `reaction_db_recovered`), not every retry.
Before each batch, and every few seconds when idle, the writer checks that the file at the
path is still the one it opened (st_dev, st_ino): when it was deleted or replaced it opens
the path again (creating and migrating a new file, `event reaction_db_recreated`) and
writes there. `status()` tells the GUI thread how things stand without touching SQLite.
`close()` makes one last attempt to write what is pending, bounded by
`StoreTimings.close_timeout_s`, and logs what it could not write.

Purge, erase and retention changes use the writer's connection under the lock a write batch
takes; while the file is not open or not writable they raise `StoreUnavailableError`.
Reads (`summary`) open their own short-lived connection, which WAL never blocks.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
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
    set_busy_timeout,
    transaction,
)
from kiosk.analytics.faults import (
    DEFAULT_TIMINGS,
    RETRYABLE_REASONS,
    StoreStatus,
    StoreTimings,
    StoreUnavailableError,
    fault_detail,
    fault_reason,
)
from kiosk.analytics.records import Exposure
from kiosk.analytics.summary import CarSummary

__all__ = [  # the file's names are re-exported: `kiosk.analytics.store` was their home
    "DB_FILENAME",
    "DEFAULT_MAX_PENDING",
    "DEFAULT_RETENTION_DAYS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "CorruptDatabaseError",
    "ReactionStore",
    "SchemaError",
    "StoreStatus",
    "StoreTimings",
    "StoreUnavailableError",
    "default_db_path",
    "is_writable",
    "migrate",
    "read_summary",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_PENDING: Final = 10_000  # exposures held in memory while the file cannot be written: days
_BATCH_LIMIT: Final = 64
_OPEN_WAIT_S: Final = 5.0  # how long `ReactionStore.open()` waits for another program's lock
_DEFERRABLE_AT_START: Final = frozenset({"locked", "disk_full", "io_error"})  # read-only: recovery's call
_Queued: TypeAlias = "tuple[int, Exposure]"  # (generation, exposure): erase_all bumps the generation


@dataclass(frozen=True)
class _Trouble:
    reason: str
    detail: str
    since: float  # wall-clock seconds


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _file_id(path: Path) -> tuple[int, int] | None:
    """(st_dev, st_ino) of the file at `path`, None when there is none."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


class ReactionStore:
    """Owns the database file: a background writer for exposures, and quick aggregate reads.

    Use `ReactionStore.open(path)` (or `start(path)`, see the module docstring); call `close()`
    (or use `with`) to write what is pending and stop. `now` gives the wall clock for retention
    purges and the times in `status()` (tests pass a fixed one); the writer purges after a batch
    or when idle, at most every `purge_interval_s` seconds.
    """

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection | None,
        *,
        retention_days: int | None,
        max_pending: int = DEFAULT_MAX_PENDING,
        now: Callable[[], datetime] = _utc_now,
        purge_interval_s: float = 3600.0,
        timings: StoreTimings = DEFAULT_TIMINGS,
        trouble: tuple[str, str] | None = None,
    ) -> None:
        if max_pending < 1 or purge_interval_s < 0:
            raise ValueError(
                f"need max_pending >= 1 and purge_interval_s >= 0, got {max_pending}, {purge_interval_s}"
            )
        self.path = path
        self._now = now
        self._retention_days = checked_retention(retention_days)
        self._purge_interval_s = purge_interval_s
        self._last_purge = time.monotonic()
        self._max_pending = max_pending
        self._timings = timings
        self._db_lock = threading.Lock()  # guards the use of _conn and _generation's meaning
        self._conn = conn
        self._file_id = _file_id(path) if conn is not None else None
        self._reopen_reason = ""  # "deleted" / "replaced" until the path is open again
        self._cond = threading.Condition()  # guards everything below; never held around SQLite
        self._pending: deque[_Queued] = deque()
        self._in_flight: list[_Queued] = []  # the batch being written
        self._busy = False  # an attempt to write is under way
        self._dropped = 0
        self._generation = 0  # bumped by erase_all: older pending exposures are not written
        self._closing = False
        self._trouble: _Trouble | None = None
        self._retry_delay = timings.retry_first_s
        self._due = time.monotonic() + timings.check_interval_s  # the next attempt or idle check
        self._recreated_at: float | None = None
        if conn is not None:
            set_busy_timeout(conn, timings.busy_timeout_s)
        if trouble is not None:
            self._enter_trouble(*trouble)
        self._thread = threading.Thread(target=self._run_writer, name="reaction-store-writer", daemon=True)
        self._thread.start()

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        retention_days: int | None = DEFAULT_RETENTION_DAYS,
        max_pending: int = DEFAULT_MAX_PENDING,
        now: Callable[[], datetime] = _utc_now,
        purge_interval_s: float = 3600.0,
        timings: StoreTimings = DEFAULT_TIMINGS,
    ) -> ReactionStore:
        """Open (creating or migrating) the database now; purge what retention says is too old.

        `path` defaults to `default_db_path()`; `retention_days=None` keeps everything. Waits up
        to 5 s for another program's lock. Raises SchemaError for a file written by a newer
        kiosk, CorruptDatabaseError when the integrity check fails, sqlite3.Error for a file
        that is not a database, is read-only or stays locked.
        """
        path = (path or default_db_path()).resolve()
        conn = open_for_writing(path, checked_retention(retention_days), now(), busy_timeout_s=_OPEN_WAIT_S)
        return cls(
            path,
            conn,
            retention_days=retention_days,
            max_pending=max_pending,
            now=now,
            purge_interval_s=purge_interval_s,
            timings=timings,
        )

    @classmethod
    def start(
        cls,
        path: Path | None = None,
        *,
        retention_days: int | None = DEFAULT_RETENTION_DAYS,
        max_pending: int = DEFAULT_MAX_PENDING,
        now: Callable[[], datetime] = _utc_now,
        purge_interval_s: float = 3600.0,
        timings: StoreTimings = DEFAULT_TIMINGS,
    ) -> ReactionStore:
        """Like `open()`, but never waits for a lock: for the kiosk's GUI thread.

        A file that is locked, on a full disk or failing with an I/O error gives a store in
        state "retrying" that opens the file when it can. Raises as `open()` does for what
        retrying will not mend: a newer schema, a corrupt file, a read-only one.
        """
        path = (path or default_db_path()).resolve()
        conn, trouble = None, None
        try:
            conn = open_for_writing(path, checked_retention(retention_days), now(), busy_timeout_s=0.0)
        except (sqlite3.Error, OSError) as exc:
            reason = fault_reason(exc)
            if reason not in _DEFERRABLE_AT_START:
                raise
            trouble = (reason, fault_detail(reason, path, exc))
        return cls(
            path,
            conn,
            retention_days=retention_days,
            max_pending=max_pending,
            now=now,
            purge_interval_s=purge_interval_s,
            timings=timings,
            trouble=trouble,
        )

    # -- writing -------------------------------------------------------------------------

    def record(self, exposure: Exposure) -> bool:
        """Hold one exposure for writing; never blocks. False only once the store is closing."""
        dropped = 0
        with self._cond:
            closing_ = self._closing
            if not closing_:
                self._pending.append((self._generation, exposure))
                dropped = self._trim()
                self._cond.notify_all()
        if closing_:
            log.warning("reaction store is closed; exposure of %s not recorded", exposure.car_id)
            return False
        self._log_dropped(dropped)
        return True

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every pending exposure is written (or erased). False on timeout.

        While the file cannot be written this waits for it: pass a timeout.
        """
        with self._cond:
            return self._cond.wait_for(lambda: not (self._pending or self._in_flight or self._busy), timeout)

    def close(self) -> None:
        """Write what is pending (one last attempt, bounded), stop the writer, close the file.

        Logs an error naming the exposures that could not be written. Safe to call twice.
        """
        with self._cond:
            if self._closing:
                return
            self._closing = True
            self._cond.notify_all()
        self._thread.join(self._timings.close_timeout_s)
        if self._thread.is_alive():  # stuck in the file system: leave it, never hang the exit
            log.error(
                "event reaction_db_not_written count=%d file=%s reason=timeout detail=the last write "
                "did not finish within %.1f s",
                self.status().pending,
                self.path,
                self._timings.close_timeout_s,
            )

    def __enter__(self) -> ReactionStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- state ---------------------------------------------------------------------------

    @property
    def dropped(self) -> int:
        """Exposures lost for good: beyond `max_pending` while the file could not be written."""
        with self._cond:
            return self._dropped

    def status(self) -> StoreStatus:
        """How the store stands now; cheap and thread-safe, never touches SQLite."""
        with self._cond:
            trouble = self._trouble
            pending = len(self._pending) + len(self._in_flight)
            if trouble is None:
                return StoreStatus("ok", "", "", pending, None, self._recreated_at, self._dropped)
            state = "retrying" if trouble.reason in RETRYABLE_REASONS else "off"
            return StoreStatus(
                state,
                trouble.reason,
                trouble.detail,
                pending,
                trouble.since,
                self._recreated_at,
                self._dropped,
            )

    # -- retention and erasing -----------------------------------------------------------

    @property
    def retention_days(self) -> int | None:
        return self._retention_days

    def set_retention_days(self, days: int | None) -> int:
        """Keep exposures for `days` (None: forever); purges at once. Returns rows deleted.

        The new retention is kept even when the purge cannot run now (StoreUnavailableError):
        the writer applies it when it opens the file.
        """
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
        """Delete every exposure, pending ones included. Returns rows deleted from the file."""
        with self._writing() as conn:
            with self._cond:
                self._generation += 1
                self._pending.clear()
                self._cond.notify_all()
            with transaction(conn):
                deleted = int(conn.execute("DELETE FROM exposures").rowcount)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave no old pages in the WAL
        log.info("erased all %d exposures", deleted)
        return deleted

    # -- reading -------------------------------------------------------------------------

    def summary(self, since: date | None = None, until: date | None = None) -> list[CarSummary]:
        """Per-car figures for exposures that started from `since` to `until` (local dates, inclusive)."""
        return read_summary(self.path, since, until)

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """The writer's connection, for a change asked on another thread; raises when unusable."""
        if not self._db_lock.acquire(timeout=1.0):
            raise StoreUnavailableError(self.path, "locked", f"{self.path} is busy being written; try again")
        try:
            with self._cond:
                closing_, trouble = self._closing, self._trouble
            if closing_:
                raise StoreUnavailableError(self.path, "closed", f"reaction store {self.path} is closed")
            if trouble is not None:
                raise StoreUnavailableError(self.path, trouble.reason, trouble.detail)
            if self._conn is None:  # between a deleted file and its successor
                raise StoreUnavailableError(self.path, "reopening", f"{self.path} is being opened again")
            yield self._conn
        finally:
            self._db_lock.release()

    # -- the writer thread ---------------------------------------------------------------

    def _run_writer(self) -> None:
        while self._wait_until_due():
            self._attempt()
        try:
            with self._cond:
                trouble = self._trouble
            if trouble is None or trouble.reason in RETRYABLE_REASONS:
                self._attempt()  # the last one, whatever the backoff says
        finally:
            self._let_go(checkpoint=False)
            self._report_unwritten()

    def _wait_until_due(self) -> bool:
        """Sleep until there is work (pending exposures, a retry, an idle check); False on close."""
        with self._cond:
            while not self._closing:
                due = self._due if self._trouble is not None or not self._pending else 0.0
                delay = due - time.monotonic()
                if delay <= 0:
                    return True
                self._cond.wait(None if math.isinf(delay) else delay)
            return False

    def _attempt(self) -> None:
        with self._cond:
            self._busy = True
        try:
            written = self._write_pending()
        except Exception as exc:  # keep the writer alive: the kiosk must go on without analytics
            self._on_failure(exc)
        else:
            self._on_success(written)
        finally:
            with self._cond:
                self._busy = False  # flush() returns with the state settled
                self._cond.notify_all()

    def _write_pending(self) -> int:
        written = 0
        while True:
            self._ensure_file()  # before each batch: the path may hold another file by now
            batch = self._take_batch()
            if not batch:
                self._auto_purge()
                return written
            try:
                written += self._write(batch)
            except sqlite3.IntegrityError:  # SQLite refuses these rows, and always will
                log.exception("event reaction_db_refused count=%d file=%s", len(batch), self.path)
                self._discard(batch)
                continue
            except BaseException:
                self._put_back()
                raise
            self._batch_done()

    def _write(self, batch: Sequence[_Queued]) -> int:
        with self._db_lock:
            conn = self._conn
            if conn is None:
                raise sqlite3.OperationalError(f"{self.path} is not open")
            rows = [exposure_row(e) for generation, e in batch if generation == self._generation]
            if rows:
                with transaction(conn):
                    conn.executemany(INSERT_SQL, rows)
        return len(rows)

    def _ensure_file(self) -> None:
        """Open the file if it is not; open the path again if it now holds another file (or none)."""
        if self._conn is not None:
            found = _file_id(self.path)
            if found == self._file_id:
                return
            self._reopen_reason = "deleted" if found is None else "replaced"
            self._let_go(checkpoint=True)
        conn = open_for_writing(
            self.path, self._retention_days, self._now(), busy_timeout_s=self._timings.busy_timeout_s
        )
        with self._db_lock:
            self._conn, self._file_id = conn, _file_id(self.path)
        if self._reopen_reason:
            log.warning("event reaction_db_recreated file=%s reason=%s", self.path, self._reopen_reason)
            self._reopen_reason = ""
            with self._cond:
                self._recreated_at = self._now().timestamp()

    def _let_go(self, *, checkpoint: bool) -> None:
        """Close the connection. For a file no longer at the path, its WAL is first folded into
        it and emptied, so no stale -wal is left beside a new file (SQLite would pair them)."""
        with self._db_lock:
            conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if checkpoint:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            log.info("could not checkpoint the old reaction database %s: %s", self.path, exc)
        finally:
            conn.close()

    def _take_batch(self) -> list[_Queued]:
        with self._cond:
            count = min(len(self._pending), _BATCH_LIMIT)
            self._in_flight = [self._pending.popleft() for _ in range(count)]
            return list(self._in_flight)

    def _batch_done(self) -> None:
        with self._cond:
            self._in_flight = []
            self._cond.notify_all()

    def _put_back(self) -> None:
        with self._cond:
            self._pending.extendleft(reversed(self._in_flight))
            self._in_flight = []
            dropped = self._trim()
        self._log_dropped(dropped)

    def _discard(self, batch: Sequence[_Queued]) -> None:
        with self._cond:
            self._dropped += len(batch)
        self._batch_done()

    def _trim(self) -> int:
        """Drop the oldest pending exposures beyond `max_pending` (caller holds _cond)."""
        excess = max(0, len(self._pending) - self._max_pending)
        for _ in range(excess):
            self._pending.popleft()
        self._dropped += excess
        return excess

    def _log_dropped(self, count: int) -> None:
        """The first exposure dropped, then every hundredth: the log says so without flooding."""
        if not count:
            return
        total = self.dropped
        if total == count or total // 100 > (total - count) // 100:
            log.error(
                "event reaction_db_dropped count=%d total=%d file=%s: more than %d exposures could not "
                "be written, the oldest are lost",
                count,
                total,
                self.path,
                self._max_pending,
            )

    def _on_failure(self, exc: Exception) -> None:
        reason = fault_reason(exc)
        if not isinstance(exc, (sqlite3.Error, OSError, SchemaError)):
            log.exception("reaction store writer failed")  # a bug, not the file: show where
        self._enter_trouble(reason, fault_detail(reason, self.path, exc))

    def _enter_trouble(self, reason: str, detail: str) -> None:
        """Note the failure and when to retry; log only when the reason changes."""
        retrying = reason in RETRYABLE_REASONS
        with self._cond:
            before = self._trouble
            since = before.since if before is not None else self._now().timestamp()
            self._trouble = _Trouble(reason, detail, since)
            delay = self._retry_delay if retrying else math.inf
            self._retry_delay = min(self._retry_delay * 2, self._timings.retry_max_s)
            self._due = time.monotonic() + delay
            pending = len(self._pending) + len(self._in_flight)
        if before is not None and before.reason == reason:
            return
        level = logging.WARNING if retrying else logging.ERROR
        log.log(
            level,
            "event reaction_db_unavailable reason=%s detail=%s pending=%d retrying=%s",
            reason,
            detail,
            pending,
            "yes" if retrying else "no",
        )

    def _on_success(self, written: int) -> None:
        with self._cond:
            before, self._trouble = self._trouble, None
            self._retry_delay = self._timings.retry_first_s
            self._due = time.monotonic() + self._timings.check_interval_s
        if before is not None:
            after_s = self._now().timestamp() - before.since
            log.warning(
                "event reaction_db_recovered written=%d after_s=%.1f file=%s", written, after_s, self.path
            )

    def _report_unwritten(self) -> None:
        status = self.status()
        if status.pending:
            log.error(
                "event reaction_db_not_written count=%d file=%s reason=%s detail=%s",
                status.pending,
                self.path,
                status.reason or "closing",
                status.detail,
            )

    def _auto_purge(self) -> None:
        days = self._retention_days
        if days is None or self._conn is None or time.monotonic() - self._last_purge < self._purge_interval_s:
            return
        self._last_purge = time.monotonic()
        with self._db_lock:
            if self._conn is not None:
                purge_before(self._conn, days, self._now())
