"""The settings dialog's one draft (Qt-free): checked first, then the cars, then the settings,
through the catalogue store that tells the showroom."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from catalog_samples import car, write_catalog, write_photo

from kiosk.content.catalog import Car, Catalog, CatalogError, read_catalog
from kiosk.session.catalog import CatalogStore
from kiosk.settings.draft import Draft, SettingsDraft
from kiosk.settings.model import KioskSettings, SettingsError


class Stores:
    """Fake settings and catalogue stores that record what was saved, in order."""

    def __init__(self, *, cars_fail: bool = False, settings_fail: bool = False) -> None:
        self.saved: list[str] = []
        self.cars_fail, self.settings_fail = cars_fail, settings_fail

    def save_settings(self, settings: KioskSettings) -> None:
        if self.settings_fail:
            raise SettingsError(["settings.ini is read-only"])
        self.saved.append("settings")

    def save_cars(self, cars: Sequence[Car], language: str) -> Catalog:
        if self.cars_fail:
            raise CatalogError(["Car 1 (x): photo x.jpg not found"])
        self.saved.append(f"cars:{len(cars)}:{language}")
        return Catalog(tuple(cars))


def draft_over(stores: Stores) -> SettingsDraft:
    return SettingsDraft(KioskSettings(), save_settings=stores.save_settings, save_cars=stores.save_cars)


@pytest.fixture
def some_cars(tmp_path: Path) -> tuple[Car, ...]:
    write_photo(tmp_path / "src" / "a.jpg")
    return read_catalog(write_catalog(tmp_path / "src", [car("alpha", "a.jpg"), car("beta", "a.jpg")])).cars


def test_the_cars_are_saved_before_the_settings_and_once(some_cars: tuple[Car, ...]) -> None:
    stores = Stores()
    draft = draft_over(stores)
    edited = Draft(replace(KioskSettings(), rotation_s=45), some_cars, "en")
    assert draft.changed(edited)
    committed = draft.commit(edited)
    assert committed.saved and stores.saved == ["cars:2:en", "settings"]
    assert committed.catalog is not None and len(committed.catalog.cars) == 2
    assert draft.saved.rotation_s == 45
    assert not draft.changed(Draft(draft.saved))


def test_a_problem_found_first_saves_nothing(tmp_path: Path, some_cars: tuple[Car, ...]) -> None:
    stores = Stores()
    missing = replace(KioskSettings(), audio_file=str(tmp_path / "gone.mp3"))
    committed = draft_over(stores).commit(Draft(missing, some_cars, "en"))
    assert not committed.saved and stores.saved == []
    assert any("gone.mp3" in problem for problem in committed.settings_problems)
    crossed = replace(KioskSettings(), rotation_s=-1)
    assert not draft_over(stores).commit(Draft(crossed)).saved and stores.saved == []


def test_cars_that_cannot_be_saved_keep_the_settings_unsaved(some_cars: tuple[Car, ...]) -> None:
    stores = Stores(cars_fail=True)
    draft = draft_over(stores)
    committed = draft.commit(Draft(replace(KioskSettings(), rotation_s=45), some_cars, "en"))
    assert not committed.saved and committed.car_problems == ("Car 1 (x): photo x.jpg not found",)
    assert stores.saved == [] and draft.saved == KioskSettings()


def test_settings_that_cannot_be_written_say_so_and_the_saved_cars_stay(some_cars: tuple[Car, ...]) -> None:
    stores = Stores(settings_fail=True)
    committed = draft_over(stores).commit(Draft(KioskSettings(), some_cars, "en"))
    assert not committed.saved and committed.settings_problems == ("settings.ini is read-only",)
    assert stores.saved == ["cars:2:en"] and committed.catalog is not None


def test_the_catalogue_store_saves_and_tells_whoever_shows_it(
    tmp_path: Path, some_cars: tuple[Car, ...]
) -> None:
    store = CatalogStore(tmp_path / "dealer")
    heard: list[Catalog] = []
    store.subscribe(heard.append)
    saved = store.save(some_cars[:1], "en")
    assert [c.id for c in saved.cars] == ["alpha"] and heard == [saved]
    assert [c.id for c in read_catalog(tmp_path / "dealer").cars] == ["alpha"]  # on disk too
    broken = replace(some_cars[1], photo=tmp_path / "nowhere.jpg", screen=None)
    with pytest.raises(CatalogError):
        store.save([broken], "en")
    assert heard == [saved]  # nothing to show: the old catalogue stays
    assert [c.id for c in read_catalog(tmp_path / "dealer").cars] == ["alpha"]
