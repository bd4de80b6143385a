"""kiosk/ui/app/runtime.py: one kiosk per data folder, also on a full disk; what is wrong with the
data folder, named by its cause; the log file across logrotate and a full disk (issue #28).

The full disk is real: a 1 MiB tmpfs mounted in a user and mount namespace of its own."""

from __future__ import annotations

import errno
import io
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile

from kiosk.app import main as kiosk_main
from kiosk.ui.app.runtime import LOCK_NAME, InstanceLock, KioskLogging, LogFileHandler, data_folder_problem

ROOT = Path(__file__).resolve().parent.parent
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
POSIX = sys.platform != "win32"

TRY_LOCK = """
import json, sys
from pathlib import Path
from kiosk.ui.app.runtime import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
acquired = lock.acquire()
print(json.dumps({"acquired": acquired, "held_elsewhere": lock.held_elsewhere,
                  "holder": lock.holder_text(), "problem": lock.problem}))
lock.release()
"""


def _try_in_another_process(folder: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture
def held(isolated_data_dir: Path) -> Iterator[InstanceLock]:
    lock = InstanceLock(isolated_data_dir)
    assert lock.acquire() and lock.problem == ""
    yield lock
    lock.release()


# -- one kiosk per data folder ----------------------------------------------------------------


def test_two_locks_on_one_folder_exclude_each_other_until_released(isolated_data_dir: Path) -> None:
    first, second = InstanceLock(isolated_data_dir), InstanceLock(isolated_data_dir)
    assert first.acquire()
    assert not second.acquire() and second.held_elsewhere
    assert str(os.getpid()) in second.holder_text()
    first.release()
    assert second.acquire() and not second.held_elsewhere
    second.release()
    assert not (isolated_data_dir / LOCK_NAME).exists()


def test_another_process_is_refused_and_named_until_released(
    isolated_data_dir: Path, held: InstanceLock
) -> None:
    refused = _try_in_another_process(isolated_data_dir)
    assert refused["acquired"] is False and refused["held_elsewhere"] is True
    assert f"process {os.getpid()}" in str(refused["holder"])
    held.release()
    assert _try_in_another_process(isolated_data_dir)["acquired"] is True


@pytest.mark.skipif(not POSIX, reason="the folder lock is POSIX flock(); Windows has the lock file alone")
def test_the_folder_lock_refuses_a_second_kiosk_without_the_lock_file(
    isolated_data_dir: Path, held: InstanceLock
) -> None:
    """What a kiosk on a full disk has: no lock file, the folder lock only."""
    (isolated_data_dir / LOCK_NAME).unlink()
    refused = _try_in_another_process(isolated_data_dir)
    assert refused["acquired"] is False and refused["held_elsewhere"] is True
    assert refused["holder"] == "another process"


@pytest.mark.skipif(not POSIX, reason="the folder lock is POSIX flock(); Windows has the lock file alone")
def test_a_lock_file_that_cannot_be_written_leaves_the_folder_lock_in_charge(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock file fails for a reason the folder probe does not find: the lock says so itself."""
    lock = InstanceLock(isolated_data_dir)
    monkeypatch.setattr(QLockFile, "tryLock", lambda self, timeout=0: False)  # error(): NoError
    assert lock.acquire() and not lock.held_elsewhere
    assert lock.problem == f"the lock file {isolated_data_dir / LOCK_NAME} cannot be created"
    assert _try_in_another_process(isolated_data_dir)["held_elsewhere"] is True
    lock.release()
    assert _try_in_another_process(isolated_data_dir)["acquired"] is True


@pytest.mark.skipif(
    AS_ROOT or not POSIX, reason="root writes in a read-only folder; see the read-only disk test"
)
def test_a_read_only_folder_keeps_one_kiosk_through_the_folder_lock(isolated_data_dir: Path) -> None:
    isolated_data_dir.chmod(0o555)
    try:
        lock = InstanceLock(isolated_data_dir)
        assert lock.acquire() and "no permission to write in it" in lock.problem
        assert _try_in_another_process(isolated_data_dir)["held_elsewhere"] is True
        lock.release()
    finally:
        isolated_data_dir.chmod(0o755)


@pytest.mark.skipif(not POSIX, reason="the folder lock is POSIX flock(); Windows has the lock file alone")
def test_reset_pin_refuses_while_a_kiosk_holds_only_the_folder_lock(
    isolated_data_dir: Path, held: InstanceLock, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = isolated_data_dir / "settings.ini"
    settings.write_text("[schema]\nversion=1\n\n[security]\npin_hash=kept\n")
    (isolated_data_dir / LOCK_NAME).unlink()  # as on a full disk
    assert kiosk_main(["reset-pin", "--data-dir", str(isolated_data_dir)]) == 1
    assert "stop it first" in capsys.readouterr().err
    assert "pin_hash=kept" in settings.read_text()


def test_no_lock_at_all_is_an_io_problem_not_a_running_kiosk(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    lock = InstanceLock(blocker / "data")  # neither the folder nor the file can exist
    assert not lock.acquire() and not lock.held_elsewhere
    assert f"the data folder {blocker / 'data'} cannot be created" in lock.problem
    lock.release()


# -- what is wrong with the data folder --------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "says"),
    [
        (errno.ENOSPC, "the disk holding the data folder {folder} is full"),
        (errno.EDQUOT, "the disk holding the data folder {folder} is full"),
        (errno.EROFS, "the data folder {folder} is read-only"),
        (errno.EACCES, "the data folder {folder} is read-only for this user: no permission to write in it"),
        (errno.EPERM, "the data folder {folder} is read-only for this user: no permission to write in it"),
        (errno.EIO, "the data folder {folder} cannot be written (Input/output error)"),
    ],
)
def test_the_data_folder_problem_names_the_cause(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: int, says: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()

    def failing_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    assert data_folder_problem(folder) == says.format(folder=folder)
    assert list(folder.iterdir()) == []  # the probe file is gone


def test_a_writable_data_folder_has_no_problem_and_keeps_no_probe(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    assert data_folder_problem(folder) == ""
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.skipif(
    AS_ROOT or not POSIX, reason="root writes in a read-only folder; the cases above cover it"
)
def test_a_chmod_read_only_folder_is_no_permission(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert "no permission to write in it" in data_folder_problem(folder)
    finally:
        folder.chmod(0o755)


# -- the log file ------------------------------------------------------------------------------


@pytest.fixture
def logs(isolated_data_dir: Path) -> Iterator[KioskLogging]:
    made = KioskLogging(isolated_data_dir)
    yield made
    made.close()


def test_reopen_writes_on_in_a_new_file_after_logrotate_moved_it(logs: KioskLogging) -> None:
    log = logging.getLogger("kiosk.test")
    log.info("before the rotation")
    rotated = logs.path.with_name("kiosk.log.1")
    logs.path.rename(rotated)  # what logrotate does before it sends SIGHUP
    logs.reopen()
    log.info("after the rotation")
    assert "before the rotation" in rotated.read_text() and "after" not in rotated.read_text()
    text = logs.path.read_text()
    assert "after the rotation" in text and "event log_reopened" in text


def test_reopen_without_a_file_does_nothing(isolated_data_dir: Path) -> None:
    logs = KioskLogging(isolated_data_dir, to_file=False)
    logs.reopen()
    logs.close()
    assert not (isolated_data_dir / "logs").exists()


class _FullDisk(io.TextIOWrapper):
    """A log file's stream on a full disk: every write fails with ENOSPC."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8")

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _file_handler(logs: KioskLogging) -> LogFileHandler:
    [handler] = [h for h in logging.getLogger("kiosk").handlers if isinstance(h, LogFileHandler)]
    return handler


def test_a_log_file_on_a_full_disk_is_reported_once_until_it_works_again(
    logs: KioskLogging, capsys: pytest.CaptureFixture[str]
) -> None:
    log = logging.getLogger("kiosk.test")
    handler = _file_handler(logs)
    log.info("the file is open")
    working = handler.stream
    handler.stream = _FullDisk()
    for index in range(20):
        log.info("lost %d", index)
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1 and "No space left on device" in err
    assert "Traceback" not in err and "Logging error" not in err
    handler.stream = working
    log.info("space again")
    assert "space again" in logs.path.read_text() and not handler.failing
    handler.stream = _FullDisk()
    log.info("full again")
    assert capsys.readouterr().err.count("cannot write the log file") == 1  # said again, once
    handler.stream = working


# -- a real full disk --------------------------------------------------------------------------

FULL_DISK_SCRIPT = """
import io, json, logging, os, subprocess, sys
from pathlib import Path
from kiosk.ui.app.runtime import InstanceLock, KioskLogging, data_folder_problem

disk, try_lock, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
folder = disk / "data"  # made before a read-only disk was remounted read-only
if mode == "full":
    folder.mkdir()
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    for size in (65536, 4096, 1):
        try:
            while True:
                os.write(fd, b"\\0" * size)
        except OSError as error:
            fill_errno = error.errno
    os.close(fd)

def second_process():
    done = subprocess.run([sys.executable, "-c", try_lock, str(folder)], capture_output=True, text=True)
    return json.loads(done.stdout) if done.returncode == 0 else {"failed": done.stderr}

result = {"fill_errno": fill_errno if mode == "full" else None, "problem": data_folder_problem(folder)}
lock = InstanceLock(folder)
result["acquired"] = lock.acquire()
result["lock_problem"] = lock.problem
result["lock_file_written"] = (folder / "kiosk.lock").exists()
result["second"] = second_process()

if mode == "full":
    sys.stderr = io.StringIO()
    logs = KioskLogging(folder)
    for index in range(20):
        logging.getLogger("kiosk.test").info("record %d on a full disk", index)
    result["log_warnings"] = sys.stderr.getvalue().count("cannot write the log file")
    result["log_tracebacks"] = sys.stderr.getvalue().count("Traceback")
    filler.unlink()
    logging.getLogger("kiosk.test").info("space again")
    result["logged_after_space"] = "space again" in (folder / "logs" / "kiosk.log").read_text()
    logs.close()
    sys.stderr = sys.__stderr__

lock.release()
result["after_release"] = second_process()
print(json.dumps(result))
"""


def _namespace_mount_problem(mount_point: Path) -> str:
    """Why a tmpfs cannot be mounted in a user and mount namespace here ("" when it can)."""
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is missing"
    probe = f"mount -t tmpfs -o size=1m tmpfs {mount_point}"
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return "" if done.returncode == 0 else (done.stderr.strip() or f"status {done.returncode}")


MOUNT = {
    "full": 'mount -t tmpfs -o size=1m tmpfs "$1"',
    "read-only": 'mount -t tmpfs -o size=1m tmpfs "$1" && mkdir "$1/data" && mount -o remount,ro "$1"',
}


def _run_on_a_small_disk(tmp_path: Path, mode: str) -> dict[str, Any]:
    """FULL_DISK_SCRIPT in a user and mount namespace, on a 1 MiB tmpfs of its own."""
    return _in_a_namespace(tmp_path, MOUNT[mode], FULL_DISK_SCRIPT, [TRY_LOCK, mode])


def _in_a_namespace(tmp_path: Path, mount: str, script_text: str, extra: list[str]) -> dict[str, Any]:
    """`script_text` run as `python script DISK *extra` in a user and mount namespace of its own,
    after `mount` (a shell command on "$1", the disk folder) there; its last line, as JSON."""
    disk = tmp_path / "disk"
    disk.mkdir()
    problem = _namespace_mount_problem(disk)
    if problem:
        pytest.skip(f"needs unprivileged user+mount namespaces to mount a small tmpfs: {problem}")
    script = tmp_path / "in_namespace.py"
    script.write_text(script_text, encoding="utf-8")
    command = f'{mount} && exec "$2" "$3" "$1" "$4" "$5"'
    arguments = [str(disk), sys.executable, str(script), *extra]  # $1 .. $5
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", command, "sh", *arguments],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


LINUX_ONLY = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a tmpfs in a Linux mount namespace"
)


@LINUX_ONLY
def test_on_a_real_full_disk_the_kiosk_says_so_and_still_runs_alone(tmp_path: Path) -> None:
    result = _run_on_a_small_disk(tmp_path, "full")
    folder = tmp_path / "disk" / "data"
    assert result["fill_errno"] == errno.ENOSPC
    assert result["problem"] == f"the disk holding the data folder {folder} is full"
    assert result["acquired"] is True and not result["lock_file_written"]
    assert result["lock_problem"] == result["problem"]
    assert result["second"]["acquired"] is False and result["second"]["held_elsewhere"] is True
    assert result["log_warnings"] == 1 and result["log_tracebacks"] == 0
    assert result["logged_after_space"] is True
    assert result["after_release"]["acquired"] is True


@LINUX_ONLY
def test_on_a_real_read_only_disk_the_kiosk_says_so_and_still_runs_alone(tmp_path: Path) -> None:
    result = _run_on_a_small_disk(tmp_path, "read-only")
    folder = tmp_path / "disk" / "data"
    assert result["problem"] == f"the data folder {folder} is read-only"
    assert result["acquired"] is True and not result["lock_file_written"]
    assert result["lock_problem"] == result["problem"]
    assert result["second"]["acquired"] is False and result["second"]["held_elsewhere"] is True
    assert result["after_release"]["acquired"] is True


TWO_KIOSKS_SCRIPT = """
import json, os, signal, subprocess, sys, time
from dataclasses import replace
from pathlib import Path
from kiosk.settings.pin import hash_pin
from kiosk.ui.common.settings_store import SettingsStore

disk, out, demo = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
folder = disk / "data"
folder.mkdir()
store = SettingsStore(folder / "settings.ini")  # set up (a PIN), so the showroom starts
store.load()
store.update(replace(store.settings, pin_hash=hash_pin("2580", iterations=1000), health_port=0))
fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
for size in (65536, 4096, 1):
    try:
        while True:
            os.write(fd, b"\\0" * size)
    except OSError:
        pass
os.close(fd)
env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
command = [sys.executable, "-m", "kiosk", "--windowed", "--video", demo, "--data-dir", str(folder)]
with open(out / "first.log", "wb") as log:
    first = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
deadline = time.monotonic() + 90
while b"event kiosk_started" not in (out / "first.log").read_bytes():
    assert first.poll() is None and time.monotonic() < deadline, (out / "first.log").read_text()
    time.sleep(0.2)
second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=90)
first.send_signal(signal.SIGTERM)
print(json.dumps({
    "second_status": second.returncode, "second_err": second.stderr,
    "first_status": first.wait(30), "first_log": (out / "first.log").read_text(),
}))
"""


@LINUX_ONLY
def test_two_real_kiosks_on_a_full_disk_one_runs_the_other_is_refused(tmp_path: Path) -> None:
    demo = str(ROOT / "resources" / "demo" / "demo.mp4")
    mount = 'mount -t tmpfs -o size=2m tmpfs "$1"'
    result = _in_a_namespace(tmp_path, mount, TWO_KIOSKS_SCRIPT, [str(tmp_path), demo])
    assert result["second_status"] == 1 and "already running" in result["second_err"], result["second_err"]
    assert result["first_status"] == 0, result["first_log"][-3000:]
    assert "is full: the showroom runs; reactions wait in memory" in result["first_log"]
