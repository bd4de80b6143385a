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

Threads: `record()` only appends the exposure to a list in memory (never blocks,
`store_queue.PendingExposures`); a daemon writer thread owns the connection and writes
batches. A write that fails (locked beyond the busy timeout, disk full, read-only, I/O error)
keeps its exposures in memory (at most `max_pending`, days of them; beyond that the oldest are
dropped, counted and logged) and is retried with backoff (1 s doubling to 60 s,
`faults.RetrySchedule`); the log says when the trouble starts, changes and ends
(`event reaction_db_unavailable` / `reaction_db_recovered`), not every retry. Before each
batch, and every few seconds when idle, the writer checks that the file at the path is still
the one it opened (`store_file.WriterFile`): when it was deleted or replaced it opens the path
again (creating and migrating a new file, `event reaction_db_recreated`) and writes there.
That thread is `store_writer.ExposureWriter`. `status()` tells the GUI thread how things stand
without touching SQLite. `close()` makes one last attempt to write what is pending, bounded
by `StoreTimings.close_timeout_s`, and logs what it could not write.

Purge, erase and retention changes use the writer's connection under the lock a write batch
takes; while the file is not open or not writable they raise `StoreUnavailableError`.
Reads (`summary`) open their own short-lived connection, which WAL never blocks.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Final

from kiosk.analytics.database import (
    DEFAULT_RETENTION_DAYS,
    checked_retention,
    default_db_path,
    open_for_writing,
    purge_before,
    read_summary,
    transaction,
)
from kiosk.analytics.faults import (
    DEFAULT_TIMINGS,
    StoreStatus,
    StoreTimings,
    fault_detail,
    fault_reason,
)
from kiosk.analytics.records import Exposure
from kiosk.analytics.store_writer import ExposureWriter
from kiosk.analytics.summary import CarSummary

__all__ = [  # the writer thread, its queue and its file live in store_writer, store_queue and store_file
    "DEFAULT_MAX_PENDING",
    "ReactionStore",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_PENDING: Final = 10_000  # exposures held in memory while the file cannot be written: days
_OPEN_WAIT_S: Final = 5.0  # how long `ReactionStore.open()` waits for another program's lock
_DEFERRABLE_AT_START: Final = frozenset({"locked", "disk_full", "io_error"})  # read-only: recovery's call


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


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
        self._writer = ExposureWriter(
            path,
            conn,
            retention_days=checked_retention(retention_days),
            max_pending=max_pending,
            now=now,
            purge_interval_s=purge_interval_s,
            timings=timings,
            trouble=trouble,
        )

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
        return self._writer.record(exposure)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every pending exposure is written (or erased). False on timeout.

        While the file cannot be written this waits for it: pass a timeout.
        """
        return self._writer.flush(timeout)

    def close(self) -> None:
        """Write what is pending (one last attempt, bounded), stop the writer, close the file.

        Logs an error naming the exposures that could not be written. Safe to call twice.
        """
        self._writer.close()

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
        return self._writer.dropped

    def status(self) -> StoreStatus:
        """How the store stands now; cheap and thread-safe, never touches SQLite."""
        return self._writer.status()

    # -- retention and erasing -----------------------------------------------------------

    @property
    def retention_days(self) -> int | None:
        return self._writer.retention_days

    def set_retention_days(self, days: int | None) -> int:
        """Keep exposures for `days` (None: forever); purges at once. Returns rows deleted.

        The new retention is kept even when the purge cannot run now (StoreUnavailableError):
        the writer applies it when it opens the file.
        """
        self._writer.retention_days = checked_retention(days)
        return 0 if days is None else self.purge(days)

    def purge(self, older_than_days: int) -> int:
        """Delete exposures that started more than `older_than_days` ago. Returns rows deleted."""
        days = checked_retention(older_than_days)
        if days is None:
            raise ValueError("purge needs a number of days")
        with self._writer.connection() as conn:
            return purge_before(conn, days, self._now())

    def erase_all(self) -> int:
        """Delete every exposure, pending ones included. Returns rows deleted from the file."""
        with self._writer.connection() as conn:
            self._writer.erase_pending()
            with transaction(conn):
                deleted = int(conn.execute("DELETE FROM exposures").rowcount)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave no old pages in the WAL
        log.info("erased all %d exposures", deleted)
        return deleted

    # -- reading -------------------------------------------------------------------------

    def summary(self, since: date | None = None, until: date | None = None) -> list[CarSummary]:
        """Per-car figures for exposures that started from `since` to `until` (local dates, inclusive)."""
        return read_summary(self.path, since, until)
