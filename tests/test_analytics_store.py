"""ReactionStore: schema and migrations, the writer thread, queries, purge, erase, the no-identity rule."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.analytics import EXPRESSIONS, Exposure, ReactionStore, SchemaError, read_summary
from kiosk.analytics.database import MIGRATIONS, SCHEMA_VERSION

NOW = datetime(2025, 3, 10, 12, 0).astimezone()  # local time, so local dates are predictable


def make_exposure(
    car_id: str = "suv",
    started_at: datetime = NOW,
    seconds: float = 10.0,
    happy: float = 0.5,
    sad: float = 0.2,
    *,
    ended_by_negative: bool = False,
    uplift: bool | None = None,
) -> Exposure:
    probs = {"happy": happy, "sad": sad, "neutral": 1.0 - happy - sad} if seconds > 0 else None
    return Exposure(
        car_id=car_id,
        started_at=started_at,
        ended_at=started_at + timedelta(seconds=20),
        visitor_seconds=seconds,
        mean_probs=probs,
        peak_negative=sad if seconds > 0 else None,
        ended_by_negative=ended_by_negative,
        audio_played=uplift is not None,
        uplift_success=uplift,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "reactions.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[ReactionStore]:
    with ReactionStore.open(db_path, now=lambda: NOW) as opened:
        yield opened


def raw(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, params).fetchall()


def database_at_version(path: Path, version: int) -> None:
    """A file as an older kiosk left it: migrations up to `version` only."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for step in MIGRATIONS[:version]:
            for statement in step:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")


# -- schema and migrations ----------------------------------------------------------------


def test_new_database_is_wal_at_latest_version(store: ReactionStore, db_path: Path) -> None:
    assert raw(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert raw(db_path, "PRAGMA journal_mode") == [("wal",)]
    assert SCHEMA_VERSION >= 2  # so the migration path below is exercised


@pytest.mark.parametrize("start_version", range(SCHEMA_VERSION))
def test_migrates_every_older_version_to_latest(db_path: Path, start_version: int) -> None:
    database_at_version(db_path, start_version)
    with ReactionStore.open(db_path, retention_days=None) as store:
        assert store.record(make_exposure())
        assert store.flush(timeout=10)
    assert raw(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    indexes = raw(db_path, "SELECT name FROM sqlite_master WHERE type = 'index'")
    assert ("exposures_started_at",) in indexes


def test_migration_keeps_existing_rows(db_path: Path) -> None:
    database_at_version(db_path, 1)
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute(
            "INSERT INTO exposures (car_id, started_at, ended_at, visitor_seconds, "
            "ended_by_negative, audio_played) VALUES ('old-car', ?, ?, 0, 0, 0)",
            (NOW.isoformat(), NOW.isoformat()),
        )
    with ReactionStore.open(db_path, retention_days=None) as store:
        assert [s.car_id for s in store.summary()] == ["old-car"]


def test_newer_schema_is_refused_with_a_clear_message(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaError, match="newer version"):
        ReactionStore.open(db_path)
    with pytest.raises(SchemaError, match="newer version"):
        read_summary(db_path)


def test_a_file_that_is_not_a_database_raises_sqlite_error(db_path: Path) -> None:
    db_path.write_bytes(b"this is not a database, just text" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        ReactionStore.open(db_path)


# -- the no-identity rule -----------------------------------------------------------------

FORBIDDEN_NAME_PARTS = ("image", "frame", "crop", "face", "embedding", "pixel", "photo", "blob", "vector")
ALLOWED_TEXT_COLUMNS = {"car_id", "started_at", "ended_at"}


def test_no_column_could_hold_image_data(store: ReactionStore, db_path: Path) -> None:
    tables = raw(db_path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    assert tables == [("exposures",), ("fleet_outbox",), ("kiosk_meta",)], (
        "only the exposures, the fleet's queue and the database's id may exist"
    )
    assert raw(db_path, "SELECT key, length(value) FROM kiosk_meta") == [("database_id", 32)], (
        "the meta table holds the database's random id, nothing else"
    )
    queue = {
        str(name): str(kind).upper() for _, name, kind, *_ in raw(db_path, "PRAGMA table_info(fleet_outbox)")
    }
    assert queue == {"car_id": "TEXT", "hour": "TEXT", "changes": "INTEGER"}, (
        "the queue holds (car, hour) only"
    )
    columns = {
        str(name): str(kind).upper() for _, name, kind, *_ in raw(db_path, "PRAGMA table_info(exposures)")
    }
    for name, kind in columns.items():
        assert kind in {"INTEGER", "REAL", "TEXT"}, f"{name} has type {kind!r} (BLOB or no type)"
        assert not any(part in name.lower() for part in FORBIDDEN_NAME_PARTS), name
    text_columns = {name for name, kind in columns.items() if kind == "TEXT"}
    assert text_columns == ALLOWED_TEXT_COLUMNS, "a new TEXT column could carry encoded image data"
    expected = {
        "id",
        "visitor_seconds",
        "peak_negative",
        "ended_by_negative",
        "audio_played",
        "uplift_success",
    }
    expected |= ALLOWED_TEXT_COLUMNS | {f"p_{name}" for name in EXPRESSIONS}
    assert set(columns) == expected


def test_database_rejects_a_blob_in_a_number_column(store: ReactionStore, db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO exposures (car_id, started_at, ended_at, visitor_seconds, "
            "ended_by_negative, audio_played) VALUES ('x', 'a', 'b', 0, ?, 0)",
            (b"\x89PNG",),
        )


# -- writing --------------------------------------------------------------------------------


def test_recorded_exposure_is_stored_exactly(store: ReactionStore, db_path: Path) -> None:
    assert store.record(make_exposure("coupe", seconds=8.0, happy=0.6, sad=0.1, uplift=True))
    assert store.flush(timeout=10)
    (row,) = raw(
        db_path,
        "SELECT car_id, visitor_seconds, p_happy, p_sad, p_angry, peak_negative, "
        "ended_by_negative, audio_played, uplift_success, started_at FROM exposures",
    )
    assert row[:9] == ("coupe", 8.0, 0.6, 0.1, 0.0, 0.1, 0, 1, 1)
    assert datetime.fromisoformat(str(row[9])) == NOW


def test_exposure_without_visitor_stores_nulls(store: ReactionStore, db_path: Path) -> None:
    store.record(make_exposure(seconds=0.0))
    store.flush(timeout=10)
    assert raw(db_path, "SELECT p_happy, peak_negative, uplift_success FROM exposures") == [
        (None, None, None)
    ]


def test_close_writes_what_is_still_queued(db_path: Path) -> None:
    store = ReactionStore.open(db_path)
    for i in range(50):
        store.record(make_exposure(f"car-{i}"))
    store.close()
    store.close()  # twice is fine
    assert raw(db_path, "SELECT COUNT(*) FROM exposures") == [(50,)]
    assert store.record(make_exposure()) is False
    with pytest.raises(RuntimeError, match="closed"):
        store.erase_all()


@pytest.mark.parametrize(
    "changes",
    [
        {"car_id": ""},
        {"visitor_seconds": -1.0},
        {"visitor_seconds": float("nan")},
        {"mean_probs": {"happy": 1.5}},
        {"mean_probs": {"smug": 0.5}},
        {"mean_probs": None},
        {"started_at": datetime(2025, 3, 10, 12, 0)},  # naive
        {"audio_played": True, "uplift_success": None},
        {"peak_negative": 2.0},
    ],
)
def test_invalid_exposure_is_refused(changes: dict[str, object]) -> None:
    fields = make_exposure().__dict__ | changes
    with pytest.raises(ValueError):
        Exposure(**fields)


# -- reading --------------------------------------------------------------------------------


def test_summary_weights_shares_by_visitor_seconds(store: ReactionStore) -> None:
    store.record(make_exposure("suv", seconds=30.0, happy=0.8, sad=0.1, ended_by_negative=False, uplift=True))
    store.record(make_exposure("suv", seconds=10.0, happy=0.0, sad=0.9, ended_by_negative=True, uplift=False))
    store.record(make_exposure("suv", seconds=0.0))  # shown to nobody: counted, weighs nothing
    store.record(make_exposure("van", seconds=60.0, happy=0.25, sad=0.25))
    store.flush(timeout=10)
    suv, van = store.summary()
    assert (suv.car_id, suv.exposures, suv.visitor_minutes) == ("suv", 3, pytest.approx(40 / 60))
    assert suv.positive_share == pytest.approx((30 * 0.8 + 10 * 0.0) / 40)
    assert suv.negative_share == pytest.approx((30 * 0.1 + 10 * 0.9) / 40)
    assert suv.neutral_share == pytest.approx(1 - 0.6 - 0.3)
    assert (suv.negative_switches, suv.audio_plays, suv.uplift_successes) == (1, 2, 1)
    assert suv.uplift_success_rate == pytest.approx(0.5)
    assert van.uplift_success_rate is None and van.negative_switches == 0


def test_car_without_visitors_has_undefined_shares(store: ReactionStore) -> None:
    store.record(make_exposure("ghost", seconds=0.0))
    store.flush(timeout=10)
    (ghost,) = store.summary()
    assert ghost.exposures == 1
    assert ghost.positive_share is None and ghost.negative_share is None and ghost.neutral_share is None


def test_summary_date_range_is_inclusive_local_days(store: ReactionStore) -> None:
    for day in (8, 9, 10):
        start = datetime(2025, 3, day, 0, 0, 1).astimezone()
        store.record(make_exposure(f"car-{day}", started_at=start))
    store.record(make_exposure("car-9", started_at=datetime(2025, 3, 9, 23, 59, 59).astimezone()))
    store.flush(timeout=10)
    cars = {s.car_id: s.exposures for s in store.summary(date(2025, 3, 9), date(2025, 3, 9))}
    assert cars == {"car-9": 2}
    assert [s.car_id for s in store.summary(since=date(2025, 3, 10))] == ["car-10"]
    assert [s.car_id for s in store.summary(until=date(2025, 3, 8))] == ["car-8"]
    with pytest.raises(ValueError, match="after"):
        store.summary(date(2025, 3, 10), date(2025, 3, 9))


def test_summary_of_missing_file_is_empty_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    assert read_summary(path) == []
    assert not path.exists()


# -- purge and erase ------------------------------------------------------------------------


def test_purge_deletes_only_exposures_older_than_the_days(store: ReactionStore) -> None:
    for age in (40, 31, 29, 1):
        store.record(make_exposure(f"age-{age}", started_at=NOW - timedelta(days=age)))
    store.flush(timeout=10)
    assert store.purge(30) == 2
    assert [s.car_id for s in store.summary()] == ["age-1", "age-29"]


def test_open_purges_by_retention(db_path: Path) -> None:
    with ReactionStore.open(db_path, retention_days=None) as store:
        store.record(make_exposure("old", started_at=NOW - timedelta(days=31)))
        store.record(make_exposure("new", started_at=NOW - timedelta(days=29)))
    with ReactionStore.open(db_path, now=lambda: NOW) as store:  # default retention: 30 days
        assert store.retention_days == 30
        assert [s.car_id for s in store.summary()] == ["new"]


def test_set_retention_days_purges_at_once(store: ReactionStore) -> None:
    store.record(make_exposure("eight-days", started_at=NOW - timedelta(days=8)))
    store.flush(timeout=10)
    assert store.set_retention_days(7) == 1
    assert store.retention_days == 7 and store.summary() == []
    with pytest.raises(ValueError):
        store.set_retention_days(0)


def test_writer_purges_automatically_as_time_passes(db_path: Path) -> None:
    clock = [NOW]
    with ReactionStore.open(db_path, retention_days=30, now=lambda: clock[0], purge_interval_s=0) as store:
        store.record(make_exposure("first", started_at=NOW))
        store.flush(timeout=10)
        clock[0] = NOW + timedelta(days=31)
        store.record(make_exposure("later", started_at=clock[0]))
        store.flush(timeout=10)
        assert [s.car_id for s in store.summary()] == ["later"]


def test_erase_all_empties_the_database(store: ReactionStore, db_path: Path) -> None:
    for i in range(5):
        store.record(make_exposure(f"car-{i}"))
    store.flush(timeout=10)
    assert store.erase_all() == 5
    assert store.summary() == []
    store.record(make_exposure("after"))  # the store keeps working
    store.flush(timeout=10)
    assert [s.car_id for s in store.summary()] == ["after"]
    assert raw(db_path, "PRAGMA integrity_check") == [("ok",)]


def test_the_fleet_queue_follows_inserts_and_purges(db_path: Path) -> None:
    old = NOW - timedelta(days=40)
    with ReactionStore.open(db_path, retention_days=None, now=lambda: NOW) as store:
        for item in (make_exposure("suv"), make_exposure("suv"), make_exposure("van", old)):
            assert store.record(item)
        assert store.flush(timeout=10)
        queued = raw(db_path, "SELECT car_id, changes FROM fleet_outbox ORDER BY car_id")
        assert queued == [("suv", 2), ("van", 1)]
        store.purge(30)
    assert raw(db_path, "SELECT car_id FROM fleet_outbox") == [("suv",)]


def test_migrating_to_v3_queues_the_existing_exposures(db_path: Path) -> None:
    database_at_version(db_path, 2)
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute(
            "INSERT INTO exposures (car_id, started_at, ended_at, visitor_seconds, "
            "ended_by_negative, audio_played) VALUES ('old-car', '2025-03-10T11:05:00.000000+00:00', "
            "'2025-03-10T11:06:00.000000+00:00', 0, 0, 0)"
        )
    with ReactionStore.open(db_path, retention_days=None):
        pass
    assert raw(db_path, "SELECT car_id, hour, changes FROM fleet_outbox") == [("old-car", "2025-03-10T11", 1)]
