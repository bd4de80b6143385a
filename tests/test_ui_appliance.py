"""The kiosk as an appliance: a crash loop shows why and stops; a restart resumes the car."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.analytics.records import CarChange
from kiosk.appliance.resume import load_car, save_car
from kiosk.ui.app import run_gui
from kiosk.ui.catalog import load_catalog
from kiosk.ui.kiosk import Kiosk, LaunchOptions
from kiosk.ui.settings_store import SettingsStore


def _args() -> argparse.Namespace:
    return argparse.Namespace(
        windowed=True, camera=97, video=None, settings=None, data_dir=None, self_test=False
    )


def test_a_crash_loop_shows_why_on_screen_logs_it_and_exits_0(
    qapp: QApplication, isolated_data_dir: Path
) -> None:
    now = time.time()
    (isolated_data_dir / "crashes.json").write_text(json.dumps([now - 80, now - 60, now - 40, now - 20]))
    (isolated_data_dir / "running").write_text("4242\n")  # the last run did not end cleanly: crash 5
    shown: list[str] = []

    def look() -> None:
        shown.extend(w.text() for w in qapp.topLevelWidgets() if isinstance(w, QLabel) and w.isVisible())
        qapp.quit()

    QTimer.singleShot(300, look)
    assert run_gui(_args()) == 0  # 0: systemd's Restart=on-failure leaves it stopped
    assert len(shown) == 1 and "5 crashes within 120 seconds" in shown[0]
    log_text = (isolated_data_dir / "logs" / "kiosk.log").read_text()
    assert "event crash_loop crashes=5" in log_text
    assert "event kiosk_started" not in log_text


def test_a_restarted_kiosk_resumes_the_car_it_showed(
    qtbot: QtBot, tiny_model: Path, isolated_data_dir: Path, visitor_video: Path
) -> None:
    cars = load_catalog(None).cars
    assert len(cars) >= 3
    save_car(isolated_data_dir, cars[2].id)
    store = SettingsStore(isolated_data_dir / "settings.ini")
    store.load()
    options = LaunchOptions(windowed=True, video=str(visitor_video), model_path=tiny_model, realtime=False)
    kiosk = Kiosk(store, options)
    kiosk.start()
    try:
        current = kiosk.window.showroom.current_car
        assert current is not None and current.id == cars[2].id
        kiosk.window.showroom.show_next(CarChange.ROTATION)
        assert load_car(isolated_data_dir) == cars[3 % len(cars)].id  # saved as it changes
    finally:
        with qtbot.waitSignal(kiosk.finished, timeout=10_000):
            kiosk.quit()
        kiosk.dispose()
