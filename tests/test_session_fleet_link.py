"""FleetLink (the kiosk's side of /health and the fleet sync), the fleet settings and the keyring."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from fakes import empty_result, get_json
from keyring.backend import KeyringBackend
from pg_cluster import ADMIN_PASSWORD, PgCluster, free_port
from test_fleet import A_DAY, central_rows, record, wait_until

from kiosk.analytics.fleet import FleetConfig
from kiosk.analytics.fleet_central import init_central
from kiosk.analytics.fleet_queue import queued_count
from kiosk.analytics.fleet_secret import account, dsn_problem, load_password, save_password, split_password
from kiosk.health import HealthThresholds
from kiosk.reaction.engine import Event
from kiosk.session.fleet_link import FleetLink
from kiosk.session.operator import OperatorState
from kiosk.session.results import AnalysisResult, SourceMode, WorkerStatus
from kiosk.settings.model import KioskSettings, validate
from kiosk.vision.source import SourceState

KIOSK_ID = "1" * 32


def operator_status(**thresholds: float) -> OperatorState:
    return OperatorState(HealthThresholds(**thresholds), data_folder=None, camera_configured=True)


@pytest.fixture
def hook(qapp: object) -> Iterator[FleetLink]:
    made = FleetLink(KioskSettings(health_port=free_port()), None, operator_status(), KIOSK_ID)
    yield made
    made.close()


def result(events: tuple[Event, ...] = ()) -> AnalysisResult:
    return empty_result(1.0, events, with_analysis=True)


def test_health_follows_the_worker_and_the_results(hook: FleetLink) -> None:
    assert hook.server is not None and hook.server.host == "127.0.0.1"
    url = hook.server.url + "/health"
    hook.monitor.analysis_started()
    assert get_json(url)[0] == 200  # the model is still loading: not yet a problem
    hook.status.observe_status(WorkerStatus(model_loaded=False, model_message="emotion.onnx does not exist"))
    code, doc = get_json(url)
    assert code == 503 and "model_unavailable" in doc["reasons"]
    hook.status.observe_status(
        WorkerStatus(
            mode=SourceMode.CAMERA,
            source_state=SourceState.LIVE,
            model_loaded=True,
            model_version="v3",
            model_labels=("a", "b"),
        )
    )
    hook.status.observe_result(result((Event.SWITCH_CAR,)))
    code, doc = get_json(url)
    assert code == 200, doc
    assert doc["camera"] == "live" and doc["model"] == {"version": "v3", "labels": ["a", "b"], "loaded": True}
    assert doc["reasons"] == [] and doc["status"] == "ok"
    hook.close()
    assert hook.server is None


def test_port_changes_restart_the_server_and_0_turns_it_off(hook: FleetLink) -> None:
    port = free_port()
    hook.apply(replace(hook._settings, health_port=port))
    assert hook.server is not None and hook.server.port == port
    hook.apply(replace(hook._settings, health_port=0))
    assert hook.server is None


def test_a_busy_port_is_a_problem_not_a_crash(hook: FleetLink) -> None:
    assert hook.server is not None
    second = FleetLink(replace(hook._settings), None, operator_status(), KIOSK_ID)
    try:
        assert second.server is None
        (problem,) = [p for p in second.status.current() if p.code == "health_port"]
        assert "cannot serve" in problem.detail and not problem.degrades
    finally:
        second.close()


def test_fleet_settings_are_checked() -> None:
    assert validate(KioskSettings()) == []
    on = KioskSettings(fleet_enabled=True)
    assert any("no connection string" in p for p in validate(on))
    assert any("name in the fleet" in p for p in validate(on))
    with_password = KioskSettings(fleet_dsn="host=db user=kiosk password=hunter2 dbname=fleet")
    assert any("holds a password" in p for p in validate(with_password))
    assert any("not a PostgreSQL connection string" in p for p in validate(KioskSettings(fleet_dsn="x y")))
    fine = KioskSettings(
        fleet_enabled=True, fleet_dsn="host=db user=kiosk dbname=fleet", fleet_kiosk="Berlin"
    )
    assert validate(fine) == []


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_the_password_goes_to_the_keyring_not_the_settings(memory_keyring: MemoryKeyring) -> None:
    bare, password = split_password("postgresql://kiosk:hunter2@db.example:5433/fleet")
    assert password == "hunter2" and "hunter2" not in bare and dsn_problem(bare) is None
    assert save_password(bare, password) is None
    assert memory_keyring.secrets == {("emotion-kiosk-fleet", "kiosk@db.example:5433/fleet"): "hunter2"}
    assert load_password(bare) == "hunter2"
    assert account("host=db user=k") == "k@db:/"


def test_without_a_keyring_nothing_is_stored() -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert "no keyring" in (save_password("host=db user=k", "pw") or "")
        assert load_password("host=db user=k") is None
    finally:
        keyring.set_keyring(previous)


def test_the_hook_syncs_with_the_password_from_libpq_when_there_is_no_keyring(
    tmp_path: Path, pg_cluster: PgCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import fail

    with pg_cluster.admin() as conn:
        conn.execute("CREATE DATABASE fleet_hook")
    with closing(pg_cluster.admin("fleet_hook")) as conn:
        init_central(conn)
    db = tmp_path / "reactions.sqlite3"
    record(db, A_DAY)
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    settings = KioskSettings(
        health_port=0, fleet_enabled=True, fleet_dsn=pg_cluster.dsn("fleet_hook"), fleet_kiosk="lyon"
    )
    hook = FleetLink(settings, db, operator_status(), KIOSK_ID)
    try:
        assert hook.sync is not None and hook.status.current() == ()
        wait_until(lambda: queued_count(db) == 0)
        wait_until(lambda: hook.sync is not None and hook.sync.state()["last_success"] is not None)
        hook.status.tick()
        metrics = hook.monitor.metrics_text().decode()
        assert "kiosk_fleet_backlog 0.0" in metrics and "kiosk_fleet_failing 0.0" in metrics
    finally:
        hook.close()
        keyring.set_keyring(previous)
    rows = central_rows(
        FleetConfig(dsn=pg_cluster.dsn("fleet_hook"), kiosk="x", kiosk_id="x", password=ADMIN_PASSWORD)
    )
    assert {row[0] for row in rows} == {"lyon"} and len(rows) == 4


@pytest.mark.parametrize("cause", ["auth", "unreachable"])
def test_a_failing_sync_degrades_health_after_its_threshold_and_says_why(
    qapp: object, tmp_path: Path, pg_cluster: PgCluster, monkeypatch: pytest.MonkeyPatch, cause: str
) -> None:
    from keyring.backends import fail

    db = tmp_path / "reactions.sqlite3"
    record(db, A_DAY)
    monkeypatch.setenv("PGPASSWORD", "wrong" if cause == "auth" else ADMIN_PASSWORD)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    dsn = pg_cluster.dsn("postgres") if cause == "auth" else f"host=127.0.0.1 port={free_port()} user=x"
    settings = KioskSettings(health_port=free_port(), fleet_enabled=True, fleet_dsn=dsn, fleet_kiosk="lyon")
    hook = FleetLink(settings, db, operator_status(fleet_failing_s=1.0), KIOSK_ID)
    try:
        wait_until(lambda: hook.sync is not None and hook.sync.failures >= 1)
        hook.status.tick()
        assert not hook.status.problems.has("fleet_sync_failing")  # failing, not yet for long
        wait_until(lambda: (hook.status.tick() or True) and hook.status.problems.has("fleet_sync_failing"))
        code, doc = get_json(hook.url + "/health")
        assert code == 503 and "fleet_sync_failing" in doc["reasons"]
        assert doc["fleet"]["cause"] == cause and doc["fleet"]["backlog"] == 4
        metrics = hook.monitor.metrics_text().decode()
        assert f'kiosk_fleet_sync_failures_total{{cause="{cause}"}}' in metrics
        assert (
            "kiosk_fleet_failing 1.0" in metrics and 'kiosk_problem{code="fleet_sync_failing"} 1.0' in metrics
        )
    finally:
        hook.close()
        keyring.set_keyring(previous)


def test_without_the_postgresql_client_library_settings_still_save(monkeypatch: pytest.MonkeyPatch) -> None:
    """The packaged kiosk carries no libpq; a set connection string must not break validation."""
    import builtins
    import sys

    real_import = builtins.__import__

    def no_psycopg(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("psycopg") or name == "kiosk.analytics.fleet_secret":
            raise ImportError("no pq wrapper available")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.delitem(sys.modules, "kiosk.analytics.fleet_secret", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    settings = KioskSettings(fleet_dsn="host=db.example.com dbname=fleet user=kiosk", fleet_kiosk="berlin-1")
    assert validate(settings) == []
