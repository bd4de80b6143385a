"""Choosing a photo, a music file or a folder: Qt's own dialog, dark, wide, in the user's folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView
from pytestqt.qtbot import QtBot

from kiosk.ui.settings.file_dialog import (
    SCREEN_MARGIN,
    choose_file,
    fit_file_dialog,
    make_file_dialog,
    start_folder,
)

PHOTOS = "Photos (*.jpg *.jpeg *.png *.webp)"
MUSIC = "Music (*.mp3 *.wav *.ogg *.flac)"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with Pictures and Music, as the desktop makes them (no user-dirs.dirs)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    for folder in ("Pictures", "Music"):
        (tmp_path / folder).mkdir()
    return tmp_path


def test_photos_open_in_pictures_music_in_music_and_the_rest_at_home(home: Path) -> None:
    assert start_folder([PHOTOS]) == home / "Pictures"
    assert start_folder([MUSIC]) == home / "Music"
    assert start_folder(["Catalogues (*.json)"]) == home
    assert start_folder([]) == home
    (home / "Music").rmdir()
    assert start_folder([MUSIC]) == home  # no Music folder: home, never the program's folder


def test_a_given_folder_or_file_wins_but_an_empty_one_does_not(home: Path) -> None:
    cars = home / "cars"
    cars.mkdir()
    photo = cars / "a.jpg"
    photo.write_bytes(b"")
    assert start_folder([PHOTOS], cars) == cars
    assert start_folder([PHOTOS], photo) == cars
    assert start_folder([PHOTOS], str(photo)) == cars
    for empty in ("", Path(""), "  "):
        assert start_folder([PHOTOS], empty) == home / "Pictures"  # not "." (the program's folder)
    assert start_folder([PHOTOS], home / "gone" / "b.jpg") == home / "Pictures"


def test_the_dialog_is_qts_own_dark_and_wide_enough_for_its_columns(qtbot: QtBot, home: Path) -> None:
    dialog = make_file_dialog(None, "A photo of the car", PHOTOS)
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert Path(dialog.directory().absolutePath()) == home / "Pictures"
    assert dialog.nameFilters() == [PHOTOS]
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFile
    dialog.show()
    files = dialog.findChild(QTreeView, "treeView")
    assert files is not None
    for width, height in ((1280, 720), (1920, 1080)):
        screen = QRect(0, 0, width, height)
        fit_file_dialog(dialog, screen)
        QApplication.processEvents()
        assert screen.adjusted(SCREEN_MARGIN, SCREEN_MARGIN, -SCREEN_MARGIN, -SCREEN_MARGIN).contains(
            dialog.frameGeometry()
        )
        header = files.header()
        shown = [header.sectionSize(i) for i in range(header.count()) if not header.isSectionHidden(i)]
        assert len(shown) == 4 and shown[0] >= 300 and min(shown) >= 90, shown
        assert sum(shown) <= files.viewport().width() + 1, (shown, files.viewport().width())  # all in view
    files.ensurePolished()
    assert files.palette().color(QPalette.ColorRole.Base) == QColor("#0f1215")  # no white list


def test_choose_file_returns_the_chosen_file_or_none(qtbot: QtBot, home: Path) -> None:
    photo = home / "Pictures" / "car.png"
    photo.write_bytes(b"\x89PNG")

    def pick(accept: bool) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        if accept:
            dialog.selectFile(str(photo))
            dialog.accept()
        else:
            dialog.reject()

    QTimer.singleShot(0, lambda: pick(True))
    assert choose_file(None, "A photo of the car", [PHOTOS]) == photo
    QTimer.singleShot(0, lambda: pick(False))
    assert choose_file(None, "A photo of the car", [PHOTOS]) is None
