"""The showroom with the dealer's own things: photos with a background laid out clear of the HUD and
softened, cut-outs as before, the cars' texts in the kiosk's language, the logo, the HUD hidden,
and a HUD that explains itself in readable type on a small screen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from catalog_samples import car, write_catalog, write_photo
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage
from pytestqt.qtbot import QtBot

from kiosk.content.catalog import dealer_logo_dir, read_catalog
from kiosk.reaction.engine import ReactionConfig, ReactionEngine
from kiosk.session.results import AnalysisResult, SourceMode, WorkerStatus
from kiosk.settings.model import KioskSettings
from kiosk.ui.app.main_window import KioskWindow
from kiosk.ui.app.settings_apply import apply_view_settings
from kiosk.ui.common import theme
from kiosk.ui.common.i18n import apply_language, remove_translations
from kiosk.ui.showroom import view as showroom_module
from kiosk.ui.showroom.hud import (
    BASE_WIDTH,
    MIN_TEXT_PX,
    PAD,
    SMALLEST_TEXT,
    EmotionHud,
)
from kiosk.ui.showroom.images import Catalog, load_catalog
from kiosk.ui.showroom.scene import car_area
from kiosk.vision.source import SourceState
from kiosk.vision.types import Analysis, Box, FaceResult

SIZES = [(1920, 1080), (1280, 720)]


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    remove_translations()


def _window(qtbot: QtBot, size: tuple[int, int], catalog: Catalog) -> KioskWindow:
    window = KioskWindow()
    qtbot.addWidget(window)
    window.showroom.set_cars(catalog.cars)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def _dealer_photo_catalog(folder: Path, *, alpha: bool = False) -> Catalog:
    """One car photographed in a room: a 4:3 JPEG with its background (or a cut-out PNG)."""
    name = "photo.png" if alpha else "photo.jpg"
    write_photo(folder / name, 1600, 1200, alpha=alpha, hue=100)
    return read_catalog(write_catalog(folder, [car("mine", name)]))


@pytest.mark.parametrize("size", SIZES)
def test_a_dealers_photo_is_laid_out_clear_of_the_hud(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    window = _window(qtbot, size, _dealer_photo_catalog(tmp_path))
    layers = window.showroom._scene(0)
    hud = QRectF(window.hud.geometry())
    area = car_area(QRectF(window.rect()))
    assert layers.framed
    assert not layers.car_rect.intersects(hud), (layers.car_rect, hud)
    assert area.adjusted(-1, -1, 1, 1).contains(layers.car_rect)  # (whole pixels)
    assert layers.car_rect.height() > 0.5 * area.height()  # still a large picture
    assert window.showroom.keep_clear == hud
    window.set_hud_visible(False)  # no card: the photo has the whole area, centred in it
    free = window.showroom._scene(0).car_rect
    assert window.showroom.keep_clear is None
    assert free.height() >= layers.car_rect.height() and free.intersects(hud)
    assert free.center().x() == pytest.approx(area.center().x(), abs=1)
    window.allow_close()


def test_a_photos_edges_fade_into_the_showroom(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, (1920, 1080), _dealer_photo_catalog(tmp_path))
    layers = window.showroom._scene(0)
    assert layers.car is not None
    image = layers.car.toImage()
    centre = image.pixelColor(image.width() // 2, image.height() * 2 // 3)
    corner = image.pixelColor(1, 1)
    edge = image.pixelColor(image.width() // 2, 1)
    assert centre.alpha() == 255 and corner.alpha() < 10 and edge.alpha() < 40  # no hard edge
    window.allow_close()


@pytest.mark.parametrize("size", SIZES)
def test_a_cut_out_stands_on_the_floor_as_before(qtbot: QtBot, tmp_path: Path, size: tuple[int, int]) -> None:
    window = _window(qtbot, size, _dealer_photo_catalog(tmp_path, alpha=True))
    layers = window.showroom._scene(0)
    area = car_area(QRectF(window.rect()))
    assert not layers.framed  # an alpha channel: a cut-out
    assert (
        abs(layers.car_rect.bottom() - area.bottom()) < 1
        and abs(layers.car_rect.center().x() - area.center().x()) < 1
    )
    bundled = _window(qtbot, size, load_catalog(None))
    assert not bundled.showroom._scene(0).framed  # the rendered cars too
    window.allow_close()
    bundled.allow_close()


def test_the_cars_speak_the_kiosks_language_and_change_with_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, english_after: None
) -> None:
    painted: list[tuple[str, tuple[str, ...]]] = []
    render = showroom_module.render_layers

    def recording(shown: object, *args: object, **kwargs: object) -> object:
        painted.append((shown.tagline, tuple(spec.label for spec in shown.specs)))  # type: ignore[attr-defined]
        return render(shown, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(showroom_module, "render_layers", recording)
    window = _window(qtbot, (1280, 720), load_catalog(None))
    window.showroom._scene(0)
    assert painted[-1] == (
        "A grand tourer that makes every road feel like the long way home.",
        ("Power", "0–100 km/h", "Range", "Seats"),
    )
    apply_language("de")  # live: the pictures are painted again in German
    qtbot.waitUntil(lambda: painted[-1][0].startswith("Ein Gran Turismo"))
    assert painted[-1][1] == ("Leistung", "0–100 km/h", "Reichweite", "Sitze")
    apply_language("fr")
    qtbot.waitUntil(lambda: painted[-1][1][0] == "Puissance")
    window.allow_close()


def _logo(path: Path) -> Path:
    image = QImage(300, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor(230, 30, 30))
    assert image.save(str(path))
    return path


@pytest.mark.parametrize("size", SIZES)
def test_the_logo_sits_top_left_above_the_text_clear_of_the_car(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    window = _window(qtbot, size, load_catalog(None))
    settings = replace(KioskSettings(), logo_file=str(_logo(tmp_path / "logo.png")))
    apply_view_settings(window, settings)
    logo = window.showroom.logo_rect
    width, height = size
    assert 0 < logo.left() < 0.1 * width and logo.top() > 0
    assert logo.bottom() < 0.16 * height  # above "01 / 07"
    assert logo.height() == pytest.approx(64 * height / 1080, abs=1)  # scaled to the screen
    assert not logo.intersects(car_area(QRectF(window.rect())))
    assert not logo.intersects(QRectF(window.hud.geometry()))
    picture = window.grab().toImage()
    assert picture.pixelColor(logo.center().toPoint()).red() > 180  # painted
    window.allow_close()


def test_the_logo_is_kept_in_the_data_folder_and_shown_after_its_file_is_gone(
    qtbot: QtBot, tmp_path: Path, isolated_data_dir: Path
) -> None:
    window = _window(qtbot, (1280, 720), load_catalog(None))
    chosen = _logo(tmp_path / "usb" / "dealer logo.png") if (tmp_path / "usb").mkdir() is None else None
    assert chosen is not None
    settings = replace(KioskSettings(), logo_file=str(chosen))
    apply_view_settings(window, settings)
    assert (dealer_logo_dir() / "dealer logo.png").read_bytes() == chosen.read_bytes()
    chosen.unlink()
    window.showroom.set_logo(None)
    apply_view_settings(window, settings)  # the next start, or a settings change
    assert not window.showroom.logo_rect.isEmpty()
    apply_view_settings(window, replace(settings, logo_file=""))
    assert window.showroom.logo_rect.isEmpty()
    (tmp_path / "notes.png").write_text("not a picture")
    apply_view_settings(window, replace(settings, logo_file=str(tmp_path / "notes.png")))
    assert window.showroom.logo_rect.isEmpty()  # refused (and logged), the kiosk runs on
    window.allow_close()


def test_the_hold_ring_reads_over_the_logo(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, (1280, 720), load_catalog(None))
    apply_view_settings(window, replace(KioskSettings(), logo_file=str(_logo(tmp_path / "logo.png"))))
    logo = window.showroom.logo_rect
    before = window.grab().toImage()
    corner = logo.topLeft().toPoint()
    qtbot.mousePress(window.showroom, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: window.showroom.hold_progress > 0.1)
    during = window.grab().toImage()
    qtbot.mouseRelease(window.showroom, Qt.MouseButton.LeftButton, pos=corner)
    point = (logo.topLeft() + (logo.center() - logo.topLeft()) * 0.5).toPoint()
    assert before.pixelColor(point).red() > 180  # the logo ...
    assert during.pixelColor(point).red() < before.pixelColor(point).red() - 60  # ... under the ring's ground
    window.allow_close()


def test_the_emotion_panel_can_be_hidden_and_the_privacy_notice_stays(qtbot: QtBot) -> None:
    window = _window(qtbot, (1280, 720), load_catalog(None))
    apply_view_settings(window, replace(KioskSettings(), show_hud=False))
    assert window.hud.isHidden() and window.showroom._notice  # the notice is the showroom's
    apply_view_settings(window, KioskSettings())
    assert not window.hud.isHidden()  # shown by default
    window.allow_close()


# ---------------------------------------------------------------- the HUD explains itself


def _face(label: str, confidence: float) -> FaceResult:
    return FaceResult(Box(200, 100, 120, 120), label, confidence, {label: confidence})


def _hud_result(negative: float, baseline: float | None = None) -> AnalysisResult:
    analysis = Analysis(3, 0.2, (_face("sad", 0.37),), 0)
    preview = np.zeros((240, 320, 3), np.uint8)
    preview.flags.writeable = False
    return AnalysisResult(0.2, analysis, negative, True, (), preview, (640, 480), 3, 5.0, baseline=baseline)


def test_the_hud_says_what_each_number_is(qtbot: QtBot) -> None:
    hud = EmotionHud()
    qtbot.addWidget(hud)
    hud.set_scale(1.0)
    hud.set_status(WorkerStatus(SourceMode.CAMERA, SourceState.LIVE, "Camera 0 live", True, ""))
    hud.show_result(_hud_result(0.75))
    assert hud._expression_text(hud._visitor_face()) == ("Sad", "Seen now, 37% sure")  # this frame
    assert (hud.meter_caption(), hud.meter_text()) == ("Negative, last seconds", "75%")
    assert [label for _, _, label in hud.meter_ticks()] == ["showroom reacts"]
    hud.show_result(_hud_result(0.75, baseline=0.6))
    assert [label for _, _, label in hud.meter_ticks()] == ["resting face", "showroom reacts"]


def test_the_reaction_mark_is_where_the_engine_fires(qtbot: QtBot) -> None:
    """The HUD mirrors the engine's raised trigger for a visitor whose resting face looks negative."""
    config = ReactionConfig(trigger_level=0.5, baseline_margin=0.3, baseline_s=1.0)
    engine = ReactionEngine(config)
    for frame in range(30):  # a resting face the model reads as 0.6 negative
        engine.update(frame / 10, {"sad": 0.6, "neutral": 0.4})
    resting = engine.baseline_negative
    assert resting is not None
    hud = EmotionHud()
    qtbot.addWidget(hud)
    hud.set_levels(config.trigger_level, config.release_level, config.baseline_margin)
    hud.show_result(_hud_result(0.6, baseline=resting))
    assert hud.reaction_level() == pytest.approx(engine._levels()[0])
    assert hud.reaction_level() == pytest.approx(0.72)  # 0.6 + 0.3 x 0.4, above the trigger's 0.5


def _fonts(hud: EmotionHud) -> list[QFont]:
    sizes = (12.5, 13, SMALLEST_TEXT, 25, 13.5)
    return [hud._font(size) for size in sizes]


@pytest.mark.parametrize("size", SIZES)
def test_no_hud_text_is_smaller_than_the_minimum(qtbot: QtBot, size: tuple[int, int]) -> None:
    window = _window(qtbot, size, load_catalog(None))
    assert min(font.pixelSize() for font in _fonts(window.hud)) >= round(MIN_TEXT_PX)
    if size == (1920, 1080):  # the large screen keeps its look
        assert window.hud.width() == BASE_WIDTH and window.hud._font(12.5).pixelSize() == 12
    window.allow_close()


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "it"])
def test_the_hud_rows_fit_the_card_at_its_smallest(qtbot: QtBot, code: str, english_after: None) -> None:
    """At the minimum scale (a 720p screen): the header, the meter's caption and figure, and the
    legend fit the card's width, in every language (the new texts in English until translated)."""
    apply_language(code)
    hud = EmotionHud()
    qtbot.addWidget(hud)
    hud.set_scale(0.5)
    hud.set_status(WorkerStatus(SourceMode.DEMO, SourceState.LIVE, "Demo", True, ""))
    hud.show_result(_hud_result(0.4, baseline=0.2))
    inner = hud.width() - 2 * hud._s(PAD)

    def width(text: str, font: QFont) -> float:
        return QFontMetricsF(font).horizontalAdvance(text)

    header = hud._font(12.5, weight=QFont.Weight.DemiBold, spacing=12, caps=True)
    caption = hud._font(SMALLEST_TEXT, weight=QFont.Weight.DemiBold, spacing=10, caps=True)
    legend = hud._font(SMALLEST_TEXT)
    modes = [hud._mode_text()] + [hud.tr(m) for m in ("Reconnecting", "Paused")]
    header_row = width(hud.tr("Expression"), header) + max(width(m, header) for m in modes)
    assert header_row <= inner - hud._s(17), code
    meter_row = width(hud.meter_caption(), caption) + width(hud.tr("learning…"), caption)
    assert meter_row <= inner - hud._s(8), code
    marks = sum(width(label, legend) + hud._s(2 + 6 + 16) for _, _, label in hud.meter_ticks())
    assert marks <= inner, code
    detail = width(hud.tr("Seen now, {percent} sure").format(percent="100%"), hud._font(13.5))
    assert detail <= inner - hud._s(62 + 14), code
    assert theme.font(MIN_TEXT_PX).pixelSize() == hud._font(SMALLEST_TEXT).pixelSize()
