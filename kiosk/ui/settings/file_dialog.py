"""Choosing a file or a folder from the operator dialogs: Qt's own file dialog, dark and wide.

The platform's dialog (GTK's on a Linux kiosk) ignored the dark style and showed a white list,
opened in the program's own folder and was too narrow for its columns. `choose_file` and
`choose_folder` use Qt's dialog instead, in the operator dialogs' style, starting in the user's
Pictures folder for photos, Music for music, the home folder otherwise (or where the caller
says), and sized to the screen with room for the name, size, type and date columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QSplitter, QTreeView, QWidget

from kiosk.ui.common import theme

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".svg"})
AUDIO_SUFFIXES = frozenset({".mp3", ".wav", ".ogg", ".oga", ".flac", ".m4a", ".aac", ".opus"})
PREFERRED_SIZE = QSize(980, 580)  # with a title bar, 48 pixels free above and below at 720
SCREEN_MARGIN = 48  # pixels left free on each side of a small screen
NAME_COLUMN = 420  # pixels: long photo names stay readable beside the other columns
NAME_MINIMUM = 200
COLUMNS = (90, 150, 160)  # size, type ("PNG image"), date modified
SIDEBAR = 180
FRAME = 80  # the dialog's margins, the splitter and a scroll bar: no sideways scrolling


def _suffixes(filters: Sequence[str]) -> set[str]:
    """The file suffixes the name filters ask for ("Photos (*.jpg *.png)" -> {".jpg", ".png"})."""
    return set(re.findall(r"\*(\.[\w]+)", " ".join(filters).lower()))


def _location(kind: QStandardPaths.StandardLocation) -> Path | None:
    folder = QStandardPaths.writableLocation(kind)
    return Path(folder) if folder and Path(folder).is_dir() else None


def start_folder(filters: Sequence[str] = (), start_dir: Path | str | None = None) -> Path:
    """`start_dir` (or its folder, for a file) when it exists; else Pictures for photos, Music
    for music, and the home folder for anything else or when that folder is missing. An empty
    `start_dir` (an empty setting) counts as none: never the program's own folder."""
    if start_dir is not None and str(start_dir).strip():
        given = Path(start_dir).expanduser()
        folder = given if given.is_dir() else given.parent
        if given.is_absolute() and folder.is_dir():
            return folder
    suffixes = _suffixes(filters)
    kind = None
    if suffixes and suffixes <= IMAGE_SUFFIXES:
        kind = QStandardPaths.StandardLocation.PicturesLocation
    elif suffixes and suffixes <= AUDIO_SUFFIXES:
        kind = QStandardPaths.StandardLocation.MusicLocation
    return (_location(kind) if kind is not None else None) or Path.home()


def make_file_dialog(
    parent: QWidget | None,
    title: str,
    filters: str | Sequence[str] = (),
    start_dir: Path | str | None = None,
    *,
    folders: bool = False,
) -> QFileDialog:
    """The dialog `choose_file` (or, with `folders`, `choose_folder`) shows; not yet open."""
    names = [filters] if isinstance(filters, str) else list(filters)
    dialog = QFileDialog(parent, title, str(start_folder(names, start_dir)))
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if folders:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if names:
            dialog.setNameFilters(names)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setStyleSheet(theme.dialog_style_sheet())
    fit_file_dialog(dialog, _available_area(parent))
    return dialog


def fit_file_dialog(dialog: QFileDialog, available: QRect) -> None:
    """As large as PREFERRED_SIZE, or the screen less its margins, centred; the columns sized to
    show whole (on a screen narrower than 1280 pixels the name column keeps NAME_MINIMUM)."""
    width = min(PREFERRED_SIZE.width(), available.width() - 2 * SCREEN_MARGIN)
    height = min(PREFERRED_SIZE.height(), available.height() - 2 * SCREEN_MARGIN)
    dialog.resize(width, height)
    frame = QRect(QPoint(0, 0), dialog.frameGeometry().size())  # with its title bar, once known
    dialog.move(available.center() - frame.center())
    sides = dialog.findChild(QSplitter, "splitter")  # the places beside the files (Qt's names)
    if sides is not None:
        sides.setSizes([SIDEBAR, width - SIDEBAR])
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:
        header = details.header()
        header.setStretchLastSection(True)  # the date column fills the row: no bare strip after it
        name = max(NAME_MINIMUM, min(NAME_COLUMN, width - SIDEBAR - sum(COLUMNS) - FRAME))
        for column, size in enumerate((name, *COLUMNS)):
            header.resizeSection(column, size)


def _available_area(parent: QWidget | None) -> QRect:
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _chosen(dialog: QFileDialog) -> Path | None:
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        files = dialog.selectedFiles()
        return Path(files[0]) if files else None
    finally:
        dialog.deleteLater()


def choose_file(
    parent: QWidget | None,
    title: str,
    filters: str | Sequence[str] = (),
    start_dir: Path | str | None = None,
) -> Path | None:
    """An existing file the operator chose, or None when they cancelled.

    `filters` are Qt name filters, one string or several: `"Photos (*.jpg *.jpeg *.png *.webp)"`.
    `start_dir` (a folder, or a file whose folder to open; "" or None for none) wins over the
    guess from the filters when it exists.
    """
    return _chosen(make_file_dialog(parent, title, filters, start_dir))


def choose_folder(parent: QWidget | None, title: str, start_dir: Path | str | None = None) -> Path | None:
    """An existing folder the operator chose, or None when they cancelled."""
    return _chosen(make_file_dialog(parent, title, (), start_dir, folders=True))
