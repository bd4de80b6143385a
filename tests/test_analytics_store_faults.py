"""The reaction database never silently loses records (#28): a lock held by another program, the
file deleted or replaced under the kiosk, a full disk, the memory bound, and a bounded close().

Real SQLite throughout; a lock that is another program's is held by another process, and the
full disk is a real 1 MiB tmpfs in a user namespace. Conditions are polled with a deadline.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import kiosk
from kiosk.analytics import Exposure, ReactionStore, StoreUnavailableError
from kiosk.analytics.database import DATABASE_ID_SQL, SCHEMA_VERSION
from kiosk.analytics.faults import StoreTimings, fault_reason
from kiosk.analytics.fleet_queue import queued_count
from kiosk.analytics.recovery import open_reaction_store
from kiosk.ui.settings.reactions_page import ReactionsPage

PROJECT_ROOT = Path(kiosk.__file__).resolve().parent.parent
NOW = datetime(2025, 3, 10, 12, 0).astimezone()
FAST = StoreTimings(busy_timeout_s=0.1, retry_first_s=0.05, retry_max_s=0.5, check_interval_s=0.1)
STORE_LOG = "kiosk.analytics.store"

# Holds the database in another process: BEGIN EXCLUSIVE, "locked" on stdout, then waits for a
# line on stdin (the test's "release"), rolls back and says "released".
LOCKER_SCRIPT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
print("released", flush=True)
"""


def exposure(n: int) -> Exposure:
    start = NOW + timedelta(minutes=n)
    return Exposure(
        car_id=f"car-{n}",
        started_at=start,
        ended_at=start + timedelta(seconds=20),
        visitor_seconds=10.0,
        mean_probs={"happy": 0.5, "neutral": 0.5},
        peak_negative=0.1,
        ended_by_negative=False,
        audio_played=False,
        uplift_success=None,
    )


def database_id(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute(DATABASE_ID_SQL).fetchone()[0])


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def rows(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [str(r[0]) for r in conn.execute("SELECT car_id FROM exposures ORDER BY id")]


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def events(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "event reaction_db_" in r.getMessage()]


@contextmanager
def locked_by_another_process(path: Path) -> Iterator[Callable[[], None]]:
    """A second process holds `path` with BEGIN EXCLUSIVE until the yielded release() is called."""
    proc = subprocess.Popen(
        [sys.executable, "-c", LOCKER_SCRIPT, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout

    def release() -> None:
        stdin.write("release\n")
        stdin.flush()
        assert stdout.readline().strip() == "released"

    try:
        assert stdout.readline().strip() == "locked"
        yield release
    finally:
        proc.kill()
        proc.wait()
        stdin.close()
        stdout.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "reactions.sqlite3"


@pytest.fixture
def log_events(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="kiosk.analytics")
    return caplog


# -- another program holds the lock --------------------------------------------------------


@pytest.mark.parametrize("existing", ["wal database", "new file of the other program"])
def test_a_lock_at_start_neither_blocks_nor_stops_the_records(
    db_path: Path, log_events: pytest.LogCaptureFixture, existing: str
) -> None:
    if existing == "wal database":
        ReactionStore.open(db_path).close()
    with locked_by_another_process(db_path) as release:
        started = time.monotonic()
        opened = open_reaction_store(db_path, retention_days=30)  # the kiosk's own timings
        assert time.monotonic() - started < 1.0
        store = opened.store
        assert store is not None and not opened.read_only
        try:
            status = store.status()
            assert (status.state, status.reason) == ("retrying", "locked")
            assert str(db_path) in status.detail and status.since is not None
            for n in range(8):
                assert store.record(exposure(n))
            assert store.status().pending == 8
            release()
            wait_until(lambda: store.status().state == "ok" and store.status().pending == 0)
        finally:
            store.close()
    assert rows(db_path) == [f"car-{n}" for n in range(8)]
    unavailable, recovered = events(log_events)
    assert "reaction_db_unavailable reason=locked" in unavailable and str(db_path) in unavailable
    assert "reaction_db_recovered written=8" in recovered


def test_a_lock_taken_while_running_delays_the_writes_and_loses_nothing(
    db_path: Path, log_events: pytest.LogCaptureFixture
) -> None:
    with ReactionStore.open(db_path, timings=FAST, now=lambda: NOW) as store:
        store.record(exposure(0))
        assert store.flush(timeout=10)
        with locked_by_another_process(db_path) as release:
            for n in range(1, 6):
                store.record(exposure(n))
            wait_until(lambda: store.status().state == "retrying")
            assert store.status().reason == "locked" and store.status().pending == 5
            release()
            assert store.flush(timeout=20)
        assert store.status().state == "ok" and store.dropped == 0
    assert rows(db_path) == [f"car-{n}" for n in range(6)]
    assert [e.split()[1] for e in events(log_events)] == ["reaction_db_unavailable", "reaction_db_recovered"]


def test_changes_while_the_file_cannot_be_written_raise_a_clear_error(db_path: Path) -> None:
    ReactionStore.open(db_path).close()
    with locked_by_another_process(db_path) as release, ReactionStore.start(db_path, timings=FAST) as store:
        with pytest.raises(StoreUnavailableError, match="locked") as raised:
            store.erase_all()
        assert str(db_path) in str(raised.value)
        with pytest.raises(StoreUnavailableError):
            store.set_retention_days(7)
        assert store.retention_days == 7  # kept, and applied once the file opens
        release()


def test_the_reactions_page_says_why_it_cannot_erase(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ReactionStore.open(db_path).close()
    with locked_by_another_process(db_path) as release, ReactionStore.start(db_path, timings=FAST) as store:
        page = ReactionsPage(store)
        qtbot.addWidget(page)
        monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
        with qtbot.assertNotEmitted(page.data_erased):
            page.erase_button.click()
        assert "erase" in page.status_label.text() and str(db_path) in page.status_label.text()
        release()


# -- the file deleted or replaced under the kiosk --------------------------------------------


@pytest.mark.parametrize("deleted", [("",), ("", "-wal", "-shm")], ids=["main file", "with wal and shm"])
def test_a_deleted_database_is_recreated_and_nothing_after_is_lost(
    db_path: Path, log_events: pytest.LogCaptureFixture, deleted: tuple[str, ...]
) -> None:
    with ReactionStore.open(db_path, retention_days=None, timings=FAST) as store:
        store.record(exposure(0))
        assert store.flush(timeout=10)
        assert store.status().recreated_at is None
        first_id = database_id(db_path)
        for suffix in deleted:
            db_path.with_name(db_path.name + suffix).unlink()
        for n in range(1, 4):
            store.record(exposure(n))
        assert store.flush(timeout=10)
        assert store.status().recreated_at is not None and store.status().state == "ok"
        assert rows(db_path) == ["car-1", "car-2", "car-3"]
        assert queued_count(db_path) == 3  # the fleet sync's queue is there, and fills
    assert rows(db_path) == ["car-1", "car-2", "car-3"]
    assert tables(db_path) == {"exposures", "fleet_outbox", "kiosk_meta"}
    assert database_id(db_path) != first_id  # its sums are another database's in the central store
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert events(log_events) == [f"event reaction_db_recreated file={db_path} reason=deleted"]


def test_a_deleted_database_is_recreated_while_idle(
    db_path: Path, log_events: pytest.LogCaptureFixture
) -> None:
    with ReactionStore.open(db_path, timings=FAST) as store:
        for suffix in ("", "-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink()
        wait_until(lambda: store.status().recreated_at is not None)
        assert tables(db_path) == {"exposures", "fleet_outbox", "kiosk_meta"}
    assert "reason=deleted" in events(log_events)[0]


def test_a_replaced_database_is_written_from_then_on(
    db_path: Path, log_events: pytest.LogCaptureFixture
) -> None:
    other = db_path.with_name("backup.sqlite3")
    with ReactionStore.open(other, retention_days=None) as restore:
        restore.record(exposure(100))
    with ReactionStore.open(db_path, retention_days=None, timings=FAST) as store:
        store.record(exposure(0))
        assert store.flush(timeout=10)
        store.record(exposure(1))  # may land in the old file or the new one: both are kept
        os.replace(other, db_path)  # an operator restores a backup while the kiosk runs
        store.record(exposure(2))
        assert store.flush(timeout=10)
    assert rows(db_path)[0] == "car-100" and rows(db_path)[-1] == "car-2"
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert "reason=replaced" in events(log_events)[0]


# -- a full disk -------------------------------------------------------------------------------

SMALL_DISK = "unshare --user --map-root-user --mount (an unprivileged user namespace mounting a tmpfs)"


def _small_disk_problem(folder: Path) -> str:
    """Why the disk-full scenario cannot run here ("" when it can)."""
    if shutil.which("unshare") is None:
        return f"needs {SMALL_DISK}: no unshare command"
    probe = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c"]
    probe += ['mount -t tmpfs -o size=1m tmpfs "$0"', str(folder)]
    done = subprocess.run(probe, capture_output=True, text=True, timeout=30, check=False)
    if done.returncode != 0:
        return f"needs {SMALL_DISK}, which failed here: {done.stderr.strip()}"
    return ""


def test_a_full_disk_keeps_the_exposures_until_there_is_room(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    problem = _small_disk_problem(folder)
    if problem:
        pytest.skip(problem)
    script = str(PROJECT_ROOT / "tests" / "disk_full_scenario.py")
    command = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c"]
    command += [
        'mount -t tmpfs -o size=1m tmpfs "$1" && exec "$0" "$2" "$1"',
        sys.executable,
        str(folder),
        script,
    ]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    assert result["saw_full"], result
    during, after = result["during"], result["after"]
    assert (during["state"], during["reason"], during["pending"]) == ("retrying", "disk_full", 20)
    assert "full" in during["detail"] and "reactions.sqlite3" in during["detail"]
    assert result["flushed"] and (after["state"], after["pending"], after["dropped"]) == ("ok", 0, 0)
    assert result["rows"] == [f"car-{n}" for n in range(21)] and result["integrity"] == ["ok"]
    store_events = [e.split()[1] for e in result["events"] if e.startswith("event ")]
    assert store_events == ["reaction_db_unavailable", "reaction_db_recovered"]
    assert "reason=disk_full" in next(e for e in result["events"] if "unavailable" in e)


# -- the memory bound and close() --------------------------------------------------------------


def test_beyond_the_memory_bound_the_oldest_are_dropped_and_counted(
    db_path: Path, log_events: pytest.LogCaptureFixture
) -> None:
    with ReactionStore.open(db_path, max_pending=5, timings=FAST, now=lambda: NOW) as store:
        with closing(sqlite3.connect(db_path, isolation_level=None)) as blocker:
            blocker.execute("BEGIN IMMEDIATE")  # every write waits, and fails
            for n in range(12):
                assert store.record(exposure(n))  # never blocks, never refuses
            wait_until(lambda: store.dropped == 7)
            assert store.status().pending == 5 and store.status().dropped == 7
            blocker.execute("ROLLBACK")
        assert store.flush(timeout=10)
    assert rows(db_path) == [f"car-{n}" for n in range(7, 12)]  # the newest five
    assert any("reaction_db_dropped" in e for e in events(log_events))


def test_close_while_locked_returns_in_time_and_names_what_was_not_written(
    db_path: Path, log_events: pytest.LogCaptureFixture
) -> None:
    timings = StoreTimings(busy_timeout_s=0.5, retry_first_s=0.05, close_timeout_s=2.0)
    store = ReactionStore.open(db_path, timings=timings)
    with locked_by_another_process(db_path):
        for n in range(3):
            store.record(exposure(n))
        wait_until(lambda: store.status().state == "retrying")
        started = time.monotonic()
        store.close()
        assert time.monotonic() - started < timings.close_timeout_s + 0.5
    assert rows(db_path) == []
    (not_written,) = [r for r in log_events.records if "reaction_db_not_written" in r.getMessage()]
    assert not_written.levelno == logging.ERROR
    assert "count=3" in not_written.getMessage() and "reason=locked" in not_written.getMessage()


# -- naming the fault ---------------------------------------------------------------------------


def _error(message: str, code: int | None) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    if code is not None:
        exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (_error("database or disk is full", 13), "disk_full"),
        (_error("database or disk is full", None), "disk_full"),  # Python 3.10: the message only
        (_error("database is locked", 5), "locked"),
        (_error("disk I/O error", 778), "io_error"),  # SQLITE_IOERR_WRITE, an extended code
        (_error("attempt to write a readonly database", 8), "read_only"),
        (OSError(28, "No space left on device"), "disk_full"),
        (sqlite3.DatabaseError("file is not a database"), "unusable"),
    ],
)
def test_the_fault_is_named(exc: BaseException, reason: str) -> None:
    assert fault_reason(exc) == reason
