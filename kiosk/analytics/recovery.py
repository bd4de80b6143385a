"""Opening the reaction database for the kiosk, so that a bad file never stops the records for good.

- A corrupt file (not a database, or one that fails SQLite's integrity check) is set aside
  as `reactions.sqlite3.corrupt-<stamp>` (with its -wal/-shm, renamed alike so the copy
  still opens), and a fresh database is started: recording goes on.
- A read-only file or folder is left exactly as it is (no -wal/-shm created): nothing is
  recorded this session, and `python -m kiosk report` can still read it.
- A file written by a newer kiosk is left alone, and nothing is recorded.
- A file locked by another program, on a full disk or failing with an I/O error: the store
  comes back at once in state "retrying" (`ReactionStore.start`, which never waits for a
  lock); it keeps what is recorded in memory and opens the file when it can. `status()`
  says how it stands; there is no notice, since the state may change any second.

`open_reaction_store()` never raises for the file and never blocks on another program's
lock: it returns the store (or None) and, when something happened, a notice for the
operator that names the file and what was done.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.analytics.database import CorruptDatabaseError, SchemaError, is_writable
from kiosk.analytics.faults import DEFAULT_TIMINGS, StoreTimings, fault_reason
from kiosk.analytics.store import ReactionStore

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm")
_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class OpenedStore:
    store: ReactionStore | None  # None: nothing is recorded this session
    notice: str = ""  # for the operator: what happened and where the old file is
    read_only: bool = False
    set_aside: Path | None = None  # where a corrupt file was moved


def open_reaction_store(
    path: Path, *, retention_days: int, timings: StoreTimings = DEFAULT_TIMINGS
) -> OpenedStore:
    """The kiosk's writer for `path`, recovering from a corrupt file; see the module docstring."""
    if not is_writable(path):
        return _read_only(path)
    if _not_sqlite(path):  # set aside before SQLite touches it (it would drop a -wal it cannot use)
        return _start_fresh(path, "file is not a database", retention_days, timings)
    existed = {suffix: _side(path, suffix).exists() for suffix in _SIDE_FILES}
    try:
        return OpenedStore(ReactionStore.start(path, retention_days=retention_days, timings=timings))
    except SchemaError as exc:
        log.warning("reaction records off: %s", exc)
        return OpenedStore(None, f"Reactions are not recorded: {exc}.")
    except CorruptDatabaseError as exc:
        return _start_fresh(path, str(exc), retention_days, timings)
    except sqlite3.DatabaseError as exc:  # read-only, "file is not a database", "disk image is malformed"
        if fault_reason(exc) == "read_only":
            _remove_new_side_files(path, existed)
            return _read_only(path)
        if isinstance(exc, sqlite3.OperationalError):
            return _off(path, exc)
        return _start_fresh(path, str(exc), retention_days, timings)
    except (sqlite3.Error, OSError, ValueError) as exc:
        return _off(path, exc)


def set_aside(path: Path, stamp: str | None = None) -> Path:
    """Rename `path` (and its -wal/-shm) to `<name>.corrupt-<stamp>`; returns the new path."""
    stamp = stamp or time.strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.replace(copy)
    for suffix in _SIDE_FILES:
        if _side(path, suffix).exists():
            _side(path, suffix).replace(_side(copy, suffix))
    return copy


def _start_fresh(path: Path, problem: str, retention_days: int, timings: StoreTimings) -> OpenedStore:
    try:
        copy = set_aside(path)
        store = ReactionStore.start(path, retention_days=retention_days, timings=timings)
    except (OSError, sqlite3.Error) as exc:
        return _off(path, exc)
    log.warning("event reaction_db_set_aside file=%s copy=%s problem=%s", path, copy, problem)
    notice = (
        f"The reaction database {path} could not be read ({problem}). It was kept as {copy.name} "
        f"in {copy.parent}, and a new, empty database was started: reactions are recorded again."
    )
    return OpenedStore(store, notice, set_aside=copy)


def _read_only(path: Path) -> OpenedStore:
    log.warning("event reaction_db_read_only file=%s", path)
    notice = (
        f"The reaction database {path} is read-only (or its folder is): reactions are not recorded "
        f"this session. `python -m kiosk report` can still read it."
    )
    return OpenedStore(None, notice, read_only=True)


def _off(path: Path, error: Exception) -> OpenedStore:
    log.warning("reaction records off: cannot open %s: %s", path, error)
    return OpenedStore(None, f"Reactions are not recorded: cannot open {path} ({error}).")


def _not_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            head = file.read(len(_SQLITE_HEADER))
    except OSError:
        return False  # SQLite will say what is wrong
    return bool(head) and head != _SQLITE_HEADER


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_new_side_files(path: Path, existed: dict[str, bool]) -> None:
    """A failed read-only open leaves -wal/-shm files it created; they hold nothing."""
    for suffix, was_there in existed.items():
        side = _side(path, suffix)
        if not was_there and side.exists():
            try:
                side.unlink()
            except OSError as exc:
                log.info("could not remove %s: %s", side, exc)
