"""The settings dialog's one draft, committed once (no Qt here).

The dialog's pages show a `KioskSettings` and, on the Cars page, a list of cars; what they show
now is the draft (`Draft`: the settings as edited, and the cars when they were changed). Apply
or OK hands it to `SettingsDraft.commit`, the one way the dialog saves anything: every problem
is found first (the settings' own checks, files and folders that do not exist), then the cars go
to the catalogue store (all or nothing; whoever shows the catalogue hears of it there), then
the settings to the settings store. Nothing is saved by a page itself, and nothing before
Apply: Cancel leaves the kiosk as it was (the Reactions page's retention purges only once it is
committed, when the kiosk applies the new settings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.catalog import Car, Catalog, CatalogError
from kiosk.languages import translate
from kiosk.settings.model import KioskSettings, SettingsError, validate

log = logging.getLogger(__name__)

SaveSettings = Callable[[KioskSettings], None]  # raises SettingsError
SaveCars = Callable[[Sequence[Car], str], Catalog]  # raises CatalogError


@dataclass(frozen=True)
class Draft:
    """What the pages show now: the settings, and the cars with their catalogue's language when
    the Cars page changed them (None: the catalogue stays as it is)."""

    settings: KioskSettings
    cars: tuple[Car, ...] | None = None
    cars_language: str = ""


@dataclass(frozen=True)
class Committed:
    """What a commit did: `saved`, or why not (the settings' problems, the cars' problems)."""

    saved: bool
    settings_problems: tuple[str, ...] = ()
    car_problems: tuple[str, ...] = ()
    catalog: Catalog | None = None  # the cars as saved, when they were


class SettingsDraft:
    """Commits a dialog's `Draft` through the two stores; remembers what was last saved."""

    def __init__(self, saved: KioskSettings, *, save_settings: SaveSettings, save_cars: SaveCars) -> None:
        self.saved = saved  # as the pages showed it when loaded or last saved
        self._save_settings = save_settings
        self._save_cars = save_cars

    def changed(self, draft: Draft) -> bool:
        return draft.cars is not None or draft.settings != self.saved

    def commit(self, draft: Draft) -> Committed:
        """Check everything, then save the cars, then the settings; nothing is saved on a problem
        found before, and the cars stay saved when the settings file then fails."""
        problems = validate(draft.settings) + existing_path_problems(draft.settings)
        if problems:
            return Committed(False, settings_problems=tuple(problems))
        catalog = None
        if draft.cars is not None:
            try:
                catalog = self._save_cars(draft.cars, draft.cars_language)
            except CatalogError as error:
                for problem in error.problems:
                    log.warning("event catalog_not_saved %s", problem)
                return Committed(False, car_problems=tuple(error.problems))
        try:
            self._save_settings(draft.settings)
        except SettingsError as error:
            return Committed(False, settings_problems=tuple(error.problems), catalog=catalog)
        self.saved = draft.settings
        return Committed(True, catalog=catalog)


def existing_path_problems(settings: KioskSettings) -> list[str]:
    """Folders and files the operator typed that do not exist."""
    problems = []
    if settings.catalog_dir and not Path(settings.catalog_dir).is_dir():
        text = translate("SettingsPage", "Catalog folder {folder} does not exist")
        problems.append(text.format(folder=settings.catalog_dir))
    if settings.audio_file and not Path(settings.audio_file).is_file():
        problems.append(
            translate("SettingsPage", "Music file {file} does not exist").format(file=settings.audio_file)
        )
    return problems
