"""The operator's settings and their checks: the one place the rest of the kiosk imports them from.

The settings are declared in `schema.py` (`KioskSettings`, each field with its `FieldSpec` from
`spec.py`); what other parts take from them (configs, the privacy notice) in `derived.py`. Here:
the checks, each problem a message in the kiosk's language that names the setting and what was
expected (`validate`, `checked`, `SettingsError`): bounds and choices, the rules between fields,
the opening hours, and the central store's connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kiosk.appliance.hours import HoursError, OpeningHours
from kiosk.languages import translate
from kiosk.settings.derived import pipeline_config, privacy_notice, reaction_config, resolution_of
from kiosk.settings.schema import (
    CAPTURE_BACKENDS,
    DEFAULT_PRIVACY_TEXT,
    LANGUAGE_KEY,
    LANGUAGE_LABELS,
    RESOLUTIONS,
    SCHEMA_VERSION,
    KioskSettings,
    field_specs,
    field_type,
    privacy_field,
)
from kiosk.settings.spec import FieldSpec, spec_of

__all__ = [  # declared in `schema` and `spec`, derived in `derived`; every settings name is found here
    "CAPTURE_BACKENDS",
    "DEFAULT_PRIVACY_TEXT",
    "LANGUAGE_KEY",
    "LANGUAGE_LABELS",
    "RESOLUTIONS",
    "SCHEMA_VERSION",
    "FieldSpec",
    "KioskSettings",
    "SettingsError",
    "check_field",
    "checked",
    "cross_field_problems",
    "field_specs",
    "field_type",
    "fleet_problems",
    "pipeline_config",
    "privacy_field",
    "privacy_notice",
    "reaction_config",
    "resolution_of",
    "spec_of",
    "validate",
]


class SettingsError(ValueError):
    """Settings that break a bound or a rule; the message lists each problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def check_field(name: str, value: Any) -> str | None:
    """A message naming the setting and what was expected, or None when `value` is fine."""
    spec = field_specs()[name]
    kind = field_type(name)
    choices = ", ".join(spec.choices)
    if kind is tuple:
        if not value:  # no negative expression: the kiosk would never react
            text = translate("Settings", "{setting}: none chosen; choose at least one of {choices}")
            return text.format(setting=spec.text, choices=choices)
        unknown = ", ".join(str(v) for v in value if v not in spec.choices)
        text = translate("Settings", "{setting}: unknown {values}; expected some of {choices}")
        return text.format(setting=spec.text, values=unknown, choices=choices) if unknown else None
    if not _is_kind(value, kind):
        text = translate("Settings", "{setting}: expected {kind}, got {value}")
        return text.format(setting=spec.text, kind=kind.__name__, value=repr(value))
    if spec.choices and value not in spec.choices:
        text = translate("Settings", "{setting}: {value} is not one of {choices}")
        return text.format(setting=spec.text, value=repr(value), choices=choices)
    low, high = spec.minimum, spec.maximum
    if low is not None and high is not None and not low <= value <= high:
        text = translate("Settings", "{setting}: {value} is outside {low}..{high}")
        return text.format(setting=spec.text, value=value, low=f"{low:g}", high=f"{high:g}")
    return None


def _is_kind(value: Any, kind: type) -> bool:
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def validate(settings: KioskSettings) -> list[str]:
    """Every problem with these settings (bounds and the rules between fields)."""
    problems = [p for name in field_specs() if (p := check_field(name, getattr(settings, name)))]
    problems += cross_field_problems(settings)
    problems += fleet_problems(settings)
    problems += _hours_problems(settings)
    return problems


def _hours_problems(settings: KioskSettings) -> list[str]:
    try:
        OpeningHours.parse(settings.screen_off_hours)
    except HoursError:  # its message is English (kiosk.appliance has no Qt): one translated line says all
        text = translate(
            "Settings",
            "{setting}: {value} is not a span like 08:00-20:00 "
            "(hours 00-23, minutes 00-59, opening and closing times differ)",
        )
        return [
            text.format(setting=field_specs()["screen_off_hours"].text, value=repr(settings.screen_off_hours))
        ]
    return []


def cross_field_problems(settings: KioskSettings) -> list[str]:
    problems = []
    if settings.release_level >= settings.trigger_level:
        text = translate("Settings", "Release level ({release}) must be below the trigger level ({trigger})")
        problems.append(
            text.format(release=f"{settings.release_level:.2f}", trigger=f"{settings.trigger_level:.2f}")
        )
    if (
        settings.ignore_x + settings.ignore_w > 1.0 + 1e-6
        or settings.ignore_y + settings.ignore_h > 1.0 + 1e-6
    ):
        problems.append(
            translate(
                "Settings",
                "Staff zone: it must lie inside the camera picture (x + width and y + height <= 1)",
            )
        )
    return problems


def checked(settings: KioskSettings) -> KioskSettings:
    """The settings unchanged, or SettingsError listing what is wrong."""
    problems = validate(settings)
    if problems:
        raise SettingsError(problems)
    return settings


def _dsn_problem(dsn: str) -> str | None:
    """What is wrong with a connection string; None also when psycopg cannot load (the packaged
    kiosk uses the system's libpq, which may be missing): then the sync says why instead."""
    try:
        from kiosk.analytics.fleet_secret import dsn_problem
    except ImportError:
        return None
    return dsn_problem(dsn)


def fleet_problems(settings: KioskSettings) -> list[str]:
    """The central store needs a connection string (never with its password) and a kiosk name."""
    problems = []
    if settings.fleet_dsn.strip() and (problem := _dsn_problem(settings.fleet_dsn)):
        problems.append(translate("Settings", "Central store: {problem}").format(problem=problem))
    if settings.fleet_enabled and not settings.fleet_dsn.strip():
        problems.append(
            translate("Settings", "Central store: sending is on, but no connection string is set")
        )
    if settings.fleet_enabled and not 1 <= len(settings.fleet_kiosk.strip()) <= 200:
        problems.append(
            translate(
                "Settings", "This showroom's name in the fleet: 1 to 200 characters, needed to send figures"
            )
        )
    return problems
