"""The reaction store's writer thread: exposures written in batches, trouble waited out.

`ExposureWriter` owns the connection (`store_file.WriterFile`), the exposures not yet written
(`store_queue.PendingExposures`) and the retry schedule (`faults.RetrySchedule`); one
condition guards them, and is never held around SQLite. `record()` only queues (never blocks);
the daemon thread wakes for pending exposures, a retry or the idle check, writes what it can,
and on a failure keeps the exposures and says so in the log once per change of reason
(`event reaction_db_unavailable` / `reaction_db_recovered` / `reaction_db_recreated` /
`reaction_db_dropped`). `ReactionStore` (kiosk.analytics.store) is its only user.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Final

from kiosk.analytics.database import (
    INSERT_SQL,
    SchemaError,
    exposure_row,
    purge_before,
    set_busy_timeout,
    transaction,
)
from kiosk.analytics.faults import (
    RETRYABLE_REASONS,
    RetrySchedule,
    StoreStatus,
    StoreTimings,
    StoreUnavailableError,
    fault_detail,
    fault_reason,
)
from kiosk.analytics.records import Exposure
from kiosk.analytics.store_file import WriterFile
from kiosk.analytics.store_queue import PendingExposures, Queued

__all__ = ["ExposureWriter"]

log = logging.getLogger(__name__)

_BATCH_LIMIT: Final = 64


class ExposureWriter:
    """Writes queued exposures to the file at `path` from a daemon thread, started at once.

    `conn` is the connection already opened (None: the thread opens it); `trouble` is why it
    could not be, as (reason, detail). `retention_days` may be changed from any thread; the
    thread purges after a batch or when idle, at most every `purge_interval_s` seconds.
    """

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection | None,
        *,
        retention_days: int | None,
        max_pending: int,
        now: Callable[[], datetime],
        purge_interval_s: float,
        timings: StoreTimings,
        trouble: tuple[str, str] | None = None,
    ) -> None:
        self.path = path
        self.retention_days = retention_days
        self._now = now
        self._purge_interval_s = purge_interval_s
        self._last_purge = time.monotonic()
        self._timings = timings
        self._file = WriterFile(path, conn)  # its lock guards the connection and the generation's meaning
        self._cond = threading.Condition()  # guards everything below; never held around SQLite
        self._pending = PendingExposures(max_pending)
        self._busy = False  # an attempt to write is under way
        self._closing = False
        self._schedule = RetrySchedule(timings, time.monotonic())
        self._recreated_at: float | None = None
        if conn is not None:
            set_busy_timeout(conn, timings.busy_timeout_s)
        if trouble is not None:
            self._enter_trouble(*trouble)
        self._thread = threading.Thread(target=self._run, name="reaction-store-writer", daemon=True)
        self._thread.start()

    # -- asked by other threads ------------------------------------------------------------

    def record(self, exposure: Exposure) -> bool:
        """Queue one exposure; never blocks. False only once the writer is closing."""
        dropped = 0
        with self._cond:
            closing_ = self._closing
            if not closing_:
                dropped = self._pending.add(exposure)
                self._cond.notify_all()
        if closing_:
            log.warning("reaction store is closed; exposure of %s not recorded", exposure.car_id)
            return False
        self._log_dropped(dropped)
        return True

    def flush(self, timeout: float | None) -> bool:
        """Wait until every queued exposure is written (or erased). False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not (self._pending or self._busy), timeout)

    def close(self) -> None:
        """One last attempt to write, bounded by `close_timeout_s`; then the thread ends."""
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

    @property
    def dropped(self) -> int:
        with self._cond:
            return self._pending.dropped

    def status(self) -> StoreStatus:
        with self._cond:
            return self._schedule.status(len(self._pending), self._recreated_at, self._pending.dropped)

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """The writer's connection, for a change asked on another thread; raises when unusable."""
        if not self._file.lock.acquire(timeout=1.0):
            raise StoreUnavailableError(self.path, "locked", f"{self.path} is busy being written; try again")
        try:
            with self._cond:
                closing_, trouble = self._closing, self._schedule.trouble
            if closing_:
                raise StoreUnavailableError(self.path, "closed", f"reaction store {self.path} is closed")
            if trouble is not None:
                raise StoreUnavailableError(self.path, trouble.reason, trouble.detail)
            if self._file.conn is None:  # between a deleted file and its successor
                raise StoreUnavailableError(self.path, "reopening", f"{self.path} is being opened again")
            yield self._file.conn
        finally:
            self._file.lock.release()

    def erase_pending(self) -> None:
        """Forget every exposure not yet written; call it within `connection()`."""
        with self._cond:
            self._pending.erase()
            self._cond.notify_all()

    # -- the thread ------------------------------------------------------------------------

    def _run(self) -> None:
        while self._wait_until_due():
            self._attempt()
        try:
            with self._cond:
                trouble = self._schedule.trouble
            if trouble is None or trouble.retrying:
                self._attempt()  # the last one, whatever the backoff says
        finally:
            self._file.let_go(checkpoint=False)
            self._report_unwritten()

    def _wait_until_due(self) -> bool:
        """Sleep until there is work (pending exposures, a retry, an idle check); False on close."""
        with self._cond:
            while not self._closing:
                idle = self._schedule.trouble is not None or not self._pending.waiting
                delay = (self._schedule.due if idle else 0.0) - time.monotonic()
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
            with self._cond:
                batch = self._pending.take_batch(_BATCH_LIMIT)
            if not batch:
                self._auto_purge()
                return written
            try:
                written += self._write(batch)
            except sqlite3.IntegrityError:  # SQLite refuses these rows, and always will
                log.exception("event reaction_db_refused count=%d file=%s", len(batch), self.path)
                self._batch_settled(discarded=batch)
                continue
            except BaseException:
                with self._cond:
                    dropped = self._pending.put_back()
                self._log_dropped(dropped)
                raise
            self._batch_settled()

    def _batch_settled(self, discarded: Sequence[Queued] = ()) -> None:
        """The batch in flight is written, or `discarded`; wake flush()."""
        with self._cond:
            if discarded:
                self._pending.discard(discarded)
            else:
                self._pending.batch_done()
            self._cond.notify_all()

    def _write(self, batch: Sequence[Queued]) -> int:
        with self._file.lock:
            conn = self._file.conn
            if conn is None:
                raise sqlite3.OperationalError(f"{self.path} is not open")
            rows = [exposure_row(e) for e in self._pending.current(batch)]
            if rows:
                with transaction(conn):
                    conn.executemany(INSERT_SQL, rows)
        return len(rows)

    def _ensure_file(self) -> None:
        """Open the file if it is not; open the path again if it now holds another file (or none)."""
        busy_timeout_s = self._timings.busy_timeout_s
        reopened = self._file.ensure_open(self.retention_days, self._now(), busy_timeout_s=busy_timeout_s)
        if reopened:
            log.warning("event reaction_db_recreated file=%s reason=%s", self.path, reopened)
            with self._cond:
                self._recreated_at = self._now().timestamp()

    def _auto_purge(self) -> None:
        days = self.retention_days
        due = time.monotonic() - self._last_purge >= self._purge_interval_s
        if days is None or self._file.conn is None or not due:
            return
        self._last_purge = time.monotonic()
        with self._file.lock:
            if self._file.conn is not None:
                purge_before(self._file.conn, days, self._now())

    # -- what the log says -----------------------------------------------------------------

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
                self._pending.limit,
            )

    def _on_failure(self, exc: Exception) -> None:
        reason = fault_reason(exc)
        if not isinstance(exc, (sqlite3.Error, OSError, SchemaError)):
            log.exception("reaction store writer failed")  # a bug, not the file: show where
        self._enter_trouble(reason, fault_detail(reason, self.path, exc))

    def _enter_trouble(self, reason: str, detail: str) -> None:
        """Note the failure and when to retry; log only when the reason changes."""
        with self._cond:
            wall_s, now_s = self._now().timestamp(), time.monotonic()
            before = self._schedule.failed(reason, detail, wall_s=wall_s, now_s=now_s)
            pending = len(self._pending)
        if before is not None and before.reason == reason:
            return
        retrying = reason in RETRYABLE_REASONS
        log.log(
            logging.WARNING if retrying else logging.ERROR,
            "event reaction_db_unavailable reason=%s detail=%s pending=%d retrying=%s",
            reason,
            detail,
            pending,
            "yes" if retrying else "no",
        )

    def _on_success(self, written: int) -> None:
        with self._cond:
            before = self._schedule.succeeded(time.monotonic())
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
