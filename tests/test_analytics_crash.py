"""A writer killed mid-write (SIGKILL, as in a power cut for the process) leaves a sound database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

import kiosk
from kiosk.analytics import ReactionStore

PROJECT_ROOT = Path(kiosk.__file__).resolve().parent.parent

# Writes numbered exposures as fast as it can; every value derives from the number, so a
# torn row shows. After each flush it prints the count that is committed.
WRITER_SCRIPT = """
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from kiosk.analytics import Exposure, ReactionStore

base = datetime(2025, 1, 1, tzinfo=timezone.utc)
store = ReactionStore.open(Path(sys.argv[1]), retention_days=None)
n = 0
while True:
    for _ in range(25):
        n += 1
        exposure = Exposure(
            car_id=f"car-{n}", started_at=base + timedelta(seconds=n),
            ended_at=base + timedelta(seconds=n + 1),
            visitor_seconds=float(n % 7 + 1), mean_probs={"happy": (n % 10) / 10, "sad": (n % 3) / 10},
            peak_negative=(n % 5) / 10, ended_by_negative=n % 2 == 0, audio_played=True,
            uplift_success=n % 4 == 0,
        )
        assert store.record(exposure)  # held in memory until written: never refused while open
    store.flush()
    print(n, flush=True)
"""


def run_writer_and_kill(db_path: Path, log_path: Path, kill_after: int) -> int:
    """Start the writer, wait (on its output, not a timer) until enough is committed, SIGKILL it."""
    python_path = [str(PROJECT_ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(python_path)}
    command = [sys.executable, "-c", WRITER_SCRIPT, str(db_path)]
    with (
        open(log_path, "w") as log,
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=log, text=True, env=env, cwd=db_path.parent
        ) as proc,
    ):
        assert proc.stdout is not None
        committed = 0
        try:
            while committed < kill_after:
                line = proc.stdout.readline()
                assert line, f"writer exited early: {log_path.read_text()}"
                committed = int(line)
        finally:
            proc.kill()  # SIGKILL on POSIX: no cleanup, no close(), whatever was mid-write stays
            proc.wait()
    return committed


@pytest.mark.parametrize("kill_after", [100, 1000])
def test_killed_writer_leaves_a_consistent_database(tmp_path: Path, kill_after: int) -> None:
    db_path = tmp_path / "reactions.sqlite3"
    committed = run_writer_and_kill(db_path, tmp_path / "writer.log", kill_after)
    assert db_path.with_name(db_path.name + "-wal").exists()  # recovery starts from the WAL left behind

    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute(
            "SELECT id, car_id, visitor_seconds, p_happy, p_sad, p_neutral, peak_negative, "
            "ended_by_negative, audio_played, uplift_success FROM exposures ORDER BY id"
        ).fetchall()
    assert len(rows) >= committed  # everything flushed before the kill survived
    for n, row in enumerate(rows, start=1):  # ids without gaps: no batch was half-written
        assert row == (
            n,
            f"car-{n}",
            n % 7 + 1,
            (n % 10) / 10,
            (n % 3) / 10,
            0.0,
            (n % 5) / 10,
            int(n % 2 == 0),
            1,
            int(n % 4 == 0),
        )

    with ReactionStore.open(db_path, retention_days=None) as store:  # and the kiosk can go on using it
        assert sum(s.exposures for s in store.summary()) == len(rows)
