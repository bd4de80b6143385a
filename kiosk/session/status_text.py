"""What the kiosk says on screen about its camera and its model, in the installed language.

The analysis thread reports states (`WorkerStatus`: the source's mode and state, why the model
did not load); its `message` and `model_message` stay English, for the log. The lines the
showroom and the HUD show are made here, on the GUI thread, when they are shown, so they
follow a change of language at once. Qt-free layers never need to know about languages.
"""

from __future__ import annotations

from kiosk.languages import translate
from kiosk.session.results import SourceMode, WorkerStatus
from kiosk.vision.source import SourceState


def source_text(status: WorkerStatus) -> str:
    """One line on where the frames come from, or why none come."""
    if status.mode == SourceMode.DEMO:
        return translate("Status", "Demo mode — no camera found")
    if status.mode == SourceMode.NONE:
        if status.source_state == SourceState.OPENING:
            return translate("Status", "Starting the camera…")
        return translate("Status", "No camera found and no demo clip — still looking for a camera")
    if status.mode == SourceMode.CAMERA:
        if status.source_state == SourceState.LIVE:
            return translate("Status", "Camera {name} live").format(name=status.source_name)
        return translate("Status", "Camera {name} lost — reconnecting…").format(name=status.source_name)
    return _video_text(status.source_state).format(name=status.source_name)


def _video_text(state: SourceState) -> str:
    texts = {
        SourceState.OPENING: translate("Status", "Opening {name}…"),
        SourceState.LIVE: translate("Status", "Playing {name}"),
        SourceState.ENDED: translate("Status", "The video {name} has ended"),
        SourceState.FAILED: translate("Status", "The video {name} cannot be played (details in the log)"),
    }
    return texts.get(state, texts[SourceState.OPENING])


def model_text(status: WorkerStatus) -> str:
    """Why there is no expression analysis; "" while the model is loaded (or still loading)."""
    if status.model_loaded or not status.model_message:
        return ""
    if not status.model_problem:  # a status made elsewhere (tests): its own words
        return status.model_message
    if status.model_problem == "missing":
        return translate("Status", "Expression analysis off — {file} is missing").format(
            file=status.model_file
        )
    if status.model_problem == "detector":
        return translate(
            "Status", "Expression analysis off — the face detector cannot be loaded (details in the log)"
        )
    text = translate(
        "Status", "Expression analysis off — the model {file} cannot be used (details in the log)"
    )
    return text.format(file=status.model_file)
