"""This kiosk's id in the fleet: a random id made once and kept in the data folder. No Qt.

The display name (`kiosk_name` in the settings) is for people and may be copied, mistyped or
shared by two showrooms; the id is what the central store keys this kiosk's rows on, so no
clash of names, copied settings file or reset database can overwrite another kiosk's figures.
It lives in `<data dir>/kiosk-id`, not in the settings, so a settings file copied to another
kiosk does not carry it. A folder that cannot be written gets an id for this run only (and
such a kiosk keeps no records to send anyway).
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from pathlib import Path
from typing import Final

__all__ = ["ID_FILE", "kiosk_id"]

log = logging.getLogger(__name__)

ID_FILE: Final = "kiosk-id"
_VALID: Final = re.compile(r"^[0-9a-f]{32}$")


def kiosk_id(folder: Path) -> str:
    """The id kept in `folder` (32 hex digits), made and kept there the first time."""
    path = folder / ID_FILE
    existing = _read(path)
    if existing is not None:
        return existing
    made = uuid.uuid4().hex
    try:
        _write_new(path, made)
    except FileExistsError:  # another process made it meanwhile: that one counts
        return _read(path) or made
    except OSError as exc:
        log.warning("event kiosk_id_not_kept file=%s %s: this run's id is %s", path, exc, made)
        return made
    log.info("event kiosk_id_made id=%s file=%s", made, path)
    return made


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if _VALID.match(text):
        return text
    log.warning("event kiosk_id_unreadable file=%s: a new id is made", path)
    return None


def _write_new(path: Path, value: str) -> None:
    """Written whole or not at all: a temporary file, then linked in (never over another id)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(value + "\n", encoding="ascii")
        if path.exists() and _read(path) is None:
            path.unlink()  # an unreadable one is replaced
        os.link(tmp, path)  # FileExistsError when another process linked its id first
    finally:
        tmp.unlink(missing_ok=True)
