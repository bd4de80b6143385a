"""A car of the catalogue, its key figures, and a catalogue read from a folder. No Qt here.

The format they are read from and written to is described in `kiosk.content.catalog_format`;
the texts a car has in several languages in `kiosk.content.car_text`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.car_text import (
    DEFAULT_LANGUAGE,
    Translations,
    languages_of,
    own_text,
    rebased,
    text_in,
    with_text,
)

DEFAULT_ACCENT = "#c8a96a"
DEFAULT_CURRENCY = "EUR"
MAX_SPECS = 4
CAR_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")

Stamp = tuple[str, int, int, int]  # folder, and catalog.json's inode, modification time and size


@dataclass(frozen=True)
class Spec:
    label: str  # in the car's `language`
    value: str
    label_in: Translations = ()  # in other languages (see car_text)
    value_in: Translations = ()

    def in_language(self, wanted: str, language: str) -> Spec:
        return Spec(
            text_in(self.label, self.label_in, wanted, language),
            text_in(self.value, self.value_in, wanted, language),
        )


@dataclass(frozen=True)
class CarWords:
    """A car's own words in one language ("" where it has none there): what an editor shows."""

    name: str
    tagline: str
    specs: tuple[tuple[str, str], ...]  # (label, value) of each key figure, in the car's order


@dataclass(frozen=True)
class Car:
    id: str
    name: str  # in `language`, as every plain text of the car
    tagline: str
    price: float | None  # in `currency`; None: no price shown (unless `price_text`)
    currency: str  # ISO 4217
    photo: Path  # the original, as the dealer gave it
    accent: str = DEFAULT_ACCENT
    specs: tuple[Spec, ...] = ()
    screen: Path | None = None  # the copy scaled for the screen, where one was made
    price_text: str = ""  # a price written as text ("€ 48,900"): shown as it is
    cheerful: bool = False
    uplift_to: str = ""  # the id of the car an unhappy visitor is shown next; "" = automatic
    language: str = DEFAULT_LANGUAGE  # the catalogue's language: that of name, tagline and specs
    name_in: Translations = ()  # name and tagline in other languages (see car_text)
    tagline_in: Translations = ()
    photo_name: str = ""  # the photo's file name as the dealer chose it; "" = the photo's own

    @property
    def image(self) -> Path:
        """What the showroom shows: the screen copy, else the photo itself."""
        return self.screen or self.photo

    @property
    def photo_label(self) -> str:
        """The photo's name as the dealer knows it (the stored file's name has a hash in it)."""
        return self.photo_name or self.photo.name

    def in_language(self, wanted: str) -> Car:
        """The car with its texts in `wanted` (see car_text for the fallbacks): what a screen in
        that language shows. Only for showing: it no longer says which text is whose."""
        return dataclasses.replace(
            self,
            name=text_in(self.name, self.name_in, wanted, self.language),
            tagline=text_in(self.tagline, self.tagline_in, wanted, self.language),
            specs=tuple(spec.in_language(wanted, self.language) for spec in self.specs),
            language=wanted,
            name_in=(),
            tagline_in=(),
        )

    def with_language(self, language: str) -> Car:
        """The same car, its plain texts in `language` (a catalogue saved in another language)."""
        if language == self.language:
            return self
        name, name_in = rebased(self.name, self.name_in, self.language, language)
        name = name or text_in(name, name_in, language, language)  # a name is needed in every language
        tagline, tagline_in = rebased(self.tagline, self.tagline_in, self.language, language)
        specs = []
        for spec in self.specs:
            label, label_in = rebased(spec.label, spec.label_in, self.language, language)
            value, value_in = rebased(spec.value, spec.value_in, self.language, language)
            specs.append(Spec(label, value, label_in, value_in))
        return dataclasses.replace(
            self,
            name=name,
            name_in=name_in,
            tagline=tagline,
            tagline_in=tagline_in,
            specs=tuple(specs),
            language=language,
        )

    def words(self, wanted: str) -> CarWords:
        """Only what is written in `wanted` (no fallbacks): what the dealer edits in that language."""
        own = self.language
        return CarWords(
            own_text(self.name, self.name_in, wanted, own),
            own_text(self.tagline, self.tagline_in, wanted, own),
            tuple(
                (own_text(s.label, s.label_in, wanted, own), own_text(s.value, s.value_in, wanted, own))
                for s in self.specs
            ),
        )

    def with_words(self, wanted: str, words: CarWords) -> Car:
        """The car with its words in `wanted` replaced by `words`; the other languages' are kept.

        A key figure whose label and value are cleared in the catalogue's own language goes, with
        its other languages; in another language only that language's words go."""
        own = self.language
        name, name_in = with_text(self.name, self.name_in, wanted, own, words.name)
        tagline, tagline_in = with_text(self.tagline, self.tagline_in, wanted, own, words.tagline)
        specs = []
        for index, (label_text, value_text) in enumerate(words.specs):
            old = self.specs[index] if index < len(self.specs) else Spec("", "")
            label, label_in = with_text(old.label, old.label_in, wanted, own, label_text)
            value, value_in = with_text(old.value, old.value_in, wanted, own, value_text)
            cleared = wanted == own and bool(old.label or old.value) and not (label or value)
            if not cleared and (label or value or label_in or value_in):
                specs.append(Spec(label, value, label_in, value_in))
        return dataclasses.replace(
            self, name=name, name_in=name_in, tagline=tagline, tagline_in=tagline_in, specs=tuple(specs)
        )

    @property
    def text_languages(self) -> set[str]:
        """Every language this car has a text in."""
        found = {self.language} | languages_of(self.name_in) | languages_of(self.tagline_in)
        for spec in self.specs:
            found |= languages_of(spec.label_in) | languages_of(spec.value_in)
        return found


@dataclass(frozen=True)
class Catalog:
    cars: tuple[Car, ...]
    problems: tuple[str, ...] = ()  # every message, errors and warnings: for the screen, log, dialog
    folder: Path | None = None
    stamp: Stamp | None = None  # changes whenever catalog.json is replaced (see catalog_stamp)
    language: str = DEFAULT_LANGUAGE  # the language of the cars' plain texts
    errors: tuple[str, ...] = ()  # those of `problems` that stop an import (see the module's doc)

    @property
    def warnings(self) -> tuple[str, ...]:
        """The problems that are no errors: something harmless was adjusted."""
        errors = set(self.errors)
        return tuple(problem for problem in self.problems if problem not in errors)


class CatalogError(ValueError):
    """A catalogue that cannot be saved, imported or exported; `problems` lists each reason,
    `warnings` what else was found (shown too, but no reason on its own)."""

    def __init__(self, problems: Sequence[str], warnings: Sequence[str] = ()) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)
        self.warnings = tuple(warnings)


def uplift_index(cars: Sequence[Car], current: int) -> int:
    """Where a visitor who looks unhappy at car `current` is taken: that car's `uplift_to`,
    else the next cheerful car after it, else simply the next car."""
    count = len(cars)
    if count < 2:
        return current
    target = cars[current].uplift_to
    for index, car in enumerate(cars):
        if target and car.id == target and index != current:
            return index
    for step in range(1, count):
        if cars[(current + step) % count].cheerful:
            return (current + step) % count
    return (current + 1) % count
