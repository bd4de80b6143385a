"""Where things are: shipped resources (from source or a frozen build) and the data folder.

One helper serves both layouts: from source the root is the project folder; in a
PyInstaller build it is `sys._MEIPASS`, where `build.spec` puts `models/` and `resources/`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

APP_NAME = "EmotionKiosk"

_data_dir_override: Path | None = None


def app_root() -> Path:
    """The folder holding `models/` and `resources/`."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A shipped file or folder, e.g. resource_path("resources", "audio", "uplift.ogg")."""
    return app_root().joinpath(*parts)


def default_model_path() -> Path:
    return resource_path("models", "emotion.onnx")


def demo_clip_path() -> Path:
    """The bundled demo clip: shown when no camera opens, and what the self-test and `bench` run."""
    return resource_path("resources", "demo", "demo.mp4")


def bundled_music_path() -> Path:
    """The bundled uplift track."""
    return resource_path("resources", "audio", "uplift.ogg")


def set_data_dir(path: Path | None) -> None:
    """Use this folder for settings, logs and the database (`--data-dir`)."""
    global _data_dir_override
    _data_dir_override = Path(path).expanduser().resolve() if path is not None else None


@contextlib.contextmanager
def using_data_dir(path: Path) -> Iterator[Path]:
    """Use `path` as the data folder inside the block, then the one used before."""
    global _data_dir_override
    previous = _data_dir_override
    set_data_dir(path)
    try:
        yield path
    finally:
        _data_dir_override = previous


def data_dir(*, create: bool = True) -> Path:
    """The application's data folder, created on first use when it can be (a read-only one is
    reported by whoever writes there: see `kiosk.ui.app.runtime.data_folder_problem`). A reader that
    must not leave a folder behind (`report` on a mistyped --data-dir) passes create=False."""
    folder = _data_dir_override or _platform_data_dir()
    if create:
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
    return folder


def _platform_data_dir() -> Path:
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME
