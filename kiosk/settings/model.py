"""Every operator setting, declared once: name, INI key, default, bounds and label.

`KioskSettings` is a frozen dataclass; each field carries its `FieldSpec` in the dataclass
metadata, so the defaults, the validation, the INI file and the settings dialog all read
the same table. Persistence lives in `settings_store.py`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.analytics import DEFAULT_RETENTION_DAYS
from kiosk.appliance.hours import HoursError, OpeningHours
from kiosk.health import DEFAULT_PORT, DEFAULT_STALE_S
from kiosk.languages import AUTO, LANGUAGE_CHOICES, LANGUAGES, QT_TRANSLATE_NOOP, translate, translate_in
from kiosk.reaction.engine import ReactionConfig
from kiosk.vision.labels import EMOTION_LABELS
from kiosk.vision.pipeline import PipelineConfig

SCHEMA_VERSION = 1
LANGUAGE_KEY = "kiosk/language"  # read before the rest, so that start-up speaks the language

CAPTURE_BACKENDS = ("auto", "v4l2", "dshow", "msmf")
RESOLUTIONS = ("auto", "640x480", "1280x720", "1920x1080")
DEFAULT_PRIVACY_TEXT = QT_TRANSLATE_NOOP(
    "Settings",
    "This screen estimates facial expressions on this device only, to adapt what it shows. "
    "No images are stored or sent.",
)
LANGUAGE_LABELS = (QT_TRANSLATE_NOOP("Settings", "Automatic (the system's language)"), *LANGUAGES.values())


@dataclass(frozen=True)
class FieldSpec:
    """How one setting is stored, bounded and shown."""

    key: str  # INI key, "section/name"
    label: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    restorable: bool = True  # False: "Restore defaults" keeps the value (the PIN, the staff zone)
    choice_labels: tuple[str, ...] = ()  # what a menu shows for each choice (default: the choice)

    @property
    def text(self) -> str:
        """The label in the installed language."""
        return translate("Settings", self.label)


_REACTION = ReactionConfig()  # the engine's defaults, shown and stored as settings
_PIPELINE = PipelineConfig()  # the vision defaults (minimum face size)
_KEPT = {"restorable": False}  # the staff zone is a privacy setting: cleared only on purpose


def _setting(default: Any, key: str, label: str, **bounds: Any) -> Any:
    return dataclasses.field(default=default, metadata={"spec": FieldSpec(key, label, **bounds)})


@dataclass(frozen=True)
class KioskSettings:
    # Camera
    camera_index: int = _setting(
        0, "camera/index", QT_TRANSLATE_NOOP("Settings", "Camera"), minimum=0, maximum=15
    )
    camera_backend: str = _setting(
        "auto", "camera/backend", QT_TRANSLATE_NOOP("Settings", "Capture backend"), choices=CAPTURE_BACKENDS
    )
    camera_resolution: str = _setting(
        "auto", "camera/resolution", QT_TRANSLATE_NOOP("Settings", "Resolution"), choices=RESOLUTIONS
    )
    show_preview: bool = _setting(
        True, "camera/show_preview", QT_TRANSLATE_NOOP("Settings", "Show the camera preview on screen")
    )
    # Detection and reaction
    negative_labels: tuple[str, ...] = _setting(
        tuple(label for label in EMOTION_LABELS if label in _REACTION.negative_labels),
        "reaction/negative_labels",
        QT_TRANSLATE_NOOP("Settings", "Negative expressions"),
        choices=EMOTION_LABELS,
    )
    trigger_level: float = _setting(
        _REACTION.trigger_level,
        "reaction/trigger_level",
        QT_TRANSLATE_NOOP("Settings", "Trigger level"),
        minimum=0.05,
        maximum=0.99,
    )
    release_level: float = _setting(
        _REACTION.release_level,
        "reaction/release_level",
        QT_TRANSLATE_NOOP("Settings", "Release level"),
        minimum=0.0,
        maximum=0.95,
    )
    smoothing_s: float = _setting(
        _REACTION.smoothing_s,
        "reaction/smoothing_s",
        QT_TRANSLATE_NOOP("Settings", "Smoothing (s)"),
        minimum=0.05,
        maximum=5.0,
    )
    dwell_s: float = _setting(
        _REACTION.dwell_s,
        "reaction/dwell_s",
        QT_TRANSLATE_NOOP("Settings", "Dwell above trigger (s)"),
        minimum=0.0,
        maximum=10.0,
    )
    cooldown_s: float = _setting(
        _REACTION.cooldown_s,
        "reaction/cooldown_s",
        QT_TRANSLATE_NOOP("Settings", "Cooldown (s)"),
        minimum=1.0,
        maximum=600.0,
    )
    baseline_enabled: bool = _setting(
        _REACTION.baseline_s > 0,
        "reaction/baseline",
        QT_TRANSLATE_NOOP("Settings", "Learn each visitor's resting face before reacting"),
    )
    baseline_s: float = _setting(
        _REACTION.baseline_s,
        "reaction/baseline_s",
        QT_TRANSLATE_NOOP("Settings", "Resting face learnt over (s)"),
        minimum=0.5,
        maximum=10.0,
    )
    baseline_margin: float = _setting(
        _REACTION.baseline_margin,
        "reaction/baseline_margin",
        QT_TRANSLATE_NOOP("Settings", "React only this far above the resting face"),
        minimum=0.0,
        maximum=0.5,
    )
    weak_labels: tuple[str, ...] = _setting(
        tuple(sorted(_REACTION.weak_labels)),
        "reaction/weak_labels",
        QT_TRANSLATE_NOOP("Settings", "Fleeting expressions (speech): counted lower, held longer"),
        choices=EMOTION_LABELS,
    )
    weak_weight: float = _setting(
        _REACTION.weak_weight,
        "reaction/weak_weight",
        QT_TRANSLATE_NOOP("Settings", "Fleeting expressions count"),
        minimum=0.0,
        maximum=1.0,
    )
    weak_window_s: float = _setting(
        _REACTION.weak_window_s,
        "reaction/weak_window_s",
        QT_TRANSLATE_NOOP("Settings", "Fleeting expressions averaged over (s)"),
        minimum=0.1,
        maximum=10.0,
    )
    min_face_size: int = _setting(
        _PIPELINE.min_face_size,
        "detection/min_face_size",
        QT_TRANSLATE_NOOP("Settings", "Minimum face size (px)"),
        minimum=20,
        maximum=800,
    )
    ignore_x: float = _setting(
        0.0,
        "detection/ignore_x",
        QT_TRANSLATE_NOOP("Settings", "Staff zone left"),
        minimum=0.0,
        maximum=1.0,
        **_KEPT,
    )
    ignore_y: float = _setting(
        0.0,
        "detection/ignore_y",
        QT_TRANSLATE_NOOP("Settings", "Staff zone top"),
        minimum=0.0,
        maximum=1.0,
        **_KEPT,
    )
    ignore_w: float = _setting(
        0.0,
        "detection/ignore_w",
        QT_TRANSLATE_NOOP("Settings", "Staff zone width"),
        minimum=0.0,
        maximum=1.0,
        **_KEPT,
    )
    ignore_h: float = _setting(
        0.0,
        "detection/ignore_h",
        QT_TRANSLATE_NOOP("Settings", "Staff zone height"),
        minimum=0.0,
        maximum=1.0,
        **_KEPT,
    )
    # Showroom
    catalog_dir: str = _setting("", "showroom/catalog_dir", QT_TRANSLATE_NOOP("Settings", "Catalog folder"))
    rotation_s: int = _setting(
        30,
        "showroom/rotation_s",
        QT_TRANSLATE_NOOP("Settings", "Rotate while nobody is there (s, 0 = off)"),
        minimum=0,
        maximum=3600,
    )
    transition_ms: int = _setting(
        1200,
        "showroom/transition_ms",
        QT_TRANSLATE_NOOP("Settings", "Crossfade (ms)"),
        minimum=100,
        maximum=5000,
    )
    # The dealer's logo (a PNG, SVG, JPEG or WebP file); a copy is kept in the data folder.
    logo_file: str = _setting("", "showroom/logo_file", QT_TRANSLATE_NOOP("Settings", "Dealer logo"))
    show_hud: bool = _setting(
        True,
        "showroom/show_hud",
        QT_TRANSLATE_NOOP("Settings", "Show the emotion panel on screen (the privacy notice always shows)"),
    )
    # Audio
    audio_enabled: bool = _setting(
        True, "audio/enabled", QT_TRANSLATE_NOOP("Settings", "Play music when a visitor looks unhappy")
    )
    audio_file: str = _setting("", "audio/file", QT_TRANSLATE_NOOP("Settings", "Music file"))
    volume: int = _setting(
        60, "audio/volume", QT_TRANSLATE_NOOP("Settings", "Volume (%)"), minimum=0, maximum=100
    )
    fade_in_ms: int = _setting(
        1500, "audio/fade_in_ms", QT_TRANSLATE_NOOP("Settings", "Fade in (ms)"), minimum=0, maximum=10_000
    )
    fade_out_ms: int = _setting(
        2500, "audio/fade_out_ms", QT_TRANSLATE_NOOP("Settings", "Fade out (ms)"), minimum=0, maximum=10_000
    )
    # Reactions (analytics)
    retention_days: int = _setting(
        DEFAULT_RETENTION_DAYS,
        "analytics/retention_days",
        QT_TRANSLATE_NOOP("Settings", "Keep reaction records (days)"),
        minimum=1,
        maximum=3650,
    )
    # Fleet: health for IT, the central store (kiosk.health, kiosk.analytics.fleet)
    health_port: int = _setting(
        DEFAULT_PORT,
        "fleet/health_port",
        QT_TRANSLATE_NOOP("Settings", "Health and metrics port (0 = off)"),
        minimum=0,
        maximum=65535,
    )
    health_all_interfaces: bool = _setting(
        False,
        "fleet/health_all_interfaces",
        QT_TRANSLATE_NOOP("Settings", "Serve health and metrics to the network, not only this PC"),
    )
    health_stale_s: float = _setting(
        DEFAULT_STALE_S,
        "fleet/health_stale_s",
        QT_TRANSLATE_NOOP("Settings", "Degraded after (s) without camera or results"),
        minimum=2.0,
        maximum=600.0,
    )
    fleet_enabled: bool = _setting(
        False,
        "fleet/enabled",
        QT_TRANSLATE_NOOP("Settings", "Send hourly per-car figures to the central store"),
    )
    fleet_dsn: str = _setting(
        "", "fleet/dsn", QT_TRANSLATE_NOOP("Settings", "Central store (PostgreSQL connection, no password)")
    )
    fleet_kiosk: str = _setting(
        "", "fleet/kiosk_name", QT_TRANSLATE_NOOP("Settings", "This showroom's name in the fleet")
    )
    # Kiosk
    screen: str = _setting("", "kiosk/screen", QT_TRANSLATE_NOOP("Settings", "Screen"))
    hide_cursor: bool = _setting(
        True, "kiosk/hide_cursor", QT_TRANSLATE_NOOP("Settings", "Hide the mouse pointer when idle")
    )
    screen_off_hours: str = _setting(
        "", "kiosk/screen_off_hours", QT_TRANSLATE_NOOP("Settings", "Opening hours (screen off outside them)")
    )
    language: str = _setting(
        AUTO,
        LANGUAGE_KEY,
        QT_TRANSLATE_NOOP("Settings", "Language"),
        choices=LANGUAGE_CHOICES,
        choice_labels=LANGUAGE_LABELS,
    )
    # The privacy notice, one per language (see privacy_notice); empty: the standard text.
    privacy_text: str = _setting(
        DEFAULT_PRIVACY_TEXT, "kiosk/privacy_text", QT_TRANSLATE_NOOP("Settings", "Privacy notice")
    )
    privacy_text_de: str = _setting(
        "", "kiosk/privacy_text_de", QT_TRANSLATE_NOOP("Settings", "Privacy notice (Deutsch)")
    )
    privacy_text_fr: str = _setting(
        "", "kiosk/privacy_text_fr", QT_TRANSLATE_NOOP("Settings", "Privacy notice (Français)")
    )
    privacy_text_es: str = _setting(
        "", "kiosk/privacy_text_es", QT_TRANSLATE_NOOP("Settings", "Privacy notice (Español)")
    )
    privacy_text_it: str = _setting(
        "", "kiosk/privacy_text_it", QT_TRANSLATE_NOOP("Settings", "Privacy notice (Italiano)")
    )
    pin_hash: str = _setting(
        "", "security/pin_hash", QT_TRANSLATE_NOOP("Settings", "Operator PIN"), restorable=False
    )

    @property
    def ignore_zone(self) -> tuple[float, float, float, float] | None:
        """The staff zone as (x, y, w, h) fractions of the frame, or None when none is set."""
        if self.ignore_w <= 0.0 or self.ignore_h <= 0.0:
            return None
        return (self.ignore_x, self.ignore_y, self.ignore_w, self.ignore_h)

    def with_defaults(self) -> KioskSettings:
        """Defaults for everything except the values "Restore defaults" keeps (PIN, staff zone)."""
        kept = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if not spec_of(f).restorable}
        return KioskSettings(**kept)


class SettingsError(ValueError):
    """Settings that break a bound or a rule; the message lists each problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def spec_of(field: dataclasses.Field[Any]) -> FieldSpec:
    spec = field.metadata["spec"]
    assert isinstance(spec, FieldSpec)
    return spec


def field_specs() -> dict[str, FieldSpec]:
    """Field name -> FieldSpec, in declaration order."""
    return {f.name: spec_of(f) for f in dataclasses.fields(KioskSettings)}


def field_type(name: str) -> type:
    """The Python type of a setting: bool, int, float, str or tuple (a list of labels)."""
    default = getattr(KioskSettings(), name)
    return type(default)


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


def pipeline_config(settings: KioskSettings) -> PipelineConfig:
    zone = settings.ignore_zone
    return PipelineConfig(min_face_size=settings.min_face_size, ignore_zones=(zone,) if zone else ())


def reaction_config(settings: KioskSettings) -> ReactionConfig:
    return ReactionConfig(
        negative_labels=frozenset(settings.negative_labels),
        smoothing_s=settings.smoothing_s,
        trigger_level=settings.trigger_level,
        release_level=settings.release_level,
        dwell_s=settings.dwell_s,
        cooldown_s=settings.cooldown_s,
        weak_labels=frozenset(settings.weak_labels),
        weak_weight=settings.weak_weight,
        weak_window_s=settings.weak_window_s,
        baseline_s=settings.baseline_s if settings.baseline_enabled else 0.0,
        baseline_margin=settings.baseline_margin,
    )


def resolution_of(settings: KioskSettings) -> tuple[int, int] | None:
    """(width, height) asked of the camera, or None to keep the camera's default."""
    if settings.camera_resolution == "auto":
        return None
    width, height = settings.camera_resolution.split("x")
    return int(width), int(height)


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


def privacy_field(language: str) -> str:
    """The setting holding the privacy notice in `language` (a code of `i18n.LANGUAGES`)."""
    return "privacy_text" if language == "en" else f"privacy_text_{language}"


def privacy_notice(settings: KioskSettings, language: str) -> str:
    """The privacy notice the showroom shows in `language`: the operator's text, or the standard one."""
    text = str(getattr(settings, privacy_field(language), "")).strip()
    return text or translate_in(language, "Settings", DEFAULT_PRIVACY_TEXT)
