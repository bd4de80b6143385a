"""The settings table without Qt: one privacy notice per shipped language, and what
"Restore defaults" keeps."""

from __future__ import annotations

import dataclasses

from kiosk.languages import LANGUAGES
from kiosk.settings.model import KioskSettings
from kiosk.settings.schema import privacy_fields_problem

FIELD_NAMES = tuple(f.name for f in dataclasses.fields(KioskSettings))


def test_there_is_one_privacy_notice_per_shipped_language() -> None:
    assert privacy_fields_problem(LANGUAGES, FIELD_NAMES) is None


def test_a_language_without_its_privacy_notice_is_named() -> None:
    problem = privacy_fields_problem([*LANGUAGES, "nl"], FIELD_NAMES)
    assert problem is not None and "missing privacy_text_nl" in problem


def test_a_privacy_notice_without_its_language_is_named() -> None:
    problem = privacy_fields_problem([code for code in LANGUAGES if code != "it"], FIELD_NAMES)
    assert problem is not None and "privacy_text_it" in problem and "missing" not in problem


def test_restoring_the_defaults_keeps_the_pin_and_the_staff_zone() -> None:
    edited = dataclasses.replace(
        KioskSettings(), pin_hash="pbkdf2_sha256$1000$00$00", volume=10, ignore_x=0.5, ignore_w=0.2
    )
    restored = edited.with_defaults()
    assert restored.volume == KioskSettings().volume
    assert restored.pin_hash == "pbkdf2_sha256$1000$00$00"
    assert restored.ignore_zone == edited.ignore_zone
