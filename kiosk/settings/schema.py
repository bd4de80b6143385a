"""Every operator setting, declared once: name, INI key, default, bounds and label.

`KioskSettings` is a frozen dataclass; each field carries its `FieldSpec` (`spec.py`) in the
dataclass metadata, so the defaults, the validation (`model.py`), the INI file and the settings
dialog all read the same table. Persistence lives in `kiosk.ui.common.settings_store`.

The privacy notice has one field per shipped language (`privacy_field`); the fields must be
plain dataclass fields (the INI file and mypy read them), so this module checks at import that
they match `kiosk.languages.LANGUAGES`: a language added there without its field stops here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.analytics import DEFAULT_RETENTION_DAYS
from kiosk.health import DEFAULT_PORT, DEFAULT_STALE_S
from kiosk.languages import AUTO, LANGUAGE_CHOICES, LANGUAGES, QT_TRANSLATE_NOOP
from kiosk.reaction.engine import ReactionConfig
from kiosk.settings.spec import FieldSpec, setting, spec_of
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


_REACTION = ReactionConfig()  # the engine's defaults, shown and stored as settings
_PIPELINE = PipelineConfig()  # the vision defaults (minimum face size)
_KEPT = {"restorable": False}  # the staff zone is a privacy setting: cleared only on purpose


@dataclass(frozen=True)
class KioskSettings:
    """The operator's settings; each field's `FieldSpec` says how it is stored, bounded and shown."""

    # Camera
    camera_index: int = setting(
        0, "camera/index", QT_TRANSLATE_NOOP("Settings", "Camera"), minimum=0, maximum=15
    )
    camera_backend: str = setting(
        "auto", "camera/backend", QT_TRANSLATE_NOOP("Settings", "Capture backend"), choices=CAPTURE_BACKENDS
    )
    camera_resolution: str = setting(
        "auto", "camera/resolution", QT_TRANSLATE_NOOP("Settings", "Resolution"), choices=RESOLUTIONS
    )
    show_preview: bool = setting(
        True, "camera/show_preview", QT_TRANSLATE_NOOP("Settings", "Show the camera preview on screen")
    )
    # Detection and reaction
    negative_labels: tuple[str, ...] = setting(
        tuple(label for label in EMOTION_LABELS if label in _REACTION.negative_labels),
        "reaction/negative_labels",
        QT_TRANSLATE_NOOP("Settings", "Negative expressions"),
        choices=EMOTION_LABELS,
    )
    trigger_level: float = setting(
        _REACTION.trigger_level,
        "reaction/trigger_level",
        QT_TRANSLATE_NOOP("Settings", "Trigger level"),
        minimum=0.05,
        maximum=0.99,
    )
    release_level: float = setting(
        _REACTION.release_level,
        "reaction/release_level",
        QT_TRANSLATE_NOOP("Settings", "Release level"),
        minimum=0.0,
        maximum=0.95,
    )
    smoothing_s: float = setting(
        _REACTION.smoothing_s,
        "reaction/smoothing_s",
        QT_TRANSLATE_NOOP("Settings", "Smoothing (s)"),
        minimum=0.05,
        maximum=5.0,
    )
    dwell_s: float = setting(
        _REACTION.dwell_s,
        "reaction/dwell_s",
        QT_TRANSLATE_NOOP("Settings", "Dwell above trigger (s)"),
        minimum=0.0,
        maximum=10.0,
    )
    cooldown_s: float = setting(
        _REACTION.cooldown_s,
        "reaction/cooldown_s",
        QT_TRANSLATE_NOOP("Settings", "Cooldown (s)"),
        minimum=1.0,
        maximum=600.0,
    )
    baseline_enabled: bool = setting(
        _REACTION.baseline_s > 0,
        "reaction/baseline",
        QT_TRANSLATE_NOOP("Settings", "Learn each visitor's resting face before reacting"),
    )
    baseline_s: float = setting(
        _REACTION.baseline_s,
        "reaction/baseline_s",
        QT_TRANSLATE_NOOP("Settings", "Resting face learnt over (s)"),
        minimum=0.5,
        maximum=10.0,
    )
    baseline_margin: float = setting(
        _REACTION.baseline_margin,
        "reaction/baseline_margin",
        QT_TRANSLATE_NOOP("Settings", "React only this far above the resting face"),
        minimum=0.0,
        maximum=0.5,
    )
    weak_labels: tuple[str, ...] = setting(
        tuple(sorted(_REACTION.weak_labels)),
        "reaction/weak_labels",
        QT_TRANSLATE_NOOP("Settings", "Fleeting expressions (speech): counted lower, held longer"),
        choices=EMOTION_LABELS,
    )
    weak_weight: float = setting(
        _REACTION.weak_weight,
        "reaction/weak_weight",
        QT_TRANSLATE_NOOP("Settings", "Fleeting expressions count"),
        minimum=0.0,
        maximum=1.0,
    )
    weak_window_s: float = setting(
        _REACTION.weak_window_s,
        "reaction/weak_window_s",
        QT_TRANSLATE_NOOP("Settings", "Fleeting expressions averaged over (s)"),
        minimum=0.1,
        maximum=10.0,
    )
    min_face_size: int = setting(
        _PIPELINE.min_face_size,
        "detection/min_face_size",
        QT_TRANSLATE_NOOP("Settings", "Minimum face size (px)"),
        minimum=20,
        maximum=800,
    )
    ignore_x: float = setting(
        0.0,
        "detection/ignore_x",
        QT_TRANSLATE_NOOP("Settings", "Staff zone left"),
        minimum=0.0,
        maximum=1.0,
        **_KEPT,
    )
    ignore_y: float = setting(
        0.0,
        "detection/ignore_y",
        QT_TRANSLATE_NOOP("Settings", "Staff zone top"),
        minimum=0.0,
        maximum=1.0,
        **_KEPT,
    )
    ignore_w: float = setting(
        0.0,
        "detection/ignore_w",
        QT_TRANSLATE_NOOP("Settings", "Staff zone width"),
        minimum=0.0,
        maximum=1.0,
        **_KEPT,
    )
    ignore_h: float = setting(
        0.0,
        "detection/ignore_h",
        QT_TRANSLATE_NOOP("Settings", "Staff zone height"),
        minimum=0.0,
        maximum=1.0,
        **_KEPT,
    )
    # Showroom
    catalog_dir: str = setting("", "showroom/catalog_dir", QT_TRANSLATE_NOOP("Settings", "Catalog folder"))
    rotation_s: int = setting(
        30,
        "showroom/rotation_s",
        QT_TRANSLATE_NOOP("Settings", "Rotate while nobody is there (s, 0 = off)"),
        minimum=0,
        maximum=3600,
    )
    transition_ms: int = setting(
        1200,
        "showroom/transition_ms",
        QT_TRANSLATE_NOOP("Settings", "Crossfade (ms)"),
        minimum=100,
        maximum=5000,
    )
    # The dealer's logo (a PNG, SVG, JPEG or WebP file); a copy is kept in the data folder.
    logo_file: str = setting("", "showroom/logo_file", QT_TRANSLATE_NOOP("Settings", "Dealer logo"))
    show_hud: bool = setting(
        True,
        "showroom/show_hud",
        QT_TRANSLATE_NOOP("Settings", "Show the emotion panel on screen (the privacy notice always shows)"),
    )
    # Audio
    audio_enabled: bool = setting(
        True, "audio/enabled", QT_TRANSLATE_NOOP("Settings", "Play music when a visitor looks unhappy")
    )
    audio_file: str = setting("", "audio/file", QT_TRANSLATE_NOOP("Settings", "Music file"))
    volume: int = setting(
        60, "audio/volume", QT_TRANSLATE_NOOP("Settings", "Volume (%)"), minimum=0, maximum=100
    )
    fade_in_ms: int = setting(
        1500, "audio/fade_in_ms", QT_TRANSLATE_NOOP("Settings", "Fade in (ms)"), minimum=0, maximum=10_000
    )
    fade_out_ms: int = setting(
        2500, "audio/fade_out_ms", QT_TRANSLATE_NOOP("Settings", "Fade out (ms)"), minimum=0, maximum=10_000
    )
    # Reactions (analytics)
    retention_days: int = setting(
        DEFAULT_RETENTION_DAYS,
        "analytics/retention_days",
        QT_TRANSLATE_NOOP("Settings", "Keep reaction records (days)"),
        minimum=1,
        maximum=3650,
    )
    # Fleet: health for IT, the central store (kiosk.health, kiosk.analytics.fleet)
    health_port: int = setting(
        DEFAULT_PORT,
        "fleet/health_port",
        QT_TRANSLATE_NOOP("Settings", "Health and metrics port (0 = off)"),
        minimum=0,
        maximum=65535,
    )
    health_all_interfaces: bool = setting(
        False,
        "fleet/health_all_interfaces",
        QT_TRANSLATE_NOOP("Settings", "Serve health and metrics to the network, not only this PC"),
    )
    health_stale_s: float = setting(
        DEFAULT_STALE_S,
        "fleet/health_stale_s",
        QT_TRANSLATE_NOOP("Settings", "Degraded after (s) without camera or results"),
        minimum=2.0,
        maximum=600.0,
    )
    fleet_enabled: bool = setting(
        False,
        "fleet/enabled",
        QT_TRANSLATE_NOOP("Settings", "Send hourly per-car figures to the central store"),
    )
    fleet_dsn: str = setting(
        "", "fleet/dsn", QT_TRANSLATE_NOOP("Settings", "Central store (PostgreSQL connection, no password)")
    )
    fleet_kiosk: str = setting(
        "", "fleet/kiosk_name", QT_TRANSLATE_NOOP("Settings", "This showroom's name in the fleet")
    )
    # Kiosk
    screen: str = setting("", "kiosk/screen", QT_TRANSLATE_NOOP("Settings", "Screen"))
    hide_cursor: bool = setting(
        True, "kiosk/hide_cursor", QT_TRANSLATE_NOOP("Settings", "Hide the mouse pointer when idle")
    )
    screen_off_hours: str = setting(
        "", "kiosk/screen_off_hours", QT_TRANSLATE_NOOP("Settings", "Opening hours (screen off outside them)")
    )
    language: str = setting(
        AUTO,
        LANGUAGE_KEY,
        QT_TRANSLATE_NOOP("Settings", "Language"),
        choices=LANGUAGE_CHOICES,
        choice_labels=LANGUAGE_LABELS,
    )
    # The privacy notice, one per language (see privacy_notice); empty: the standard text.
    privacy_text: str = setting(
        DEFAULT_PRIVACY_TEXT, "kiosk/privacy_text", QT_TRANSLATE_NOOP("Settings", "Privacy notice")
    )
    privacy_text_de: str = setting(
        "", "kiosk/privacy_text_de", QT_TRANSLATE_NOOP("Settings", "Privacy notice (Deutsch)")
    )
    privacy_text_fr: str = setting(
        "", "kiosk/privacy_text_fr", QT_TRANSLATE_NOOP("Settings", "Privacy notice (Français)")
    )
    privacy_text_es: str = setting(
        "", "kiosk/privacy_text_es", QT_TRANSLATE_NOOP("Settings", "Privacy notice (Español)")
    )
    privacy_text_it: str = setting(
        "", "kiosk/privacy_text_it", QT_TRANSLATE_NOOP("Settings", "Privacy notice (Italiano)")
    )
    pin_hash: str = setting(
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


def field_specs() -> dict[str, FieldSpec]:
    """Field name -> FieldSpec, in declaration order."""
    return {f.name: spec_of(f) for f in dataclasses.fields(KioskSettings)}


def field_type(name: str) -> type:
    """The Python type of a setting: bool, int, float, str or tuple (a list of labels)."""
    default = getattr(KioskSettings(), name)
    return type(default)


def privacy_field(language: str) -> str:
    """The setting holding the privacy notice in `language` (a code of `LANGUAGES`)."""
    return "privacy_text" if language == "en" else f"privacy_text_{language}"


def privacy_fields_problem(languages: Iterable[str], field_names: Iterable[str]) -> str | None:
    """What keeps `field_names` from holding one privacy notice per language of `languages`
    (a field missing, or one too many), or None when they match."""
    wanted = {privacy_field(code) for code in languages}
    declared = {name for name in field_names if name.startswith("privacy_text")}
    missing, extra = sorted(wanted - declared), sorted(declared - wanted)
    if not missing and not extra:
        return None
    parts = ([f"missing {', '.join(missing)}"] if missing else []) + (
        [f"no such language for {', '.join(extra)}"] if extra else []
    )
    return f"KioskSettings' privacy notices do not match kiosk.languages.LANGUAGES: {'; '.join(parts)}"


def _require_privacy_fields() -> None:
    """A developer's mistake, found at import: the kiosk never runs with a notice it cannot store."""
    problem = privacy_fields_problem(LANGUAGES, (f.name for f in dataclasses.fields(KioskSettings)))
    if problem:
        raise RuntimeError(problem)


_require_privacy_fields()
