"""The showroom: the catalog (and its errors), the crossfade, staff navigation, the HUD, the cursor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.session.results import AnalysisResult, SourceMode, WorkerStatus
from kiosk.ui.app.main_window import CursorHider, KioskWindow
from kiosk.ui.showroom import gestures
from kiosk.ui.showroom.hud import HUD_MIN_SCALE, EmotionHud
from kiosk.ui.showroom.images import bundled_catalog_dir, load_catalog
from kiosk.ui.showroom.view import ShowroomView
from kiosk.vision.source import SourceState
from kiosk.vision.types import Analysis, Box, FaceResult


def _dealer_catalog(folder: Path, cars: list[object] | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    source = bundled_catalog_dir()
    for picture in source.glob("*.webp"):
        shutil.copy(picture, folder / picture.name)
    text = cars if isinstance(cars, str) else json.dumps({"version": 1, "cars": cars})
    (folder / "catalog.json").write_text(text, encoding="utf-8")
    return folder


def _car(car_id: str, image: str) -> dict[str, object]:
    return {
        "id": car_id,
        "name": car_id.title(),
        "tagline": "Test",
        "price": 41000,
        "image": image,
        "accent": "#336699",
        "specs": [{"label": "Seats", "value": "5"}],
    }


def test_the_bundled_catalog_is_complete() -> None:
    catalog = load_catalog(None)
    assert catalog.problems == ()
    assert len(catalog.cars) >= 3
    for car in catalog.cars:
        assert car.image.is_file() and car.name and car.accent.startswith("#")
        assert 1 <= len(car.specs) <= 4


def test_a_car_with_a_missing_picture_is_left_out_with_a_message(tmp_path: Path) -> None:
    pictures = sorted(p.name for p in bundled_catalog_dir().glob("*.webp"))
    folder = _dealer_catalog(
        tmp_path / "dealer",
        [_car("alpha", pictures[0]), _car("ghost", "ghost.png"), _car("beta", pictures[1])],
    )
    catalog = load_catalog(folder)
    assert [c.id for c in catalog.cars] == ["alpha", "beta"]
    assert len(catalog.problems) == 1
    assert "ghost" in catalog.problems[0] and "not found" in catalog.problems[0]
    assert (catalog.cars[0].price, catalog.cars[0].currency) == (41000.0, "EUR")  # a number: euros


def test_a_catalog_that_does_not_parse_shows_the_bundled_cars_and_says_why(tmp_path: Path) -> None:
    folder = _dealer_catalog(tmp_path / "dealer", '{"version": 1, "cars": [')
    catalog = load_catalog(folder)
    assert catalog.cars == load_catalog(None).cars
    assert "cannot be read" in catalog.problems[0] and "catalog.json" in catalog.problems[0]
    assert any("bundled cars" in p for p in catalog.problems)


def test_entries_with_missing_fields_are_reported(tmp_path: Path) -> None:
    pictures = sorted(p.name for p in bundled_catalog_dir().glob("*.webp"))
    folder = _dealer_catalog(tmp_path / "dealer", [{"id": "x"}, "nonsense", _car("ok", pictures[0])])
    catalog = load_catalog(folder)
    assert [c.id for c in catalog.cars] == ["ok"]
    assert "missing name, image" in catalog.problems[0]
    assert "expected an object" in catalog.problems[1]


@pytest.fixture
def view(qtbot: QtBot) -> ShowroomView:
    widget = ShowroomView()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.set_transition_ms(150)
    widget.set_cars(load_catalog(None).cars)
    widget.show()
    return widget


def test_switching_crossfades_to_the_car_it_is_given(qtbot: QtBot, view: ShowroomView) -> None:
    cars = view.cars
    view.show_index(1)
    assert view.current_car == cars[1]
    assert view.is_fading
    qtbot.waitUntil(lambda: not view.is_fading, timeout=10_000)  # 150 ms, on a busy machine too
    view.show_index(len(cars))  # no such car: the model wraps around, the view does not guess
    view.show_index(1)  # the car shown: nothing to do
    assert view.current_car == cars[1] and not view.is_fading


def test_staff_click_the_halves_or_swipe_to_ask_for_a_step(qtbot: QtBot, view: ShowroomView) -> None:
    first = view.current_car
    steps: list[int] = []
    view.step_requested.connect(steps.append)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(1000, 400))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(300, 400))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(900, 400))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(500, 400))  # swipe to the left
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(500, 400))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(900, 400))  # swipe to the right
    assert steps == [1, -1, 1, -1]
    assert view.current_car == first  # the showroom model decides; the view only shows


def test_a_long_press_in_the_top_left_corner_asks_for_the_settings(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gestures, "LONG_PRESS_MS", 100)
    view = ShowroomView()
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.set_cars(load_catalog(None).cars)
    first = view.current_car
    assert view.hold_progress == 0.0
    with qtbot.waitSignal(view.settings_requested, timeout=2000):
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        qtbot.waitUntil(lambda: view.hold_progress > 0.0)  # the ring fills while it counts down
    assert view.hold_progress == 0.0  # and goes once the PIN prompt is asked for
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert view.current_car == first  # the corner press did not also change the car
    with qtbot.assertNotEmitted(view.settings_requested, wait=300):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))  # a short tap does nothing


def test_the_windowed_kiosk_fits_the_usable_area(qtbot: QtBot) -> None:
    window = KioskWindow()
    qtbot.addWidget(window)
    window.place("", windowed=True)
    available = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
    assert window.width() >= available.width() * 0.9  # the whole usable area, not a small window
    assert not window.isFullScreen()


def test_arrow_keys_step_and_escape_asks_to_leave(qtbot: QtBot) -> None:
    window = KioskWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.showroom.set_cars(load_catalog(None).cars)
    steps: list[int] = []
    window.showroom.step_requested.connect(steps.append)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert steps == [1, -1]
    with qtbot.waitSignal(window.exit_requested):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    window.allow_close()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_layout_scales_with_the_screen(qtbot: QtBot, size: tuple[int, int]) -> None:
    window = KioskWindow()
    qtbot.addWidget(window)
    window.showroom.set_cars(load_catalog(None).cars)
    window.showroom.set_notice("Privacy notice")
    window.showroom.set_attention("error")
    window.resize(*size)
    window.show()
    scale = size[1] / 1080
    assert window.hud.width() == round(330 * max(scale, HUD_MIN_SCALE))  # 287 px at 720p, not 220
    assert window.hud.geometry().right() < size[0] and window.hud.y() > 0
    picture = window.grab().toImage()
    assert (picture.width(), picture.height()) == size
    centre = picture.pixelColor(round(size[0] * 0.67), round(size[1] * 0.6))
    assert centre != QColor("#0b0d10")  # the car is drawn in its area
    window.allow_close()


def _face(label: str, x: int) -> FaceResult:
    return FaceResult(Box(x, 100, 120, 120), label, 0.9, {label: 0.9, "neutral": 0.1})


def test_the_hud_shows_the_visitor_and_greys_out_staff(qtbot: QtBot) -> None:
    hud = EmotionHud()
    qtbot.addWidget(hud)
    hud.set_scale(1.0)
    hud.set_status(WorkerStatus(SourceMode.DEMO, SourceState.LIVE, "Demo mode — no camera found", True, ""))
    analysis = Analysis(3, 0.2, (_face("sad", 300),), 0, ignored=(Box(20, 100, 100, 100),))
    preview = np.zeros((240, 320, 3), np.uint8)
    preview.flags.writeable = False
    result = AnalysisResult(0.2, analysis, 0.7, True, (), preview, (640, 480), 3, 5.0)
    hud.show_result(result)
    assert hud._expression_text(hud._visitor_face()) == ("Sad", "Seen now, 90% sure")
    assert not hud.grab().isNull()
    hud.set_preview_visible(False)
    assert hud.height() < hud.sizeHint().height() + 1
    no_model = WorkerStatus(
        SourceMode.CAMERA, SourceState.LIVE, "Camera 0 live", False, "Expression analysis off"
    )
    hud.set_status(no_model)
    hud.show_result(AnalysisResult(0.3, None, None, False, (), preview, (640, 480), 4, 1.0))
    assert hud._expression_text(None)[0] == "Analysis off"


def test_the_hud_says_when_the_analysis_keeps_failing(qtbot: QtBot) -> None:
    hud = EmotionHud()
    qtbot.addWidget(hud)
    hud.set_scale(1.0)
    hud.set_status(WorkerStatus(SourceMode.CAMERA, SourceState.LIVE, "Camera 0 live", True, ""))
    preview = np.zeros((240, 320, 3), np.uint8)
    preview.flags.writeable = False
    empty = Analysis(5, 0.3, (), None)
    healthy = AnalysisResult(0.3, empty, None, False, (), preview, (640, 480), 5, 1.0)
    hud.show_result(healthy)
    assert hud._expression_text(None)[0] == "No visitor" and hud._mode_text() == "Live"
    before = hud.grab().toImage()
    fault = "12 frames in a row could not be analysed: RuntimeError: bad allocation"
    hud.show_result(AnalysisResult(0.4, empty, None, False, (), preview, (640, 480), 6, 1.0, fault=fault))
    # not "No visitor", and in the visitor's words: what failed is for the operator status
    assert hud._expression_text(None) == ("Analysis paused", "Back in a moment")
    assert hud._mode_text() == "Paused"
    assert hud.grab().toImage() != before


def test_the_hud_meter_shows_learning_then_the_visitors_resting_face(qtbot: QtBot) -> None:
    hud = EmotionHud()
    qtbot.addWidget(hud)
    hud.set_scale(1.0)
    hud.set_status(WorkerStatus(SourceMode.DEMO, SourceState.LIVE, "Demo mode — no camera found", True, ""))
    analysis = Analysis(3, 0.2, (_face("sad", 300),), 0)
    preview = np.zeros((240, 320, 3), np.uint8)
    preview.flags.writeable = False
    learning = AnalysisResult(0.2, analysis, 0.3, True, (), preview, (640, 480), 3, 5.0, learning=True)
    hud.show_result(learning)
    assert hud.meter_text() == "learning…"
    assert [(label, level) for level, _, label in hud.meter_ticks()] == [("showroom reacts", 0.55)]
    learnt = AnalysisResult(0.4, analysis, 0.3, True, (), preview, (640, 480), 4, 5.0, baseline=0.25)
    hud.show_result(learnt)
    assert hud.meter_text() == "30%"
    marks = [(label, round(level, 4)) for level, _, label in hud.meter_ticks()]
    assert marks == [("resting face", 0.25), ("showroom reacts", 0.55)]  # 0.25 + 0.35 x 0.75 < 0.55
    without = AnalysisResult(0.4, analysis, 0.3, True, (), preview, (640, 480), 4, 5.0)
    before = hud.grab().toImage()
    hud.show_result(without)
    assert hud.grab().toImage() != before  # the resting mark was painted


def test_the_pointer_hides_when_idle_and_returns_on_movement(qtbot: QtBot) -> None:
    hider = CursorHider(idle_ms=50)
    hider.set_enabled(True)
    try:
        qtbot.waitUntil(lambda: hider.hidden, timeout=2000)
        cursor = QApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
        window = KioskWindow()
        qtbot.addWidget(window)
        window.show()
        moved = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(60, 60),
            QPointF(60, 60),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window, moved)
        assert not hider.hidden
        assert QApplication.overrideCursor() is None
        qtbot.waitUntil(lambda: hider.hidden, timeout=2000)  # and hides again when idle
        window.allow_close()
    finally:
        hider.set_enabled(False)
    assert QApplication.overrideCursor() is None


def test_an_empty_catalog_says_so(qtbot: QtBot) -> None:
    view = ShowroomView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.set_cars(())
    assert view.current_car is None
    assert not view.grab().isNull()
