"""The running kiosk keeps what it showed: its exposures and their reactions reach the database.

The other GUI tests run the kiosk with `records=False`. Here the real kiosk (offscreen, the
shipped model, records on) plays the bundled demo clip in real time: the visitor arrives, turns
unhappy, and the kiosk switches the car for that. After a clean quit the reaction database is
read back, with the project's own reader (`read_summary`) for the per-car sums and the
`exposures` table for the order, times and flags of each showing. A second, cheap test has a
member of staff tap to the next car and finds that step recorded.

The database keeps no end reason as text (kiosk/analytics/database.py): "negative" is its
`ended_by_negative` flag; "manual" and "shutdown" are exposures without it that ended at the
tap and at the quit, which the tests tell apart by the wall-clock times around each.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fakes import VideoFactory, settings_store
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.analytics import EXPRESSIONS, NEGATIVE_EXPRESSIONS, read_summary
from kiosk.content.catalog import bundled_catalog_dir, load_catalog, uplift_index
from kiosk.paths import default_model_path, demo_clip_path
from kiosk.session.results import AnalysisResult
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions

KioskFactory = Callable[..., Kiosk]

SWITCH_TIMEOUT_MS = 60_000  # the clip turns unhappy about 9 s in; the machine may be loaded
QUIT_TIMEOUT_MS = 20_000
CLOCK_SLACK = timedelta(seconds=2)  # between the test's clock readings and the kiosk's own
MAX_TEXT = 200  # the longest text the database may hold (a car id); longer is no aggregate
# What shortens a run without changing what the kiosk decides: no rotation (only the visitor
# switches cars), a short crossfade, no music (no audio device needed), no preview.
QUICK = {"rotation_s": 0, "transition_ms": 100, "audio_enabled": False, "show_preview": False}


@dataclass(frozen=True)
class Row:
    """One row of the `exposures` table, as stored."""

    car_id: str
    started_at: datetime
    ended_at: datetime
    visitor_seconds: float
    probs: dict[str, float | None]
    peak_negative: float | None
    ended_by_negative: bool
    audio_played: bool

    @property
    def seconds(self) -> float:
        return (self.ended_at - self.started_at).total_seconds()

    @property
    def negative_share(self) -> float:
        return sum(self.probs[name] or 0.0 for name in NEGATIVE_EXPRESSIONS)


def _rows(db: Path) -> list[Row]:
    columns = ", ".join(f"p_{name}" for name in EXPRESSIONS)
    query = (
        f"SELECT car_id, started_at, ended_at, visitor_seconds, {columns}, peak_negative, "
        "ended_by_negative, audio_played FROM exposures ORDER BY id"
    )
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        raw = conn.execute(query).fetchall()
    count = len(EXPRESSIONS)
    return [
        Row(
            car_id=r[0],
            started_at=datetime.fromisoformat(r[1]),
            ended_at=datetime.fromisoformat(r[2]),
            visitor_seconds=float(r[3]),
            probs=dict(zip(EXPRESSIONS, r[4 : 4 + count], strict=True)),
            peak_negative=r[4 + count],
            ended_by_negative=bool(r[5 + count]),
            audio_played=bool(r[6 + count]),
        )
        for r in raw
    ]


def _oversized_values(db: Path) -> list[str]:
    """Every stored value that could hold a picture: any BLOB, any text longer than a car id."""
    found: list[str] = []
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for column in [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]:
                (hits,) = conn.execute(
                    f'SELECT COUNT(*) FROM "{table}" WHERE typeof("{column}") = \'blob\' '
                    f'OR length("{column}") > {MAX_TEXT}'
                ).fetchone()
                if hits:
                    found.append(f"{table}.{column}: {hits}")
    return found


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _current_car_id(kiosk: Kiosk) -> str | None:
    car = kiosk.window.showroom.current_car
    return car.id if car is not None else None


def _uplift_catalog(folder: Path) -> tuple[list[str], str]:
    """The bundled catalogue, copied, its first car sending an unhappy visitor to the fourth:
    so the car after the switch is the catalogue's choice, not simply the next one.
    Returns the car ids in order and the id uplift_index chooses after the first car."""
    shutil.copytree(bundled_catalog_dir(), folder)
    document: dict[str, Any] = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    document["cars"][0]["uplift_to"] = document["cars"][3]["id"]
    (folder / "catalog.json").write_text(json.dumps(document), encoding="utf-8")
    catalog = load_catalog(folder)
    assert not catalog.errors, catalog.problems
    ids = [car.id for car in catalog.cars]
    chosen = uplift_index(catalog.cars, 0)
    assert chosen not in (0, 1), "the uplift target must differ from the next car"
    return ids, ids[chosen]


@pytest.fixture
def records_kiosk(qtbot: QtBot, isolated_data_dir: Path) -> Iterator[KioskFactory]:
    """Start kiosks with reaction records on; any a test left running is quit and disposed after it."""
    made: list[Kiosk] = []

    def make(video: Path, *, db: Path, model: Path | None = None, **changes: Any) -> Kiosk:
        store = settings_store(isolated_data_dir / "settings.ini", **{**QUICK, **changes})
        options = LaunchOptions(
            windowed=True,
            video=str(video),
            model_path=model,  # None: the shipped model
            reaction_db=db,
            records=True,
            monitoring=False,
            realtime=True,  # the clip plays at its own pace, as on the showroom floor
        )
        kiosk = Kiosk(store, options)
        made.append(kiosk)
        kiosk.start()
        return kiosk

    yield make
    for kiosk in made:
        if not kiosk._finished:  # a finished one was quit and disposed by the test (`_quit`)
            _quit(qtbot, kiosk)


def _quit(qtbot: QtBot, kiosk: Kiosk) -> None:
    with qtbot.waitSignal(kiosk.finished, timeout=QUIT_TIMEOUT_MS):
        kiosk.quit()
    kiosk.dispose()


def test_the_demo_visitors_unhappy_look_and_the_switch_it_caused_are_recorded(
    qtbot: QtBot, records_kiosk: KioskFactory, isolated_data_dir: Path, tmp_path: Path
) -> None:
    assert default_model_path().is_file(), "the shipped model is part of the checkout"
    ids, uplift_car = _uplift_catalog(tmp_path / "cars")
    db = tmp_path / "reactions.sqlite3"
    begun = _now()
    kiosk = records_kiosk(demo_clip_path(), db=db, catalog_dir=str(tmp_path / "cars"))
    results: list[AnalysisResult] = []
    kiosk.controller.result_received.connect(results.append)
    qtbot.waitUntil(lambda: _current_car_id(kiosk) is not None, timeout=10_000)
    assert _current_car_id(kiosk) == ids[0]

    def switched() -> None:  # rotation is off: only the visitor's reaction changes the car
        assert _current_car_id(kiosk) != ids[0], (
            f"no switch yet: {len(results)} results, latest t="
            f"{results[-1].t if results else None}, status={kiosk.status}"
        )

    qtbot.waitUntil(switched, timeout=SWITCH_TIMEOUT_MS)
    assert _current_car_id(kiosk) == uplift_car
    seen_before = len(results)

    def watched_the_new_car() -> None:  # the still unhappy visitor, now in front of the new car
        assert sum(r.visitor_present for r in results[seen_before:]) >= 10

    qtbot.waitUntil(watched_the_new_car, timeout=SWITCH_TIMEOUT_MS)
    quitting = _now()
    _quit(qtbot, kiosk)
    ended = _now()

    assert db.is_file(), "records on: the database is where LaunchOptions.reaction_db says"
    assert not (isolated_data_dir / "reactions.sqlite3").exists()
    first, second = _rows(db)  # the car shown at the start, and the car the reaction chose
    assert (first.car_id, second.car_id) == (ids[0], uplift_car)
    assert first.ended_by_negative  # ended "negative"
    assert not second.ended_by_negative and second.ended_at >= quitting  # ended "shutdown"
    for row in (first, second):
        assert begun - CLOCK_SLACK <= row.started_at < row.ended_at <= ended + CLOCK_SLACK
        assert 0.0 < row.visitor_seconds <= row.seconds + CLOCK_SLACK.total_seconds()
        assert row.negative_share > 0.0  # unhappy in front of both cars
        assert row.peak_negative is not None and row.peak_negative > 0.0
        assert not row.audio_played  # music is off in this test
    assert first.ended_at <= second.started_at + CLOCK_SLACK
    # It switched because the visitor had looked unhappy for a while, after looking at the car
    # for seconds (the clip: in at 2 s, happy from 4 s, unhappy from 8 s): no early switch.
    assert first.visitor_seconds >= 3.0
    assert first.peak_negative is not None and first.peak_negative >= kiosk.settings.trigger_level
    assert max(EXPRESSIONS, key=lambda name: first.probs[name] or 0.0) == "happy"  # the smile first
    assert second.negative_share > first.negative_share  # still unhappy when the new car came

    summaries = {s.car_id: s for s in read_summary(db)}  # the report's own per-car sums
    assert set(summaries) == {ids[0], uplift_car}
    assert summaries[ids[0]].exposures == 1 and summaries[ids[0]].negative_switches == 1
    assert summaries[uplift_car].exposures == 1 and summaries[uplift_car].negative_switches == 0
    for row in (first, second):
        summary = summaries[row.car_id]
        assert summary.visitor_seconds == pytest.approx(row.visitor_seconds)
        assert (summary.negative_share or 0.0) > 0.0
    assert _oversized_values(db) == []  # aggregates only: no picture, no frame, no face


def test_a_staff_tap_to_the_next_car_is_recorded_as_a_manual_step(
    qtbot: QtBot,
    records_kiosk: KioskFactory,
    tiny_model: Path,
    face_video: VideoFactory,
    tmp_path: Path,
) -> None:
    db = tmp_path / "reactions.sqlite3"
    kiosk = records_kiosk(face_video([("neutral", 2.0)]), db=db, model=tiny_model)
    results: list[AnalysisResult] = []
    kiosk.controller.result_received.connect(results.append)
    qtbot.waitUntil(lambda: len(results) >= 3, timeout=20_000)  # the analysis runs
    ids = [car.id for car in load_catalog(bundled_catalog_dir()).cars]
    assert _current_car_id(kiosk) == ids[0]
    showroom = kiosk.window.showroom
    tapped = _now()
    QTest.mouseClick(
        showroom,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(showroom.width() * 3 // 4, showroom.height() // 2),  # the right half: next car
    )
    qtbot.waitUntil(lambda: _current_car_id(kiosk) == ids[1], timeout=5_000)
    after_tap = _now()
    seen = len(results)
    qtbot.waitUntil(lambda: len(results) >= seen + 3, timeout=20_000)  # the next car is watched
    quitting = _now()
    _quit(qtbot, kiosk)

    first, second = _rows(db)
    assert (first.car_id, second.car_id) == (ids[0], ids[1])
    assert not first.ended_by_negative  # ended "manual": at the tap, not at the quit
    assert tapped - CLOCK_SLACK <= first.ended_at <= after_tap + CLOCK_SLACK
    assert first.ended_at < quitting
    assert not second.ended_by_negative and second.ended_at >= quitting  # ended "shutdown"
    for row in (first, second):
        assert row.started_at < row.ended_at
        assert row.visitor_seconds > 0.0  # the neutral face was in front of both
    assert [(s.car_id, s.exposures, s.negative_switches) for s in read_summary(db)] == sorted(
        [(ids[0], 1, 0), (ids[1], 1, 0)]
    )
    assert _oversized_values(db) == []
