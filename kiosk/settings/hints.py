"""One line in plain words under each setting, for a dealer rather than an engineer.

Kept beside the pages that show them (the setting itself is declared in `settings.py`).
"""

from __future__ import annotations

from kiosk.languages import QT_TRANSLATE_NOOP, translate

HINTS: dict[str, str] = {
    # Detection & reaction
    "negative_labels": QT_TRANSLATE_NOOP(
        "Hints", "Which expressions count as unhappy; together they make the negative level."
    ),
    "trigger_level": QT_TRANSLATE_NOOP("Hints", "How negative the visitor must look before the car changes."),
    "release_level": QT_TRANSLATE_NOOP(
        "Hints", "The visitor must calm down below this before the car can change again."
    ),
    "smoothing_s": QT_TRANSLATE_NOOP(
        "Hints", "Evens out flicker: more seconds react more calmly, but later."
    ),
    "dwell_s": QT_TRANSLATE_NOOP(
        "Hints", "How long the visitor must stay above the trigger level before the car changes."
    ),
    "cooldown_s": QT_TRANSLATE_NOOP(
        "Hints", "The shortest time between two car changes (and two plays of the music)."
    ),
    "baseline_enabled": QT_TRANSLATE_NOOP(
        "Hints", "Some faces look serious at rest: react to a change from each visitor's own face."
    ),
    "baseline_s": QT_TRANSLATE_NOOP(
        "Hints", "How long a new visitor is watched to learn their resting face; no reaction meanwhile."
    ),
    "baseline_margin": QT_TRANSLATE_NOOP(
        "Hints", "How far above their resting face a visitor must go before it counts."
    ),
    "weak_labels": QT_TRANSLATE_NOOP(
        "Hints", "Expressions that flash by as people talk (such as fear): count less, only if they last."
    ),
    "weak_weight": QT_TRANSLATE_NOOP(
        "Hints", "How much a fleeting expression counts compared with a clear one (100 % = the same)."
    ),
    "weak_window_s": QT_TRANSLATE_NOOP(
        "Hints", "A fleeting expression counts as its average over this many seconds."
    ),
    "min_face_size": QT_TRANSLATE_NOOP(
        "Hints", "Smaller faces (people farther away, passing at the back) are not analysed."
    ),
    "ignore_x": QT_TRANSLATE_NOOP("Hints", "Where the staff zone starts, from the picture's left edge."),
    "ignore_y": QT_TRANSLATE_NOOP("Hints", "Where the staff zone starts, from the picture's top edge."),
    "ignore_w": QT_TRANSLATE_NOOP("Hints", "How wide the staff zone is (0 % = no staff zone)."),
    "ignore_h": QT_TRANSLATE_NOOP("Hints", "How tall the staff zone is (0 % = no staff zone)."),
    # Camera
    "camera_index": QT_TRANSLATE_NOOP(
        "Hints", "Which camera to use when several are plugged in (0 = the first)."
    ),
    "camera_backend": QT_TRANSLATE_NOOP(
        "Hints", "How the camera is opened; leave on auto unless the camera is not found."
    ),
    "camera_resolution": QT_TRANSLATE_NOOP(
        "Hints", "The picture size asked of the camera; auto keeps the camera's own."
    ),
    # Showroom
    "catalog_dir": QT_TRANSLATE_NOOP(
        "Hints", "Another folder of cars to show (a shared one, say); empty shows the cars of the Cars page."
    ),
    "rotation_s": QT_TRANSLATE_NOOP(
        "Hints", "Show the next car after this long while nobody is in front of the screen."
    ),
    "transition_ms": QT_TRANSLATE_NOOP("Hints", "How long one car takes to fade into the next."),
    # Audio
    "audio_file": QT_TRANSLATE_NOOP("Hints", "Empty plays the music that comes with the kiosk."),
    "fade_in_ms": QT_TRANSLATE_NOOP("Hints", "How long the music takes to rise to its volume."),
    "fade_out_ms": QT_TRANSLATE_NOOP("Hints", "How long the music takes to fade away at its end."),
    # Fleet & monitoring
    "health_port": QT_TRANSLATE_NOOP(
        "Hints", "The IT department's monitoring asks this PC's port for /health and /metrics."
    ),
    "health_all_interfaces": QT_TRANSLATE_NOOP(
        "Hints", "Off: only programs on this PC can ask. On: the showroom network can too."
    ),
    "health_stale_s": QT_TRANSLATE_NOOP(
        "Hints", "Report a problem when the camera or the analysis has been silent this long."
    ),
    "fleet_enabled": QT_TRANSLATE_NOOP(
        "Hints", "Send each car's hourly figures (never pictures or single visits) to head office."
    ),
    "fleet_dsn": QT_TRANSLATE_NOOP(
        "Hints", "For example host=db.example.com dbname=showrooms user=kiosk (ask IT)."
    ),
    "fleet_kiosk": QT_TRANSLATE_NOOP("Hints", "How this showroom is named in the group's reports."),
    # Kiosk
    "hide_cursor": QT_TRANSLATE_NOOP(
        "Hints", "The mouse pointer disappears after a few seconds without movement."
    ),
    "screen_off_hours": QT_TRANSLATE_NOOP(
        "Hints",
        "For example 08:00-20:00: outside these hours the screen may sleep. Empty keeps it on always.",
    ),
    "language": QT_TRANSLATE_NOOP(
        "Hints", "The language of the showroom and of these settings; automatic follows the PC's language."
    ),
}


def hint(name: str) -> str:
    """The hint under setting `name` in the installed language ("" when it has none)."""
    return translate("Hints", HINTS[name]) if HINTS.get(name) else ""
