"""`python -m kiosk reset-pin`: the recovery path for a forgotten or damaged operator PIN.

It clears the stored PIN hash (and nothing else) in the settings file, logs that it did to
the kiosk's log, and the next PIN dialog asks for a new PIN. Whoever can run this command on
the kiosk PC can edit the settings file anyway, so it gives away nothing the PIN protects.
It refuses while a kiosk runs with the same data folder: that kiosk would write the old PIN back.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path

from kiosk.paths import data_dir
from kiosk.ui.runtime import InstanceLock, KioskLogging, data_folder_problem
from kiosk.ui.settings_store import SettingsError, SettingsStore, settings_path_problem

log = logging.getLogger(__name__)

EXIT_OK, EXIT_RUNNING, EXIT_USAGE = 0, 1, 2


def reset_pin(settings: Path | None = None) -> int:
    """Clear the PIN in `settings` (default `<data dir>/settings.ini`); returns the exit status."""
    folder = data_dir()
    path = settings or folder / "settings.ini"
    problem = settings_path_problem(path) or ("" if path.is_file() else f"there is no settings file {path}")
    if problem:
        return _fail(f"{problem}; no PIN was reset")
    writable = not data_folder_problem(folder)
    lock = InstanceLock(folder)  # it holds on a full or read-only disk too
    if not lock.acquire() and lock.held_elsewhere:  # otherwise no kiosk can hold it either
        running = f"the kiosk is running ({lock.holder_text()}); stop it first, then reset the PIN"
        return _fail(running, EXIT_RUNNING)
    logs = KioskLogging(folder, to_file=writable)
    try:
        return _clear(path)
    finally:
        logs.close()
        lock.release()  # nothing to release where nothing was taken


def _clear(path: Path) -> int:
    store = SettingsStore(path)
    try:
        store.load()
        store.update(dataclasses.replace(store.settings, pin_hash=""))
    except SettingsError as exc:
        return _fail(f"cannot reset the PIN in {path}: {exc}")
    if store.save_problem:
        return _fail(f"{store.save_problem}; no PIN was reset")
    log.warning("event pin_reset file=%s (the next PIN dialog asks for a new PIN)", path)
    print(f"The operator PIN in {path} is cleared: the kiosk asks for a new PIN the next time it needs one.")
    return EXIT_OK


def _fail(message: str, status: int = EXIT_USAGE) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status
