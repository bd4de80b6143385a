"""The wrong-PIN back-off of one kiosk, kept on disk so neither Cancel nor a restart resets it.

After `FREE_TRIES` wrong PINs each further one locks the PIN prompt for twice as long as the
last (2, 4, 8, 16 s ... up to `MAX_DELAY_S`); a right PIN clears the count. The count lives
in `<data dir>/pin_attempts.json`, not in the dialog, so closing and reopening the dialog,
or restarting the kiosk, starts where the last try left off. Time is the wall clock (it must
survive a restart), passed in for tests; a clock set back never locks for more than the
maximum. A file that cannot be read starts from zero (someone who can delete it owns the PC).
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "pin_attempts.json"
FREE_TRIES = 2  # wrong PINs answered at once; the third waits 2 s
MAX_DELAY_S = 300


def delay_after(failures: int) -> int:
    """Seconds the prompt stays locked after `failures` wrong PINs in a row."""
    if failures <= FREE_TRIES:
        return 0
    return int(min(2 ** (failures - FREE_TRIES), MAX_DELAY_S))


class PinBackoff:
    """Counts wrong PINs for the kiosk; `remaining_s()` is how long the prompt is locked."""

    def __init__(self, path: Path | None, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path  # None: kept in memory only (no writable data folder)
        self._clock = clock
        self.failures = 0
        self.locked_until = 0.0
        self._load()

    def remaining_s(self) -> float:
        """Seconds before the next PIN is checked; 0 when it is checked at once."""
        remaining = self.locked_until - self._clock()
        return max(0.0, min(remaining, float(MAX_DELAY_S)))

    def remaining_text(self) -> str:
        """The countdown as people read it: "12 s" or "4:10"."""
        seconds = math.ceil(self.remaining_s())
        return f"{seconds} s" if seconds < 60 else f"{seconds // 60}:{seconds % 60:02d}"

    def record_failure(self) -> int:
        """One more wrong PIN; returns the seconds the prompt is now locked."""
        self.failures += 1
        delay = delay_after(self.failures)
        self.locked_until = self._clock() + delay
        self._save()
        return delay

    def record_success(self) -> None:
        """A right PIN (or a new one chosen): the count starts again."""
        if self.failures or self.locked_until:
            self.failures, self.locked_until = 0, 0.0
            self._save()

    def _load(self) -> None:
        if self.path is None or not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.failures = max(0, int(data["failures"]))
            self.locked_until = float(data["locked_until"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("event pin_attempts_unreadable file=%s (%s); counting from zero", self.path, exc)
            self.failures, self.locked_until = 0, 0.0

    def _save(self) -> None:
        if self.path is None:
            return
        data = json.dumps({"failures": self.failures, "locked_until": self.locked_until})
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            temporary.write_text(data, encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as exc:  # a read-only data folder: the count lasts until the kiosk stops
            log.warning("event pin_attempts_not_saved file=%s (%s)", self.path, exc.strerror or exc)
