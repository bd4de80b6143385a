"""The kiosk's languages: Qt's own translation tools, installed for the whole application.

English is the source language. German, French, Spanish and Italian ship as
`resources/translations/kiosk_<code>.qm`, compiled by `make translations` (pyside6-lupdate
collects every `self.tr()`, `translate()` and `QT_TRANSLATE_NOOP()` string into the `.ts`
files, pyside6-lrelease compiles them). Qt's own `qtbase_<code>.qm` (standard buttons such as
OK and Cancel) is loaded too when Qt's translations folder, or ours, has it.

The language is a setting ("auto" follows the system's UI languages) that `--language`
overrides for one run. Installing or removing a translator makes Qt send a LanguageChange
event to every widget: widgets that paint their text repaint, and the kiosk rebuilds the
settings dialog in the new language (see `kiosk.ui.app.kiosk`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from kiosk import languages
from kiosk.languages import AUTO, LANGUAGE_CHOICES, LANGUAGES, QT_TRANSLATE_NOOP
from kiosk.paths import resource_path
from kiosk.settings.model import LANGUAGE_KEY

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
CATALOG = "kiosk"  # resources/translations/kiosk_<code>.qm

_shown = SOURCE_LANGUAGE  # the language installed now (the last apply_language)


def translate(context: str, text: str) -> str:
    """`text` in the installed language (itself when there is no translation)."""
    return QCoreApplication.translate(context, text)


def current_language() -> str:
    """The code of the language the kiosk shows now."""
    return _shown


def translations_dir() -> Path:
    return resource_path("resources", "translations")


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to show for a setting: the code itself when it is shipped; for "auto" (or an
    unknown code) the first of the system's UI languages that is shipped, else English."""
    if choice in LANGUAGES:
        return choice
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def configured_language(settings_file: Path) -> str:
    """The language setting of a settings file, read before the settings themselves are loaded
    (so that their warnings, and a crash notice, are in that language); "auto" when unset."""
    if not settings_file.is_file():
        return AUTO
    value = QSettings(str(settings_file), QSettings.Format.IniFormat).value(LANGUAGE_KEY, AUTO, type=str)
    return value if value in LANGUAGE_CHOICES else AUTO


def load_translators(code: str) -> list[QTranslator]:
    """The kiosk's translator for `code` and Qt's own, when found. English, the source, has only
    its plural forms ("1 exposure", "2 exposures": the source text says "%n exposures")."""
    translators: list[QTranslator] = []
    if code == SOURCE_LANGUAGE:
        plurals = QTranslator()
        if plurals.load(f"{CATALOG}_{code}", str(translations_dir())):
            translators.append(plurals)
        return translators
    kiosk = QTranslator()
    if kiosk.load(f"{CATALOG}_{code}", str(translations_dir())):
        translators.append(kiosk)
    else:
        log.warning("event translation_missing language=%s dir=%s", code, translations_dir())
    qt_dirs = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(translations_dir()))
    for folder in qt_dirs:
        qtbase = QTranslator()
        if folder and qtbase.load(f"qtbase_{code}", folder):
            translators.append(qtbase)
            break
    return translators


_installed: list[QTranslator] = []  # ours and Qt's, installed in the application now


def apply_language(choice: str) -> str:
    """Show `choice` ("auto" or a code) from now on, in the whole application (translators are
    global in Qt, so this state is too); returns the code of the language shown. Needs a
    QCoreApplication. Widgets get a LanguageChange event when the language changes.

    A language chosen on purpose also sets the default QLocale (numbers, dates, prices);
    "auto" leaves the system's locale."""
    code = resolve(choice)
    if code != _shown or not _installed:
        remove_translations()
        for translator in load_translators(code):
            if QCoreApplication.installTranslator(translator):
                _installed.append(translator)
        _set_shown(code)
        log.info("event language language=%s choice=%s", code, choice)
    QLocale.setDefault(locale_for(code) if choice in LANGUAGES else QLocale.system())
    return code


def remove_translations() -> None:
    """Back to the source language (English) and the system's locale."""
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale.system())
    _set_shown(SOURCE_LANGUAGE)


def _set_shown(code: str) -> None:
    global _shown
    _shown = code


def locale_for(code: str) -> QLocale:
    """Numbers and dates as the language writes them; the system's own locale when it is of that
    language (so a Swiss or Austrian PC keeps its country's conventions)."""
    system = QLocale.system()
    if QLocale.languageToCode(system.language()) == code:
        return system
    return QLocale(code)


EMOTION_NAMES = {  # the model's labels as the HUD and the settings show them
    "angry": QT_TRANSLATE_NOOP("Emotion", "angry"),
    "disgust": QT_TRANSLATE_NOOP("Emotion", "disgust"),
    "fear": QT_TRANSLATE_NOOP("Emotion", "fear"),
    "happy": QT_TRANSLATE_NOOP("Emotion", "happy"),
    "neutral": QT_TRANSLATE_NOOP("Emotion", "neutral"),
    "sad": QT_TRANSLATE_NOOP("Emotion", "sad"),
    "surprise": QT_TRANSLATE_NOOP("Emotion", "surprise"),
}


def emotion_name(label: str) -> str:
    """A model label in the installed language (a label of another model shows as it is)."""
    return translate("Emotion", EMOTION_NAMES.get(label, label))


_OTHER_LANGUAGES: dict[str, list[QTranslator]] = {}


def translate_in(code: str, context: str, text: str) -> str:
    """`text` in language `code`, whatever the installed language (e.g. each language's
    standard privacy notice, shown as the hint of its field)."""
    if code not in _OTHER_LANGUAGES:
        _OTHER_LANGUAGES[code] = load_translators(code)
    for translator in _OTHER_LANGUAGES[code]:
        translated = translator.translate(context, text)
        if translated:
            return translated
    return text


# -- the self-test's translation check: German loads from the shipped .qm and answers in German

PROBES = (  # (context, English) pairs the showroom shows
    ("Status", "Demo mode — no camera found"),
    ("EmotionHud", "No visitor"),
    ("SettingsDialog", "Kiosk settings"),
)


def check_german() -> tuple[bool, str]:
    """(passed, what was found) for the German translation."""
    translators = load_translators("de")
    if not translators:
        return False, f"{translations_dir() / f'{CATALOG}_de.qm'} cannot be loaded"
    kiosk = translators[0]
    answers = {source: kiosk.translate(context, source) for context, source in PROBES}
    untranslated = [source for source, answer in answers.items() if not answer or answer == source]
    if untranslated:
        return False, f"German has no translation for {untranslated} in {kiosk.filePath()}"
    qt = "with Qt's own German" if len(translators) > 1 else "without Qt's own qtbase_de.qm"
    sample = answers[PROBES[0][1]]
    return True, f"German loads from {kiosk.filePath()} ({qt}): {PROBES[0][1]!r} -> {sample!r}"


languages.install_translator(translate, translate_in)  # the Qt-free layers speak through Qt too

__all__ = [
    "AUTO",
    "LANGUAGES",
    "LANGUAGE_CHOICES",
    "QT_TRANSLATE_NOOP",
    "apply_language",
    "check_german",
    "configured_language",
    "current_language",
    "emotion_name",
    "load_translators",
    "remove_translations",
    "resolve",
    "translate",
    "translate_in",
]
