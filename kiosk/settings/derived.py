"""What the rest of the kiosk takes from the settings: the vision pipeline's and the reaction
engine's configs, the camera resolution asked for, and the privacy notice in a language."""

from __future__ import annotations

from kiosk.languages import translate_in
from kiosk.reaction.engine import ReactionConfig
from kiosk.settings.schema import DEFAULT_PRIVACY_TEXT, KioskSettings, privacy_field
from kiosk.vision.pipeline import PipelineConfig


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


def privacy_notice(settings: KioskSettings, language: str) -> str:
    """The privacy notice the showroom shows in `language`: the operator's text, or the standard one."""
    text = str(getattr(settings, privacy_field(language), "")).strip()
    return text or translate_in(language, "Settings", DEFAULT_PRIVACY_TEXT)
