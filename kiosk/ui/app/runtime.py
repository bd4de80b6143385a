"""Process-level pieces of the kiosk: logging to stderr and a rotating file, and the one-instance lock.

The lock holds on a full or read-only disk: on POSIX an flock on the data folder itself,
which writes nothing, guards alongside the QLockFile whose file names the holder.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import logging.handlers
import os
import socket
import sys
import tempfile
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLockFile

from kiosk.ui.common.i18n import translate

if sys.platform != "win32":
    import fcntl

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
LOCK_NAME = "kiosk.lock"
PROBE_BYTES = b"emotion-kiosk write probe\n"
DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
NO_PERMISSION = frozenset({errno.EACCES, errno.EPERM})


def data_folder_problem(folder: Path) -> str:
    """ "" when the kiosk can write in `folder`; otherwise what is wrong, naming the folder.

    It writes a few bytes to a temporary file there (and removes it), so a full disk is told
    apart from a read-only one and from missing permissions.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return translate("Runtime", "the data folder {folder} cannot be created ({why})").format(
            folder=folder, why=_cause(exc)
        )
    error = _write_error(folder)
    return "" if error is None else _write_problem(folder, error)


def data_disk_full(folder: Path) -> bool:
    """The data folder's disk has no room left: a passing state (the kiosk keeps what it must
    write in memory and writes it once there is room), not a read-only folder."""
    error = _probe(folder)
    return error is not None and error.errno in DISK_FULL


def _cause(exc: OSError) -> str:
    if exc.errno in DISK_FULL:
        return translate("Runtime", "the disk is full")
    if exc.errno == errno.EROFS:
        return translate("Runtime", "read-only")
    if exc.errno in NO_PERMISSION:
        return translate("Runtime", "no permission")
    return exc.strerror or str(exc)


def _write_problem(folder: Path, error: OSError) -> str:
    if error.errno in DISK_FULL:
        text = translate("Runtime", "the disk holding the data folder {folder} is full")
    elif error.errno == errno.EROFS:
        text = translate("Runtime", "the data folder {folder} is read-only")
    elif error.errno in NO_PERMISSION:
        text = translate(
            "Runtime", "the data folder {folder} is read-only for this user: no permission to write in it"
        )
    else:
        why = error.strerror or str(error)
        return translate("Runtime", "the data folder {folder} cannot be written ({why})").format(
            folder=folder, why=why
        )
    return text.format(folder=folder)


def _write_error(folder: Path) -> OSError | None:
    """Why no file can be written in `folder`, or None."""
    error = _probe(folder)
    if error is None and not _writable(folder):  # the mode has a say where root wrote anyway (tests use it)
        error = PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
    return error


def _probe(folder: Path) -> OSError | None:
    """Write and sync a few bytes in a temporary file in `folder`, then remove it."""
    try:
        fd, name = tempfile.mkstemp(prefix=".write-probe-", dir=folder)
    except OSError as error:
        return error
    try:
        try:
            if os.write(fd, PROBE_BYTES) < len(PROBE_BYTES):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
            os.fsync(fd)  # some file systems say they are full only here
        finally:
            os.close(fd)
    except OSError as error:
        return error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)
    return None


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log file. A write that fails (a full disk) is reported once on stderr, then
    nothing more until a write succeeds again; `reopen()` starts again on the same path."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True)
        self.failing = False  # the last write failed, and that was reported
        self._failed_now = False

    def emit(self, record: logging.LogRecord) -> None:
        self._failed_now = False
        super().emit(record)  # a failure comes back through handleError
        if not self._failed_now:
            self.failing = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self._failed_now = True
        if self.failing:
            return
        self.failing = True
        error = sys.exc_info()[1]
        why = error.strerror if isinstance(error, OSError) and error.strerror else repr(error)
        if sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                print(
                    f"warning: cannot write the log file {self.baseFilename} ({why}); "
                    "further failures are not reported until a write succeeds again",
                    file=sys.stderr,
                )

    def reopen(self) -> None:
        """Close the file and open it again on the same path, e.g. after logrotate moved it."""
        self.acquire()
        try:
            stream, self.stream = self.stream, None
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):  # a full disk fails the last flush
                    stream.close()
            with contextlib.suppress(OSError):  # else opened by the next record, which reports it
                self.stream = self._open()
        finally:
            self.release()


class KioskLogging:
    """INFO and above to stderr and to `<data dir>/logs/kiosk.log` (rotating); undone by `close()`.

    With `to_file=False` (a data folder that cannot be written) only to stderr.
    """

    def __init__(self, data_dir: Path, *, to_file: bool = True) -> None:
        folder = data_dir / "logs"
        self.path = folder / "kiosk.log"
        formatter = logging.Formatter(LOG_FORMAT)
        self._stderr = logging.StreamHandler(sys.stderr)
        self._file: LogFileHandler | None = None
        if to_file:
            with contextlib.suppress(OSError):  # the first record then says why it cannot be written
                folder.mkdir(parents=True, exist_ok=True)
            self._file = LogFileHandler(self.path)
        self._handlers: list[logging.Handler] = [h for h in (self._file, self._stderr) if h is not None]
        self._logger = logging.getLogger("kiosk")
        self._level = self._logger.level
        for handler in self._handlers:
            handler.setFormatter(formatter)
            handler.setLevel(logging.INFO)
            self._logger.addHandler(handler)
        self._logger.setLevel(logging.INFO)

    def reopen(self) -> None:
        """Write on in a new file at the same path (SIGHUP from logrotate); nothing without a file."""
        if self._file is not None:
            self._file.reopen()
            self._logger.info("event log_reopened %s", self.path)

    def close(self) -> None:
        for handler in self._handlers:
            self._logger.removeHandler(handler)
            with contextlib.suppress(OSError):  # the last flush on a full disk: nothing to do
                handler.close()
        self._logger.setLevel(self._level)


class FolderLockState(Enum):
    HELD = "held"
    BUSY = "busy"  # another process holds it
    UNAVAILABLE = "unavailable"  # Windows, or a folder that cannot be opened or flock()ed


class FolderLock:
    """An exclusive flock() on a folder (POSIX): it writes nothing, so it holds on a full or
    read-only disk, and the kernel drops it with the process that held it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> FolderLockState:
        if sys.platform == "win32":
            return FolderLockState.UNAVAILABLE
        if self._fd is not None:
            return FolderLockState.HELD
        try:
            fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)  # not inherited by children
        except OSError:
            return FolderLockState.UNAVAILABLE
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            busy = error.errno in (errno.EWOULDBLOCK, errno.EAGAIN)
            return FolderLockState.BUSY if busy else FolderLockState.UNAVAILABLE  # ENOLCK: some NFS
        self._fd = fd
        return FolderLockState.HELD

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the last descriptor drops the flock
            self._fd = None


class InstanceLock:
    """Only one kiosk per data folder, held for the whole run.

    First the `FolderLock` (POSIX): while another process holds it, this kiosk is refused.
    Then a QLockFile, whose file names the holder (pid, host) for that message; where only it
    fails, for want of space or write access, the kiosk runs guarded by the folder lock and
    `problem` says why. On Windows the QLockFile alone. The kiosk holds the lock for days, so
    age alone never makes the file stale (`setStaleLockTime(0)`); one left by a crashed kiosk
    is recognised by its dead process and removed.
    """

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir
        self.path = data_dir / LOCK_NAME
        self.problem = ""  # after acquire(): why the lock file was not written ("" when it was)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)
        self._folder_lock = FolderLock(data_dir)
        self._refused = False  # the folder lock is held by another process

    def acquire(self) -> bool:
        """Take the lock; False while another kiosk holds it, or when no lock at all can be had
        (`held_elsewhere` tells which)."""
        self.problem, self._refused = "", False
        if self._folder_lock.acquire() is FolderLockState.BUSY:
            self._refused = True
            return False
        if self._lock_file():
            return True
        if self.held_elsewhere:
            self._folder_lock.release()
            return False
        self.problem = data_folder_problem(self.folder) or translate(
            "Runtime", "the lock file {file} cannot be created"
        ).format(file=self.path)
        return self._folder_lock.held

    def _lock_file(self) -> bool:
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
        return self._refused or self._lock.error() == QLockFile.LockError.LockFailedError

    def holder_text(self) -> str:
        pid, host, _app = self._lock.getLockInfo()
        if pid > 0:
            return translate("Runtime", "process {pid} on {host}").format(pid=pid, host=host)
        return translate("Runtime", "another process")

    def release(self) -> None:
        self._lock.unlock()
        self._folder_lock.release()


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
