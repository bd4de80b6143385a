"""The reaction writer's connection, and the file at the path it was opened on.

A kiosk's data folder is not the kiosk's alone: someone may delete `reactions.sqlite3`, or put
another file in its place, while the writer holds it open (SQLite would go on writing the
unlinked file). So before each batch, and every few seconds when idle, the writer asks
`WriterFile.ensure_open()`: it compares the path's (st_dev, st_ino) with the file it opened
and, when they differ, lets the old connection go and opens the path again, creating and
migrating a new file. No threads of its own; `lock` keeps the writer's batches and another
thread's purge or erase off the connection at the same time.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from kiosk.analytics.database import open_for_writing

__all__ = ["WriterFile", "file_id"]

log = logging.getLogger(__name__)


def file_id(path: Path) -> tuple[int, int] | None:
    """(st_dev, st_ino) of the file at `path`, None when there is none."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


class WriterFile:
    """The connection to `path` (None while it is not open) and the identity of its file."""

    def __init__(self, path: Path, conn: sqlite3.Connection | None) -> None:
        self.path = path
        self.lock = threading.Lock()  # held around every use of `conn`
        self._conn = conn
        self._file_id = file_id(path) if conn is not None else None
        self._reopen_reason = ""  # "deleted" / "replaced" until the path is open again

    @property
    def conn(self) -> sqlite3.Connection | None:
        """The connection, None while the file is not open; use it only under `lock`."""
        return self._conn

    def ensure_open(self, retention_days: int | None, now: datetime, *, busy_timeout_s: float) -> str:
        """Open the file if it is not; open the path again if it now holds another file (or none).

        Returns why the path was opened again ("deleted" or "replaced"), once it is, else "".
        Raises what `database.open_for_writing` raises; the next call tries again.
        """
        if self._conn is not None:
            found = file_id(self.path)
            if found == self._file_id:
                return ""
            self._reopen_reason = "deleted" if found is None else "replaced"
            self.let_go(checkpoint=True)
        conn = open_for_writing(self.path, retention_days, now, busy_timeout_s=busy_timeout_s)
        with self.lock:
            self._conn, self._file_id = conn, file_id(self.path)
        reason, self._reopen_reason = self._reopen_reason, ""
        return reason

    def let_go(self, *, checkpoint: bool) -> None:
        """Close the connection. For a file no longer at the path, its WAL is first folded into
        it and emptied, so no stale -wal is left beside a new file (SQLite would pair them)."""
        with self.lock:
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
