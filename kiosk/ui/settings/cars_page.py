"""The Cars page of the settings dialog: the dealer's catalogue, edited without touching JSON.

It starts from the cars the showroom shows (the dealer's own, or the bundled ones until the
dealer saves their own) and keeps every edit in memory: the edited cars are part of the
dialog's draft. Apply or OK commits the draft (`kiosk.settings.draft`), which saves the cars
through the kiosk's catalogue store (`kiosk.session.catalog`: all or nothing, into the data
folder), and the showroom shows them at once; the page then shows what was saved
(`show_saved`), or why it could not be (`show_save_problems`). The page never writes a file.
A photo is checked when it is added: one that cannot be used is refused, and the page and the
log say why; a photo is shown by the name the dealer gave it (the stored copy's name has a hash
in it).

The texts are edited one language at a time (the menu above them starts at the catalogue's own
language); an empty field shows, greyed, the text visitors see instead, and a save keeps every
language. The currency menu offers the common currencies first (`currencies.chooser_currencies`).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt, Slot
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.catalog import (
    DEFAULT_ACCENT,
    Car,
    Catalog,
    bundled_catalog_dir,
    dealer_catalog_dir,
    showroom_catalog,
)
from kiosk.content.photos import PhotoError, accent_of, read_photo
from kiosk.settings.car_list import CarList
from kiosk.settings.model import KioskSettings
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.settings.car_fields import CarTextFields, PhotoFields, PriceFields, UpliftFields
from kiosk.ui.settings.car_pictures import CarPictures
from kiosk.ui.settings.fields import hint_label
from kiosk.ui.settings.file_dialog import choose_file
from kiosk.ui.settings.page import SettingsPage
from kiosk.ui.showroom.prices import price_text

log = logging.getLogger(__name__)

THUMBNAIL = QSize(96, 54)
PREVIEW = QSize(320, 180)
PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp"


class CarsPage(SettingsPage):
    """Lists, adds (from a photo), edits, reorders and removes the cars; `dirty` once edited."""

    title = QT_TRANSLATE_NOOP("SettingsPage", "Cars")

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self.folder = folder or dealer_catalog_dir()
        self.model = CarList()  # what the page shows and edits
        self._loaded = False
        self._filling = False  # the editors are being filled from a car: not an edit
        self.pictures = CarPictures(THUMBNAIL, PREVIEW)
        self._build()

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.source_note = hint_label("")
        self.source_note.setObjectName("carsSource")
        self.problems = QLabel("")
        self.problems.setObjectName("carsProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outer.addWidget(self.source_note)
        self.outer.addWidget(self.problems)
        columns = QHBoxLayout()
        columns.addLayout(self._build_list(), 2)
        self.editor = self._build_editor()
        columns.addWidget(self.editor, 3)
        self.outer.addLayout(columns, 1)
        self.outer.addWidget(
            hint_label(self.tr("Changes are kept with Apply or OK; the showroom shows them at once."))
        )

    def _build_list(self) -> QVBoxLayout:
        self.list = QListWidget()
        self.list.setObjectName("carsList")
        self.list.setIconSize(THUMBNAIL)
        self.list.setMinimumWidth(200)
        self.list.currentRowChanged.connect(self._on_current_row_changed)
        self.add_button = QPushButton(self.tr("Add a car from a photo…"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(self._on_up_clicked)
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(self._on_down_clicked)
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0, 1, 2)
        buttons.addWidget(self.up_button, 1, 0)
        buttons.addWidget(self.down_button, 1, 1)
        buttons.addWidget(self.remove_button, 2, 0, 1, 2)
        column = QVBoxLayout()
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        return column

    def _build_editor(self) -> QWidget:
        editor = QWidget()
        form = QFormLayout(editor)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        photo = PhotoFields(PREVIEW)
        self.photo, self.photo_note, self.replace_button = photo.picture, photo.note, photo.replace_button
        self.replace_button.clicked.connect(self._on_replace_clicked)
        photo.add_rows(form)
        self.texts = CarTextFields()
        self.text_language = self.texts.language_menu
        self.name_edit, self.tagline_edit = self.texts.name_edit, self.texts.tagline_edit
        self.spec_edits = self.texts.spec_edits
        self.texts.add_text_rows(form)
        prices, uplift = PriceFields(), UpliftFields()
        self.price_spin, self.currency_combo = prices.spin, prices.currency
        self.price_preview = prices.preview
        self.uplift, self.cheerful_box, self.uplift_combo = uplift, uplift.cheerful_box, uplift.combo
        form.addRow(self.tr("Price"), prices.row)
        self.texts.add_spec_rows(form)
        uplift.add_rows(form)
        for edit in self.texts.edits():
            edit.textEdited.connect(self._on_text_edited)
        self.text_language.currentIndexChanged.connect(self._on_text_language_changed)
        self.price_spin.valueChanged.connect(self._on_price_value_changed)
        self.currency_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.uplift_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.cheerful_box.toggled.connect(self._on_cheerful_toggled)
        return editor

    # -- the catalogue -------------------------------------------------------------------

    def load(self, settings: KioskSettings) -> None:
        """The first time: the cars the showroom shows now. Later loads (Restore Defaults) keep the edits."""
        super().load(settings)
        if not self._loaded:
            self._loaded = True
            self.show_catalog(showroom_catalog(settings.catalog_dir))

    def save(self, settings: KioskSettings) -> KioskSettings:
        """Edited cars are saved as the dealer's catalogue, and that is then what the showroom shows."""
        return dataclasses.replace(settings, catalog_dir="") if self.dirty else settings

    @property
    def cars(self) -> list[Car]:
        return self.model.cars

    @property
    def language(self) -> str:
        return self.model.language

    @property
    def dirty(self) -> bool:
        return self.model.dirty

    def show_catalog(self, catalog: Catalog) -> None:
        self.model.reset(catalog.cars, catalog.language)
        self.texts.offer_languages(catalog.language, self.cars)
        self._describe_source(catalog)
        self._show_problems(list(catalog.problems))
        self._refresh_list(0)

    def _describe_source(self, catalog: Catalog) -> None:
        folder = catalog.folder.resolve() if catalog.folder else None
        if folder == bundled_catalog_dir().resolve():
            text = self.tr(
                "These are the cars that come with the kiosk. Add, change or remove cars and press "
                "Apply: they become your own catalogue, kept in {folder}."
            )
        elif folder == self.folder.resolve():
            text = self.tr("Your own catalogue, kept in {folder}.")
        else:
            text = self.tr(
                "The showroom shows the catalogue folder {other} (Showroom page). Changes made here "
                "are saved in {folder}, and the showroom then shows them instead."
            )
        self.source_note.setText(text.format(folder=self.folder, other=catalog.folder))

    def show_saved(self, catalog: Catalog) -> None:
        """The cars as the dialog's commit saved them: no longer an edit."""
        row = self.list.currentRow()
        self.show_catalog(catalog)
        self._refresh_list(row)

    def show_save_problems(self, problems: Sequence[str]) -> None:
        """Why the commit could not save the cars (the edits are kept)."""
        self._show_problems([self.tr("The cars are not saved:"), *problems])

    @property
    def problem_text(self) -> str:
        return self.problems.text()

    def _show_problems(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))

    # -- editing -------------------------------------------------------------------------

    def add_car_from_photo(self, path: Path) -> bool:
        """A new car (after the current one) from a photo file; False, saying why, when it cannot be used."""
        try:
            pixels = read_photo(Path(path), (PREVIEW.width() * 2, PREVIEW.height() * 2))
        except PhotoError as error:
            self._refuse_photo(error)
            return False
        local = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
        after = self.list.currentRow() + 1 if self.cars else 0
        row = self.model.add_from_photo(
            after, Path(path), accent=accent_of(pixels, DEFAULT_ACCENT), local_currency=local
        )
        self._refresh_list(row)
        self._show_problems([])
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        return True

    def replace_photo(self, path: Path) -> bool:
        """A new photo for the current car, checked like an added one."""
        row = self.list.currentRow()
        if row < 0:
            return False
        try:
            read_photo(Path(path), (PREVIEW.width(), PREVIEW.height()))
        except PhotoError as error:
            self._refuse_photo(error)
            return False
        self.model.set_photo(row, Path(path))
        self._refresh_list(row)
        self._show_problems([])
        return True

    def _refuse_photo(self, error: PhotoError) -> None:
        log.warning("event catalog_photo_refused %s", error)
        self._show_problems([self.tr("This photo cannot be used: {problem}").format(problem=error)])

    def remove_car(self, row: int) -> None:
        if 0 <= row < len(self.cars):
            self._refresh_list(self.model.remove(row))

    def move_car(self, row: int, step: int) -> None:
        target = self.model.move(row, step)
        if target is not None:
            self._refresh_list(target)

    # -- showing -------------------------------------------------------------------------

    def _refresh_list(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for car in self.cars:
            item = QListWidgetItem(QIcon(QPixmap.fromImage(self.pictures.thumbnail(car))), _list_text(car))
            problem = self.pictures.problem(car)
            if problem:
                item.setToolTip(problem)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(row if 0 <= row < len(self.cars) else -1)
        self._show_car(self.list.currentRow())

    def _show_car(self, row: int) -> None:
        has_car = 0 <= row < len(self.cars)
        self.editor.setEnabled(has_car)
        self.remove_button.setEnabled(has_car)
        self.up_button.setEnabled(has_car and row > 0)
        self.down_button.setEnabled(has_car and row < len(self.cars) - 1)
        if not has_car:
            self.photo.setText(self.tr("No cars yet: add one from a photo."))
            return
        car = self.cars[row]
        self._filling = True
        self.texts.show(car)
        self.price_spin.setValue(car.price or 0.0)
        self.currency_combo.choose(car.currency)
        self.uplift.show(car, self.cars)
        self._filling = False
        self._show_photo(car)
        self.price_preview.setText(price_text(car))

    def _show_photo(self, car: Car) -> None:
        image, problem = self.pictures.preview(car)
        self.photo.setPixmap(QPixmap.fromImage(image))
        self.photo_note.setText(problem or car.photo_label)

    # -- texts, one language at a time ---------------------------------------------------

    @property
    def shown_language(self) -> str:
        """The language whose texts the fields show and edit."""
        return self.texts.language

    def show_text_language(self, code: str) -> None:
        self.texts.choose_language(code)

    def _edited_car(self, car: Car) -> Car:
        price = self.price_spin.value()
        return dataclasses.replace(
            car.with_words(self.shown_language, self.texts.words()),
            price=price if price > 0 else None,
            price_text="" if price > 0 else car.price_text,
            currency=self.currency_combo.currentText(),
            cheerful=self.cheerful_box.isChecked(),
            uplift_to=str(self.uplift_combo.currentData() or ""),
        )

    # -- slots ---------------------------------------------------------------------------

    def _on_edited(self) -> None:
        row = self.list.currentRow()
        if self._filling or not 0 <= row < len(self.cars):
            return
        car = self._edited_car(self.cars[row])
        if self.model.update(row, car):
            item = self.list.item(row)
            item.setText(_list_text(car))
            self.price_preview.setText(price_text(car))

    @Slot(str)
    def _on_text_edited(self, _text: str) -> None:
        self._on_edited()

    @Slot(float)
    def _on_price_value_changed(self, _value: float) -> None:
        self._on_edited()

    @Slot(int)
    def _on_choice_changed(self, _index: int) -> None:
        self._on_edited()

    @Slot(bool)
    def _on_cheerful_toggled(self, _checked: bool) -> None:
        self._on_edited()

    @Slot(int)
    def _on_current_row_changed(self, row: int) -> None:
        self._show_car(row)

    @Slot(int)
    def _on_text_language_changed(self, _index: int) -> None:
        row = self.list.currentRow()
        if not self._filling and 0 <= row < len(self.cars):
            self._filling = True
            self.texts.show(self.cars[row])
            self._filling = False

    def _pick_photo(self) -> Path | None:
        return choose_file(
            self,
            self.tr("A photo of the car"),
            self.tr("Photos ({patterns})").format(patterns=PHOTO_FILTER),
        )

    @Slot()
    def _on_add_clicked(self) -> None:
        if path := self._pick_photo():
            self.add_car_from_photo(path)

    @Slot()
    def _on_replace_clicked(self) -> None:
        if path := self._pick_photo():
            self.replace_photo(path)

    @Slot()
    def _on_remove_clicked(self) -> None:
        self.remove_car(self.list.currentRow())

    @Slot()
    def _on_up_clicked(self) -> None:
        self.move_car(self.list.currentRow(), -1)

    @Slot()
    def _on_down_clicked(self) -> None:
        self.move_car(self.list.currentRow(), +1)


def _list_text(car: Car) -> str:
    price = price_text(car)
    return f"{car.name}\n{price}" if price else car.name
