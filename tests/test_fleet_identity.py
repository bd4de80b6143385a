"""The fleet as a dealer group's IT runs it, against a real PostgreSQL server (tests/pg_cluster.py):
kiosks known by their ids, so no sequence of name clashes, copied settings, reset or restored
databases or restarts lowers or doubles a central figure; least privilege (init-db by an
administrator, kiosks in a writer role that cannot change the schema or another kiosk's rows,
reports in a reader role); heartbeats and `fleet status`; a last push at a clean stop.

Every wait is bounded; nothing here mocks the database."""

from __future__ import annotations

import io
import itertools
import json
import shutil
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import keyring
import psycopg
import pytest
from pg_cluster import ADMIN_PASSWORD, PgCluster, free_port
from test_session_fleet_link import MemoryKeyring

from kiosk.analytics import Exposure, ReactionStore
from kiosk.analytics.fleet import FleetConfig, FleetSync, push_once
from kiosk.analytics.fleet_central import (
    CENTRAL_MIGRATIONS,
    CENTRAL_SCHEMA_VERSION,
    READER_ROLE,
    WRITER_ROLE,
    FleetError,
    init_central,
)
from kiosk.analytics.fleet_queue import _PENDING_SQL as PENDING_SQL
from kiosk.analytics.fleet_queue import queued_count
from kiosk.analytics.fleet_status import Heartbeat
from kiosk.app import main

HOUR = datetime(2025, 3, 10, 18, 0, tzinfo=timezone.utc)
PARIS, OTHER = "a" * 32, "c" * 32
_names = itertools.count()


def exposure(car: str, minute: int, seconds: float = 10.0) -> Exposure:
    at = HOUR + timedelta(minutes=minute)
    return Exposure(
        car_id=car,
        started_at=at,
        ended_at=at + timedelta(seconds=30),
        visitor_seconds=seconds,
        mean_probs={"happy": 0.6, "sad": 0.1, "neutral": 0.3},
        peak_negative=0.1,
        ended_by_negative=False,
        audio_played=False,
        uplift_success=None,
    )


def record(db: Path, *minutes: int, car: str = "celesta") -> None:
    with ReactionStore.open(db, retention_days=None) as store:
        for minute in minutes:
            assert store.record(exposure(car, minute))
        assert store.flush(timeout=10)


@pytest.fixture
def database(pg_cluster: PgCluster) -> str:
    name = f"ident_{next(_names)}"
    with pg_cluster.admin() as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return name


def admin_config(pg_cluster: PgCluster, database: str, kiosk_id: str, name: str) -> FleetConfig:
    return FleetConfig(
        dsn=pg_cluster.dsn(database),
        kiosk=name,
        kiosk_id=kiosk_id,
        password=ADMIN_PASSWORD,
        connect_timeout_s=5,
    )


def set_up(pg_cluster: PgCluster, database: str) -> None:
    with closing(pg_cluster.admin(database)) as conn:
        init_central(conn)


def login(pg_cluster: PgCluster, role: str) -> tuple[str, str]:
    """A login of its own in `role` (roles are the cluster's: each test makes its own)."""
    user = f"login_{next(_names)}"
    with pg_cluster.admin() as conn:
        conn.execute(f"CREATE ROLE {user} LOGIN PASSWORD 'pw-{user}' IN ROLE {role}")
    return user, f"pw-{user}"


def totals(pg_cluster: PgCluster, database: str) -> dict[str, int]:
    with closing(pg_cluster.admin(database)) as conn:
        rows = conn.execute(
            "SELECT kiosk_id, SUM(exposures) FROM kiosk_car_hours GROUP BY kiosk_id"
        ).fetchall()
    return {str(k): int(v) for k, v in rows}


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


# -- identity: nothing lowers or doubles a central figure ---------------------------------------


def test_no_clash_copy_reset_restore_or_restart_lowers_or_doubles_a_figure(
    pg_cluster: PgCluster, database: str, tmp_path: Path
) -> None:
    set_up(pg_cluster, database)
    paris = admin_config(pg_cluster, database, PARIS, "paris-2")
    db = tmp_path / "paris.sqlite3"
    record(db, 1, 2, 3)
    backup = tmp_path / "backup.sqlite3"
    shutil.copy(db, backup)  # a backup, taken with three exposures queued
    record(db, 4, 5)
    assert push_once(db, paris).pushed == 1
    assert totals(pg_cluster, database) == {PARIS: 5}

    copied = tmp_path / "copied.sqlite3"  # a second kiosk with paris-2's settings file: its own id
    record(copied, 7)
    push_once(copied, replace(paris, kiosk_id=OTHER))
    assert totals(pg_cluster, database) == {PARIS: 5, OTHER: 1}  # paris-2's hour untouched

    db.unlink()  # paris-2's database reset: a new file, a new database id
    record(db, 20, 21)
    push_once(db, paris)
    assert totals(pg_cluster, database) == {PARIS: 7, OTHER: 1}  # added, not replaced

    shutil.copy(backup, db)  # the old backup restored: its queue holds the hour with 3
    assert queued_count(db) == 1
    push_once(db, paris)
    assert totals(pg_cluster, database) == {PARIS: 7, OTHER: 1}  # not lowered to 3 + 2

    with sqlite3.connect(db) as conn:  # a restart, and the same hour queued again
        conn.execute("INSERT INTO fleet_outbox (car_id, hour) VALUES ('celesta', '2025-03-10T18')")
    push_once(db, paris)
    push_once(db, paris)
    assert totals(pg_cluster, database) == {PARIS: 7, OTHER: 1}  # not doubled


def test_a_name_clash_is_reported_by_both_kiosks_and_in_fleet_status_never_overwritten(
    pg_cluster: PgCluster, database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(pg_cluster, database)
    beat = Heartbeat(host="pc-1", version="0.1.0", model_version="2.2.0", status="ok", camera="live")
    syncs = []
    for n, kiosk_id in enumerate((PARIS, OTHER)):
        db = tmp_path / f"k{n}.sqlite3"
        record(db, n + 1)
        host = replace(beat, host=f"pc-{n}")
        config = admin_config(pg_cluster, database, kiosk_id, "Paris 2")
        syncs.append(FleetSync(db, config, heartbeat_source=lambda host=host: host))
    assert all(sync.sync_now() for sync in syncs)
    assert syncs[0].sync_now()  # the first kiosk sees the second one now
    assert "the name 'Paris 2' is also used by kiosk cccccccc on pc-1" in syncs[0].state()["clashes"]
    assert "the name 'Paris 2' is also used by kiosk aaaaaaaa on pc-0" in syncs[1].state()["clashes"]
    assert totals(pg_cluster, database) == {PARIS: 1, OTHER: 1}
    dsn = f"{pg_cluster.dsn(database)} password={ADMIN_PASSWORD}"
    assert main(["fleet", "status", "--dsn", dsn, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [k["flags"] for k in listed] == [["NAME CLASH"], ["NAME CLASH"]]


def test_the_same_id_on_two_pcs_is_reported(pg_cluster: PgCluster, database: str, tmp_path: Path) -> None:
    """A whole data folder copied to a second PC: one id, two hosts, heartbeating in turn."""
    set_up(pg_cluster, database)
    db = tmp_path / "k.sqlite3"
    record(db, 1)
    config = admin_config(pg_cluster, database, PARIS, "paris-2")
    first = FleetSync(db, config, heartbeat_source=lambda: Heartbeat(host="pc-1"))
    second = FleetSync(db, config, heartbeat_source=lambda: Heartbeat(host="pc-2"))
    assert first.sync_now() and second.sync_now()
    assert second.state()["clashes"] == [
        "this kiosk's id aaaaaaaa also heartbeats from pc-1 (a copied data folder?)"
    ]


# -- schema: set up once by an administrator, a range of versions ---------------------------------


def test_a_kiosk_never_runs_ddl_and_queues_until_init_db(
    pg_cluster: PgCluster, database: str, tmp_path: Path
) -> None:
    db = tmp_path / "k.sqlite3"
    record(db, 1, 2)
    config = admin_config(pg_cluster, database, PARIS, "paris-2")  # even an administrator's login
    with pytest.raises(FleetError, match="no fleet schema yet: an administrator runs") as refused:
        push_once(db, config)
    assert refused.value.cause == "schema" and queued_count(db) == 1
    with closing(pg_cluster.admin(database)) as conn:
        assert conn.execute("SELECT to_regclass('kiosk_car_hours')").fetchone() == (None,)  # nothing made
    dsn = f"{pg_cluster.dsn(database)} password={ADMIN_PASSWORD}"
    assert main(["fleet", "init-db", "--dsn", dsn]) == 0
    assert push_once(db, config).pushed == 1 and queued_count(db) == 0


def test_init_db_migrates_a_central_store_made_by_older_kiosks(
    pg_cluster: PgCluster, database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(pg_cluster.admin(database)) as conn:  # what kiosks up to 0.1.0 made themselves
        conn.execute("CREATE TABLE kiosk_fleet_schema (version INTEGER NOT NULL)")
        for statement in CENTRAL_MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("INSERT INTO kiosk_fleet_schema VALUES (1)")
        conn.execute(
            "INSERT INTO kiosk_car_hours VALUES ('berlin-1', 'suv', %s, 3, 30, 10, 5, 0, 1, 1, now())",
            (HOUR,),
        )
    db = tmp_path / "k.sqlite3"
    record(db, 1)
    config = admin_config(pg_cluster, database, PARIS, "paris-2")
    with pytest.raises(FleetError, match="schema version 1, this kiosk needs 2"):
        push_once(db, config)
    dsn = f"{pg_cluster.dsn(database)} password={ADMIN_PASSWORD}"
    assert main(["fleet", "init-db", "--dsn", dsn]) == 0
    assert f"version {CENTRAL_SCHEMA_VERSION} (migrated from version 1)" in capsys.readouterr().out
    push_once(db, config)
    assert totals(pg_cluster, database) == {"name:berlin-1": 3, PARIS: 1}  # the old rows are kept


@pytest.mark.parametrize(("version", "compatible_from", "works"), [(3, 2, True), (3, 3, False)])
def test_a_kiosk_works_with_any_central_schema_that_keeps_what_it_needs(
    pg_cluster: PgCluster, database: str, tmp_path: Path, version: int, compatible_from: int, works: bool
) -> None:
    set_up(pg_cluster, database)
    with closing(pg_cluster.admin(database)) as conn:  # a later schema, additive or not
        conn.execute(
            "UPDATE kiosk_fleet_schema SET version = %s, compatible_from = %s", (version, compatible_from)
        )
    db = tmp_path / "k.sqlite3"
    record(db, 1)
    config = admin_config(pg_cluster, database, PARIS, "paris-2")
    if works:
        assert push_once(db, config).pushed == 1
    else:
        with pytest.raises(FleetError, match="update the kiosk; figures wait here"):
            push_once(db, config)
        assert queued_count(db) == 1


# -- least privilege ----------------------------------------------------------------------------


def test_kiosk_logins_can_push_but_not_change_the_schema_or_another_kiosks_rows(
    pg_cluster: PgCluster, database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(pg_cluster, database)
    berlin_user, berlin_pw = login(pg_cluster, WRITER_ROLE)
    paris_user, paris_pw = login(pg_cluster, WRITER_ROLE)
    analyst, analyst_pw = login(pg_cluster, READER_ROLE)
    berlin_db = tmp_path / "berlin.sqlite3"
    record(berlin_db, 1, 2, 3)
    berlin = FleetConfig(
        dsn=pg_cluster.dsn(database, user=berlin_user), kiosk="berlin-1", kiosk_id=PARIS, password=berlin_pw
    )
    beat = Heartbeat(host="pc-berlin", status="ok")
    assert push_once(berlin_db, berlin, heartbeat=beat).pushed == 1

    with closing(psycopg.connect(berlin.dsn, password=berlin_pw, autocommit=True)) as conn:
        for statement in ("CREATE TABLE mine (x int)", "DELETE FROM kiosk_car_hours", "DROP TABLE kiosks"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)

    impostor_db = tmp_path / "impostor.sqlite3"  # berlin's database and id, on paris's login
    shutil.copy(berlin_db, impostor_db)
    record(impostor_db, 9)
    impostor = replace(berlin, dsn=pg_cluster.dsn(database, user=paris_user), password=paris_pw)
    with pytest.raises(FleetError) as refused:
        push_once(impostor_db, impostor)
    assert refused.value.cause == "permission"
    assert totals(pg_cluster, database) == {PARIS: 3}  # berlin's figures stand

    report_dsn = f"{pg_cluster.dsn(database, user=analyst)} password={analyst_pw}"
    assert main(["report", "--fleet", report_dsn, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cars"]["celesta"]["exposures"] == 3
    assert main(["fleet", "status", "--dsn", report_dsn]) == 0
    assert "berlin-1" in capsys.readouterr().out
    with (
        closing(psycopg.connect(report_dsn, autocommit=True)) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("UPDATE kiosk_car_hours SET exposures = 0")


# -- heartbeats and fleet status ------------------------------------------------------------------


def test_fleet_status_flags_a_silent_kiosk_a_name_clash_and_a_growing_backlog(
    pg_cluster: PgCluster, database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(pg_cluster, database)
    kiosks = {
        "berlin-1": "1" * 32,  # fine
        "hamburg-3": "2" * 32,  # switched off ten minutes ago
        "Paris 2": "3" * 32,  # two kiosks with one name
        "paris 2 ": "4" * 32,
        "munich-5": "5" * 32,  # the central store has refused its figures for a while
    }
    for name, kiosk_id in kiosks.items():
        db = tmp_path / f"{kiosk_id[:4]}.sqlite3"
        record(db, 1)
        config = admin_config(pg_cluster, database, kiosk_id, name)
        beat = Heartbeat(
            host=f"pc-{kiosk_id[:2]}", version="0.1.0", model_version="2.2.0", status="ok", camera="live"
        )
        push_once(db, config, heartbeat=beat)
    munich = tmp_path / "5555.sqlite3"
    munich_config = admin_config(pg_cluster, database, kiosks["munich-5"], "munich-5")
    for minute in (10, 11):  # two heartbeats with a queue that grew, without a push between
        record(munich, minute, car=f"car-{minute}")
        push_once(munich, munich_config, heartbeat=Heartbeat(host="pc-55", status="degraded"), max_batches=0)
    with closing(pg_cluster.admin(database)) as conn:
        conn.execute("UPDATE kiosks SET last_seen = now() - interval '10 minutes' WHERE name = 'hamburg-3'")
        conn.execute(
            "UPDATE kiosks SET backlog_rising_since = now() - interval '15 minutes' WHERE name = 'munich-5'"
        )
    dsn = f"{pg_cluster.dsn(database)} password={ADMIN_PASSWORD}"
    assert main(["fleet", "status", "--dsn", dsn]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines()[1:-1]}
    assert lines["berlin-1"].rstrip().endswith("ok")
    assert "SILENT" in lines["hamburg-3"] and "10 min ago" in lines["hamburg-3"]
    assert sum("NAME CLASH" in line for line in out.splitlines()) == 2
    assert "BACKLOG GROWING" in lines["munich-5"] and "degraded" in lines["munich-5"]
    assert out.splitlines()[-1] == "5 kiosks, 4 flagged"
    assert main(["fleet", "status", "--dsn", dsn, "--json"]) == 0
    listed = {k["name"]: k for k in json.loads(capsys.readouterr().out)}
    assert listed["munich-5"]["backlog"] == 2 and listed["berlin-1"]["flags"] == []
    assert listed["berlin-1"]["last_push"] is not None and listed["berlin-1"]["model_version"] == "2.2.0"


# -- a clean stop -------------------------------------------------------------------------------


def test_a_clean_stop_pushes_what_the_kiosk_wrote_last(
    pg_cluster: PgCluster, database: str, tmp_path: Path
) -> None:
    set_up(pg_cluster, database)
    db = tmp_path / "k.sqlite3"
    record(db, 1)
    config = replace(admin_config(pg_cluster, database, PARIS, "paris-2"), interval_s=3600.0)
    sync = FleetSync(db, config)
    sync.start()
    wait_until(lambda: sync.state()["last_success"] is not None)
    record(db, 2)  # the exposure the kiosk ends as it closes
    started = time.monotonic()
    assert sync.stop()
    assert time.monotonic() - started < config.final_push_s + 1.0
    assert queued_count(db) == 0 and totals(pg_cluster, database) == {PARIS: 2}


def test_a_stop_with_the_server_away_is_bounded(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    record(db, 1)
    away = FleetConfig(dsn=f"host=127.0.0.1 port={free_port()} dbname=x user=y", kiosk="k", kiosk_id=PARIS)
    sync = FleetSync(db, replace(away, interval_s=3600.0, retry_min_s=3600.0, retry_max_s=3600.0))
    sync.start()
    wait_until(lambda: sync.failures >= 1)
    started = time.monotonic()
    assert sync.stop()
    assert time.monotonic() - started < away.final_push_s + 1.0 and queued_count(db) == 1


# -- the password, and the catch-up query --------------------------------------------------------


def test_fleet_password_stores_it_in_the_keyring(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
        assert main(["fleet", "password", "--dsn", "host=db.example port=5433 dbname=fleet user=berlin"]) == 0
        assert backend.secrets == {("emotion-kiosk-fleet", "berlin@db.example:5433/fleet"): "s3cret"}
        assert main(["fleet", "password", "--dsn", "host=db user=x password=oops"]) == 2
        assert "without its password" in capsys.readouterr().err
    finally:
        keyring.set_keyring(previous)


def test_the_catch_up_reads_each_hour_through_an_index(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    record(db, 1)
    with closing(sqlite3.connect(db)) as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {PENDING_SQL}", (500,)))
    assert "exposures_car_started_at" in plan and "AUTOMATIC" not in plan.upper()


def test_the_kiosk_id_is_made_once_and_kept(tmp_path: Path) -> None:
    from kiosk.appliance.identity import ID_FILE, kiosk_id

    first = kiosk_id(tmp_path)
    assert len(first) == 32 and (tmp_path / ID_FILE).read_text().strip() == first
    assert kiosk_id(tmp_path) == first  # a restart keeps it
    (tmp_path / ID_FILE).write_text("not an id\n")
    replaced = kiosk_id(tmp_path)
    assert replaced != first and kiosk_id(tmp_path) == replaced
