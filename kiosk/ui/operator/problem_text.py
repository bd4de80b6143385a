"""What each operator problem is called, and what to do about it, in the kiosk's language.

kiosk.health.problems keeps the problems with English details (the log, /health); the Status
page of the settings dialog says them here, worded on the GUI thread when shown, so they
follow a change of language at once. Every code of `PROBLEMS` has a title and an advice.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QDate, QDateTime, QLocale

from kiosk.health.problems import Problem
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT: Final = "ProblemText"

TITLES: Final = {
    "setup_pending": QT_TRANSLATE_NOOP("ProblemText", "No operator PIN yet"),
    "demo_mode": QT_TRANSLATE_NOOP("ProblemText", "No camera: the demo clip plays"),
    "no_camera": QT_TRANSLATE_NOOP("ProblemText", "No camera and no demo clip"),
    "camera_lost": QT_TRANSLATE_NOOP("ProblemText", "The camera is lost"),
    "video_failed": QT_TRANSLATE_NOOP("ProblemText", "The video cannot be played"),
    "model_unavailable": QT_TRANSLATE_NOOP("ProblemText", "Expression analysis is off"),
    "analysis_failing": QT_TRANSLATE_NOOP("ProblemText", "Expression analysis is failing"),
    "records_off": QT_TRANSLATE_NOOP("ProblemText", "Reactions are not being recorded"),
    "disk_full": QT_TRANSLATE_NOOP("ProblemText", "The disk is full"),
    "data_folder": QT_TRANSLATE_NOOP("ProblemText", "The data folder cannot be written"),
    "fleet_sync_failing": QT_TRANSLATE_NOOP(
        "ProblemText", "The central store does not take this kiosk's figures"
    ),
    "fleet_clash": QT_TRANSLATE_NOOP("ProblemText", "Another kiosk uses this kiosk's name in the fleet"),
    "settings_unsaved": QT_TRANSLATE_NOOP("ProblemText", "The settings cannot be saved"),
    "settings_invalid": QT_TRANSLATE_NOOP("ProblemText", "Some settings were not valid"),
    "catalog": QT_TRANSLATE_NOOP("ProblemText", "A car cannot be shown as it was set up"),
    "music": QT_TRANSLATE_NOOP("ProblemText", "The music cannot be played"),
    "health_port": QT_TRANSLATE_NOOP("ProblemText", "Health and metrics are not served"),
    "pin_damaged": QT_TRANSLATE_NOOP("ProblemText", "The stored operator PIN is damaged"),
    "screen_keeper": QT_TRANSLATE_NOOP("ProblemText", "The screen may blank"),
    "records_recreated": QT_TRANSLATE_NOOP(
        "ProblemText", "The reaction database was deleted and started anew"
    ),
    "records_set_aside": QT_TRANSLATE_NOOP("ProblemText", "A damaged reaction database was set aside"),
}

ADVICE: Final = {
    "setup_pending": QT_TRANSLATE_NOOP(
        "ProblemText", "Choose the PIN on the set-up screen, or run `emotion-kiosk set-pin` on this PC."
    ),
    "demo_mode": QT_TRANSLATE_NOOP(
        "ProblemText",
        "Connect the camera, or check its number on the Camera page. The kiosk switches to it by itself.",
    ),
    "no_camera": QT_TRANSLATE_NOOP("ProblemText", "Connect the camera; the kiosk keeps looking for it."),
    "camera_lost": QT_TRANSLATE_NOOP(
        "ProblemText", "Check the camera's cable and power; the kiosk reconnects by itself."
    ),
    "video_failed": QT_TRANSLATE_NOOP("ProblemText", "Check the video file the kiosk was started with."),
    "model_unavailable": QT_TRANSLATE_NOOP(
        "ProblemText", "Reinstall the kiosk, or check the model file named in the details."
    ),
    "analysis_failing": QT_TRANSLATE_NOOP(
        "ProblemText", "Restart the kiosk; if this stays, send the log to your service contact."
    ),
    "records_off": QT_TRANSLATE_NOOP(
        "ProblemText",
        "Recording is retried by itself and nothing waiting is lost while the kiosk runs; "
        "the details say what stands in the way.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "ProblemText",
        "Free some space on this disk. Reactions wait in memory and are written once there is room.",
    ),
    "data_folder": QT_TRANSLATE_NOOP(
        "ProblemText", "Make the data folder writable for the kiosk's user, then restart the kiosk."
    ),
    "fleet_sync_failing": QT_TRANSLATE_NOOP(
        "ProblemText",
        "The figures wait in this kiosk and are sent once the central store takes them. {cause}",
    ),
    "fleet_clash": QT_TRANSLATE_NOOP(
        "ProblemText",
        "Each kiosk keeps its own figures, but reports name both alike: give this one a name of "
        "its own on the Fleet & monitoring page.",
    ),
    "settings_unsaved": QT_TRANSLATE_NOOP(
        "ProblemText", "Changes apply until the kiosk restarts. Make the settings file writable to keep them."
    ),
    "settings_invalid": QT_TRANSLATE_NOOP(
        "ProblemText", "The kiosk uses the defaults for them: correct them in the settings and save."
    ),
    "catalog": QT_TRANSLATE_NOOP("ProblemText", "Fix the car on the Cars page, or in the catalogue folder."),
    "music": QT_TRANSLATE_NOOP("ProblemText", "Check the speakers, and the music file on the Audio page."),
    "health_port": QT_TRANSLATE_NOOP(
        "ProblemText", "Another program uses the port: choose another one on the Fleet & monitoring page."
    ),
    "pin_damaged": QT_TRANSLATE_NOOP(
        "ProblemText", "Stop the kiosk and run `emotion-kiosk reset-pin` on this PC, then set a new PIN."
    ),
    "screen_keeper": QT_TRANSLATE_NOOP(
        "ProblemText", "Turn off the screensaver and the display's power saving in the desktop's settings."
    ),
    "records_recreated": QT_TRANSLATE_NOOP(
        "ProblemText", "Reactions recorded before that are gone; recording goes on in the new file."
    ),
    "records_set_aside": QT_TRANSLATE_NOOP(
        "ProblemText", "The old file is kept beside the new one (see the details); recording goes on."
    ),
}

FLEET_CAUSES: Final = {
    "auth": QT_TRANSLATE_NOOP("ProblemText", "Check the fleet user and password (Fleet & monitoring page)."),
    "unreachable": QT_TRANSLATE_NOOP("ProblemText", "Check the network and the server's address."),
    "schema": QT_TRANSLATE_NOOP(
        "ProblemText", "The central store is newer than this kiosk: update the kiosk."
    ),
    "permission": QT_TRANSLATE_NOOP(
        "ProblemText", "Give the fleet's database role the rights the README lists."
    ),
    "config": QT_TRANSLATE_NOOP("ProblemText", "Complete the settings on the Fleet & monitoring page."),
}


def problem_title(problem: Problem) -> str:
    return translate(CONTEXT, TITLES[problem.code])


def problem_advice(problem: Problem) -> str:
    text = translate(CONTEXT, ADVICE[problem.code])
    if problem.code == "fleet_sync_failing":
        cause = FLEET_CAUSES.get(problem.facts.get("cause", ""), "")
        text = text.format(cause=translate(CONTEXT, cause) if cause else "").strip()
    return text


def problem_since(problem: Problem) -> str:
    """When it began, in the language's own form: the time today, else the date and time."""
    moment = QDateTime.fromSecsSinceEpoch(int(problem.since))
    locale = QLocale()
    if moment.date() == QDate.currentDate():
        return locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(moment, QLocale.FormatType.ShortFormat)
