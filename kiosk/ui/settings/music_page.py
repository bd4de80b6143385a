"""The Audio page of the settings dialog: the uplift music, its volume and fades, and a preview.

The music is the bundled track or any file the operator picks (MP3, Ogg, WAV, M4A, FLAC where
the platform's FFmpeg plays it). The page says at once when a chosen file cannot be played;
the kiosk then plays the bundled track instead (see `audio.UpliftPlayer`). "Play" previews the
music as visitors will hear it, with the volume and fades on the page, and turns into "Stop".
Without an audio output device nothing is played at all (see the `audio` module for why);
the preview says so instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QWidget,
)

from kiosk.content.audio_files import AUDIO_SUFFIXES, audio_file_problem
from kiosk.paths import bundled_music_path
from kiosk.settings.model import KioskSettings
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from kiosk.ui.settings.fields import hint_label
from kiosk.ui.settings.file_dialog import choose_file
from kiosk.ui.settings.page import SettingsPage
from kiosk.ui.showroom.audio import UpliftPlayer, has_audio_output

log = logging.getLogger(__name__)

STOP_FADE_MS = 300  # "Stop" fades out this fast, whatever the fade-out setting


class MusicPreview(QWidget):
    """A Play/Stop button and a line saying what plays, or why nothing can be heard."""

    def __init__(self, device_present: Callable[[], bool] = has_audio_output, parent: QWidget | None = None):
        super().__init__(parent)
        self._device_present = device_present
        self.player: UpliftPlayer | None = None  # made on the first play: no audio threads before
        self.active = False  # from Play until the music has ended or failed
        self.button = QPushButton(self.tr("Play"))
        self.button.setObjectName("musicPlay")
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.status = QLabel("")
        self.status.setObjectName("musicStatus")
        self.status.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.status, 1)

    def toggle(self, file: str, volume: int, fade_in_ms: int, fade_out_ms: int) -> None:
        """Play the music (the bundled track when `file` is ""), or stop it when it plays."""
        if self.active:
            self.stop(fade=True)
            return
        if not self._device_present():
            log.info("event audio_preview_skipped (no audio output device)")
            self.status.setText(
                self.tr("No audio output found on this PC: connect speakers, then press Play again.")
            )
            return
        player = self._player()
        player.set_file(Path(file) if file else bundled_music_path())
        player.set_volume(volume / 100)
        player.set_fades(fade_in_ms, fade_out_ms)
        if player.play():
            self._set_active(True)
            self.status.setText(
                self.tr("Playing {name} at {volume} % volume.").format(name=player.path.name, volume=volume)
            )

    def stop(self, *, fade: bool = False) -> None:
        """Stop the preview: faded quickly (the Stop button), or at once (the dialog closes)."""
        if self.player is not None and self.active and fade:
            self.player.fade_out(STOP_FADE_MS)
            if self.player.is_playing:
                return  # playback_finished follows the fade
        if self.player is not None:
            self.player.stop()
        self._set_active(False)

    def _player(self) -> UpliftPlayer:
        if self.player is None:
            self.player = UpliftPlayer(
                bundled_music_path(),
                cooldown_s=0.0,
                device_present=self._device_present,
                fallback=bundled_music_path(),
                parent=self,
            )
            self.player.playback_finished.connect(self._on_playback_finished)
            self.player.audio_failed.connect(self._on_audio_failed)
            self.player.fell_back.connect(self._on_fell_back)
        return self.player

    def _set_active(self, active: bool) -> None:
        self.active = active
        self.button.setText(self.tr("Stop") if active else self.tr("Play"))

    @Slot()
    def _on_playback_finished(self) -> None:
        self._set_active(False)
        self.status.setText("")

    @Slot(str)
    def _on_audio_failed(self, message: str) -> None:
        log.warning("event audio_error %s", message)
        self._set_active(False)
        self.status.setText(self.tr("Could not play: {problem}").format(problem=message))

    @Slot(str)
    def _on_fell_back(self, problem: str) -> None:
        self.status.setText(
            self.tr("The chosen music cannot be played ({problem}); the bundled track plays instead.").format(
                problem=problem
            )
        )


class AudioPage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsPage", "Audio")
    NAMES = ("audio_enabled", "audio_file", "volume", "fade_in_ms", "fade_out_ms")

    def __init__(self, device_present: Callable[[], bool] = has_audio_output, parent: QWidget | None = None):
        super().__init__(list(self.NAMES), parent)
        edit = self._file_edit()
        edit.setPlaceholderText(self.tr("the bundled music"))
        edit.textChanged.connect(self._on_file_text_changed)
        browse = QPushButton(translate("SettingsPage", "Browse…"))  # the other pages' button
        browse.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        browse.clicked.connect(self._on_browse_clicked)
        self.file_note = hint_label("")
        self.file_note.setObjectName("musicFileNote")
        self._insert_below(edit, browse, self.file_note)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.valueChanged.connect(self.form["volume"].set_value)
        self._insert_below(self.form["volume"].widget, self.slider)
        self.preview = MusicPreview(device_present)
        self.preview.button.clicked.connect(self._on_play_clicked)
        self.outer.addWidget(self.preview)
        self.outer.addStretch(1)

    def _file_edit(self) -> QLineEdit:
        edit = self.form["audio_file"].widget
        assert isinstance(edit, QLineEdit)
        return edit

    def _insert_below(self, field: QWidget, *widgets: QWidget) -> None:
        """Rows under the row of `field` (the form's rows include hints, so they are looked up)."""
        role = QFormLayout.ItemRole.FieldRole
        row = next(r for r in range(self.form_layout.rowCount()) if self._field_at(r, role) is field)
        for offset, widget in enumerate(widgets, start=1):
            self.form_layout.insertRow(row + offset, "", widget)

    def _field_at(self, row: int, role: QFormLayout.ItemRole) -> QWidget | None:
        item = self.form_layout.itemAt(row, role)
        return item.widget() if item is not None else None

    def load(self, settings: KioskSettings) -> None:
        super().load(settings)
        self.slider.setValue(settings.volume)
        self._on_file_text_changed(settings.audio_file)

    def stop_preview(self) -> None:
        self.preview.stop()

    def file_problem(self) -> str:
        """Why the chosen music cannot be played ("" for the bundled track or a playable file)."""
        file = self._file_edit().text().strip()
        return audio_file_problem(Path(file)) if file else ""

    @Slot(str)
    def _on_file_text_changed(self, _text: str) -> None:
        problem = self.file_problem()
        text = self.tr("This file cannot be played ({problem}): the bundled track plays instead.")
        self.file_note.setText(text.format(problem=problem) if problem else "")
        self.file_note.setVisible(bool(problem))

    @Slot()
    def _on_browse_clicked(self) -> None:
        edit = self._file_edit()
        patterns = " ".join(f"*{suffix}" for suffix in AUDIO_SUFFIXES)
        path = choose_file(
            self,
            self.form["audio_file"].spec.text,
            self.tr("Music ({patterns})").format(patterns=patterns),
            edit.text(),
        )
        if path is not None:
            edit.setText(str(path))

    @Slot()
    def _on_play_clicked(self) -> None:
        values = {name: self.form[name].value() for name in self.NAMES}
        self.preview.toggle(
            str(values["audio_file"]),
            int(values["volume"]),
            int(values["fade_in_ms"]),
            int(values["fade_out_ms"]),
        )
