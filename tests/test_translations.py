"""The shipped languages: complete, current, compiled, and what the kiosk shows.

- Every shipped language translates every string: no unfinished message, and no obsolete or
  vanished one (a string the sources no longer have).
- The .ts files are up to date with the sources: pyside6-lupdate, run over the sources into a
  fresh file (tools/translations.py, as `make translations` runs it), finds exactly the
  messages each shipped .ts holds. A new or reworded tr() string fails until
  `make translations` has picked it up and it is translated.
- Each .qm is what pyside6-lrelease makes of its .ts now. This compares content, not
  modification times: git does not keep mtimes (a fresh clone stamps every file with the
  checkout time, in any order), so "the .qm is newer than the .ts" proves nothing there.
  lrelease is deterministic, so the .ts compiled into a temporary folder must equal the
  committed .qm byte for byte; a .qm left stale by an edited .ts fails, whatever the clock says.
- Placeholders ({name}), markup and edge spaces survive in every translation.
- The kiosk speaks German with --language de, and the language chosen in the dialog applies at once.
- No translation makes a settings page scroll sideways at 1280x720, or a HUD text outgrow its card.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import translations
from fakes import VideoFactory, settings_store
from PySide6.QtCore import QCoreApplication, QLocale, QRect
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.app import main
from kiosk.settings.model import DEFAULT_PRIVACY_TEXT, privacy_notice
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions
from kiosk.ui.common import theme
from kiosk.ui.common.i18n import (
    EMOTION_NAMES,
    apply_language,
    check_german,
    emotion_name,
    remove_translations,
    resolve,
    translate,
)
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.settings.dialog import SettingsDialog
from kiosk.ui.showroom.hud import BASE_WIDTH
from kiosk.ui.showroom.images import load_catalog

LANGUAGES = translations.shipped_languages()
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|</?b>")


@pytest.fixture
def english_after() -> Iterator[None]:
    """Translators are global to the application: every test leaves English behind."""
    yield
    remove_translations()


def test_the_shipped_languages_are_german_french_spanish_and_italian() -> None:
    assert LANGUAGES == ("de", "fr", "es", "it")
    for code in LANGUAGES:
        assert translations.ts_file(code).is_file() and translations.qm_file(code).is_file()


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_is_translated_and_none_is_obsolete(code: str) -> None:
    messages = translations.read_ts(translations.ts_file(code))
    unfinished = [m.source for m in translations.untranslated(messages)]
    stale = [m.source for m in messages if m.kind in ("obsolete", "vanished")]
    assert not unfinished, f"{code}: untranslated (fill them in, then `make translations`): {unfinished}"
    assert not stale, f"{code}: no longer in the sources (`make translations` drops them): {stale}"


def test_the_ts_files_hold_exactly_the_strings_of_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / "kiosk_de.ts"
    translations.lupdate([fresh])
    wanted = {(m.context, m.source) for m in translations.read_ts(fresh)}
    assert len(wanted) > 200  # the scan found the kiosk's strings
    for code in LANGUAGES:
        held = {(m.context, m.source) for m in translations.read_ts(translations.ts_file(code))}
        assert wanted - held == set(), f"{code}: new strings, run `make translations`"
        assert held - wanted == set(), f"{code}: strings the sources dropped, run `make translations`"


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_qm_is_compiled_from_its_ts_as_it_is_now(code: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"kiosk_{code}.qm"
    translations.lrelease(translations.ts_file(code), compiled)
    shipped = translations.qm_file(code)
    assert compiled.read_bytes() == shipped.read_bytes(), f"{shipped} is stale: run `make translations`"


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_placeholders_markup_and_edge_spaces(code: str) -> None:
    for message in translations.read_ts(translations.ts_file(code)):
        if not message.translation:
            continue  # untranslated: the test above says so
        where = f"{code} {message.context}: {message.source!r} -> {message.translation!r}"
        forms = message.translation.split("\n") if "%n" in message.source else [message.translation]
        for form in forms:  # each plural form keeps them all
            assert sorted(PLACEHOLDER.findall(message.source)) == sorted(PLACEHOLDER.findall(form)), where
            assert message.source.startswith(" ") == form.startswith(" "), where


def test_english_has_its_own_plural_forms_and_every_language_its_own(
    qapp: object, english_after: None
) -> None:
    """The source says "%n exposures"; English's plural-only file says "1 exposure"."""
    fresh = translations.ts_file("en", Path(tempfile.mkdtemp()))
    translations.lupdate_plurals(fresh)
    assert {m.source for m in translations.read_ts(fresh)} == {
        m.source for m in translations.read_ts(translations.ts_file("en"))
    }, "English's plural forms are stale: run `make translations`"
    assert not translations.untranslated(translations.read_ts(translations.ts_file("en")))
    expected = {
        "en": ("1 car", "3 cars"),
        "de": ("1 Fahrzeug", "3 Fahrzeugen"),
        "fr": ("1 voiture", "3 voitures"),
    }
    for code, (one, three) in expected.items():
        apply_language(code)
        assert QCoreApplication.translate("ReactionsPage", "%n cars", "", 1) == one, code
        assert QCoreApplication.translate("ReactionsPage", "%n cars", "", 3) == three, code


def test_a_placeholder_string_formats_in_every_language(qapp: object, english_after: None) -> None:
    for code in LANGUAGES:
        apply_language(code)
        text = translate("Status", "Camera {name} live").format(name="7")
        assert "7" in text and "{" not in text and text != "Camera 7 live", (code, text)


def test_auto_follows_the_system_language_and_falls_back_to_english() -> None:
    assert resolve("auto", QLocale("fr_FR")) == "fr"
    assert resolve("auto", QLocale("de_AT")) == "de"
    assert resolve("auto", QLocale("ja_JP")) == "en"
    assert resolve("it", QLocale("ja_JP")) == "it"


def test_german_passes_the_self_test_check() -> None:
    ok, detail = check_german()
    assert ok, detail
    assert "Demo-Modus" in detail


def test_the_command_line_takes_a_shipped_language_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--language", "xx", "--version"]) == 2
    assert "invalid choice: 'xx'" in capsys.readouterr().err
    assert main(["--language", "de", "--version"]) == 0


def _kiosk(qtbot: QtBot, video: Path, model: Path, folder: Path, language: str | None) -> Kiosk:
    store = settings_store(folder / "settings.ini", rotation_s=0, transition_ms=100)
    options = LaunchOptions(
        windowed=True, video=str(video), model_path=model, records=False, realtime=False, language=language
    )
    kiosk = Kiosk(store, options)
    kiosk.start()
    with qtbot.waitSignal(kiosk.controller.result_received, timeout=10_000):
        pass
    return kiosk


def _stop(qtbot: QtBot, kiosk: Kiosk) -> None:
    with qtbot.waitSignal(kiosk.finished, timeout=10_000):
        kiosk.quit()
    kiosk.dispose()


def test_the_kiosk_speaks_german_with_language_de(
    qtbot: QtBot, tiny_model: Path, face_video: VideoFactory, isolated_data_dir: Path, english_after: None
) -> None:
    video = face_video([("none", 1.0)])
    kiosk = _kiosk(qtbot, video, tiny_model, isolated_data_dir, "de")
    try:
        assert kiosk.language == "de"
        assert kiosk.window.hud._expression_text(None) == ("Kein Besucher", "Wartet auf einen Blick")
        assert kiosk.window.showroom._notice.startswith("Dieser Bildschirm erkennt Gesichtsausdrücke")
        kiosk.door.open_settings()
        dialog = kiosk.dialog
        assert dialog is not None
        assert dialog.windowTitle() == "Kiosk-Einstellungen"
        assert [dialog.nav.item(row).text() for row in range(2)] == ["Kamera", "Erkennung & Reaktion"]
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() in ("Abbrechen", "Cancel")  # Qt's own German, where Qt ships it
    finally:
        _stop(qtbot, kiosk)


def test_a_language_chosen_in_the_dialog_applies_at_once(
    qtbot: QtBot, tiny_model: Path, face_video: VideoFactory, isolated_data_dir: Path, english_after: None
) -> None:
    video = face_video([("none", 1.0)])
    kiosk = _kiosk(qtbot, video, tiny_model, isolated_data_dir, None)
    try:
        assert kiosk.window.hud._expression_text(None)[0] == "No visitor"
        kiosk.door.open_settings()
        first = kiosk.dialog
        assert first is not None and first.windowTitle() == "Kiosk settings"
        first.nav.setCurrentRow(4)
        language = first.editor("language").widget
        assert isinstance(language, QComboBox)
        language.setCurrentIndex(language.findData("fr"))
        assert first.apply()
        qtbot.waitUntil(lambda: kiosk.dialog is not None and kiosk.dialog is not first)
        reopened = kiosk.dialog
        assert reopened is not None and reopened.windowTitle() == "Réglages de la borne"
        assert reopened.nav.currentRow() == 4  # the page the operator was on
        assert kiosk.store.settings.language == "fr"
        assert kiosk.window.hud._expression_text(None)[0] == "Aucun visiteur"
        assert kiosk.window.showroom._notice == translate("Settings", DEFAULT_PRIVACY_TEXT)
        assert kiosk.window.showroom._notice.startswith("Cet écran")
    finally:
        _stop(qtbot, kiosk)


def test_the_privacy_notice_is_kept_per_language(qapp: object, isolated_data_dir: Path) -> None:
    store = SettingsStore(isolated_data_dir / "settings.ini")
    store.load()
    settings = replace(store.settings, privacy_text_de="Nur auf diesem PC.", privacy_text="Only here.")
    store.update(settings)
    reloaded = SettingsStore(isolated_data_dir / "settings.ini")
    reloaded.load()
    assert privacy_notice(reloaded.settings, "de") == "Nur auf diesem PC."
    assert privacy_notice(reloaded.settings, "en") == "Only here."
    assert privacy_notice(reloaded.settings, "it").startswith("Questo schermo stima")  # the standard one


def _sideways_overflow(code: str, folder: Path) -> list[int]:
    """For each page of the settings dialog on a 1280x720 screen: how far it scrolls sideways."""
    apply_language(code)
    store = SettingsStore(folder / f"settings-{code}.ini")
    store.load()
    dialog = SettingsDialog(store, cars=load_catalog(None).cars)
    dialog.fit_to(QRect(0, 0, 1280, 720))
    dialog.show()
    overflow = []
    for row in range(dialog.stack.count()):
        dialog.nav.setCurrentRow(row)
        QApplication.processEvents()
        area = dialog.stack.widget(row)
        overflow.append(area.horizontalScrollBar().maximum() if isinstance(area, QScrollArea) else 0)
    dialog.close()
    dialog.deleteLater()
    return overflow


def test_no_translation_widens_a_settings_page_on_a_small_screen(
    qapp: object, tmp_path: Path, english_after: None
) -> None:
    english = _sideways_overflow("en", tmp_path)
    for code in LANGUAGES:
        translated = _sideways_overflow(code, tmp_path)
        wider = [
            row for row, (ours, theirs) in enumerate(zip(translated, english, strict=True)) if ours > theirs
        ]
        assert not wider, (
            f"{code}: settings pages {wider} scroll sideways at 1280x720 ({translated} vs {english})"
        )


def test_the_hud_texts_fit_the_card_in_every_language(qapp: object, english_after: None) -> None:
    inner = BASE_WIDTH - 2 * 16  # the card's padding
    header = theme.font(12.5, weight=QFont.Weight.DemiBold, spacing=12, caps=True)
    title = theme.font(25, weight=QFont.Weight.Medium)
    meter = theme.font(11.5, weight=QFont.Weight.DemiBold, spacing=10, caps=True)
    for code in ("en", *LANGUAGES):
        apply_language(code)

        def width(text: str, font: QFont) -> float:
            return QFontMetricsF(font).horizontalAdvance(text)

        hud = translate
        modes = ("Live", "Video", "Demo mode", "No camera", "Reconnecting", "Paused")
        titles = [hud("EmotionHud", s) for s in ("Analysis off", "No visitor", "Analysis paused")]
        titles += [emotion_name(label).capitalize() for label in EMOTION_NAMES]
        widest_mode = max(width(hud("EmotionHud", mode), header) for mode in modes)
        assert width(hud("EmotionHud", "Expression"), header) + widest_mode <= inner - 17 - 8, code
        assert max(width(text, title) for text in titles) <= inner - 62 - 14, (code, titles)
        meter_row = width(hud("EmotionHud", "Negative, last seconds"), meter) + width(
            hud("EmotionHud", "learning…"), meter
        )
        assert meter_row <= inner - 8, code
