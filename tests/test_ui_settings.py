"""Settings: declared once, validated, persisted as INI with a schema version, corrupt files set aside."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.settings.model import (
    SCHEMA_VERSION,
    KioskSettings,
    SettingsError,
    checked,
    field_specs,
    pipeline_config,
    reaction_config,
    validate,
)
from kiosk.ui.common.settings_store import SettingsStore


def test_every_default_lies_within_its_bounds() -> None:
    assert validate(KioskSettings()) == []
    for name, spec in field_specs().items():
        assert "/" in spec.key, name
        assert spec.label, name


def test_out_of_bounds_and_crossed_levels_are_rejected() -> None:
    with pytest.raises(SettingsError, match="Trigger level"):
        checked(KioskSettings(trigger_level=1.5))
    with pytest.raises(SettingsError, match="must be below the trigger level"):
        checked(KioskSettings(trigger_level=0.5, release_level=0.5))
    with pytest.raises(SettingsError, match="Capture backend"):
        checked(KioskSettings(camera_backend="firewire"))
    with pytest.raises(SettingsError, match="unknown"):
        checked(KioskSettings(negative_labels=("sad", "grumpy")))
    with pytest.raises(SettingsError, match="Staff zone"):
        checked(KioskSettings(ignore_x=0.8, ignore_w=0.5, ignore_h=0.2))


def test_settings_map_to_the_worker_configs() -> None:
    settings = KioskSettings(
        negative_labels=("sad",),
        trigger_level=0.7,
        release_level=0.2,
        min_face_size=120,
        ignore_x=0.1,
        ignore_y=0.2,
        ignore_w=0.3,
        ignore_h=0.4,
    )
    reaction = reaction_config(settings)
    assert reaction.negative_labels == frozenset({"sad"})
    assert (reaction.trigger_level, reaction.release_level) == (0.7, 0.2)
    pipeline = pipeline_config(settings)
    assert pipeline.min_face_size == 120
    assert pipeline.ignore_zones == ((0.1, 0.2, 0.3, 0.4),)
    assert pipeline_config(KioskSettings()).ignore_zones == ()


def test_the_baseline_and_fleeting_label_settings_reach_the_engine(tmp_path: Path) -> None:
    from kiosk.reaction.engine import ReactionConfig

    default = reaction_config(KioskSettings())
    engine_default = ReactionConfig()
    for name in ("weak_labels", "weak_weight", "weak_window_s", "baseline_s", "baseline_margin"):
        assert getattr(default, name) == getattr(engine_default, name)  # one set of defaults
    changed = KioskSettings(
        weak_labels=("fear", "surprise"),
        weak_weight=0.5,
        weak_window_s=2.0,
        baseline_s=3.0,
        baseline_margin=0.1,
    )
    reaction = reaction_config(changed)
    assert reaction.weak_labels == frozenset({"fear", "surprise"})
    assert (reaction.weak_weight, reaction.weak_window_s) == (0.5, 2.0)
    assert (reaction.baseline_s, reaction.baseline_margin) == (3.0, 0.1)
    assert reaction_config(dataclasses.replace(changed, baseline_enabled=False)).baseline_s == 0.0
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    store.update(changed)
    assert SettingsStore(tmp_path / "settings.ini").load().settings.weak_labels == ("fear", "surprise")


def test_a_new_file_is_written_with_defaults_and_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    report = SettingsStore(path).load()
    assert report.settings == KioskSettings()
    assert report.warnings == ()
    text = path.read_text()
    assert f"version={SCHEMA_VERSION}" in text
    assert "trigger_level=0.55" in text


def test_saved_settings_read_back_equal(tmp_path: Path, qtbot: QtBot) -> None:
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    changed = dataclasses.replace(
        store.settings,
        show_preview=False,
        hide_cursor=False,
        negative_labels=("angry",),
        trigger_level=0.8,
        privacy_text="Hello, visitor. No pictures, ever.",
        ignore_x=0.5,
        ignore_w=0.25,
        ignore_h=0.5,
    )
    with qtbot.waitSignal(store.settings_changed) as blocker:
        store.update(changed)
    assert blocker.args == [changed]
    again = SettingsStore(tmp_path / "settings.ini").load()
    assert again.settings == changed
    assert again.warnings == ()


@pytest.mark.parametrize(
    "name",
    ["Berlin; Mitte", "Paris #2", 'Lyon "Part-Dieu"', "O'Hare", "Köln-Süd 北京 ✓", "  spaced  ", "a=b, c\\d"],
)
def test_text_settings_with_ini_characters_round_trip_exactly(tmp_path: Path, name: str) -> None:
    """`;` and `#` start comments in a hand-written INI file: what the kiosk writes is quoted."""
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    store.update(dataclasses.replace(store.settings, fleet_kiosk=name, privacy_text=f"{name}; {name}"))
    again = SettingsStore(tmp_path / "settings.ini").load()
    assert again.settings.fleet_kiosk == name
    assert again.settings.privacy_text == f"{name}; {name}"
    assert again.warnings == ()


def test_a_hand_written_name_with_a_semicolon_must_be_quoted(tmp_path: Path) -> None:
    """What the README tells IT: in settings.ini, quote a name holding `;` or `#`."""
    path = tmp_path / "settings.ini"
    path.write_text('[schema]\nversion=1\n[fleet]\nkiosk_name="Berlin; Mitte"\n', encoding="utf-8")
    assert SettingsStore(path).load().settings.fleet_kiosk == "Berlin; Mitte"


def test_false_in_the_ini_file_reads_as_false(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[schema]\nversion=1\n[camera]\nshow_preview=false\n[kiosk]\nhide_cursor=0\n")
    settings = SettingsStore(path).load().settings
    assert settings.show_preview is False
    assert settings.hide_cursor is False


def test_a_bad_value_falls_back_to_its_default_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(
        "[schema]\nversion=1\n[reaction]\ntrigger_level=abc\ncooldown_s=9999\ndwell_s=1.5\n"
        "[kiosk]\nprivacy_text=Hello, world\n"
    )
    report = SettingsStore(path).load()
    assert report.settings.trigger_level == KioskSettings().trigger_level
    assert report.settings.cooldown_s == KioskSettings().cooldown_s
    assert report.settings.dwell_s == 1.5
    assert report.settings.privacy_text == "Hello, world"  # unquoted commas survive
    assert any("trigger_level" in w and "abc" in w for w in report.warnings)
    assert any("cooldown_s" in w and "outside" in w for w in report.warnings)


def test_crossed_levels_in_the_file_fall_back_to_the_default_levels(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[schema]\nversion=1\n[reaction]\ntrigger_level=0.4\nrelease_level=0.6\n")
    report = SettingsStore(path).load()
    assert (report.settings.trigger_level, report.settings.release_level) == (0.55, 0.35)
    assert any("must be below" in w for w in report.warnings)


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\xff\xfe[[[garbage\n=\n\x00zzz",
        b"[reaction\ntrigger_level=0.5\n",
        b"[schema]\nversion=banana\n",
    ],
)
def test_a_corrupt_file_is_kept_aside_and_replaced_by_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(content)
    report = SettingsStore(path).load()
    assert report.settings == KioskSettings()
    assert report.corrupt_copy is not None
    assert report.corrupt_copy.name.startswith("settings.ini.corrupt-")
    assert report.corrupt_copy.read_bytes() == content  # the operator's file is kept as it was
    assert "could not be read" in report.warnings[0]
    assert SettingsStore(path).load().warnings == ()  # a fresh, readable file replaced it


def test_a_newer_schema_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[schema]\nversion=7\n[reaction]\ndwell_s=2\n")
    report = SettingsStore(path).load()
    assert report.settings.dwell_s == 2.0
    assert any("newer version" in w for w in report.warnings)


def test_invalid_settings_are_not_saved(tmp_path: Path, qtbot: QtBot) -> None:
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    before = (tmp_path / "settings.ini").read_text()
    with qtbot.assertNotEmitted(store.settings_changed), pytest.raises(SettingsError):
        store.update(dataclasses.replace(store.settings, release_level=0.9))
    assert (tmp_path / "settings.ini").read_text() == before
    assert store.settings == KioskSettings()
