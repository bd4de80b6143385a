"""The running kiosk: reactions change the car and play music, exit needs the PIN, nothing is stored."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import pytest
from fakes import VideoFactory
from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QCloseEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFrame, QLabel
from pytestqt.qtbot import QtBot

from kiosk.settings.pin import hash_pin
from kiosk.settings.pin_backoff import PinBackoff
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions
from kiosk.ui.app.main_window import choose_screen
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.showroom.audio import has_audio_output

KioskFactory = Callable[..., Kiosk]
PIN_2580 = hash_pin("2580", iterations=1000)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".ppm", ".pgm", ".webp", ".tif", ".tiff", ".gif"}
VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov", ".webm"}


@pytest.fixture
def make_kiosk(qtbot: QtBot, tiny_model: Path, isolated_data_dir: Path) -> Iterator[KioskFactory]:
    """Build and start kiosks on a video (as fast as it decodes); all are shut down afterwards."""
    made: list[Kiosk] = []

    def make(video: Path, *, model: Path | None = None, windowed: bool = True, **changes: Any) -> Kiosk:
        """A kiosk with the operator PIN 2580 unless `pin_hash` says otherwise ("": none yet)."""
        store = SettingsStore(isolated_data_dir / "settings.ini")
        store.load()
        defaults = {"rotation_s": 0, "transition_ms": 100, "pin_hash": PIN_2580}
        store.update(replace(store.settings, **{**defaults, **changes}))
        options = LaunchOptions(
            windowed=windowed, video=str(video), model_path=model or tiny_model, records=False, realtime=False
        )
        kiosk = Kiosk(store, options)
        kiosk.start()
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        if not kiosk._finished:
            with qtbot.waitSignal(kiosk.finished, timeout=10_000):
                kiosk.quit()
        kiosk.dispose()


def _music_outcome(kiosk: Kiosk) -> SignalInstance:
    """What a play request leads to here: music, or (no audio device) a clear refusal."""
    return kiosk.player.playback_started if has_audio_output() else kiosk.player.audio_failed


def _wait_until_t(qtbot: QtBot, kiosk: Kiosk, t: float) -> None:
    with qtbot.waitSignal(
        kiosk.controller.result_received, timeout=20_000, check_params_cb=lambda r: r.t >= t
    ):
        pass


def test_the_window_builds_and_shows_the_first_car(
    make_kiosk: KioskFactory, face_video: VideoFactory
) -> None:
    kiosk = make_kiosk(face_video([("none", 1.0)]))
    showroom = kiosk.window.showroom
    assert kiosk.window.isVisible()
    assert len(showroom.cars) >= 3
    assert showroom.current_car == showroom.cars[0]
    assert kiosk.settings.privacy_text.startswith(
        "This screen estimates facial expressions on this device only"
    )


def test_a_visitor_turning_negative_changes_the_car_and_plays_music(
    qtbot: QtBot, make_kiosk: KioskFactory, visitor_video: Path
) -> None:
    kiosk = make_kiosk(visitor_video)
    first = kiosk.window.showroom.current_car
    negative = qtbot.waitSignal(
        kiosk.car_shown, timeout=20_000, check_params_cb=lambda shown: shown.reason == "negative"
    )
    with negative, qtbot.waitSignal(_music_outcome(kiosk), timeout=20_000):
        pass
    assert kiosk.window.showroom.current_car != first
    assert kiosk.player.is_playing == has_audio_output()


def test_a_happy_visitor_changes_nothing(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory
) -> None:
    kiosk = make_kiosk(face_video([("none", 0.5), ("happy", 3.0)]))
    first = kiosk.window.showroom.current_car
    with (
        qtbot.assertNotEmitted(_music_outcome(kiosk)),
        qtbot.assertNotEmitted(kiosk.car_shown),
    ):
        _wait_until_t(qtbot, kiosk, 3.4)
    assert kiosk.window.showroom.current_car == first
    assert kiosk.visitor_present


def test_settings_apply_live_to_the_view(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory
) -> None:
    kiosk = make_kiosk(face_video([("none", 1.0)]))
    kiosk.store.update(
        replace(kiosk.settings, privacy_text="Only on this PC.", trigger_level=0.8, show_preview=False)
    )
    assert kiosk.window.showroom._notice == "Only on this PC."
    assert kiosk.window.hud._trigger == 0.8
    assert not kiosk.window.hud._preview_visible


def test_without_a_model_the_showroom_runs_and_says_why(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory, tmp_path: Path
) -> None:
    kiosk = make_kiosk(face_video([("none", 1.0)]), model=tmp_path / "models" / "emotion.onnx")
    with qtbot.waitSignal(kiosk.controller.result_received, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: kiosk.operator.problems.has("model_unavailable"), timeout=5_000)
    (problem,) = [p for p in kiosk.operator.current() if p.code == "model_unavailable"]
    assert "emotion.onnx" in problem.detail and problem.degrades
    # the discreet indicator, no text for visitors
    qtbot.waitUntil(lambda: kiosk.window.showroom.attention == "error", timeout=3_000)
    assert kiosk.window.isVisible()


def test_closing_is_refused_without_the_pin(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory
) -> None:
    kiosk = make_kiosk(
        face_video([("none", 1.0)]), windowed=False, pin_hash=hash_pin("2580", iterations=1000)
    )
    assert kiosk.window.isFullScreen()
    event = QCloseEvent()
    with qtbot.waitSignal(kiosk.window.exit_requested):
        kiosk.window.closeEvent(event)
    assert not event.isAccepted()
    dialog = kiosk.pin_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.pin_edit.setText("1111")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert kiosk.window.isVisible() and not kiosk._quitting
    dialog.pin_edit.setText("2580")
    with qtbot.waitSignal(kiosk.finished, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not kiosk.window.isVisible()


def test_the_pin_back_off_belongs_to_the_kiosk_not_the_dialog(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory, isolated_data_dir: Path
) -> None:
    kiosk = make_kiosk(face_video([("none", 1.0)]), pin_hash=hash_pin("2580", iterations=1000))
    kiosk.window.settings_requested.emit()
    dialog = kiosk.pin_dialog
    assert dialog is not None
    for _ in range(3):
        dialog.pin_edit.setText("1111")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.ok_button.isEnabled()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: kiosk.pin_dialog is None)
    kiosk.window.settings_requested.emit()  # Ctrl+Alt+S again: still locked, not reset to 0
    reopened = kiosk.pin_dialog
    assert reopened is not None and reopened is not dialog
    assert not reopened.ok_button.isEnabled() and "Try again in" in reopened.message.text()
    assert (isolated_data_dir / "pin_attempts.json").is_file()
    assert PinBackoff(isolated_data_dir / "pin_attempts.json").failures == 3  # what a restart reads
    reopened.reject()


def test_the_kiosk_window_gets_the_focus_back_after_each_dialog(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory
) -> None:
    kiosk = make_kiosk(face_video([("none", 1.0)]), pin_hash=hash_pin("2580", iterations=1000))
    window = kiosk.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    kiosk.window.settings_requested.emit()
    pin = kiosk.pin_dialog
    assert pin is not None
    qtbot.waitUntil(pin.isActiveWindow)
    pin.pin_edit.setText("2580")
    pin.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: kiosk.dialog is not None and kiosk.dialog.isVisible())
    assert kiosk.dialog is not None
    kiosk.dialog.activateWindow()
    qtbot.waitUntil(lambda: kiosk.dialog is not None and kiosk.dialog.isActiveWindow())
    kiosk.dialog.reject()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is window)


def test_the_configured_screen_or_else_the_primary_one() -> None:
    primary = QGuiApplication.primaryScreen()
    assert choose_screen("no such screen") == primary
    assert choose_screen(primary.name()) == primary


def _media_files(*folders: Path) -> set[Path]:
    found = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.suffix.lower() in IMAGE_SUFFIXES | VIDEO_SUFFIXES:
                found.add(path)
    return found


def test_no_image_or_face_crop_is_ever_written(
    qtbot: QtBot,
    make_kiosk: KioskFactory,
    visitor_video: Path,
    isolated_data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> bool:
        raise AssertionError(f"an image was about to be written: {args[:2]}")

    monkeypatch.setattr(cv2, "imwrite", refuse)
    monkeypatch.setattr(QImage, "save", refuse)
    monkeypatch.setattr(QPixmap, "save", refuse)
    watched = (isolated_data_dir, tmp_path, visitor_video.parent)
    before = _media_files(*watched)
    kiosk = make_kiosk(visitor_video, show_preview=True)
    with qtbot.waitSignal(kiosk.car_shown, timeout=20_000):
        pass
    _wait_until_t(qtbot, kiosk, 4.4)
    with qtbot.waitSignal(kiosk.finished, timeout=10_000):
        kiosk.quit()
    assert _media_files(*watched) == before
    log_text = "".join(p.read_text(errors="replace") for p in isolated_data_dir.rglob("*.log*"))
    assert "base64" not in log_text


def test_each_reaction_is_logged_as_one_event_line(
    qtbot: QtBot, make_kiosk: KioskFactory, visitor_video: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="kiosk"):
        kiosk = make_kiosk(visitor_video)
        with qtbot.waitSignal(_music_outcome(kiosk), timeout=20_000):
            pass
    lines = [r.getMessage() for r in caplog.records]
    switch = next(line for line in lines if line.startswith("event switch_car"))
    car = kiosk.window.showroom.current_car
    assert car is not None
    assert re.fullmatch(rf"event switch_car car={car.id} negative=0\.\d\d", switch)
    played = "yes" if has_audio_output() else "no"
    assert any(line.startswith(f"event play_uplift file=uplift.ogg played={played}") for line in lines)
    assert any(line.startswith("event visitor_arrived") for line in lines)


def test_a_broken_dealer_catalog_is_reported_to_the_operator_not_the_visitor(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "dealer"
    folder.mkdir()
    (folder / "catalog.json").write_text("{ not json", encoding="utf-8")
    kiosk = make_kiosk(face_video([("none", 1.0)]), catalog_dir=str(folder))
    details = [p.detail for p in kiosk.operator.current() if p.code == "catalog"]
    assert any("catalog.json cannot be read" in d for d in details)
    # a dot for staff (at the operator status's next tick), no text for visitors
    qtbot.waitUntil(lambda: kiosk.window.showroom.attention == "warning", timeout=3_000)
    assert len(kiosk.window.showroom.cars) >= 3  # the bundled cars still show


def test_every_catalogue_problem_reaches_the_status_page(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "dealer"
    folder.mkdir()
    cars = [{"id": f"car-{n}", "name": f"Car {n}", "image": f"missing-{n}.png"} for n in range(6)]
    (folder / "catalog.json").write_text(json.dumps({"version": 2, "cars": cars}), encoding="utf-8")
    kiosk = make_kiosk(face_video([("none", 1.0)]), catalog_dir=str(folder), language="fr")
    problems = [p for p in kiosk.operator.current() if p.code == "catalog"]
    assert len(problems) >= 6, [p.detail for p in problems]
    kiosk.window.settings_requested.emit()
    pin = kiosk.pin_dialog
    assert pin is not None
    pin.pin_edit.setText("2580")
    pin.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: kiosk.dialog is not None and kiosk.dialog.isVisible())
    assert kiosk.dialog is not None and kiosk.dialog.status_page is not None
    cards = kiosk.dialog.status_page.findChildren(QFrame, "problemCard")
    shown = [card.findChild(QLabel, "problemDetail").text() for card in cards]
    assert all(p.detail in shown for p in problems)  # all of them, not the first three
    titles = [card.findChild(QLabel, "problemTitle").text() for card in cards]
    assert any(t.startswith("Une voiture") for t in titles), titles  # in the kiosk's language
    kiosk.dialog.reject()


def test_the_cars_rotate_slowly_while_nobody_is_there(
    qtbot: QtBot, make_kiosk: KioskFactory, face_video: VideoFactory
) -> None:
    kiosk = make_kiosk(face_video([("none", 1.0)]), rotation_s=1)
    first = kiosk.window.showroom.current_car
    with qtbot.waitSignal(kiosk.car_shown, timeout=5000) as blocker:
        pass
    assert blocker.args[0].reason == "rotation"
    assert kiosk.window.showroom.current_car != first
