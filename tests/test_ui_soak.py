"""`tools/soak.py` (`make soak`): the whole kiosk offscreen, its memory and threads watched."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from soak import Alive, SoakReport, _judge, resident_mb, run_soak, slope_per_hour


def test_a_short_soak_runs_the_kiosk_and_reports_what_the_readme_quotes(
    tiny_model: Path, visitor_video: Path, capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    args = argparse.Namespace(
        minutes=0.12, video=visitor_video, model=tiny_model, max_growth_mb=200.0, warmup_s=2.0, sample_s=0.5
    )
    status = run_soak(args)
    report = json.loads(capsys.readouterr().out)
    assert status == 0, report["problems"]
    assert report["passed"] and report["results"] > 20
    assert report["rss_samples"] >= 5 and report["rss_start_mb"] > 50
    assert report["rss_growth_mb"] == pytest.approx(report["rss_end_mb"] - report["rss_start_mb"], abs=0.11)
    assert report["alive_after_quit"] == {"python_threads": 1, "qthreads": 0, "qtimers": 0}
    assert report["alive_start"]["qthreads"] == 1  # the analysis thread, while it ran
    assert not list(isolated_data_dir.iterdir())  # its records went to a folder of its own


def test_the_slope_is_a_least_squares_fit_per_hour() -> None:
    assert slope_per_hour([(0.0, 100.0), (1800.0, 105.0), (3600.0, 110.0)]) == pytest.approx(10.0)
    assert slope_per_hour([(0.0, 100.0), (60.0, 101.0), (120.0, 100.0)]) == pytest.approx(0.0)
    assert slope_per_hour([(5.0, 100.0)]) == 0.0


def test_growth_threads_and_leftovers_fail_the_soak() -> None:
    steady = Alive(python_threads=2, qthreads=1, qtimers=3)
    report = SoakReport(minutes=2, video="demo.mp4", results=100)
    report.alive_start, report.alive_before_quit = steady, steady
    report.alive_after_quit = Alive(1, 0, 0)
    _judge(report, [(30.0, 200.0), (60.0, 204.0), (120.0, 205.0)], max_growth_mb=10)
    assert report.passed and report.rss_growth_mb == 5.0 and report.rss_slope_mb_per_h == pytest.approx(180.0)

    grown = SoakReport(minutes=2, video="demo.mp4", results=100)
    grown.alive_start, grown.alive_after_quit = steady, Alive(1, 1, 2)
    grown.alive_before_quit = Alive(python_threads=3, qthreads=1, qtimers=3)
    _judge(grown, [(30.0, 200.0), (120.0, 215.0)], max_growth_mb=10)
    assert len(grown.problems) == 3 and not grown.passed
    assert "RSS grew by 15.0 MB (limit 10 MB)" in grown.problems[0]
    assert "threads grew" in grown.problems[1] and "left running after the quit" in grown.problems[2]


def test_resident_memory_is_read_on_linux() -> None:
    rss = resident_mb()
    if rss is None:
        pytest.skip("this platform does not report resident memory")
    big = bytearray(64 * 1024 * 1024)
    big[::4096] = b"x" * len(big[::4096])  # touch every page
    assert resident_mb() >= rss + 50  # type: ignore[operator]
