"""What a start of the kiosk window is asked for, typed: no argparse namespace below the command line.

`GuiRequest` is what the command line asks (`python -m kiosk` with no command, `crash-notice`);
`LaunchOptions` is what the running kiosk is given (the request, plus what start-up found out:
a data folder that cannot be written, whether records and monitoring run). Everything else
comes from the settings file.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GuiRequest:
    """What `python -m kiosk` (no command) or `crash-notice` asks of the window; the rest comes
    from the settings file."""

    windowed: bool = False
    camera: int | str | None = None  # overrides the settings: a camera index, or a stream URL
    video: Path | None = None  # a file to play instead of a camera
    model: Path | None = None  # None: the shipped model
    settings: Path | None = None  # None: <data dir>/settings.ini
    language: str | None = None  # None: the settings' choice

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> GuiRequest:
        """The options of the window's command line (a command without some has them unset)."""
        values = vars(args)
        return cls(
            windowed=bool(values.get("windowed", False)),
            camera=values.get("camera"),
            video=values.get("video"),
            model=values.get("model"),
            settings=values.get("settings"),
            language=values.get("language"),
        )


@dataclass(frozen=True)
class LaunchOptions:
    """What the running kiosk is given besides its settings (tests and tools make their own)."""

    windowed: bool = False
    camera: int | str | None = None  # overrides the settings: a camera index, or a stream URL
    video: str | None = None
    model_path: Path | None = None  # None: models/emotion.onnx
    demo_clip: Path | None = None  # None: resources/demo/demo.mp4
    reaction_db: Path | None = None  # None: <data dir>/reactions.sqlite3
    records: bool = True  # False: no reaction records (tests, benchmarks)
    monitoring: bool = False  # True: /health, /metrics and the fleet sync, as settings say (the app)
    realtime: bool = True  # pace video files at their frame rate
    data_problem: str = ""  # e.g. a read-only data folder: shown on screen and in the dialog
    language: str | None = None  # --language: overrides the language setting for this run
