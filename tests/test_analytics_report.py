"""`python -m kiosk report` (add_report_arguments / run_report): table, CSV, JSON, errors.

The table names the cars as the caller passes them (kiosk.cli_report looks them up in the
catalogue), says the days it covers and its totals, and shows visitor time as min:s.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.analytics import DB_FILENAME, Exposure, ReactionStore, fleet_report
from kiosk.analytics.database import SCHEMA_VERSION
from kiosk.analytics.fleet_report import FleetSummary, KioskInfo, print_fleet
from kiosk.analytics.report import add_report_arguments, format_table, run_report
from kiosk.analytics.summary import CarSummary

DAY1 = datetime(2025, 3, 9, 12, 0).astimezone()
DAY2 = datetime(2025, 3, 10, 12, 0).astimezone()
NAMES = {"suv": "Testa Roadster", "gone": "A car no longer shown"}


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


def report(*argv: str, names: Mapping[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk report")
    add_report_arguments(parser)
    return run_report(parser.parse_args(argv), names)


def test_table_lists_every_car_by_name_with_its_period_and_totals(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report(names=NAMES) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "Reactions from 2025-03-09 to 2025-03-10 (local time): "
        "3 exposures of 2 cars, 2:30 (min:s) of visitor time."
    )
    assert lines[1] == ""
    assert lines[2].split()[:4] == ["car", "exposures", "visitor", "min:s"]
    assert lines[3].split() == ["Testa", "Roadster", "2", "2:00", "40%", "20%", "40%", "1", "1/2", "(50%)"]
    assert lines[4].split() == ["van", "1", "0:30", "10%", "70%", "20%", "0", "-"]  # not in the catalogue


def test_the_table_is_in_the_order_of_the_names(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(names={"suv": "Zephyr", "van": "aurora"}) == 0
    rows = capsys.readouterr().out.splitlines()[3:]
    assert [row.split()[0] for row in rows] == ["aurora", "Zephyr"]


def test_one_exposure_of_one_car_on_one_day(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--since", "2025-03-09", "--until", "2025-03-09", names=NAMES) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "Reactions on 2025-03-09 (local time): 1 exposure of 1 car, 1:00 (min:s) of visitor time."


def test_the_period_is_the_dates_given_else_the_first_and_last_exposure(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report("--since", "2025-03-01") == 0
    assert capsys.readouterr().out.startswith("Reactions from 2025-03-01 to 2025-03-10 (local time): 3 ")
    assert report("--until", "2025-12-31") == 0
    assert capsys.readouterr().out.startswith("Reactions from 2025-03-09 to 2025-12-31 (local time): 3 ")


@pytest.fixture
def kiritimati() -> Iterator[None]:
    """The local time zone is UTC+14 inside the test (the tests run in UTC)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Pacific/Kiritimati")
        time.tzset()
        yield
    time.tzset()


def test_the_period_is_in_local_days(
    data_dir: Path, kiritimati: None, capsys: pytest.CaptureFixture[str]
) -> None:
    late = datetime(2025, 3, 9, 23, 30, tzinfo=timezone.utc)  # 2025-03-10 13:30 at UTC+14
    with ReactionStore.open(data_dir / DB_FILENAME, retention_days=None) as store:
        store.record(exposure("suv", late, 5.0, happy=0.5, sad=0.1))
    assert report() == 0
    assert capsys.readouterr().out.startswith(
        "Reactions on 2025-03-10 (local time): 1 exposure of 1 car, 0:05"
    )


def test_json_is_one_object_keyed_by_car_id(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--json", names=NAMES) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"suv", "van"}
    assert data["suv"]["exposures"] == 2
    assert data["suv"]["positive_share"] == pytest.approx(0.4)
    assert data["suv"]["uplift_success_rate"] == pytest.approx(0.5)
    assert data["van"]["uplift_success_rate"] is None
    assert data["van"]["visitor_minutes"] == pytest.approx(0.5)


def test_csv_file_has_a_row_per_car(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.csv"
    assert report("--csv", str(target), names=NAMES) == 0
    with open(target, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [row["car_id"] for row in rows] == ["suv", "van"]
    assert float(rows[0]["negative_share"]) == pytest.approx(0.2)
    assert rows[1]["uplift_success_rate"] == ""
    captured = capsys.readouterr()
    assert "Testa Roadster" in captured.out  # the table is still printed
    assert f"wrote 2 cars to {target}" in captured.err


def test_since_filters_by_start_day(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--since", "2025-03-10", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["suv"]["exposures"] == 1 and data["suv"]["negative_switches"] == 1


def test_an_empty_database_prints_a_friendly_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ReactionStore.open(data_dir / DB_FILENAME).close()
    assert report() == 0
    assert "no exposures recorded yet" in capsys.readouterr().out
    assert report("--json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {}
    assert "no exposures recorded yet" in captured.err


def test_a_folder_without_a_database_exits_2_and_creates_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report() == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"error: {data_dir.resolve()} holds no reaction database (reactions.sqlite3): the kiosk has "
        "recorded nothing in this folder; give the kiosk's data folder with --data-dir DIR\n"
    )
    assert list(data_dir.iterdir()) == []


def test_a_data_folder_that_does_not_exist_exits_2_and_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo"
    with paths.using_data_dir(missing):
        assert report() == 2
    assert capsys.readouterr().err == (
        f"error: the data folder {missing} does not exist: give the kiosk's data folder with --data-dir DIR\n"
    )
    assert not missing.exists()


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


def summary(car_id: str, exposures: int, seconds: float) -> CarSummary:
    return CarSummary(car_id, exposures, seconds, seconds / 2, seconds / 4, 0, 0, 0)


@pytest.mark.parametrize(
    ("dates", "words"),
    [
        ((None, None), "on every recorded day"),
        ((DAY1.date(), None), "from 2025-03-09 to the last recorded day (local time)"),
        ((None, DAY2.date()), "from the first recorded day to 2025-03-10 (local time)"),
        ((DAY1.date(), DAY1.date()), "on 2025-03-09 (local time)"),
    ],
)
def test_the_fleet_names_the_period_of_its_dates(
    dates: tuple[date | None, date | None], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fleet = FleetSummary([summary("suv", 1, 30.0)], {"a" * 32: [summary("suv", 1, 30.0)]})
    with patch_fleet_read(fleet):
        assert report("--fleet", "host=nowhere", *_date_options(*dates)) == 0
    assert capsys.readouterr().out.startswith(f"Reactions at 1 kiosk {words}: 1 exposure of 1 car, 0:30")


def _date_options(since: date | None, until: date | None) -> list[str]:
    return [*(["--since", str(since)] if since else []), *(["--until", str(until)] if until else [])]


@contextmanager
def patch_fleet_read(fleet: FleetSummary) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fleet_report, "read_fleet_summary", lambda _dsn, _since, _until: fleet)
        yield


def test_format_table_names_cars_and_keeps_unknown_ids() -> None:
    table = format_table([summary("suv", 1, 7.0), summary("gone-car", 2, 600.0)], NAMES)
    assert [line.split("  ")[0].strip() for line in table.splitlines()] == [
        "car",
        "gone-car",
        "Testa Roadster",
    ]
    assert "0:07" in table and "10:00" in table


def test_the_fleet_prints_names_periods_and_plurals(capsys: pytest.CaptureFixture[str]) -> None:
    fleet = FleetSummary(
        cars=[summary("suv", 3, 90.0)],
        kiosks={"a" * 32: [summary("suv", 1, 30.0)], "b" * 32: [summary("suv", 2, 60.0)]},
        info={"a" * 32: KioskInfo("berlin-1", None), "b" * 32: KioskInfo("paris-2", None)},
    )
    print_fleet(fleet, lambda cars: format_table(cars, NAMES), "from 2025-03-09 to 2025-03-10 (local time)")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "Reactions at 2 kiosks from 2025-03-09 to 2025-03-10 (local time): "
        "3 exposures of 1 car, 1:30 (min:s) of visitor time."
    )
    assert lines[2] == "All kiosks"
    assert lines[4].split()[:4] == ["Testa", "Roadster", "3", "1:30"]
    assert f"berlin-1 (id {'a' * 8}): 1 exposure of 1 car, 0:30 (min:s) of visitor time" in lines
    assert f"paris-2 (id {'b' * 8}): 2 exposures of 1 car, 1:00 (min:s) of visitor time" in lines
