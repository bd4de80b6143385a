"""The fleet sync and report against a real PostgreSQL server (tests/pg_cluster.py): the schema,
pushes that must land exactly once (duplicate, interrupted, server restarted), a wrong password,
a server that is not there, the queue across restarts, and `report --fleet`.

Every wait is bounded; nothing here mocks the database."""

from __future__ import annotations

import itertools
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psycopg
import pytest
from pg_cluster import ADMIN_PASSWORD, PgCluster, free_port

from kiosk.analytics import Exposure, ReactionStore
from kiosk.analytics.fleet import FleetConfig, FleetSync, connect_central, push_once
from kiosk.analytics.fleet import _upsert as upsert_batch
from kiosk.analytics.fleet_central import CENTRAL_SCHEMA_VERSION, FleetError, failure_cause, init_central
from kiosk.analytics.fleet_queue import database_id, pending_hours, queued_count
from kiosk.app import main

HOUR = datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)
_names = itertools.count()


def exposure(car: str, at: datetime, seconds: float = 10.0, *, negative: bool = False) -> Exposure:
    return Exposure(
        car_id=car,
        started_at=at,
        ended_at=at + timedelta(seconds=30),
        visitor_seconds=seconds,
        mean_probs={"happy": 0.6, "sad": 0.1, "neutral": 0.3},
        peak_negative=0.1,
        ended_by_negative=negative,
        audio_played=True,
        uplift_success=True,
    )


@pytest.fixture
def bare_database(pg_cluster: PgCluster) -> str:
    """A fresh, empty database in the session's cluster; its DSN has no password, like the settings'."""
    name = f"fleet_{next(_names)}"
    with pg_cluster.admin() as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return pg_cluster.dsn(name)


@pytest.fixture
def database(bare_database: str) -> str:
    """A fresh database set up by its administrator (`fleet init-db`)."""
    with closing(psycopg.connect(bare_database, password=ADMIN_PASSWORD)) as conn:
        init_central(conn)
    return bare_database


BERLIN_ID = "b" * 32


@pytest.fixture
def config(database: str) -> FleetConfig:
    return FleetConfig(
        dsn=database,
        kiosk="berlin-1",
        kiosk_id=BERLIN_ID,
        password=ADMIN_PASSWORD,
        connect_timeout_s=5,
        batch=2,
    )


@pytest.fixture
def local_db(tmp_path: Path) -> Path:
    return tmp_path / "reactions.sqlite3"


def record(db: Path, exposures: list[Exposure]) -> None:
    with ReactionStore.open(db, retention_days=None) as store:
        for item in exposures:
            assert store.record(item)
        assert store.flush(timeout=10)


def central_rows(config: FleetConfig) -> list[tuple[object, ...]]:
    with closing(connect_central(config)) as conn:
        return conn.execute(
            "SELECT kiosk, car_id, hour, exposures, visitor_seconds, negative_switches, audio_plays "
            "FROM kiosk_car_hours ORDER BY kiosk, car_id, hour"
        ).fetchall()


A_DAY = [
    exposure("suv", HOUR + timedelta(minutes=5)),
    exposure("suv", HOUR + timedelta(minutes=50), 20.0, negative=True),
    exposure("suv", HOUR + timedelta(hours=1, minutes=1)),
    exposure("roadster", HOUR + timedelta(minutes=30), 5.0),
    exposure("van", HOUR + timedelta(hours=3)),
]
EXPECTED = [
    ("berlin-1", "roadster", HOUR, 1, 5.0, 0, 1),
    ("berlin-1", "suv", HOUR, 2, 30.0, 1, 2),
    ("berlin-1", "suv", HOUR + timedelta(hours=1), 1, 10.0, 0, 1),
    ("berlin-1", "van", HOUR + timedelta(hours=3), 1, 10.0, 0, 1),
]


def test_push_sends_hourly_sums_only(local_db: Path, config: FleetConfig) -> None:
    record(local_db, A_DAY)
    result = push_once(local_db, config)
    assert (result.pushed, result.remaining) == (4, 0)
    assert central_rows(config) == EXPECTED
    with closing(connect_central(config)) as conn:
        columns = {
            row[0]
            for row in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'kiosk_car_hours'"
            )
        }
        version = conn.execute("SELECT version FROM kiosk_fleet_schema").fetchall()
    assert columns == {
        "kiosk", "car_id", "hour", "exposures", "visitor_seconds", "positive_seconds", "negative_seconds",
        "negative_switches", "audio_plays", "uplift_successes", "pushed_at", "kiosk_id", "database_id",
        "pushed_by",
    }  # fmt: skip
    assert version == [(CENTRAL_SCHEMA_VERSION,)]


def test_init_db_twice_changes_nothing_and_a_newer_schema_is_refused(config: FleetConfig) -> None:
    with closing(connect_central(config)) as conn:
        assert init_central(conn) == (CENTRAL_SCHEMA_VERSION, CENTRAL_SCHEMA_VERSION)
        assert conn.execute("SELECT count(*) FROM kiosk_fleet_schema").fetchone() == (1,)
        conn.execute("UPDATE kiosk_fleet_schema SET version = version + 1")
        conn.commit()
        with pytest.raises(FleetError, match="run init-db from a newer kiosk") as refused:
            init_central(conn)
        assert refused.value.cause == "schema"


def test_a_duplicate_push_never_counts_twice(local_db: Path, config: FleetConfig) -> None:
    record(local_db, A_DAY)
    rows, _keys = pending_hours(local_db, 100)
    with closing(connect_central(config)) as conn:
        key = (config.kiosk_id, database_id(local_db), config.kiosk)
        upsert_batch(conn, key, rows)  # pushed, then the kiosk died before dequeuing
    assert push_once(local_db, config).pushed == 4  # so it all goes again
    with sqlite3.connect(local_db) as conn:  # and once more, as if the queue had been restored
        conn.execute(
            "INSERT INTO fleet_outbox (car_id, hour) "
            "SELECT DISTINCT car_id, substr(started_at, 1, 13) FROM exposures"
        )
    assert push_once(local_db, config).pushed == 4
    assert central_rows(config) == EXPECTED


def test_later_exposures_in_a_pushed_hour_replace_its_sums(local_db: Path, config: FleetConfig) -> None:
    record(local_db, A_DAY)
    push_once(local_db, config)
    record(local_db, [exposure("van", HOUR + timedelta(hours=3, minutes=20), 4.0)])
    assert push_once(local_db, config).pushed == 1
    assert central_rows(config)[-1] == ("berlin-1", "van", HOUR + timedelta(hours=3), 2, 14.0, 0, 2)


def test_the_queue_survives_a_restart_and_two_kiosks_stay_apart(
    tmp_path: Path, local_db: Path, config: FleetConfig
) -> None:
    record(local_db, A_DAY[:2])  # the kiosk records, is switched off before any push...
    record(local_db, A_DAY[2:])  # ...and records more after it starts again
    assert queued_count(local_db) == 4
    other = tmp_path / "other.sqlite3"
    record(other, [exposure("suv", HOUR + timedelta(minutes=10), 7.0)])
    push_once(local_db, config)
    push_once(other, replace(config, kiosk="paris-2", kiosk_id="p" * 32))
    rows = central_rows(config)
    assert rows[:4] == EXPECTED
    assert rows[4] == ("paris-2", "suv", HOUR, 1, 7.0, 0, 1)


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


@contextmanager
def blocked_push(local_db: Path, config: FleetConfig, pg_cluster: PgCluster) -> Iterator[list[object]]:
    """Start a push that blocks on a table lock held by another session; yields its outcome list."""
    outcome: list[object] = []
    lock = pg_cluster.admin(config.dsn.split("dbname=")[1].split()[0])
    lock.execute("BEGIN")
    lock.execute("LOCK TABLE kiosk_car_hours IN EXCLUSIVE MODE")

    def run() -> None:
        try:
            outcome.append(push_once(local_db, config))
        except FleetError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        with pg_cluster.admin() as watcher:  # not `lock`: its transaction would see one snapshot
            wait_until(lambda: _waiting_on_lock(watcher))
        yield outcome
    finally:
        if not lock.closed:
            lock.close()
        thread.join(30)
        assert not thread.is_alive()


def _waiting_on_lock(conn: psycopg.Connection[tuple[object, ...]]) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE application_name = 'emotion-kiosk' AND wait_event_type = 'Lock'"
    ).fetchone()
    return bool(row and row[0])


def test_an_interrupted_sync_loses_nothing_and_counts_nothing_twice(
    local_db: Path, config: FleetConfig, pg_cluster: PgCluster
) -> None:
    record(local_db, A_DAY)
    admin = pg_cluster.admin()
    with blocked_push(local_db, config, pg_cluster) as outcome:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'emotion-kiosk'"
        )
    admin.close()
    assert isinstance(outcome[0], FleetError)
    assert queued_count(local_db) == 4  # nothing was taken off the queue
    assert push_once(local_db, config).pushed == 4
    assert central_rows(config) == EXPECTED


def test_a_server_restart_during_sync_then_the_retry_lands_everything_once(
    local_db: Path, config: FleetConfig, pg_cluster: PgCluster
) -> None:
    record(local_db, A_DAY)
    sync = FleetSync(local_db, config, rng=lambda: 1.0)
    with blocked_push(local_db, config, pg_cluster) as outcome:
        pg_cluster.restart()  # -m fast: every session, the lock's included, is cut off
    assert isinstance(outcome[0], FleetError)
    assert queued_count(local_db) == 4
    assert sync.sync_now()
    assert sync.failures == 0 and sync.pushed == 4
    assert central_rows(config) == EXPECTED


def test_a_wrong_password_is_reported_and_keeps_the_queue(local_db: Path, config: FleetConfig) -> None:
    record(local_db, A_DAY)
    sync = FleetSync(local_db, replace(config, password="wrong"), rng=lambda: 1.0)
    assert not sync.sync_now()
    assert "password authentication failed" in sync.last_error
    assert "wrong" not in sync.last_error
    assert queued_count(local_db) == 4
    assert sync.next_delay_s() == config.retry_min_s


def test_a_server_that_is_not_there_backs_off_then_recovers(local_db: Path, config: FleetConfig) -> None:
    record(local_db, A_DAY)
    absent = replace(config, dsn=f"host=127.0.0.1 port={free_port()} dbname=x user=y", retry_max_s=30.0)
    sync = FleetSync(local_db, absent, rng=lambda: 1.0)
    delays = []
    for _ in range(5):
        assert not sync.sync_now()
        delays.append(sync.next_delay_s())
    assert "cannot connect to the central store" in sync.last_error
    assert delays == [5.0, 10.0, 20.0, 30.0, 30.0]
    assert FleetSync(local_db, absent, rng=lambda: 0.0).next_delay_s() == absent.interval_s
    sync.config = config  # the server is back
    assert sync.sync_now() and sync.next_delay_s() == config.interval_s
    assert central_rows(config) == EXPECTED


def test_the_background_sync_pushes_and_stops(local_db: Path, config: FleetConfig) -> None:
    record(local_db, A_DAY)
    sync = FleetSync(local_db, replace(config, interval_s=0.05))
    sync.start()
    try:
        wait_until(lambda: queued_count(local_db) == 0)
        record(local_db, [exposure("van", HOUR + timedelta(hours=3, minutes=20), 4.0)])
        wait_until(lambda: queued_count(local_db) == 0)
    finally:
        assert sync.stop(timeout_s=20)
    assert central_rows(config)[-1][3] == 2


def test_fleet_report_json_and_csv(
    local_db: Path, config: FleetConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record(local_db, A_DAY)
    push_once(local_db, config)
    other = tmp_path / "other.sqlite3"
    record(other, [exposure("suv", HOUR + timedelta(minutes=10), 30.0)])
    push_once(other, replace(config, kiosk="paris-2", kiosk_id="p" * 32))
    dsn = f"{config.dsn} password={ADMIN_PASSWORD}"
    assert main(["report", "--fleet", dsn, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cars"]["suv"]["exposures"] == 4
    assert data["cars"]["suv"]["visitor_minutes"] == pytest.approx(70 / 60, abs=1e-6)
    paris, berlin = data["kiosks"]["p" * 32], data["kiosks"][BERLIN_ID]
    assert paris["name"] == "paris-2" and paris["cars"]["suv"]["exposures"] == 1
    assert berlin["name"] == "berlin-1" and set(berlin["cars"]) == {"roadster", "suv", "van"}
    assert berlin["last_push"] is not None  # each kiosk's last push
    out = tmp_path / "fleet.csv"
    assert (
        main(["report", "--fleet", dsn, "--since", "2025-03-10", "--until", "2025-03-10", "--csv", str(out)])
        == 0
    )
    lines = out.read_text().splitlines()
    assert lines[0].startswith("kiosk,kiosk_id,car_id,exposures")
    assert "*,*,suv,4," in "\n".join(lines)
    assert f"paris-2,{'p' * 32},suv,1," in "\n".join(lines)
    assert main(["report", "--fleet", dsn, "--since", "2030-01-01"]) == 0
    assert "no figures" in capsys.readouterr().out


def test_fleet_report_errors_are_one_line(config: FleetConfig, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--fleet", f"{config.dsn} password=wrong"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "password authentication failed" in err
    assert main(["report", "--fleet", "not a dsn"]) == 2
    assert "connection string" in capsys.readouterr().err


def test_a_failure_says_its_cause() -> None:
    """What /health and /metrics report as the fleet sync's cause (auth, unreachable, ...)."""
    import sqlite3

    import psycopg.errors

    assert failure_cause(psycopg.errors.InvalidPassword("password authentication failed")) == "auth"
    assert (
        failure_cause(
            psycopg.OperationalError('connection failed: FATAL:  password authentication failed for user "k"')
        )
        == "auth"
    )
    assert failure_cause(psycopg.OperationalError("connection failed: Connection refused")) == "unreachable"
    assert (
        failure_cause(psycopg.errors.InsufficientPrivilege("permission denied for schema public"))
        == "permission"
    )
    assert failure_cause(psycopg.errors.DiskFull("could not extend file")) == "server"
    assert failure_cause(sqlite3.OperationalError("database is locked")) == "local"
    assert failure_cause(FleetError("the central store has schema version 9", "schema")) == "schema"
