"""One line in plain words under each setting, for a dealer rather than an engineer.

Kept beside the pages that show them (the setting itself is declared in `settings.py`).
"""

from __future__ import annotations

HINTS: dict[str, str] = {
    # Detection & reaction
    "negative_labels": "Which expressions count as unhappy; together they make the negative level.",
    "trigger_level": "How negative the visitor must look before the car changes.",
    "release_level": "The visitor must calm down below this before the car can change again.",
    "smoothing_s": "Evens out flicker: more seconds react more calmly, but later.",
    "dwell_s": "How long the visitor must stay above the trigger level before the car changes.",
    "cooldown_s": "The shortest time between two car changes (and two plays of the music).",
    "baseline_enabled": "Some faces look serious at rest: react to a change from each visitor's own face.",
    "baseline_s": "How long a new visitor is watched to learn their resting face; no reaction meanwhile.",
    "baseline_margin": "How far above their resting face a visitor must go before it counts.",
    "weak_labels": "Expressions that flash by as people talk (such as fear): count less, only if they last.",
    "weak_weight": "How much a fleeting expression counts compared with a clear one (100 % = the same).",
    "weak_window_s": "A fleeting expression counts as its average over this many seconds.",
    "min_face_size": "Smaller faces (people farther away, passing at the back) are not analysed.",
    "ignore_x": "Where the staff zone starts, from the picture's left edge.",
    "ignore_y": "Where the staff zone starts, from the picture's top edge.",
    "ignore_w": "How wide the staff zone is (0 % = no staff zone).",
    "ignore_h": "How tall the staff zone is (0 % = no staff zone).",
    # Camera
    "camera_index": "Which camera to use when several are plugged in (0 = the first).",
    "camera_backend": "How the camera is opened; leave on auto unless the camera is not found.",
    "camera_resolution": "The picture size asked of the camera; auto keeps the camera's own.",
    # Showroom
    "catalog_dir": "A folder with your own cars; empty shows the cars that come with the kiosk.",
    "rotation_s": "Show the next car after this long while nobody is in front of the screen.",
    "transition_ms": "How long one car takes to fade into the next.",
    # Audio
    "audio_file": "Empty plays the music that comes with the kiosk.",
    # Fleet & monitoring
    "health_port": "The IT department's monitoring asks this PC's port for /health and /metrics.",
    "health_all_interfaces": "Off: only programs on this PC can ask. On: the showroom network can too.",
    "health_stale_s": "Report a problem when the camera or the analysis has been silent this long.",
    "fleet_enabled": "Send each car's hourly figures (never pictures or single visits) to head office.",
    "fleet_dsn": "For example host=db.example.com dbname=showrooms user=kiosk (ask IT).",
    "fleet_kiosk": "How this showroom is named in the group's reports.",
    # Kiosk
    "hide_cursor": "The mouse pointer disappears after a few seconds without movement.",
    "screen_off_hours": (
        "For example 08:00-20:00: outside these hours the screen may sleep. Empty keeps it on always."
    ),
}
