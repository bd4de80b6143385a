"""The catalogue the showroom shows, with one way to save it (no Qt here).

`CatalogStore` is what the kiosk and its settings dialog share: the dialog's commit saves the
dealer's cars through it (`kiosk.content.catalog_store.save_catalog`: all or nothing, the photos
copied, catalog.json replaced last), and every listener (the kiosk, which shows it) hears of
the saved catalogue at once, from the store rather than from the disk. A catalogue installed by
another process (`python -m kiosk catalog import`) is still noticed by the folder watcher.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.content.catalog import Car, Catalog, dealer_catalog_dir
from kiosk.content.catalog_store import save_catalog

log = logging.getLogger(__name__)

Listener = Callable[[Catalog], None]


class CatalogStore:
    """Saves the dealer's catalogue in `folder` (default: the data folder's) and tells listeners."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or dealer_catalog_dir()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def save(self, cars: Sequence[Car], language: str) -> Catalog:
        """Make `cars` the dealer's catalogue; CatalogError (the old one untouched) if it cannot be."""
        catalog = save_catalog(self.folder, cars, language or None)
        log.info("event catalog_saved folder=%s cars=%d", self.folder, len(catalog.cars))
        for listener in self._listeners:
            listener(catalog)
        return catalog
