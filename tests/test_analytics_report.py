"""`python -m kiosk report` (add_report_arguments / run_report): table, CSV, JSON, errors."""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.analytics import DB_FILENAME, Exposure, ReactionStore
from kiosk.analytics.report import add_report_arguments, run_report
from kiosk.analytics.store import SCHEMA_VERSION

DAY1 = datetime(2025, 3, 9, 12, 0).astimezone()
DAY2 = datetime(2025, 3, 10, 12, 0).astimezone()


def exposure(
    car_id: str, started_at: datetime, seconds: float, happy: float, sad: float, **flags: bool
) -> Exposure:
    audio = flags.get("uplift")
    return Exposure(
        car_id=car_id,
        started_at=started_at,
        ended_at=started_at + timedelta(seconds=30),
        visitor_seconds=seconds,
        mean_probs={"happy": happy, "sad": sad, "neutral": 1 - happy - sad},
        peak_negative=sad,
        ended_by_negative=flags.get("negative", False),
        audio_played=audio is not None,
        uplift_success=audio,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    paths.set_data_dir(tmp_path)
    yield tmp_path
    paths.set_data_dir(None)


@pytest.fixture
def filled(data_dir: Path) -> Path:
    with ReactionStore.open(data_dir / DB_FILENAME, retention_days=None) as store:
        store.record(exposure("suv", DAY1, 60.0, happy=0.5, sad=0.1, uplift=True))
        store.record(exposure("suv", DAY2, 60.0, happy=0.3, sad=0.3, negative=True, uplift=False))
        store.record(exposure("van", DAY2, 30.0, happy=0.1, sad=0.7))
    return data_dir


def report(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="kiosk report")
    add_report_arguments(parser)
    return run_report(parser.parse_args(argv))


def test_table_lists_every_car(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report() == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["car", "exposures"]
    assert lines[1].split() == ["suv", "2", "2.0", "40%", "20%", "40%", "1", "1/2", "(50%)"]
    assert lines[2].split() == ["van", "1", "0.5", "10%", "70%", "20%", "0", "-"]


def test_json_is_one_object_keyed_by_car_id(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"suv", "van"}
    assert data["suv"]["exposures"] == 2
    assert data["suv"]["positive_share"] == pytest.approx(0.4)
    assert data["suv"]["uplift_success_rate"] == pytest.approx(0.5)
    assert data["van"]["uplift_success_rate"] is None
    assert data["van"]["visitor_minutes"] == pytest.approx(0.5)


def test_csv_file_has_a_row_per_car(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.csv"
    assert report("--csv", str(target)) == 0
    with open(target, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [row["car_id"] for row in rows] == ["suv", "van"]
    assert float(rows[0]["negative_share"]) == pytest.approx(0.2)
    assert rows[1]["uplift_success_rate"] == ""
    assert "suv" in capsys.readouterr().out  # the table is still printed


def test_since_filters_by_start_day(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--since", "2025-03-10", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["suv"]["exposures"] == 1 and data["suv"]["negative_switches"] == 1


def test_empty_database_prints_a_friendly_line_and_creates_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report() == 0
    assert "no exposures recorded yet" in capsys.readouterr().out
    assert not (data_dir / DB_FILENAME).exists()
    assert report("--json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {}
    assert "no exposures recorded yet" in captured.err


def test_empty_date_range_says_so(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--since", "2030-01-01") == 0
    assert "no exposures recorded from 2030-01-01" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--since", "10/03/2025"], "--since: expected a date as YYYY-MM-DD, got '10/03/2025'"),
        (["--until", "2025-02-30"], "--until: expected a date as YYYY-MM-DD"),
        (["--since", "2025-03-10", "--until", "2025-03-09"], "is after --until"),
        (["--csv", "-", "--json"], "choose one"),
    ],
)
def test_bad_arguments_exit_2_with_an_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert report(*argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err


def test_database_from_a_newer_kiosk_exits_2(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    assert report() == 2
    assert "newer version" in capsys.readouterr().err


def test_unwritable_csv_target_exits_2(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report("--csv", str(tmp_path / "missing-folder" / "out.csv")) == 2
    assert capsys.readouterr().err.startswith("error: cannot write the CSV file")
