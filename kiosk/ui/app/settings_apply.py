"""What the settings mean for a running kiosk, and applying a changed set live.

`worker_setup`, `source_plan` and `music_path` turn settings (and the command line's
`LaunchOptions`) into what the analysis thread and the player are built from;
`apply_settings` hands a new set to the running parts, each from the next frame or the next
play, and says what only the kiosk itself can redo (the catalogue, the rotation, the language).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.content.catalog import dealer_logo_dir
from kiosk.content.catalog_store import keep_logo
from kiosk.paths import bundled_music_path, default_model_path, demo_clip_path
from kiosk.session.fleet_link import FleetLink
from kiosk.session.launch import LaunchOptions
from kiosk.session.records import ReactionRecords
from kiosk.session.sources import SourcePlan
from kiosk.settings.model import (
    KioskSettings,
    pipeline_config,
    privacy_notice,
    reaction_config,
    resolution_of,
)
from kiosk.ui.app.main_window import KioskWindow
from kiosk.ui.app.worker import AnalysisController, WorkerSetup
from kiosk.ui.common.i18n import current_language
from kiosk.ui.showroom.audio import UpliftPlayer
from kiosk.ui.showroom.images import PhotoError, logo_image

log = logging.getLogger(__name__)


def worker_setup(settings: KioskSettings, options: LaunchOptions) -> WorkerSetup:
    return WorkerSetup(
        model_path=options.model_path or default_model_path(),
        plan=source_plan(settings, options),
        pipeline=pipeline_config(settings),
        reaction=reaction_config(settings),
        realtime=options.realtime,
    )


def source_plan(settings: KioskSettings, options: LaunchOptions) -> SourcePlan:
    camera = options.camera if options.camera is not None else settings.camera_index
    return SourcePlan(
        camera=camera,
        video=options.video,
        demo=options.demo_clip or demo_clip_path(),
        backend=settings.camera_backend,
        resolution=resolution_of(settings),
    )


def music_path(settings: KioskSettings) -> Path:
    return Path(settings.audio_file) if settings.audio_file else bundled_music_path()


def apply_view_settings(window: KioskWindow, settings: KioskSettings) -> None:
    """The HUD (shown or not, its levels and preview), the crossfade, the privacy notice (in the
    language shown) and the dealer's logo."""
    hud = window.hud
    hud.set_levels(settings.trigger_level, settings.release_level, settings.baseline_margin)
    hud.set_preview_visible(settings.show_preview)
    window.set_hud_visible(settings.show_hud)  # places it again, too
    window.showroom.set_transition_ms(settings.transition_ms)
    window.showroom.set_notice(privacy_notice(settings, current_language()))
    window.showroom.set_logo(dealer_logo(settings.logo_file))


def dealer_logo(chosen: str) -> QImage | None:
    """The logo the showroom shows: the file the dealer chose, kept in the data folder so it
    outlives that file (`keep_logo`); None when none is chosen or it cannot be shown (logged)."""
    if not chosen:
        return None
    try:
        return logo_image(keep_logo(Path(chosen), dealer_logo_dir()))
    except (PhotoError, OSError) as exc:
        log.warning("event logo_unusable %s", exc)
        return None


@dataclass(frozen=True)
class LiveParts:
    """The running parts a settings change reaches."""

    window: KioskWindow
    controller: AnalysisController
    player: UpliftPlayer
    analytics: ReactionRecords
    fleet: FleetLink | None


@dataclass(frozen=True)
class Redo:
    """What changed that only the kiosk can redo."""

    catalog: bool = False  # another catalogue folder: load and show it
    rotation: bool = False  # another rotation interval: restart the timer
    language: bool = False  # another language: retranslate


def apply_player_settings(player: UpliftPlayer, settings: KioskSettings) -> None:
    """The music file, volume, fades and cool-down the settings give the kiosk's player."""
    player.set_file(music_path(settings))
    player.set_volume(settings.volume / 100)
    player.set_fades(settings.fade_in_ms, settings.fade_out_ms)
    player.cooldown_s = settings.cooldown_s


def apply_settings(parts: LiveParts, options: LaunchOptions, old: KioskSettings, new: KioskSettings) -> Redo:
    """Hand `new` to the analysis thread, the view, the player, the records and the fleet sync."""
    parts.controller.apply(pipeline_config(new), reaction_config(new), source_plan(new, options))
    apply_view_settings(parts.window, new)
    apply_player_settings(parts.player, new)
    parts.analytics.set_retention_days(new.retention_days)
    if parts.fleet is not None:
        parts.fleet.apply(new)
    if new.screen != old.screen and not options.windowed:
        parts.window.place(new.screen, windowed=False)
    parts.window.cursor_hider.set_enabled(new.hide_cursor and not options.windowed)
    return Redo(
        catalog=new.catalog_dir != old.catalog_dir,
        rotation=new.rotation_s != old.rotation_s,
        language=new.language != old.language,
    )
