"""What can stop the reaction writer, named for the log and the operator: `StoreStatus` and friends.

`fault_reason` names why a write or an open failed (one of `REASONS`), from SQLite's result
code where Python gives it (3.11 on) and from the message otherwise; a full disk is named as
one. The first four reasons pass with time (the writer retries, `RetrySchedule`); the others
do not.
"""

from __future__ import annotations

import errno
import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from kiosk.analytics.database import CorruptDatabaseError, SchemaError

__all__ = [
    "DEFAULT_TIMINGS",
    "REASONS",
    "RETRYABLE_REASONS",
    "RetrySchedule",
    "StoreStatus",
    "StoreTimings",
    "StoreUnavailableError",
    "Trouble",
    "fault_detail",
    "fault_reason",
]

REASONS: Final = ("locked", "disk_full", "read_only", "io_error", "schema_newer", "unusable")
RETRYABLE_REASONS: Final = frozenset(REASONS[:4])

# SQLite's primary result codes (the C API's numbers; Python names them from 3.11 on).
_CODE_REASONS: Final = {
    getattr(sqlite3, "SQLITE_BUSY", 5): "locked",
    getattr(sqlite3, "SQLITE_LOCKED", 6): "locked",
    getattr(sqlite3, "SQLITE_READONLY", 8): "read_only",
    getattr(sqlite3, "SQLITE_IOERR", 10): "io_error",
    getattr(sqlite3, "SQLITE_CORRUPT", 11): "unusable",
    getattr(sqlite3, "SQLITE_FULL", 13): "disk_full",
    getattr(sqlite3, "SQLITE_CANTOPEN", 14): "io_error",
    getattr(sqlite3, "SQLITE_NOTADB", 26): "unusable",
}
_MESSAGE_REASONS: Final = (  # for an error without a code (Python 3.10)
    ("locked", "locked"),
    ("disk is full", "disk_full"),
    ("readonly", "read_only"),
    ("read-only", "read_only"),
    ("i/o error", "io_error"),
    ("unable to open", "io_error"),
    ("malformed", "unusable"),
    ("not a database", "unusable"),
)
_ERRNO_REASONS: Final = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
}


@dataclass(frozen=True)
class StoreStatus:
    """How the reaction store stands, for the operator's status page and /health."""

    state: str  # "ok" | "retrying" | "off"
    reason: str  # "" when ok; else one of REASONS
    detail: str  # English, names the file and the error
    pending: int  # exposures held in memory, not yet written
    since: float | None  # time.time() when the current trouble began (None when ok)
    recreated_at: float | None  # time.time() of the last reopening after the file was deleted/replaced
    dropped: int  # exposures lost for good (memory bound exceeded, or refused by SQLite)


@dataclass(frozen=True)
class StoreTimings:
    """How long the writer waits, in seconds. The defaults suit the kiosk; tests go faster."""

    busy_timeout_s: float = 2.0  # SQLite's wait for another program's lock, per attempt
    retry_first_s: float = 1.0  # the first retry after a failure; doubled each time ...
    retry_max_s: float = 60.0  # ... up to this
    check_interval_s: float = 5.0  # when idle: is the file at the path still the one opened?
    close_timeout_s: float = 5.0  # close() waits at most this for the last attempt to write

    def __post_init__(self) -> None:
        waits = (self.busy_timeout_s, self.check_interval_s, self.close_timeout_s)
        if min(waits) < 0 or not 0 < self.retry_first_s <= self.retry_max_s:
            raise ValueError(f"store timings must be >= 0, with 0 < retry_first_s <= retry_max_s: {self}")


DEFAULT_TIMINGS: Final = StoreTimings()


class StoreUnavailableError(RuntimeError):
    """The reaction database cannot be changed now: not open, closed, or failing to write."""

    def __init__(self, path: Path, reason: str, detail: str) -> None:
        super().__init__(f"the reaction database {path} cannot be changed now ({reason}): {detail}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Trouble:
    """Why the writer cannot write now, and since when (wall-clock seconds)."""

    reason: str  # one of REASONS
    detail: str
    since: float

    @property
    def retrying(self) -> bool:
        """Whether time may mend it, so the writer tries again."""
        return self.reason in RETRYABLE_REASONS


class RetrySchedule:
    """The writer's trouble, if any, and when it next tries (`due`, monotonic seconds).

    After a failure that time may mend: `retry_first_s`, doubling up to `retry_max_s`; after one
    it will not: never. While all is well: the idle check, every `check_interval_s`. Not
    thread-safe: the store uses it under its own condition.
    """

    def __init__(self, timings: StoreTimings, now_s: float) -> None:
        self.trouble: Trouble | None = None
        self.due = now_s + timings.check_interval_s
        self._timings = timings
        self._delay = timings.retry_first_s

    def failed(self, reason: str, detail: str, *, wall_s: float, now_s: float) -> Trouble | None:
        """Note a failure at `wall_s` (`now_s` on the monotonic clock); returns the trouble
        before it, None when all was well."""
        before = self.trouble
        self.trouble = Trouble(reason, detail, before.since if before is not None else wall_s)
        delay = self._delay if self.trouble.retrying else math.inf
        self._delay = min(self._delay * 2, self._timings.retry_max_s)
        self.due = now_s + delay
        return before

    def succeeded(self, now_s: float) -> Trouble | None:
        """All is well again; returns the trouble that ended, None when there was none."""
        before, self.trouble = self.trouble, None
        self._delay = self._timings.retry_first_s
        self.due = now_s + self._timings.check_interval_s
        return before

    def status(self, pending: int, recreated_at: float | None, dropped: int) -> StoreStatus:
        trouble = self.trouble
        if trouble is None:
            return StoreStatus("ok", "", "", pending, None, recreated_at, dropped)
        state = "retrying" if trouble.retrying else "off"
        return StoreStatus(
            state, trouble.reason, trouble.detail, pending, trouble.since, recreated_at, dropped
        )


def fault_reason(exc: BaseException) -> str:
    """Why `exc` stops the writer: one of REASONS."""
    if isinstance(exc, SchemaError):
        return "schema_newer"
    if isinstance(exc, CorruptDatabaseError):
        return "unusable"
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _CODE_REASONS:  # an extended code holds the primary
        return _CODE_REASONS[code & 0xFF]
    if isinstance(exc, OSError):
        return _ERRNO_REASONS.get(exc.errno or 0, "io_error")
    message = str(exc).lower()
    for needle, reason in _MESSAGE_REASONS:
        if needle in message:
            return reason
    return "io_error" if isinstance(exc, sqlite3.OperationalError) else "unusable"


def fault_detail(reason: str, path: Path, exc: BaseException) -> str:
    """One English line for the log and the operator: the file, what is wrong, SQLite's words."""
    what = {
        "locked": f"{path} is locked by another program",
        "disk_full": f"the disk holding {path} is full",
        "read_only": f"{path} (or its folder) is read-only",
        "io_error": f"{path} cannot be read or written (I/O error)",
        "schema_newer": f"{path} was written by a newer kiosk",
    }.get(reason, f"{path} cannot be used")
    return f"{what}: {exc}"
