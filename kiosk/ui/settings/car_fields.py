"""Fields of the Cars page: a car's texts one language at a time, its price, its uplift choice.

`CarTextFields` shows a car's own words in the language chosen in its menu (the catalogue's own
language first) and gives back what was typed as `CarWords`; where that language has no text, the
field stays empty and shows, greyed, the text visitors see instead. `PriceFields` is the price,
its currency (`CurrencyMenu`: the common currencies first, then the rest,
`kiosk.content.currencies.chooser_currencies`) and how the showroom will write it.
`UpliftFields` says where a visitor unhappy at the car is taken: a cheerful car, or one chosen;
`PhotoFields` shows the car's photo, by the name the dealer gave it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk.content.car_text import DEFAULT_LANGUAGE, language_order
from kiosk.content.catalog import MAX_SPECS, Car, CarWords
from kiosk.content.currencies import chooser_currencies
from kiosk.languages import LANGUAGES
from kiosk.ui.common.i18n import translate  # in the Cars page's context: these are its strings
from kiosk.ui.settings.fields import hint_label

MAX_PRICE = 1e9


class CarTextFields:
    """The language menu, the name, the tagline and the key figures (a label and a value each)."""

    def __init__(self) -> None:
        self.catalogue_language = DEFAULT_LANGUAGE
        self.language_menu = QComboBox()
        self.language_menu.setObjectName("carTextLanguage")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("carName")
        self.tagline_edit = QLineEdit()
        self.tagline_edit.setObjectName("carTagline")
        self.spec_edits = [(QLineEdit(), QLineEdit()) for _ in range(MAX_SPECS)]

    def add_text_rows(self, form: QFormLayout) -> None:
        form.addRow(translate("CarsPage", "Texts in"), self.language_menu)
        form.addRow(translate("CarsPage", "Name"), self.name_edit)
        form.addRow(translate("CarsPage", "Tagline"), self.tagline_edit)

    def add_spec_rows(self, form: QFormLayout) -> None:
        """Up to four key figures, a label and a value each (as the showroom's grid shows them)."""
        for number, (label, value) in enumerate(self.spec_edits):
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(value, 1)
            form.addRow(translate("CarsPage", "Key figures") if number == 0 else "", row)

    def edits(self) -> Iterator[QLineEdit]:
        yield self.name_edit
        yield self.tagline_edit
        for label, value in self.spec_edits:
            yield label
            yield value

    @property
    def language(self) -> str:
        """The language whose texts the fields show and edit."""
        return str(self.language_menu.currentData() or self.catalogue_language)

    def choose_language(self, code: str) -> None:
        self.language_menu.setCurrentIndex(max(0, self.language_menu.findData(code)))

    def offer_languages(self, catalogue_language: str, cars: Iterable[Car]) -> None:
        """The catalogue's language first (chosen), then the kiosk's, then any other the cars have."""
        self.catalogue_language = catalogue_language
        codes = set(LANGUAGES) | {catalogue_language}.union(*(car.text_languages for car in cars))
        self.language_menu.blockSignals(True)
        self.language_menu.clear()
        for code in sorted(codes, key=lambda c: (c != catalogue_language, language_order(c))):
            name = LANGUAGES.get(code, code)
            if code == catalogue_language:
                name = translate("CarsPage", "{language} (the catalogue's language)").format(language=name)
            self.language_menu.addItem(name, code)
        self.language_menu.setCurrentIndex(0)
        self.language_menu.blockSignals(False)

    def show(self, car: Car) -> None:
        """The car's own words in the chosen language; greyed, what visitors see where it has none."""
        words, shown = car.words(self.language), car.in_language(self.language)
        _set_text(self.name_edit, words.name, shown.name)
        _set_text(self.tagline_edit, words.tagline, shown.tagline)
        own = [*words.specs, *[("", "")] * MAX_SPECS]
        examples = (translate("CarsPage", "label, e.g. Range"), translate("CarsPage", "value, e.g. 510 km"))
        for index, (label, value) in enumerate(self.spec_edits):
            fallback = shown.specs[index] if index < len(shown.specs) else None
            _set_text(label, own[index][0], fallback.label if fallback else examples[0])
            _set_text(value, own[index][1], fallback.value if fallback else examples[1])

    def words(self) -> CarWords:
        """What the fields hold now, in the chosen language."""
        specs = tuple((label.text(), value.text()) for label, value in self.spec_edits)
        return CarWords(self.name_edit.text(), self.tagline_edit.text(), specs)


class CurrencyMenu(QComboBox):
    """ISO currency codes: the common ones first, a separator, then the others from A to Z."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carCurrency")
        common, others = chooser_currencies()
        self.addItems(list(common))
        self.insertSeparator(len(common))
        self.addItems(list(others))

    def choose(self, code: str) -> None:
        """Select `code`; one the menu does not offer (a fund unit a catalogue brought) is added."""
        if self.findText(code) < 0:
            self.addItem(code)
        self.setCurrentText(code)


def _set_text(edit: QLineEdit, text: str, placeholder: str) -> None:
    """The field's text, shown from its start (a long tagline would show its end), with a hint."""
    edit.setText(text)
    edit.setCursorPosition(0)
    edit.setPlaceholderText(placeholder)


class PriceFields:
    """The price (0: no price shown), its currency, and the price as the showroom writes it."""

    def __init__(self) -> None:
        self.spin = QDoubleSpinBox()
        self.spin.setObjectName("carPrice")
        self.spin.setRange(0.0, MAX_PRICE)
        self.spin.setDecimals(2)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setSpecialValueText(translate("CarsPage", "no price shown"))
        self.spin.setMaximumWidth(200)
        self.currency = CurrencyMenu()
        self.preview = hint_label("")
        self.row = QWidget()
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.currency)
        layout.addWidget(self.preview, 1)


class UpliftFields:
    """Where an unhappy visitor is taken: a car marked cheerful, or one chosen per car."""

    def __init__(self) -> None:
        self.cheerful_box = QCheckBox(translate("CarsPage", "Cheerful"))
        self.combo = QComboBox()
        self.combo.setObjectName("upliftTarget")

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow("", self.cheerful_box)
        form.addRow(
            "", hint_label(translate("CarsPage", "A visitor who looks unhappy is shown a cheerful car next."))
        )
        form.addRow(hint_label(translate("CarsPage", "When a visitor looks unhappy at this car, show:")))
        form.addRow(self.combo)

    def show(self, car: Car, cars: Iterable[Car]) -> None:
        """`car`'s choice among the other `cars`."""
        self.cheerful_box.setChecked(car.cheerful)
        self.combo.clear()
        self.combo.addItem(translate("CarsPage", "Automatic: a cheerful car, else the next one"), "")
        for other in cars:
            if other.id != car.id:
                self.combo.addItem(other.name or other.id, other.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(car.uplift_to)))


class PhotoFields:
    """The car's photo at `size`, its name (or why it cannot be shown) and "Replace the photo…"."""

    def __init__(self, size: QSize) -> None:
        self.picture = QLabel()
        self.picture.setObjectName("carPhoto")
        self.picture.setFixedSize(size)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = hint_label("")
        self.replace_button = QPushButton(translate("CarsPage", "Replace the photo…"))

    def add_rows(self, form: QFormLayout) -> None:
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.replace_button)
        form.addRow(self.picture)
        form.addRow(row)
