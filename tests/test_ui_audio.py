"""The uplifting music: fades, at most once per cooldown, and no audio device is no problem.

Tests that need real playback run only where an audio output device exists; without one
the player must refuse cleanly (see kiosk/ui/showroom/audio.py for why it does not play into nothing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import write_tone
from pytestqt.qtbot import QtBot

from kiosk.paths import bundled_music_path
from kiosk.ui.showroom.audio import NO_DEVICE, UpliftPlayer, has_audio_output

needs_device = pytest.mark.skipif(not has_audio_output(), reason="no audio output device on this machine")


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def tone(tmp_path: Path) -> Path:
    return write_tone(tmp_path / "tone.wav", seconds=4)


def test_without_an_audio_device_it_says_so_and_plays_nothing(qtbot: QtBot, tone: Path) -> None:
    player = UpliftPlayer(tone, device_present=lambda: False)
    with qtbot.assertNotEmitted(player.playback_started), qtbot.waitSignal(player.audio_failed) as blocker:
        assert not player.play()
    assert blocker.args == [NO_DEVICE]
    assert not player.is_playing
    player.stop()  # closing the kiosk without a device is fine too


def test_a_missing_file_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    player = UpliftPlayer(tmp_path / "gone.wav", device_present=lambda: True)
    with qtbot.waitSignal(player.audio_failed) as blocker:
        assert not player.play()
    assert "gone.wav" in blocker.args[0] and "not found" in blocker.args[0]


def test_the_bundled_music_is_there() -> None:
    assert bundled_music_path().is_file()


@needs_device
def test_it_fades_in_and_plays_at_most_once_per_cooldown(qtbot: QtBot, tone: Path) -> None:
    clock = _Clock()
    player = UpliftPlayer(tone, volume=0.8, cooldown_s=8.0, clock=clock)
    with qtbot.waitSignal(player.playback_started, timeout=5000):
        assert player.play()
    assert player._output.volume() < 0.8  # starts quiet
    qtbot.waitUntil(lambda: player._output.volume() > 0.7, timeout=5000)
    assert not player.play()  # already playing
    with qtbot.waitSignal(player.playback_finished, timeout=10_000):
        player.fade_out()
    clock.now += 5.0
    assert not player.play()  # cooling down
    clock.now += 3.5
    with qtbot.waitSignal(player.playback_started, timeout=5000):
        assert player.play()
    player.stop()


@needs_device
def test_a_file_that_is_not_audio_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"definitely not a wave file" * 100)
    player = UpliftPlayer(junk)
    with qtbot.waitSignal(player.audio_failed, timeout=5000):
        player.play()
    player.stop()
