"""What can stop the reaction writer, named for the log and the operator: `StoreStatus` and friends.

`fault_reason` names why a write or an open failed (one of `REASONS`), from SQLite's result
code where Python gives it (3.11 on) and from the message otherwise; a full disk is named as
one. The first four reasons pass with time (the writer retries); the others do not.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from kiosk.analytics.database import CorruptDatabaseError, SchemaError

__all__ = [
    "DEFAULT_TIMINGS",
    "REASONS",
    "RETRYABLE_REASONS",
    "StoreStatus",
    "StoreTimings",
    "StoreUnavailableError",
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
