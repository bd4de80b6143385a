"""What a restarted kiosk resumes: the car on screen (settings are in settings.ini already)."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

STATE_NAME = "state.json"


def load_car(folder: Path) -> str | None:
    """The id of the car shown last, or None (no file, or one the kiosk cannot read)."""
    try:
        data = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    car = data.get("car") if isinstance(data, dict) else None
    return car if isinstance(car, str) and car else None


def save_car(folder: Path, car_id: str) -> None:
    """Written atomically, so that a crash while writing leaves the previous car."""
    with contextlib.suppress(OSError):
        tmp = folder / (STATE_NAME + ".tmp")
        tmp.write_text(json.dumps({"car": car_id}), encoding="utf-8")
        os.replace(tmp, folder / STATE_NAME)
