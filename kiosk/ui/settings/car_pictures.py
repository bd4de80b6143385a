"""The Cars page's pictures of each car: the list's thumbnails and the editor's preview.

Each photo is decoded at the size it is shown (`kiosk.ui.showroom.images.photo_image`), a
thumbnail once per photo. A photo that cannot be shown gets the placeholder, and the problem is
kept for the list's tooltip and the note under the preview (and logged once).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from kiosk.content.catalog import Car
from kiosk.content.photos import PhotoError
from kiosk.ui.showroom.images import photo_image, placeholder_image

log = logging.getLogger(__name__)


class CarPictures:
    """Thumbnails of `thumbnail` size and previews of `preview` size, with each photo's problem."""

    def __init__(self, thumbnail: QSize, preview: QSize) -> None:
        self._thumbnail_size = thumbnail
        self._preview_size = preview
        self._thumbnails: dict[Path, QImage] = {}
        self._problems: dict[Path, str] = {}

    def problem(self, car: Car) -> str:
        """Why the car's photo cannot be shown, once that is known; "" otherwise."""
        return self._problems.get(car.image, "")

    def thumbnail(self, car: Car) -> QImage:
        if car.image not in self._thumbnails:
            size = self._thumbnail_size
            try:
                image = photo_image(car.image, (size.width() * 2, size.height() * 2))
            except PhotoError as error:
                self._problems[car.image] = str(error)
                log.warning("event catalog_photo_unusable %s", error)
                image = placeholder_image()
            self._thumbnails[car.image] = image
        return self._thumbnails[car.image]

    def preview(self, car: Car) -> tuple[QImage, str]:
        """The editor's picture of the car, and the problem with its photo ("" if none)."""
        problem = self.problem(car)
        size = self._preview_size
        image = None
        if not problem:
            try:
                image = photo_image(car.image, (size.width(), size.height()))
            except PhotoError as error:
                problem = str(error)
        if image is None:
            image = placeholder_image().scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
        return image, problem
