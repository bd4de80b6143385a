"""The uplifting music: one QMediaPlayer, faded in and out, at most once per cooldown.

Two things learnt the hard way with PySide6 6.11/6.12 and Qt's FFmpeg backend:

- Without any audio output device nothing is played at all (it would be silent anyway):
  the player logs it, reports `audio_failed` and the kiosk carries on. Playing into no
  device lets the backend's audio thread tear itself down while it calls back into Python
  (`disconnectNotify` on our wrapped QAudioOutput needs the GIL), which deadlocks the GUI
  thread if it is just then emitting a signal (gdb: `QAudioOutput::volumeChanged` waiting
  on a Qt mutex held by the `QFFmpeg::AudioRenderer` thread, which waits for the GIL).
  The next play after a device is plugged in works (each play checks for a device).
- A play ends in `pause()` (rewound), not `stop()`, so the backend's audio pipeline is not
  torn down and rebuilt for every play; it is stopped once, when the kiosk closes.

The music is the operator's choice (a setting); a file that will not play (missing, empty, no
audio, or refused by the backend) is replaced by the `fallback` track, when one is given: the
player logs it and reports `fell_back`, then plays the fallback.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEasingCurve, QObject, QTimer, QUrl, QVariantAnimation, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

from kiosk.content.audio_files import audio_file_problem

log = logging.getLogger(__name__)

FADE_IN_MS = 1500  # the defaults of the fade settings (settings.py declares them with these)
FADE_OUT_MS = 2500
MAX_PLAY_MS = 20_000  # a long file is faded out after this
NO_DEVICE = "no audio output device on this PC; the music is skipped"


def has_audio_output() -> bool:
    return bool(QMediaDevices.audioOutputs())


class UpliftPlayer(QObject):
    """Plays one music file with fades; re-emits what happens as its own signals."""

    playback_started = Signal()
    playback_finished = Signal()
    audio_failed = Signal(str)  # a message naming the file or device and the problem
    fell_back = Signal(str)  # the chosen file's problem; the fallback track plays instead

    def __init__(
        self,
        path: Path,
        *,
        volume: float = 0.6,
        cooldown_s: float = 8.0,
        clock: Callable[[], float] = time.monotonic,
        device_present: Callable[[], bool] = has_audio_output,
        fallback: Path | None = None,
        fade_in_ms: int = FADE_IN_MS,
        fade_out_ms: int = FADE_OUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock, self._device_present = clock, device_present
        self._volume = volume
        self.fallback = Path(fallback) if fallback is not None else None
        self.fade_in_ms, self.fade_out_ms = fade_in_ms, fade_out_ms
        self.cooldown_s = cooldown_s
        self.path = Path(path)
        self._last_start: float | None = None
        self._loaded = False  # the source is set on the first play (no backend threads before)
        self._playing = False  # between playback_started and playback_finished
        self._output = QAudioOutput(self)
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(self._output)
        self._player.errorOccurred.connect(self._on_error_occurred)
        self._player.playbackStateChanged.connect(self._on_playback_state_changed)
        self._player.positionChanged.connect(self._on_position_changed)
        self._fade = QVariantAnimation(self)
        self._fade.valueChanged.connect(self._on_fade_value_changed)
        self._fade.finished.connect(self._on_fade_finished)
        self._fading_out = False
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._on_audio_outputs_changed)
        if not device_present():
            log.info("event audio_device_missing (%s)", NO_DEVICE)

    @property
    def is_playing(self) -> bool:
        return self._playing

    def set_file(self, path: Path) -> None:
        if Path(path) != self.path:
            self.path = Path(path)
            self._loaded = False

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        if self._playing and self._fade.state() != QVariantAnimation.State.Running:
            self._output.setVolume(self._volume)

    def set_fades(self, fade_in_ms: int, fade_out_ms: int) -> None:
        self.fade_in_ms, self.fade_out_ms = max(0, fade_in_ms), max(0, fade_out_ms)

    def play(self) -> bool:
        """Start the music with a fade-in; False when it is playing, cooling down or cannot play."""
        now = self._clock()
        if self._playing or (self._last_start is not None and now - self._last_start < self.cooldown_s):
            return False
        problem = self._problem()
        if problem and problem != NO_DEVICE and self._fall_back(problem):
            problem = self._problem()
        if problem:
            self.audio_failed.emit(problem)  # the kiosk logs it
            return False
        self._last_start = now
        self._fading_out = False
        self._output.setVolume(0.0)
        if not self._loaded:
            self._player.setSource(QUrl.fromLocalFile(str(self.path)))
            self._loaded = True
        self._player.setPosition(0)
        self._player.play()
        self._animate(0.0, self._volume, self.fade_in_ms)
        return True

    def _problem(self) -> str:
        problem = audio_file_problem(self.path)
        if problem:
            return problem
        if not self._device_present():
            return NO_DEVICE
        return ""

    def _fall_back(self, problem: str) -> bool:
        """Switch to the fallback track (False when there is none, or it is what failed)."""
        if self.fallback is None or self.path == self.fallback:
            return False
        log.warning("event audio_fallback %s; playing %s instead", problem, self.fallback.name)
        self.path, self._loaded = self.fallback, False
        self.fell_back.emit(problem)
        return True

    def fade_out(self, ms: int | None = None) -> None:
        """Fade to silence over `ms` (the fade-out setting when None), then pause."""
        if self._playing and not self._fading_out:
            self._fading_out = True
            self._animate(self._output.volume(), 0.0, self.fade_out_ms if ms is None else ms)

    def stop(self) -> None:
        """Stop at once and for good (the kiosk is closing)."""
        self._fade.stop()
        if self._loaded:
            self._player.stop()
        self._finish()

    def _animate(self, start: float, end: float, ms: int) -> None:
        self._fade.stop()
        self._fade.setStartValue(start)
        self._fade.setEndValue(end)
        self._fade.setDuration(max(1, ms))
        self._fade.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._fade.start()

    def _finish(self) -> None:
        if self._playing:
            self._playing = False
            self.playback_finished.emit()

    @Slot(object)
    def _on_fade_value_changed(self, value: object) -> None:
        if isinstance(value, float):
            self._output.setVolume(value)

    @Slot()
    def _on_fade_finished(self) -> None:
        if self._fading_out:
            self._player.pause()  # see the module docstring: no stop() between plays
            self._finish()

    @Slot(int)
    def _on_position_changed(self, position_ms: int) -> None:
        duration = self._player.duration()
        end = min(duration, MAX_PLAY_MS) if duration > 0 else MAX_PLAY_MS
        if position_ms >= end - self.fade_out_ms:
            self.fade_out()

    @Slot(QMediaPlayer.PlaybackState)
    def _on_playback_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        if state == QMediaPlayer.PlaybackState.PlayingState and not self._playing:
            self._playing = True
            log.info("event audio_started file=%s", self.path.name)
            self.playback_started.emit()
        elif state == QMediaPlayer.PlaybackState.StoppedState:  # the end of the file, or an error
            self._fade.stop()
            self._finish()

    @Slot(QMediaPlayer.Error, str)
    def _on_error_occurred(self, error: QMediaPlayer.Error, message: str) -> None:
        problem = f"{self.path}: {error.name} {message}".strip()
        if self._fall_back(problem):
            self._last_start = None  # the fallback plays now, not after a cooldown
            QTimer.singleShot(0, self, self._on_fallback_ready)  # once the failed source has settled
        else:
            self.audio_failed.emit(problem)  # the kiosk logs it

    @Slot()
    def _on_fallback_ready(self) -> None:
        self.play()

    @Slot()
    def _on_audio_outputs_changed(self) -> None:
        log.info("event audio_devices_changed present=%s", "yes" if self._device_present() else "no")
