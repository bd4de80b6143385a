"""The languages the kiosk ships, by code (no Qt here: the command line lists them too).

English is the source language; `kiosk.ui.i18n` installs the translations of the others.
"""

from __future__ import annotations

AUTO = "auto"  # the system's language, when it is one of these; else English
LANGUAGES = {  # code -> the language's own name, as the language menu shows it
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
}
LANGUAGE_CHOICES = (AUTO, *LANGUAGES)
