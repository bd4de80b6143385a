"""What crosses from the analysis thread to the GUI: frozen, owned values, newest first.

`LatestResult` is the one-item mailbox between the two threads: the worker puts each new
result in it, replacing one the GUI has not taken yet (that one is counted as dropped, and
its reaction events are carried over, so a car switch is never lost with a skipped frame).
The worker signals only when the mailbox was empty, so signals never pile up either.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from enum import Enum

import numpy as np

from kiosk.reaction.engine import Event
from kiosk.vision.source import SourceState
from kiosk.vision.types import Analysis


class SourceMode(str, Enum):
    CAMERA = "camera"
    VIDEO = "video"  # --video: a file, looped
    DEMO = "demo"  # the bundled clip, because no camera could be opened
    NONE = "none"  # neither: retrying the camera


@dataclass(frozen=True)
class WorkerStatus:
    """The worker's state, sent on each change (rarely: never dropped)."""

    mode: SourceMode = SourceMode.NONE
    source_state: SourceState = SourceState.OPENING
    message: str = "Starting the camera…"
    model_loaded: bool = False
    model_message: str = ""  # why there is no analysis, when the model did not load
    model_version: str = ""  # the loaded model's metadata "version" ("" when none)
    model_labels: tuple[str, ...] = ()  # the loaded model's labels, in output order
    # For the screen (kiosk.session.status_text says it in the kiosk's language; `message` and
    # `model_message` stay English, for the log):
    source_name: str = ""  # the camera's index, or the video file's name
    model_file: str = ""  # the model as the operator knows it (display_path)
    model_problem: str = ""  # "missing", "unusable" (the model) or "detector" (the face cascade)


@dataclass(frozen=True)
class AnalysisResult:
    """One analysed frame. `preview` is an owned, read-only RGB copy about 320 px wide."""

    t: float  # source timestamp, seconds
    analysis: Analysis | None  # None while no model is loaded
    negative: float | None  # smoothed negative score; None while no visitor
    visitor_present: bool
    events: tuple[Event, ...]
    preview: np.ndarray | None
    frame_size: tuple[int, int]  # (width, height) of the full frame
    frames_read: int
    analyse_ms: float  # detection + classification + reaction for this frame
    baseline: float | None = None  # the visitor's resting negative score, once learnt
    learning: bool = False  # the visitor's resting face is still being learnt (no reaction yet)
    fault: str | None = None  # the analysis keeps failing (Pipeline.fault): shown on the status line


class LatestResult:
    """A thread-safe one-item mailbox: the newest result wins."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._result: AnalysisResult | None = None
        self._dropped = 0

    def put(self, result: AnalysisResult) -> bool:
        """Store `result`; True when the mailbox was empty (so the reader must be told)."""
        with self._lock:
            previous = self._result
            if previous is not None:
                self._dropped += 1
                if previous.events:
                    result = dataclasses.replace(result, events=previous.events + result.events)
            self._result = result
            return previous is None

    def take(self) -> AnalysisResult | None:
        with self._lock:
            result, self._result = self._result, None
            return result

    @property
    def dropped(self) -> int:
        """Results replaced before the GUI took them."""
        with self._lock:
            return self._dropped
