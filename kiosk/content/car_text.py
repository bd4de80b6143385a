"""A car's words in several languages. No Qt here.

In catalog.json each text a visitor reads (a car's name and tagline, each key figure's label and
value) is either a string, in the catalogue's own language (its `"language"`, English when
omitted), or an object with one string per language code::

    "tagline": {"en": "Quiet, bright and all-electric.", "de": "Leise, hell und voll elektrisch."}

A text is kept as its `plain` string, in the catalogue's language, and `Translations`: the other
languages' strings, as (code, text) pairs in a fixed order. The showroom shows the text of the
language it shows; where that language has none, the catalogue language's; where that is empty
too, the first language that has one (the kiosk's languages in their order, then the others A-Z).
"""

from __future__ import annotations

import re
from typing import Any

from kiosk.languages import LANGUAGES

Translations = tuple[tuple[str, str], ...]  # (language code, text); never the catalogue's own language
DEFAULT_LANGUAGE = "en"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")  # ISO 639-1 or 639-2, as "de" or "gsw"


def language_order(code: str) -> tuple[int, str]:
    """Sort key: the kiosk's own languages in their order, then any other code A-Z."""
    order = list(LANGUAGES)
    return (order.index(code), "") if code in order else (len(order), code)


def parse_text(value: Any, language: str, what: str, notes: list[str]) -> tuple[str, Translations]:
    """(plain, translations) of a text field: a string, or an object of strings by language code.

    ValueError for anything else; a note for each entry of an object that is left out."""
    if value is None:
        return "", ()
    if _is_text(value):
        return str(value).strip(), ()
    if not isinstance(value, dict):
        raise ValueError(f'{what}: expected a text, or texts by language like {{"en": ..., "de": ...}}')
    texts: dict[str, str] = {}
    for code, text in value.items():
        if not LANGUAGE_CODE.match(str(code)) or not _is_text(text):
            notes.append(f"{what}: {code!r}: {text!r} left out (expected a code like 'de' and a text)")
        elif str(text).strip():
            texts[str(code)] = str(text).strip()
    plain = texts.pop(language, "")
    return plain, tuple(sorted(texts.items(), key=lambda item: language_order(item[0])))


def _is_text(value: Any) -> bool:
    """A string, or a number written as one (a key figure such as "seats": 5)."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def text_value(plain: str, translations: Translations, language: str) -> str | dict[str, str]:
    """What catalog.json holds for a text: the string alone, or an object when there are others."""
    if not translations:
        return plain
    texts = {language: plain} if plain else {}
    return {**texts, **dict(translations)}


def text_in(plain: str, translations: Translations, wanted: str, language: str) -> str:
    """The text to show in `wanted`: its own, else the catalogue language's, else the first there is."""
    own = dict(translations)
    if wanted == language and plain:
        return plain
    return own.get(wanted) or plain or next((text for _, text in translations if text), "")


def own_text(plain: str, translations: Translations, wanted: str, language: str) -> str:
    """Only what is written in `wanted` ("" when that language has none): what an editor shows."""
    return plain if wanted == language else dict(translations).get(wanted, "")


def with_text(
    plain: str, translations: Translations, wanted: str, language: str, text: str
) -> tuple[str, Translations]:
    """(plain, translations) with the text in `wanted` set to `text` ("" removes it)."""
    text = text.strip()
    if wanted == language:
        return text, translations
    others = {code: value for code, value in translations if code != wanted}
    if text:
        others[wanted] = text
    return plain, tuple(sorted(others.items(), key=lambda item: language_order(item[0])))


def rebased(plain: str, translations: Translations, old: str, new: str) -> tuple[str, Translations]:
    """The same texts, kept for a catalogue whose own language is `new` instead of `old`."""
    if old == new:
        return plain, translations
    texts = dict(translations)
    if plain:
        texts[old] = plain
    moved = texts.pop(new, "")
    return moved, tuple(sorted(texts.items(), key=lambda item: language_order(item[0])))


def languages_of(translations: Translations) -> set[str]:
    return {code for code, _ in translations}
