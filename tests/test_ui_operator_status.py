"""The running kiosk tells the truth about itself: /health, the Status page and the discreet
indicator show the same problems, each clearing with its cause, and the visitor sees none."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import VideoFactory, get_json, settings_store
from pg_cluster import free_port
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from kiosk.analytics import ReactionStore
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions


@pytest.fixture
def demo_kiosk(
    qtbot: QtBot, tiny_model: Path, isolated_data_dir: Path, face_video: VideoFactory
) -> Iterator[Kiosk]:
    """Started with a camera that does not exist (--camera 97): it plays its demo clip."""
    store = settings_store(isolated_data_dir / "settings.ini", health_port=free_port(), rotation_s=0)
    options = LaunchOptions(
        windowed=True,
        camera=97,
        demo_clip=face_video([("happy", 1.0)]),
        model_path=tiny_model,
        records=False,
        monitoring=True,
        realtime=False,
    )
    kiosk = Kiosk(store, options)
    kiosk.start()
    yield kiosk
    with qtbot.waitSignal(kiosk.finished, timeout=10_000):
        kiosk.quit()
    kiosk.dispose()


def test_demo_mode_with_a_camera_configured_is_degraded_not_ok(qtbot: QtBot, demo_kiosk: Kiosk) -> None:
    assert demo_kiosk.fleet is not None and demo_kiosk.fleet.url
    url = demo_kiosk.fleet.url + "/health"
    qtbot.waitUntil(lambda: get_json(url)[1].get("camera") == "demo", timeout=20_000)
    code, doc = get_json(url)
    assert code == 503 and doc["status"] == "degraded" and "demo_mode" in doc["reasons"]
    assert doc["kiosk"] == {"id": demo_kiosk.kiosk_id, "name": ""} and len(demo_kiosk.kiosk_id) == 32
    metrics = urllib.request.urlopen(demo_kiosk.fleet.url + "/metrics", timeout=5).read().decode()
    assert 'kiosk_problem{code="demo_mode"} 1.0' in metrics
    qtbot.waitUntil(lambda: demo_kiosk.window.showroom.attention == "error", timeout=5_000)


def test_a_problem_reaches_every_channel_and_clears_with_its_cause(
    qtbot: QtBot, demo_kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", "kiosk")
    demo_kiosk.player.audio_failed.emit("no audio output device")
    demo_kiosk.operator.tick()
    assert demo_kiosk.fleet is not None
    _code, doc = get_json(demo_kiosk.fleet.url + "/health")
    assert any(p["code"] == "music" and not p["degrades"] for p in doc["problems"])  # type: ignore[union-attr, index]
    demo_kiosk.door.open_settings()
    dialog = demo_kiosk.dialog
    assert dialog is not None and dialog.status_page is not None
    page = dialog.status_page

    def titles() -> list[str]:
        return [c.findChild(QLabel, "problemTitle").text() for c in page.findChildren(QFrame, "problemCard")]

    qtbot.waitUntil(lambda: any(t.startswith("The music cannot be played") for t in titles()))
    assert dialog.nav.item(dialog.nav.count() - 1).text().startswith("Status (")
    demo_kiosk.player.playback_started.emit()  # the device is back
    demo_kiosk.operator.tick()
    qtbot.waitUntil(lambda: not any(t.startswith("The music cannot be played") for t in titles()))
    _code, doc = get_json(demo_kiosk.fleet.url + "/health")
    assert all(p["code"] != "music" for p in doc["problems"])  # type: ignore[union-attr, index]
    assert "event problem_cleared code=music" in caplog.text
    dialog.reject()


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()  # held until the test says so
conn.execute("COMMIT")
"""


def test_a_locked_database_is_a_problem_until_it_frees_and_nothing_is_lost(
    qtbot: QtBot, tiny_model: Path, isolated_data_dir: Path, face_video: VideoFactory, tmp_path: Path
) -> None:
    db = tmp_path / "reactions.sqlite3"
    ReactionStore.open(db).close()  # an existing database, as on any kiosk after its first day
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
    store = settings_store(isolated_data_dir / "settings.ini", rotation_s=0)
    options = LaunchOptions(
        windowed=True,
        video=str(face_video([("none", 1.0)])),
        model_path=tiny_model,
        reaction_db=db,
        realtime=False,
    )
    started = time.monotonic()
    kiosk = Kiosk(store, options)
    kiosk.start()
    try:
        assert time.monotonic() - started < 3.0  # the lock does not hold the kiosk up
        qtbot.waitUntil(lambda: kiosk.operator.problems.has("records_off"), timeout=5_000)
        (problem,) = [p for p in kiosk.operator.current() if p.code == "records_off"]
        assert problem.facts["reason"] == "locked" and problem.degrades
        for _ in range(3):
            kiosk.showroom.step(1, kiosk.clock.now())  # exposures end while it is locked
        assert locker.stdin is not None
        locker.stdin.write("\n")
        locker.stdin.flush()
        assert locker.wait(10) == 0
        locker.stdin.close()
        locker.stdout.close()
        qtbot.waitUntil(lambda: not kiosk.operator.problems.has("records_off"), timeout=20_000)
    finally:
        with qtbot.waitSignal(kiosk.finished, timeout=15_000):
            kiosk.quit()
        kiosk.dispose()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM exposures").fetchone()[0] == 4  # 3 switches + shutdown
