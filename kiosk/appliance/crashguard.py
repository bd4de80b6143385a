"""The crash-loop guard: 5 crashes within 2 minutes and the kiosk stops restarting.

A crash is an unclean end: the kiosk writes `running` into the data folder when it starts and
removes it when it ends cleanly, so a `running` file found at start means the last run crashed
(a segfault, an uncaught error, a kill, a power cut). The times of recent crashes are kept in
`crashes.json`. When the guard trips, the kiosk shows why and exits with status 0, so that
systemd's `Restart=on-failure` (or `emotion-kiosk supervise`) does not start it again; the
history is cleared then, so the next start by hand or at the next boot gets a fresh try.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MARKER_NAME = "running"
HISTORY_NAME = "crashes.json"


@dataclass(frozen=True)
class CrashLoopPolicy:
    crashes: int = 5  # this many crashes ...
    window_s: float = 120.0  # ... within this many seconds stop the restarts

    def __post_init__(self) -> None:
        if self.crashes < 1 or self.window_s <= 0:
            raise ValueError(f"a crash-loop policy needs crashes >= 1 and window_s > 0, got {self}")

    def recent(self, times: Sequence[float], now: float) -> list[float]:
        return [t for t in times if now - self.window_s <= t <= now]

    def looping(self, times: Sequence[float], now: float) -> bool:
        return len(self.recent(times, now)) >= self.crashes

    def describe(self) -> str:
        return f"{self.crashes} crashes within {self.window_s:g} seconds"


class CrashLoopGuard:
    """`starting()` at start (True: stop, it is a crash loop), `stopped_cleanly()` at a clean end."""

    def __init__(
        self,
        folder: Path,
        policy: CrashLoopPolicy = CrashLoopPolicy(),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.marker = folder / MARKER_NAME
        self.history = folder / HISTORY_NAME
        self.policy = policy
        self._clock = clock
        self.crashes: list[float] = []

    def starting(self) -> bool:
        now = self._clock()
        crashes = self.policy.recent(self._load(), now)
        if self.marker.exists():
            crashes.append(now)
            log.warning("event crash_detected previous_run_ended_uncleanly recent=%d", len(crashes))
        self.crashes = crashes
        if self.policy.looping(crashes, now):
            log.error(
                "event crash_loop crashes=%d window_s=%g: not restarting again; "
                "start the kiosk by hand once the cause is fixed (see this log)",
                len(crashes),
                self.policy.window_s,
            )
            self._save([])
            self._remove_marker()
            return True
        self._save(crashes)
        with contextlib.suppress(OSError):
            self.marker.write_text(f"{os.getpid()}\n", encoding="utf-8")
        return False

    def stopped_cleanly(self) -> None:
        self._remove_marker()

    def message(self) -> str:
        return (
            f"The kiosk stopped after {self.policy.describe()} and will not restart by itself. "
            f"Please call your service contact. Details are in the log in {self.marker.parent / 'logs'}."
        )

    def _remove_marker(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.marker.unlink()

    def _load(self) -> list[float]:
        try:
            data = json.loads(self.history.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []  # none yet, or unreadable: start counting afresh
        if not isinstance(data, list):
            return []
        return [float(t) for t in data if isinstance(t, int | float)]

    def _save(self, times: list[float]) -> None:
        with contextlib.suppress(OSError):
            tmp = self.history.with_suffix(".tmp")
            tmp.write_text(json.dumps(times), encoding="utf-8")
            os.replace(tmp, self.history)
