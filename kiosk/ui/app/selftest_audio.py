"""The self-test's audio check: the uplift track through QtMultimedia's FFmpeg backend.

QMediaPlayer loads the file (LoadedMedia), plays it until the position moves, then jumps
to just before the end and must reach EndOfMedia: proof that the FFmpeg plugin and its
libraries load and decode. Without an audio device QMediaPlayer still plays (silently),
so this works on a headless CI machine; QSoundEffect would not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from kiosk.selftest_checks import Check, failed, passed

TIMEOUT_MS = 15_000
PLAYED_MS = 200  # the position must pass this before the jump to the end
TAIL_MS = 300  # how much is left to play after the jump
PLUGIN = "ffmpegmediaplugin"
FFMPEG_MARKERS = (PLUGIN, "libavcodec", "libavformat", "libswresample", "avcodec-", "avformat-")


class AudioProbe(QObject):
    """Loads, plays and finishes one file; `finished` is emitted at the end or on an error."""

    finished = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.statuses: list[str] = []
        self.played_ms = 0
        self.playing = False
        self.error = ""
        self._output = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self._output)
        self.player.mediaStatusChanged.connect(self._on_media_status_changed)
        self.player.playbackStateChanged.connect(self._on_playback_state_changed)
        self.player.positionChanged.connect(self._on_position_changed)
        self.player.errorOccurred.connect(self._on_error_occurred)

    def start(self) -> None:
        self._output.setVolume(0.0)
        self.player.setSource(QUrl.fromLocalFile(str(self.path)))

    def close(self) -> None:
        """Stop and let go of the file now, so that no decoder thread outlives the check."""
        self.player.stop()
        self.player.setSource(QUrl())

    @property
    def ended(self) -> bool:
        return QMediaPlayer.MediaStatus.EndOfMedia.name in self.statuses

    @Slot(QMediaPlayer.MediaStatus)
    def _on_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status.name not in self.statuses:
            self.statuses.append(status.name)
        if status == QMediaPlayer.MediaStatus.LoadedMedia and not self.playing:
            self.player.play()
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.finished.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self.error = self.error or "the file is not playable media (InvalidMedia)"
            self.finished.emit()

    @Slot(QMediaPlayer.PlaybackState)
    def _on_playback_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        if state == QMediaPlayer.PlaybackState.PlayingState:
            self.playing = True

    @Slot(int)
    def _on_position_changed(self, position_ms: int) -> None:
        if self.played_ms == 0 and position_ms >= PLAYED_MS:
            self.played_ms = position_ms
            self.player.setPosition(max(position_ms, self.player.duration() - TAIL_MS))

    @Slot(QMediaPlayer.Error, str)
    def _on_error_occurred(self, error: QMediaPlayer.Error, message: str) -> None:
        self.error = f"{error.name}: {message}"
        self.finished.emit()


def check_audio(path: Path) -> Check:
    """Play `path` through QMediaPlayer with the FFmpeg backend, headless."""
    if not path.is_file():
        return failed("audio", f"music file {path} does not exist")
    os.environ.setdefault("QT_MEDIA_BACKEND", "ffmpeg")  # the backend the bundle ships
    _application()
    probe = AudioProbe(path)
    try:
        if not probe.player.isAvailable():
            return failed("audio", "no QtMultimedia backend could be loaded (is the FFmpeg plugin missing?)")
        _play(probe)
        return _verdict(probe)
    finally:
        probe.close()


_app: QCoreApplication | None = None


def _application() -> QCoreApplication:
    """The running Qt application, else a QCoreApplication (no display needed), kept alive."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    _app = QCoreApplication(sys.argv[:1])
    return _app


def _play(probe: AudioProbe) -> None:
    loop = QEventLoop()
    timeout = QTimer(singleShot=True, interval=TIMEOUT_MS)
    timeout.timeout.connect(loop.quit)
    probe.finished.connect(loop.quit)
    timeout.start()
    probe.start()
    if not probe.ended and not probe.error:
        loop.exec()
    timeout.stop()


def _verdict(probe: AudioProbe) -> Check:
    duration = probe.player.duration()
    reached = ", ".join(probe.statuses) or "none"
    libraries = loaded_ffmpeg_libraries()
    data = {"duration_ms": duration, "statuses": list(probe.statuses), "ffmpeg_libraries": libraries}
    if probe.error:
        return failed("audio", f"{probe.path.name}: {probe.error} (media statuses: {reached})", **data)
    stages = [
        ("LoadedMedia", QMediaPlayer.MediaStatus.LoadedMedia.name in probe.statuses and duration > 0),
        ("PlayingState", probe.playing),
        (f"position {PLAYED_MS} ms", probe.played_ms >= PLAYED_MS),
        ("EndOfMedia", probe.ended),
    ]
    missing = [stage for stage, done in stages if not done]
    if missing:
        return failed(
            "audio",
            f"{probe.path.name} never reached {missing[0]} within "
            f"{TIMEOUT_MS / 1000:g} s (media statuses: {reached})",
            **data,
        )
    if sys.platform.startswith("linux") and not any(PLUGIN in name for name in libraries):
        return failed("audio", "it played, but not through the FFmpeg plugin", **data)
    return passed(
        "audio", f"{probe.path.name}: loaded ({duration / 1000:.1f} s), played, reached the end", **data
    )


def loaded_ffmpeg_libraries() -> list[str]:
    """The FFmpeg plugin and libraries mapped into this process (Linux; [] elsewhere)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            paths = {line.split(maxsplit=5)[-1].strip() for line in maps if "/" in line}
    except OSError:
        return []
    return sorted(Path(p).name for p in paths if any(marker in Path(p).name for marker in FFMPEG_MARKERS))
