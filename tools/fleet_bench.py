"""What a fleet costs the central store: N kiosks each push a month of hourly per-car sums.

    PGPASSWORD=... python tools/fleet_bench.py --dsn "host=127.0.0.1 port=5432 dbname=bench user=me"

Each simulated kiosk gets its own SQLite file with `--per-hour` exposures for every car and
every hour of `--days` days (written straight into the kiosk's schema, which queues them for
the sync as the kiosk's trigger does), then pushes everything with `push_once`, with a
heartbeat. Prints the rows, the time to sync (all, and the slowest kiosk's month: a busy
kiosk catching up after a month offline), the table's size, and the time of the fleet report's
and `fleet status`'s queries. Point it only at a throw-away database: it drops the fleet's
tables first, then sets them up as `fleet init-db` does.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psycopg

from kiosk.analytics.database import migrate
from kiosk.analytics.fleet import FleetConfig, push_once
from kiosk.analytics.fleet_central import init_central
from kiosk.analytics.fleet_report import read_fleet_summary
from kiosk.analytics.fleet_status import Heartbeat, read_fleet_status

START = datetime(2025, 3, 1, tzinfo=timezone.utc)


def make_kiosk_db(path: Path, days: int, cars: int, per_hour: int) -> int:
    """A kiosk's file with `per_hour` exposures per car and hour; returns the exposures written."""
    rows = []
    for hour in range(days * 24):
        at = START + timedelta(hours=hour)
        for car in range(cars):
            for n in range(per_hour):
                started = (at + timedelta(minutes=n * 7)).isoformat(timespec="microseconds")
                ended = (at + timedelta(minutes=n * 7 + 1)).isoformat(timespec="microseconds")
                rows.append((f"car-{car}", started, ended, 12.0, 0.1, 0.0, 0.05, 0.5, 0.25, 0.1, 0.0, 0.2))
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        migrate(conn)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO exposures (car_id, started_at, ended_at, visitor_seconds, p_angry, p_disgust, "
            "p_fear, p_happy, p_neutral, p_sad, p_surprise, peak_negative, ended_by_negative, "
            "audio_played) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
            rows,
        )
        conn.execute("COMMIT")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dsn", required=True, help="a throw-away database (password via PGPASSWORD)")
    parser.add_argument("--kiosks", type=int, default=30)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--cars", type=int, default=8)
    parser.add_argument("--per-hour", type=int, default=3, help="exposures per car and hour")
    args = parser.parse_args()
    with psycopg.connect(args.dsn, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS kiosk_car_hours, kiosks, kiosk_fleet_schema")
        init_central(conn)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        exposures = sum(
            make_kiosk_db(Path(folder) / f"k{k}.sqlite3", args.days, args.cars, args.per_hour)
            for k in range(args.kiosks)
        )
        figures["local_setup_s"] = time.perf_counter() - started
        pushed, slowest = 0, 0.0
        started = time.perf_counter()
        for k in range(args.kiosks):
            kiosk_started = time.perf_counter()
            config = FleetConfig(dsn=args.dsn, kiosk=f"showroom-{k:02d}", kiosk_id=f"{k:032x}")
            beat = Heartbeat(host=f"pc-{k:02d}", version="0.1.0", model_version="2.2.0", status="ok")
            pushed += push_once(Path(folder) / f"k{k}.sqlite3", config, heartbeat=beat).pushed
            slowest = max(slowest, time.perf_counter() - kiosk_started)
        figures["sync_all_s"] = time.perf_counter() - started
        figures["sync_slowest_kiosk_s"] = slowest
    figures["exposures"], figures["rows_pushed"] = exposures, pushed
    with psycopg.connect(args.dsn, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE kiosk_car_hours")
        conn.execute("VACUUM ANALYZE kiosks")
        row = conn.execute(
            "SELECT count(*), pg_total_relation_size('kiosk_car_hours') FROM kiosk_car_hours"
        ).fetchone()
    assert row is not None
    figures["central_rows"], figures["central_bytes"] = row
    for label, since in (
        ("report_month_s", None),
        ("report_last_week_s", (START + timedelta(days=23)).date()),
    ):
        started = time.perf_counter()
        summary = read_fleet_summary(args.dsn, since, None)
        figures[label] = time.perf_counter() - started
    figures["report_kiosks"] = len(summary.kiosks)
    started = time.perf_counter()
    with psycopg.connect(args.dsn, autocommit=True) as conn:
        figures["status_kiosks"] = len(read_fleet_status(conn))
    figures["status_s"] = time.perf_counter() - started
    print(json.dumps({key: round(value, 3) for key, value in figures.items()}, indent=2))


if __name__ == "__main__":
    main()
