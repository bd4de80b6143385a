"""The self-test's translation check: German loads from the shipped .qm and answers in German.

It loads `kiosk_de.qm` the way the kiosk does (`i18n.load_translators`) and asks it for strings
the showroom shows; each must come back translated. Qt's own qtbase translation (standard
buttons) is reported, not required: the bundle may leave it out.
"""

from __future__ import annotations

from kiosk.ui.i18n import CATALOG, load_translators, translations_dir

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
