"""The music choice: the Audio page (file, volume, fades, preview) and the fallback to the bundled
track. Without an audio device nothing may be played (see kiosk/ui/showroom/audio.py), so the device check
is injected; the one test that really plays runs only where a device exists."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fakes import write_tone
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from kiosk.paths import bundled_music_path
from kiosk.settings.model import KioskSettings, field_specs
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.settings.dialog import SettingsDialog
from kiosk.ui.settings.music_page import AudioPage
from kiosk.ui.showroom.audio import NO_DEVICE, UpliftPlayer, has_audio_output

needs_device = pytest.mark.skipif(not has_audio_output(), reason="no audio output device on this machine")


@pytest.fixture
def tone(tmp_path: Path) -> Path:
    return write_tone(tmp_path / "tone.wav", seconds=3)


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    settings_store = SettingsStore(tmp_path / "settings.ini")
    settings_store.load()
    return settings_store


def _page(qtbot: QtBot, device: bool) -> AudioPage:
    page = AudioPage(device_present=lambda: device)
    qtbot.addWidget(page)
    page.load(KioskSettings())
    return page


def test_the_fade_settings_are_declared_once_and_saved(qtbot: QtBot, store: SettingsStore) -> None:
    specs = field_specs()
    assert specs["fade_in_ms"].key == "audio/fade_in_ms" and specs["fade_out_ms"].key == "audio/fade_out_ms"
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    for name, value in (("fade_in_ms", 400), ("fade_out_ms", 4200), ("volume", 35)):
        spin = dialog.findChild(QSpinBox, name)
        assert spin is not None, name
        spin.setValue(value)
    assert dialog.apply()
    again = SettingsStore(store.path)
    again.load()
    assert (again.settings.fade_in_ms, again.settings.fade_out_ms, again.settings.volume) == (400, 4200, 35)
    assert "fade_out_ms=4200" in store.path.read_text()


def test_without_a_device_play_says_so_and_starts_nothing(qtbot: QtBot) -> None:
    page = _page(qtbot, device=False)
    page.preview.button.click()
    assert "No audio output found" in page.preview.status.text()
    assert page.preview.player is None  # no media player, no audio threads
    assert page.preview.button.text() == "Play" and not page.preview.active


def test_a_chosen_file_that_cannot_play_is_named_and_the_bundled_track_announced(
    qtbot: QtBot, tmp_path: Path, tone: Path
) -> None:
    page = _page(qtbot, device=False)
    edit = page.findChild(QLineEdit, "audio_file")
    assert edit is not None
    (tmp_path / "song.mp3").write_text("lyrics, not music")
    edit.setText(str(tmp_path / "song.mp3"))
    assert page.file_note.isVisibleTo(page)
    assert "song.mp3 is not an MP3, Ogg, WAV, M4A or FLAC file" in page.file_note.text()
    assert "the bundled track plays instead" in page.file_note.text()
    edit.setText(str(tone))
    assert not page.file_note.isVisibleTo(page) and page.file_problem() == ""
    edit.setText("")
    assert page.file_problem() == ""  # empty: the bundled track


def test_a_file_that_will_not_play_falls_back_to_the_bundled_track(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.ogg"
    broken.write_bytes(b"\x00" * 128)
    player = UpliftPlayer(broken, device_present=lambda: False, fallback=bundled_music_path())
    with (
        caplog.at_level(logging.WARNING),
        qtbot.waitSignal(player.fell_back) as fell,
        qtbot.waitSignal(player.audio_failed) as failed,
    ):
        assert not player.play()  # the fallback is chosen, and then there is no device to play it
    assert "broken.ogg" in fell.args[0] and "is not an MP3, Ogg" in fell.args[0]
    assert failed.args == [NO_DEVICE]
    assert player.path == bundled_music_path()
    assert any(
        "event audio_fallback" in r.getMessage() and "uplift.ogg" in r.getMessage() for r in caplog.records
    )
    player.set_file(broken)  # the operator's choice again (settings applied): checked again
    assert player.path == broken
    player.stop()


def test_a_file_the_player_rejects_falls_back_and_the_fallback_is_tried_at_once(
    qtbot: QtBot, tone: Path
) -> None:
    player = UpliftPlayer(tone, device_present=lambda: False, fallback=bundled_music_path())
    with (
        qtbot.waitSignal(player.fell_back) as fell,
        qtbot.waitSignal(player.audio_failed, timeout=2000) as failed,
    ):
        player._on_error_occurred(QMediaPlayer.Error.FormatError, "Invalid data found")  # as the backend says
    assert fell.args[0] == f"{tone}: FormatError Invalid data found"
    assert failed.args == [NO_DEVICE]  # the retry with the bundled track found no device here
    assert player.path == bundled_music_path()
    player.stop()


def test_the_fallback_itself_failing_is_reported_not_retried(qtbot: QtBot) -> None:
    player = UpliftPlayer(bundled_music_path(), device_present=lambda: False, fallback=bundled_music_path())
    with qtbot.assertNotEmitted(player.fell_back), qtbot.waitSignal(player.audio_failed) as failed:
        player._on_error_occurred(QMediaPlayer.Error.ResourceError, "gone")
    assert "uplift.ogg: ResourceError gone" in failed.args[0]
    player.stop()


def test_fades_follow_the_settings(tone: Path) -> None:
    player = UpliftPlayer(tone, device_present=lambda: False, fade_in_ms=250, fade_out_ms=4000)
    assert (player.fade_in_ms, player.fade_out_ms) == (250, 4000)
    player.set_fades(0, -5)
    assert (player.fade_in_ms, player.fade_out_ms) == (0, 0)
    player.stop()


def test_closing_the_dialog_stops_the_preview(qtbot: QtBot, store: SettingsStore) -> None:
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    page = dialog.page(AudioPage)
    assert isinstance(page, AudioPage)
    page.preview._set_active(True)  # as after Play, without playing into a missing device
    dialog.reject()
    assert not page.preview.active and page.preview.button.text() == "Play"


@needs_device
def test_play_previews_the_music_and_stop_ends_it(qtbot: QtBot, tone: Path) -> None:
    page = _page(qtbot, device=True)
    edit = page.findChild(QLineEdit, "audio_file")
    assert edit is not None
    edit.setText(str(tone))
    page.preview.button.click()
    player = page.preview.player
    assert player is not None
    qtbot.waitUntil(lambda: player.is_playing, timeout=5000)
    assert page.preview.button.text() == "Stop" and "tone.wav" in page.preview.status.text()
    with qtbot.waitSignal(player.playback_finished, timeout=5000):
        page.preview.button.click()
    assert page.preview.button.text() == "Play"
    page.stop_preview()
