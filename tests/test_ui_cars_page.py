"""The Cars page: the dealer's catalogue edited in the settings dialog, saved all or nothing, and
shown by the running kiosk at once; the showroom's placeholder and uplift choice."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest
from catalog_samples import car, sample_catalog, write_catalog, write_photo
from fakes import VideoFactory, settings_store
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kiosk.analytics.records import CarChange
from kiosk.content import catalog_store
from kiosk.content.catalog import CatalogError, bundled_catalog_dir, dealer_catalog_dir, read_catalog
from kiosk.content.catalog_store import save_catalog
from kiosk.content.currencies import COMMON_CURRENCIES
from kiosk.session.showroom import CarShown
from kiosk.ui.app.catalog_watch import CatalogWatcher
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.ui.settings.cars_page import CarsPage
from kiosk.ui.settings.dialog import SettingsDialog
from kiosk.ui.showroom.images import placeholder_image
from kiosk.ui.showroom.view import ShowroomView


@pytest.fixture(autouse=True)
def us_english() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    settings_store = SettingsStore(tmp_path / "settings.ini")
    settings_store.load()
    return settings_store


@pytest.fixture
def dialog(qtbot: QtBot, store: SettingsStore) -> SettingsDialog:
    widget = SettingsDialog(store)
    qtbot.addWidget(widget)
    return widget


def _cars_page(dialog: SettingsDialog) -> CarsPage:
    page = dialog.page(CarsPage)
    assert isinstance(page, CarsPage)
    return page


def test_the_page_starts_from_the_bundled_cars_with_prices_as_the_locale_writes_them(
    dialog: SettingsDialog,
) -> None:
    page = _cars_page(dialog)
    bundled = read_catalog(bundled_catalog_dir()).cars
    assert [c.id for c in page.cars] == [c.id for c in bundled]
    assert page.list.count() == len(bundled)
    assert page.list.item(1).text() == "Lumen EV\n€39,900"
    assert "come with the kiosk" in page.source_note.text()
    assert not page.dirty and not page.problems.isVisible()


def test_add_edit_reorder_remove_and_save(
    qtbot: QtBot, dialog: SettingsDialog, store: SettingsStore, tmp_path: Path
) -> None:
    page = _cars_page(dialog)
    for row in reversed(range(2, len(page.cars))):
        page.remove_car(row)  # keep two bundled cars
    page.list.setCurrentRow(1)
    assert page.add_car_from_photo(write_photo(tmp_path / "my_new-car.webp", 1200, 700, hue=100))
    assert [c.id for c in page.cars] == ["aurora-gt", "lumen-ev", "my-new-car"]
    assert page.name_edit.text() == "My New Car" and page.list.currentRow() == 2
    page.name_edit.setText("Nimbus")
    page.name_edit.textEdited.emit("Nimbus")
    page.tagline_edit.setText("Light as a cloud")
    page.tagline_edit.textEdited.emit("Light as a cloud")
    page.price_spin.setValue(27450)
    page.currency_combo.setCurrentText("CHF")
    label, value = page.spec_edits[0]
    label.setText("Range")
    value.setText("420 km")
    value.textEdited.emit("420 km")
    page.cheerful_box.setChecked(True)
    assert page.list.item(2).text() == "Nimbus\nCHF\u00a027,450"
    page.move_car(2, -2)  # first now
    page.list.setCurrentRow(1)  # Aurora GT: an unhappy visitor there is shown Lumen EV
    page.uplift_combo.setCurrentIndex(page.uplift_combo.findData("lumen-ev"))
    page.remove_car(2)  # Lumen EV goes, and with it Aurora's choice
    assert [c.id for c in page.cars] == ["my-new-car", "aurora-gt"]
    assert page.cars[1].uplift_to == ""
    page.list.setCurrentRow(1)
    page.uplift_combo.setCurrentIndex(page.uplift_combo.findData("my-new-car"))
    assert dialog.apply()
    saved = read_catalog(dealer_catalog_dir())
    assert saved.problems == ()
    nimbus, aurora = saved.cars
    assert (nimbus.name, nimbus.tagline, nimbus.price, nimbus.currency) == (
        "Nimbus",
        "Light as a cloud",
        27450,
        "CHF",
    )
    assert nimbus.specs[0].label == "Range" and nimbus.specs[0].value == "420 km" and nimbus.cheerful
    assert nimbus.photo.suffix == ".webp" and nimbus.screen is not None  # the original, and a screen copy
    assert aurora.uplift_to == "my-new-car"
    assert not page.dirty and store.settings.catalog_dir == ""
    assert "Your own catalogue" in page.source_note.text()


def test_a_photo_that_cannot_be_used_is_refused_on_the_page_and_in_the_log(
    dialog: SettingsDialog, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = _cars_page(dialog)
    count = len(page.cars)
    cv2.imwrite(str(tmp_path / "dot.png"), np.zeros((1, 1, 3), np.uint8))
    (tmp_path / "notes.jpg").write_text("hello")
    with caplog.at_level(logging.WARNING):
        assert not page.add_car_from_photo(tmp_path / "dot.png")
        assert "1x1 px" in page.problem_text
        assert not page.add_car_from_photo(tmp_path / "notes.jpg")
    assert "notes.jpg is not a JPEG, PNG or WebP image" in page.problem_text
    assert len(page.cars) == count and not page.dirty
    assert sum("event catalog_photo_refused" in r.getMessage() for r in caplog.records) == 2


def test_a_failed_save_keeps_the_dialog_open_and_the_previous_catalogue(
    dialog: SettingsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = save_catalog(dealer_catalog_dir(), read_catalog(sample_catalog(tmp_path / "src")).cars)
    page = _cars_page(dialog)
    page.show_catalog(before)
    page.remove_car(0)

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(catalog_store, "replace_file", full_disk)
    assert not dialog.apply()
    assert "Cars page" in dialog.error.text()
    assert "No space left on device" in page.problem_text and page.dirty
    monkeypatch.undo()
    assert read_catalog(dealer_catalog_dir()).cars == before.cars


def test_bad_cars_are_named_when_saving(dialog: SettingsDialog) -> None:
    page = _cars_page(dialog)
    page.name_edit.setText("")
    page.name_edit.textEdited.emit("")
    assert not dialog.apply()
    assert "Car 1 (aurora-gt): the name is empty" in page.problem_text
    assert page.dirty  # the edits are kept for the dealer to fix


def test_restore_defaults_keeps_the_edited_cars(dialog: SettingsDialog) -> None:
    page = _cars_page(dialog)
    page.remove_car(0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert page.dirty and page.cars[0].id == "lumen-ev"


def test_a_dealer_catalogue_with_problems_is_shown_with_them(
    qtbot: QtBot, store: SettingsStore, tmp_path: Path
) -> None:
    folder = dealer_catalog_dir()
    write_photo(folder / "photos" / "a.jpg")
    write_catalog(folder, [car("a", "photos/a.jpg", currency="XYZ"), car("b", "photos/missing.jpg")])
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    page = _cars_page(dialog)
    assert [c.id for c in page.cars] == ["a"]
    assert (
        "'XYZ' is not an ISO 4217 code" in page.problem_text and "missing.jpg not found" in page.problem_text
    )
    assert "Your own catalogue" in page.source_note.text()


def test_the_watcher_reports_a_replaced_catalogue_once(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "catalog"  # does not exist yet: its parent is watched
    (tmp_path / "data").mkdir()
    watcher = CatalogWatcher()
    watcher.watch(str(folder), None)  # as the "Catalog folder" setting
    cars = read_catalog(sample_catalog(tmp_path / "src")).cars
    with qtbot.waitSignal(watcher.catalog_replaced, timeout=5000):
        save_catalog(folder, cars)
    with qtbot.waitSignal(watcher.catalog_replaced, timeout=5000):
        save_catalog(folder, cars[:1])
    with qtbot.assertNotEmitted(watcher.catalog_replaced, wait=800):
        (folder / "notes.txt").write_text("not the catalogue")
    watcher.stop()


def test_the_running_kiosk_shows_a_saved_or_imported_catalogue_at_once(
    qtbot: QtBot, tiny_model: Path, face_video: VideoFactory, isolated_data_dir: Path, tmp_path: Path
) -> None:
    store = settings_store(isolated_data_dir / "settings.ini", rotation_s=0, transition_ms=100)
    options = LaunchOptions(
        windowed=True, video=str(face_video([("none", 1.0)])), model_path=tiny_model, records=False
    )
    kiosk = Kiosk(store, options)
    kiosk.start()
    try:
        showroom = kiosk.window.showroom
        assert len(showroom.cars) >= 6  # the bundled cars
        cars = read_catalog(sample_catalog(tmp_path / "src")).cars
        with qtbot.waitSignal(kiosk.car_shown, timeout=5000):
            save_catalog(dealer_catalog_dir(), cars)  # what `catalog import` does, in another process
        assert [c.id for c in showroom.cars] == ["alpha", "beta", "gamma"]
        shown: list[CarShown] = []
        kiosk.car_shown.connect(shown.append)
        kiosk.catalog.save([replace(cars[1], name="Beta Prime")], "en")  # the dialog's commit
        assert [c.name for c in showroom.cars] == ["Beta Prime"]  # at once: no file watcher involved
        assert [(s.car.name, s.reason) for s in shown] == [("Beta Prime", CarChange.START)]
        with qtbot.assertNotEmitted(kiosk.car_shown, wait=1500):  # and the watcher adds nothing
            pass
    finally:
        with qtbot.waitSignal(kiosk.finished, timeout=10_000):
            kiosk.quit()
        kiosk.dispose()


def test_the_showroom_shows_a_placeholder_for_a_photo_it_cannot_decode(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    whole = write_photo(tmp_path / "whole.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(whole[:300] + bytes(4000))  # a good header, damaged pixels
    write_photo(tmp_path / "fine.png")
    catalog = read_catalog(write_catalog(tmp_path, [car("cut", "cut.jpg"), car("fine", "fine.png")]))
    assert [c.id for c in catalog.cars] == ["cut", "fine"]  # the header is fine: the car is listed
    view = ShowroomView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show()
    view.set_cars(catalog.cars)
    with caplog.at_level(logging.WARNING):
        image = view._image(catalog.cars[0])
    assert image == placeholder_image()
    assert any("car=cut" in r.getMessage() and "cut.jpg" in r.getMessage() for r in caplog.records)
    assert view._image(catalog.cars[1]).size().width() == 640
    view.grab()  # paints with the placeholder without raising
    view.close()


def test_commit_reports_catalog_errors_from_the_store(
    dialog: SettingsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _cars_page(dialog)
    page.remove_car(0)

    def refuse(folder: Path, cars: object, language: str | None = None) -> None:
        raise CatalogError(["Car 3 (x): photo /nowhere/x.jpg not found"])

    monkeypatch.setattr("kiosk.session.catalog.save_catalog", refuse)
    before = dialog._store.settings
    assert not dialog.apply()
    assert "The cars are not saved:" in page.problem_text and "x.jpg not found" in page.problem_text
    assert dialog._store.settings == before  # one commit: no settings saved without the cars


def test_the_texts_are_edited_per_language_and_a_save_keeps_every_one(dialog: SettingsDialog) -> None:
    page = _cars_page(dialog)
    assert page.shown_language == "en" and "catalogue's language" in page.text_language.currentText()
    assert page.tagline_edit.text().startswith("A grand tourer")
    page.show_text_language("de")
    assert page.tagline_edit.text().startswith("Ein Gran Turismo")
    assert [label.text() for label, _ in page.spec_edits] == ["Leistung", "", "Reichweite", "Sitze"]
    assert page.spec_edits[1][0].placeholderText() == "0–100 km/h"  # one text for all: shown greyed
    page.tagline_edit.setText("Der Gran Turismo für den langen Heimweg.")
    page.tagline_edit.textEdited.emit(page.tagline_edit.text())
    page.show_text_language("it")
    page.spec_edits[0][0].setText("Cavalli")
    page.spec_edits[0][0].textEdited.emit("Cavalli")
    page.show_text_language("en")
    assert page.tagline_edit.text().startswith("A grand tourer")  # English untouched
    assert page.spec_edits[0][0].text() == "Power"
    assert dialog.apply()
    saved = read_catalog(dealer_catalog_dir())
    aurora = saved.cars[0]
    assert saved.language == "en" and aurora.tagline.startswith("A grand tourer")
    assert aurora.in_language("de").tagline == "Der Gran Turismo für den langen Heimweg."
    assert aurora.in_language("it").specs[0].label == "Cavalli"
    assert aurora.in_language("fr").tagline.startswith("Une grande routière")  # not edited, kept
    spanish = aurora.in_language("es").specs[0]
    assert (spanish.label, spanish.value) == ("Potencia", "310 CV")
    assert page.shown_language == "en"  # after the save, back at the catalogue's language


def test_a_language_without_a_text_shows_the_fallback_greyed_and_can_be_filled(
    dialog: SettingsDialog, tmp_path: Path
) -> None:
    page = _cars_page(dialog)
    page.list.setCurrentRow(0)
    assert page.add_car_from_photo(write_photo(tmp_path / "nimbus.jpg", 1200, 700))
    page.tagline_edit.setText("Light as a cloud")
    page.tagline_edit.textEdited.emit("Light as a cloud")
    page.show_text_language("fr")
    assert page.tagline_edit.text() == "" and page.tagline_edit.placeholderText() == "Light as a cloud"
    page.tagline_edit.setText("Léger comme un nuage")
    page.tagline_edit.textEdited.emit("Léger comme un nuage")
    assert dialog.apply()
    nimbus = read_catalog(dealer_catalog_dir()).cars[1]
    assert (nimbus.tagline, nimbus.tagline_in) == ("Light as a cloud", (("fr", "Léger comme un nuage"),))


def test_the_language_menu_starts_at_a_dealers_own_language(
    qtbot: QtBot, store: SettingsStore, tmp_path: Path
) -> None:
    write_photo(tmp_path / "src" / "a.jpg")
    german = [car("a", "a.jpg", tagline={"de": "Gut.", "nl": "Goed."})]
    folder = write_catalog(tmp_path / "src", german, version=3)
    text = (folder / "catalog.json").read_text(encoding="utf-8")
    (folder / "catalog.json").write_text(text.replace('"version": 3', '"version": 3, "language": "de"'))
    save_catalog(dealer_catalog_dir(), read_catalog(folder).cars)
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    page = _cars_page(dialog)
    codes = [page.text_language.itemData(i) for i in range(page.text_language.count())]
    assert codes == ["de", "en", "fr", "es", "it", "nl"]  # the catalogue's, the kiosk's, then others
    assert page.shown_language == "de" and page.tagline_edit.text() == "Gut."


def test_text_fields_show_the_start_of_a_long_text(dialog: SettingsDialog) -> None:
    page = _cars_page(dialog)
    page.tagline_edit.resize(120, 30)  # far narrower than the tagline
    page.list.setCurrentRow(1)
    assert page.tagline_edit.text().startswith("Quiet, bright") and page.tagline_edit.cursorPosition() == 0
    page.show_text_language("fr")
    assert page.tagline_edit.cursorPosition() == 0
    assert all(edit.cursorPosition() == 0 for pair in page.spec_edits for edit in pair)


def test_a_photo_is_shown_by_the_name_the_dealer_gave_it(dialog: SettingsDialog, tmp_path: Path) -> None:
    page = _cars_page(dialog)
    assert page.add_car_from_photo(write_photo(tmp_path / "Nimbus at the lake.jpg", 1200, 700))
    assert page.photo_note.text() == "Nimbus at the lake.jpg"
    assert dialog.apply()
    row = [c.id for c in page.cars].index("nimbus-at-the-lake")
    page.list.setCurrentRow(row)
    stored = page.cars[row].photo.name
    assert stored != "Nimbus at the lake.jpg" and stored.startswith("nimbus-at-the-lake-")  # kept by content
    assert page.photo_note.text() == "Nimbus at the lake.jpg"  # but shown as the dealer knows it


def test_the_currency_menu_offers_the_common_ones_first(dialog: SettingsDialog, tmp_path: Path) -> None:
    page = _cars_page(dialog)
    combo = page.currency_combo
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[:4] == ["EUR", "USD", "GBP", "CHF"]
    separator = items.index("")  # a separator between the common ones and the rest
    rest = items[separator + 1 :]
    assert set(items[:separator]) == set(COMMON_CURRENCIES) and rest == sorted(rest)
    assert not {"CLF", "COU", "USN", "XAU", "XDR"} & set(items)
    write_photo(tmp_path / "a.jpg")
    page.show_catalog(read_catalog(write_catalog(tmp_path, [car("a", "a.jpg", currency="CLF")])))
    assert combo.currentText() == "CLF"  # a catalogue priced in one still shows it
