"""A bad reaction database never stops the records for good, and a read-only one is left as it is."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import pytest

from kiosk.analytics import ReactionStore, read_summary
from kiosk.analytics import database as database_module
from kiosk.analytics.database import CorruptDatabaseError
from kiosk.analytics.recovery import open_reaction_store

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
GARBAGE = b"\x00\xffthis is not a database" * 300


def _exposure_count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM exposures").fetchone()[0])


def _records_again(store: ReactionStore) -> None:
    from test_analytics_store import make_exposure

    assert store.record(make_exposure(started_at=datetime.now(timezone.utc)))
    assert store.flush(timeout=10)


def _damaged_database(path: Path) -> None:
    """A database SQLite opens (the schema page is intact) whose table pages are damaged."""
    ReactionStore.open(path, retention_days=None).close()
    row = ("suv", "2025-01-01T00:00:00.000000+00:00", "2025-01-01T00:00:10.000000+00:00", 5.0, 0, 0)
    columns = "car_id, started_at, ended_at, visitor_seconds, ended_by_negative, audio_played"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.executemany(f"INSERT INTO exposures ({columns}) VALUES (?, ?, ?, ?, ?, ?)", [row] * 400)
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    data = bytearray(path.read_bytes())
    start = page_size * (pages - 2)  # a table or index page, far from the schema on page 1
    data[start + 8 : start + 64] = b"\xa5" * 56  # its cell pointers now point outside the page
    path.write_bytes(bytes(data))


def test_garbage_is_set_aside_and_a_fresh_database_records(tmp_path: Path) -> None:
    path = tmp_path / "reactions.sqlite3"
    path.write_bytes(GARBAGE)
    path.with_name(path.name + "-wal").write_bytes(b"old wal")
    opened = open_reaction_store(path, retention_days=30)
    assert opened.store is not None
    try:
        _records_again(opened.store)
    finally:
        opened.store.close()
    assert _exposure_count(path) == 1
    copy = opened.set_aside
    assert copy is not None and copy.name.startswith("reactions.sqlite3.corrupt-")
    assert copy.read_bytes() == GARBAGE  # kept untouched for the operator
    assert copy.with_name(copy.name + "-wal").read_bytes() == b"old wal"
    assert copy.name in opened.notice and str(copy.parent) in opened.notice
    assert "recorded again" in opened.notice


def test_a_database_failing_its_integrity_check_is_refused_by_the_store(tmp_path: Path) -> None:
    path = tmp_path / "reactions.sqlite3"
    _damaged_database(path)
    with pytest.raises(CorruptDatabaseError, match="integrity check"):
        ReactionStore.open(path)


def test_a_database_failing_its_integrity_check_is_set_aside_too(tmp_path: Path) -> None:
    path = tmp_path / "reactions.sqlite3"
    _damaged_database(path)
    damaged = path.read_bytes()
    opened = open_reaction_store(path, retention_days=30)
    assert opened.store is not None
    try:
        _records_again(opened.store)
    finally:
        opened.store.close()
    assert opened.set_aside is not None and opened.set_aside.read_bytes() == damaged
    assert "integrity check" in opened.notice
    assert _exposure_count(path) == 1


def _wal_database(path: Path) -> None:
    from test_analytics_store import make_exposure

    with ReactionStore.open(path, retention_days=None) as store:
        store.record(make_exposure())


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_read_only_database_is_left_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reactions.sqlite3"
    _wal_database(path)
    before, content = _files(tmp_path), path.read_bytes()
    monkeypatch.setattr("kiosk.analytics.recovery.is_writable", lambda _path: False)  # root writes anyway
    opened = open_reaction_store(path, retention_days=30)
    assert opened.store is None and opened.read_only
    assert "read-only" in opened.notice and str(path) in opened.notice
    assert _files(tmp_path) == before and path.read_bytes() == content


def test_a_database_sqlite_opens_read_only_leaves_no_wal_or_shm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own answer ("attempt to write a readonly database"), as a read-only mount gives it."""
    path = tmp_path / "reactions.sqlite3"
    _wal_database(path)
    before = _files(tmp_path)
    real_connect = sqlite3.connect

    def read_only_connect(database: str, **kwargs: object) -> sqlite3.Connection:
        return real_connect(database.replace("mode=rwc", "mode=ro"), **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(database_module.sqlite3, "connect", read_only_connect)
    opened = open_reaction_store(path, retention_days=30)
    assert opened.store is None and opened.read_only
    assert _files(tmp_path) == before  # no -wal / -shm left behind


@pytest.mark.skipif(AS_ROOT, reason="root writes to read-only files; the tests above cover the logic")
def test_a_chmod_read_only_folder_is_detected_and_still_readable(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "reactions.sqlite3"
    _wal_database(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        opened = open_reaction_store(path, retention_days=30)
        assert opened.store is None and opened.read_only
        assert [s.car_id for s in read_summary(path)] == ["suv"]
        assert _files(folder) == {"reactions.sqlite3"}
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_the_report_reads_a_read_only_database_without_creating_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reactions.sqlite3"
    _wal_database(path)
    monkeypatch.setattr(database_module, "is_writable", lambda _path: False)
    real_connect = sqlite3.connect
    uris: list[str] = []

    def recording_connect(database: str, **kwargs: object) -> sqlite3.Connection:
        uris.append(database)
        return real_connect(database, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(database_module.sqlite3, "connect", recording_connect)
    assert [s.car_id for s in read_summary(path)] == ["suv"]
    assert uris and all("immutable=1" in uri for uri in uris)
    assert _files(tmp_path) == {"reactions.sqlite3"}
