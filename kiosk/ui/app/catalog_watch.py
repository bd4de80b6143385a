"""Notices a new catalogue while the kiosk runs: saved in the dialog, or installed from the
command line (`python -m kiosk catalog import DIR`).

A save ends by replacing catalog.json (`catalog_store`), so the watcher watches the folders
that can hold the catalogue the showroom shows (the dealer's, and the "Catalog folder"
setting's), or the folder above one that does not exist yet. A change there is checked after
a short pause (a save writes several files) by comparing `catalog_stamp`: only a replaced
catalog.json, or a different folder to show, reports `catalog_replaced`.

The file-system watcher (an inotify socket notifier on Linux) is made by `watch()` and deleted
by `stop()`, on the GUI thread: left to the kiosk object's garbage collection, which Python may
run on any thread, it would be torn down on the wrong one and leave the GUI thread's event
dispatcher with a dangling notifier.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from kiosk.content.catalog import Stamp, catalog_stamp, dealer_catalog_dir, showroom_folder

SETTLE_MS = 300


class CatalogWatcher(QObject):
    """Emits `catalog_replaced` when the catalogue to show is not the one shown any more."""

    catalog_replaced = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog_dir = ""
        self._shown: Stamp | None = None
        self._folders: tuple[Path, ...] = ()
        self._watcher: QFileSystemWatcher | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)

    def watch(self, catalog_dir: str, shown: Stamp | None) -> None:
        """Watch for the catalogue the showroom shows with this "Catalog folder" setting ("" for
        the dealer's own); `shown` is the stamp of the catalogue on screen now."""
        self._catalog_dir, self._shown = catalog_dir, shown
        self._folders = (dealer_catalog_dir(), *([Path(catalog_dir)] if catalog_dir else []))
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(self._on_directory_changed)
        self._rewatch()

    def stop(self) -> None:
        """Watch nothing more (the kiosk is closing); call it on the GUI thread."""
        self._folders = ()
        self._settle.stop()
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            shiboken6.delete(watcher)  # now, on this thread (see the module docstring)

    def _rewatch(self) -> None:
        """Each folder, or its nearest existing parent (the folder appears on the first save)."""
        if self._watcher is None:
            return
        wanted = set()
        for folder in self._folders:
            existing = folder
            while not existing.is_dir() and existing.parent != existing:
                existing = existing.parent
            wanted.add(str(existing))
        watched = set(self._watcher.directories())
        if watched - wanted:
            self._watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self._watcher.addPaths(sorted(wanted - watched))

    @Slot(str)
    def _on_directory_changed(self, _path: str) -> None:
        self._settle.start()

    @Slot()
    def _on_settle_timeout(self) -> None:
        self._rewatch()
        stamp = catalog_stamp(showroom_folder(self._catalog_dir))
        if stamp != self._shown:
            self._shown = stamp
            self.catalog_replaced.emit()
