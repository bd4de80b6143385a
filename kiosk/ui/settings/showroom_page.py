"""The Showroom page of the settings dialog: where the cars come from (the catalog folder), the
dealer's logo, how long each car is shown and the change between them, with the cars shown now."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.settings.fields import hint_label
from kiosk.ui.settings.file_dialog import choose_file, choose_folder
from kiosk.ui.settings.page import SettingsPage, browse_button
from kiosk.ui.showroom.images import Car
from kiosk.ui.showroom.prices import price_text


class ShowroomPage(SettingsPage):
    """The showroom's settings, with a Browse… button under each path and the cars shown now."""

    title = QT_TRANSLATE_NOOP("SettingsPage", "Showroom")

    def __init__(self, cars: Sequence[Car] = (), parent: QWidget | None = None) -> None:
        super().__init__(["catalog_dir", "logo_file", "rotation_s", "transition_ms"], parent)
        edit = self.form["catalog_dir"].widget
        assert isinstance(edit, QLineEdit)
        edit.setPlaceholderText(self.tr("the cars that come with the kiosk"))
        self.form_layout.insertRow(1, "", browse_button(self._on_browse_clicked))
        logo = self.form["logo_file"].widget
        assert isinstance(logo, QLineEdit)
        logo.setPlaceholderText(self.tr("none"))
        self.form_layout.insertRow(3, "", browse_button(self._on_logo_browse_clicked))
        self.outer.addWidget(QLabel(self.tr("Cars shown now ({count})").format(count=len(cars))))
        self.car_list = QLabel("\n".join(_car_line(car) for car in cars) or self.tr("No cars are loaded."))
        self.car_list.setObjectName("carList")
        self.car_list.setWordWrap(True)
        self.car_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outer.addWidget(self.car_list)
        self.outer.addWidget(
            hint_label(self.tr("They change when the catalog folder above changes (press Apply)."))
        )
        self.outer.addStretch(1)

    @Slot()
    def _on_browse_clicked(self) -> None:
        edit = self.form["catalog_dir"].widget
        assert isinstance(edit, QLineEdit)
        folder = choose_folder(self, self.form["catalog_dir"].spec.text, edit.text())
        if folder is not None:
            edit.setText(str(folder))

    @Slot()
    def _on_logo_browse_clicked(self) -> None:
        edit = self.form["logo_file"].widget
        assert isinstance(edit, QLineEdit)
        filters = self.tr("Logos (*.png *.svg *.jpg *.jpeg *.webp)")
        chosen = choose_file(self, self.form["logo_file"].spec.text, filters, edit.text() or None)
        if chosen is not None:
            edit.setText(str(chosen))


def _car_line(car: Car) -> str:
    details = " · ".join(part for part in (car.tagline, price_text(car)) if part)
    return f"{car.name}  —  {details}" if details else car.name
