"""Process-level pieces of the kiosk: logging to stderr and a rotating file, and the one-instance lock."""

from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile

from kiosk.ui.i18n import translate

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
LOCK_NAME = "kiosk.lock"


def data_folder_problem(folder: Path) -> str:
    """ "" when the kiosk can write in `folder`; otherwise what is wrong, naming the folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = translate("Runtime", "read-only") if exc.errno == errno.EROFS else exc.strerror or str(exc)
        return translate("Runtime", "the data folder {folder} cannot be created ({why})").format(
            folder=folder, why=why
        )
    if not _writable(folder):
        return translate("Runtime", "the data folder {folder} is read-only").format(folder=folder)
    return ""


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


class KioskLogging:
    """INFO and above to stderr and to `<data dir>/logs/kiosk.log` (rotating); undone by `close()`.

    With `to_file=False` (a read-only data folder) only to stderr.
    """

    def __init__(self, data_dir: Path, *, to_file: bool = True) -> None:
        folder = data_dir / "logs"
        self.path = folder / "kiosk.log"
        formatter = logging.Formatter(LOG_FORMAT)
        self._stderr = logging.StreamHandler(sys.stderr)
        self._file: logging.Handler | None = None
        if to_file:
            folder.mkdir(parents=True, exist_ok=True)
            self._file = logging.handlers.RotatingFileHandler(
                self.path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
        self._handlers = [h for h in (self._file, self._stderr) if h is not None]
        self._logger = logging.getLogger("kiosk")
        self._level = self._logger.level
        for handler in self._handlers:
            handler.setFormatter(formatter)
            handler.setLevel(logging.INFO)
            self._logger.addHandler(handler)
        self._logger.setLevel(logging.INFO)

    def close(self) -> None:
        for handler in self._handlers:
            self._logger.removeHandler(handler)
            handler.close()
        self._logger.setLevel(self._level)


class InstanceLock:
    """Only one kiosk per data folder: a QLockFile held for the whole run.

    The kiosk holds it for days, so age alone never makes it stale (`setStaleLockTime(0)`);
    a lock left by a crashed kiosk is recognised by its dead process and removed.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """Take the lock; False while another live kiosk holds it."""
        if self._lock.tryLock(100):
            return True
        pid, host, _app = self._lock.getLockInfo()
        failed = self._lock.error() == QLockFile.LockError.LockFailedError
        if failed and host != socket.gethostname() and pid > 0 and not _alive(pid):
            # Qt keeps a lock from another host name; the data folder is local, so the PC was
            # renamed after a crash and the lock is stale.
            self._lock.removeStaleLockFile()
            return self._lock.tryLock(100)
        return False

    @property
    def held_elsewhere(self) -> bool:
        """After a failed `acquire()`: True when another kiosk holds it, False for an I/O error."""
        return self._lock.error() == QLockFile.LockError.LockFailedError

    def holder_text(self) -> str:
        pid, host, _app = self._lock.getLockInfo()
        if pid > 0:
            return translate("Runtime", "process {pid} on {host}").format(pid=pid, host=host)
        return translate("Runtime", "another process")

    def release(self) -> None:
        self._lock.unlock()


def _alive(pid: int) -> bool:
    if sys.platform.startswith("win"):
        return True  # QLockFile already checks the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
