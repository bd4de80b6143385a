"""`python -m kiosk set-pin` and `reset-pin`: the operator PIN, set or cleared on the kiosk PC itself.

`set-pin` is how the person installing a kiosk sets its PIN before the first start (the kiosk
otherwise shows its set-up screen until one is set there): it reads the PIN twice from the
terminal, never from the command line (where the process list and the shell history would
show it); a provisioning script may pipe the two lines to it instead. `reset-pin` is the
recovery path for a forgotten or damaged PIN: it clears the stored hash, and the kiosk shows
its set-up screen at the next start.

Each changes the PIN hash (and nothing else) in the settings file and logs that it did to the
kiosk's log. Whoever can run these commands on the kiosk PC can edit the settings file anyway,
so they give away nothing the PIN protects. They refuse while a kiosk runs with the same data
folder: that kiosk would write the old PIN back.
"""

from __future__ import annotations

import dataclasses
import getpass
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from kiosk.paths import data_dir
from kiosk.settings.pin import MAX_DIGITS, MIN_DIGITS, hash_pin, is_valid_pin
from kiosk.ui.app.runtime import InstanceLock, KioskLogging, data_folder_problem
from kiosk.ui.common.settings_store import SettingsError, SettingsStore, settings_path_problem

log = logging.getLogger(__name__)

EXIT_OK, EXIT_RUNNING, EXIT_USAGE = 0, 1, 2
PROMPT = f"New operator PIN ({MIN_DIGITS}-{MAX_DIGITS} digits): "
REPEAT = "The same PIN again: "

Reader = Callable[[str], str]


def reset_pin(settings: Path | None = None) -> int:
    """Clear the PIN in `settings` (default `<data dir>/settings.ini`); returns the exit status."""
    path = settings or data_dir() / "settings.ini"
    problem = settings_path_problem(path) or ("" if path.is_file() else f"there is no settings file {path}")
    if problem:
        return _fail(f"{problem}; no PIN was reset")
    with _kiosk_stopped("reset the PIN") as refused:
        if refused:
            return refused
        return _store_hash(path, "", "reset")


def set_pin(settings: Path | None = None, *, stdin: TextIO | None = None, read: Reader | None = None) -> int:
    """Ask for a new PIN twice and store its hash in `settings` (default `<data dir>/settings.ini`,
    made when missing); returns the exit status. From a terminal the PIN is not echoed; from
    a pipe the first two lines are the PIN and its repetition."""
    path = settings or data_dir() / "settings.ini"
    problem = settings_path_problem(path)
    if problem:
        return _fail(f"{problem}; no PIN was set")
    with _kiosk_stopped("set the PIN") as refused:
        if refused:
            return refused
        try:
            pin, again = _ask_twice(stdin or sys.stdin, read)
        except (EOFError, KeyboardInterrupt):
            return _fail("no PIN was given; no PIN was set")
        if not is_valid_pin(pin):
            return _fail(f"the PIN must have {MIN_DIGITS} to {MAX_DIGITS} digits (0-9); no PIN was set")
        if pin != again:
            return _fail("the two PINs differ; no PIN was set")
        return _store_hash(path, hash_pin(pin), "set")


def _ask_twice(stdin: TextIO, read: Reader | None) -> tuple[str, str]:
    if read is None and not stdin.isatty():  # a provisioning script: two lines
        lines = [stdin.readline(), stdin.readline()]
        if not lines[1]:
            raise EOFError
        return lines[0].strip(), lines[1].strip()
    ask = read or getpass.getpass
    return ask(PROMPT).strip(), ask(REPEAT).strip()


@contextmanager
def _kiosk_stopped(action: str) -> Iterator[int]:
    """Holds the kiosk's lock while the PIN changes; yields EXIT_RUNNING while a kiosk runs."""
    folder = data_dir()
    writable = not data_folder_problem(folder)
    lock = InstanceLock(folder)  # it holds on a full or read-only disk too
    if not lock.acquire() and lock.held_elsewhere:  # otherwise no kiosk can hold it either
        print(
            f"error: the kiosk is running ({lock.holder_text()}); stop it first, then {action}",
            file=sys.stderr,
        )
        yield EXIT_RUNNING
        return
    logs = KioskLogging(folder, to_file=writable)
    try:
        yield 0
    finally:
        logs.close()
        lock.release()  # nothing to release where nothing was taken


def _store_hash(path: Path, pin_hash: str, done: str) -> int:
    store = SettingsStore(path)
    try:
        store.load()
        store.update(dataclasses.replace(store.settings, pin_hash=pin_hash))
    except SettingsError as exc:
        return _fail(f"cannot {done} the PIN in {path}: {exc}")
    if store.save_problem:
        return _fail(f"{store.save_problem}; no PIN was {done}")
    if pin_hash:
        log.warning("event pin_set file=%s (set-pin)", path)
        print(f"The operator PIN is set in {path}. The kiosk asks for it to open the settings and to close.")
    else:
        log.warning("event pin_reset file=%s (the kiosk shows its set-up screen at the next start)", path)
        print(f"The operator PIN in {path} is cleared: the kiosk shows its set-up screen at the next start.")
    return EXIT_OK


def _fail(message: str, status: int = EXIT_USAGE) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status
