"""The disk-full scenario of tests/test_analytics_store_faults.py, run on a small filesystem of its own.

Usage: python disk_full_scenario.py DIR, where DIR is a tiny tmpfs (the test mounts one in a
user namespace). Opens the reaction store in DIR, fills the disk with a file, records
exposures, removes the file, and prints one JSON object: the store's status while the disk
was full and after, the rows in the database, its integrity and the store's log events.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import asdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kiosk.analytics import Exposure, ReactionStore
from kiosk.analytics.faults import StoreTimings

FAST = StoreTimings(busy_timeout_s=0.1, retry_first_s=0.05, retry_max_s=0.2, check_interval_s=0.1)
RECORDED_WHILE_FULL = 20
START = datetime(2025, 3, 10, 12, 0, tzinfo=timezone.utc)


class _Events(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def exposure(n: int) -> Exposure:
    start = START + timedelta(minutes=n)
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


def fill(path: Path) -> int:
    """Write `path` until the disk is full; returns the bytes written."""
    written = 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        while True:
            written += os.write(fd, b"\xff" * 4096)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)
    return written


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def main(folder: Path) -> dict[str, object]:
    events = _Events()
    logging.getLogger("kiosk.analytics").addHandler(events)
    logging.getLogger("kiosk.analytics").setLevel(logging.INFO)
    db = folder / "reactions.sqlite3"
    store = ReactionStore.open(db, retention_days=None, timings=FAST)
    store.record(exposure(0))
    assert store.flush(timeout=10), "the first exposure was not written"
    filler = folder / "filler"
    filled = fill(filler)
    for n in range(1, RECORDED_WHILE_FULL + 1):
        store.record(exposure(n))
    saw_full = wait_until(lambda: store.status().reason == "disk_full")
    during = asdict(store.status())
    filler.unlink()
    flushed = store.flush(timeout=30)
    after = asdict(store.status())
    store.close()
    with closing(sqlite3.connect(db)) as conn:
        rows = [str(r[0]) for r in conn.execute("SELECT car_id FROM exposures ORDER BY id")]
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
    return {
        "filled_bytes": filled,
        "saw_full": saw_full,
        "during": during,
        "flushed": flushed,
        "after": after,
        "rows": rows,
        "integrity": [r[0] for r in integrity],
        "events": events.messages,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
