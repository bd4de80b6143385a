"""The languages the kiosk ships, by code, and the translation hook of the Qt-free layers.

English is the source language; `kiosk.ui.common.i18n` installs the translations of the others
(no Qt here: the command line lists the languages too). Qt-free modules that say something
to people (the settings' labels and hints, the status lines) mark their strings with
`QT_TRANSLATE_NOOP` and say them through `translate`/`translate_in`; those answer in English
until `install_translator` is given Qt's translation, which `kiosk.ui.common.i18n` does when
it is imported, so every window answers in the installed language.
"""

from __future__ import annotations

from collections.abc import Callable

AUTO = "auto"  # the system's language, when it is one of these; else English
LANGUAGES = {  # code -> the language's own name, as the language menu shows it
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
}
LANGUAGE_CHOICES = (AUTO, *LANGUAGES)


Translate = Callable[[str, str], str]  # (context, English) -> the text in the language shown
TranslateIn = Callable[[str, str, str], str]  # (language code, context, English) -> text


def _english(context: str, text: str) -> str:
    return text


def _english_in(code: str, context: str, text: str) -> str:
    return text


_translate: Translate = _english
_translate_in: TranslateIn = _english_in


def install_translator(translate: Translate, translate_in: TranslateIn) -> None:
    """Where `translate` and `translate_in` look from now on (the UI installs Qt's)."""
    global _translate, _translate_in
    _translate, _translate_in = translate, translate_in


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks `text` for pyside6-lupdate; it is translated where it is shown, with `translate`."""
    return text


def translate(context: str, text: str) -> str:
    """`text` in the installed language (itself when there is no translation)."""
    return _translate(context, text)


def translate_in(code: str, context: str, text: str) -> str:
    """`text` in language `code`, whatever the installed language."""
    return _translate_in(code, context, text)
