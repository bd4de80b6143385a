"""The Cars and Audio pages choose their files with the settings' own file chooser
(kiosk.ui.settings.file_dialog.choose_file): photos from Pictures, music from where the current file is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from catalog_samples import write_photo
from pytestqt.qtbot import QtBot

from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.settings import cars_page, music_page
from kiosk.ui.settings.cars_page import CarsPage
from kiosk.ui.settings.dialog import SettingsDialog
from kiosk.ui.settings.music_page import AudioPage


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> SettingsDialog:
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    widget = SettingsDialog(store)
    qtbot.addWidget(widget)
    return widget


def test_the_cars_page_adds_and_replaces_photos_chosen_in_the_file_chooser(
    dialog: SettingsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[Any, ...]] = []
    answers = [write_photo(tmp_path / "Nimbus.jpg", 1200, 700), None, write_photo(tmp_path / "new.png")]

    def choose_file(*args: Any) -> Path | None:
        asked.append(args)
        return answers.pop(0)

    monkeypatch.setattr(cars_page, "choose_file", choose_file)
    page = dialog.page(CarsPage)
    assert isinstance(page, CarsPage)
    count = len(page.cars)
    page.add_button.click()
    assert len(page.cars) == count + 1 and page.photo_note.text() == "Nimbus.jpg"
    page.add_button.click()  # cancelled: nothing added
    assert len(page.cars) == count + 1
    page.replace_button.click()
    assert page.photo_note.text() == "new.png"
    assert all(len(args) == 3 and "*.jpg" in args[2] for args in asked)  # photos: no start folder given


def test_the_audio_page_browses_from_the_current_music_file(
    dialog: SettingsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[Any, ...]] = []
    song = tmp_path / "songs" / "calm.ogg"

    def choose_file(*args: Any) -> Path | None:
        asked.append(args)
        return song

    monkeypatch.setattr(music_page, "choose_file", choose_file)
    page = dialog.page(AudioPage)
    assert isinstance(page, AudioPage)
    edit = page._file_edit()
    edit.setText(str(tmp_path / "old" / "tune.mp3"))
    page._on_browse_clicked()
    assert edit.text() == str(song)
    (_parent, _title, filters, start) = asked[0]
    assert "*.mp3" in filters and start == str(tmp_path / "old" / "tune.mp3")
