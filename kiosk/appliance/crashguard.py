"""The crash-loop guard: 5 crashes within 2 minutes and the kiosk stops restarting.

A crash is an unclean end: the kiosk writes `running` into the data folder when it starts and
removes it when it ends cleanly, so a `running` file found at start means the last run crashed
(a segfault, an uncaught error, a kill, a power cut). The times of recent crashes are kept in
`crashes.json`. When the guard trips, the kiosk shows why and exits with status 3, which
neither systemd (`RestartPreventExitStatus=`) nor `emotion-kiosk supervise` restarts; under
systemd the unit then ends "failed". The history is cleared then, so the next start by hand
or at the next boot gets a fresh try.

Under systemd the notice cannot stay in the unit (systemd stops what is left of a unit when
its main process exits), so `hand_over` starts it in a transient scope of its own
(`systemd-run --user --scope`), and the kiosk exits 3 once it runs there.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MARKER_NAME = "running"
HISTORY_NAME = "crashes.json"
NOTICE_UNIT_PREFIX = "emotion-kiosk-notice-"
HANDOVER_TIMEOUT_S = 10.0
HANDOVER_POLL_S = 0.05
_NO_INPUT = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0)] if hasattr(os, "posix_spawnp") else []


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


def notice_unit(clock: Callable[[], float] = time.time) -> str:
    """The transient scope's name (without ".scope"): one per crash loop."""
    return NOTICE_UNIT_PREFIX + time.strftime("%Y%m%d-%H%M%S", time.localtime(clock()))


def scope_command(unit: str, command: Sequence[str]) -> list[str]:
    """`command` in a transient user scope `unit`.scope, removed once it ends (--collect)."""
    return ["systemd-run", "--user", "--scope", "--collect", "--quiet", f"--unit={unit}", "--", *command]


def in_scope(pid: int, unit: str) -> bool:
    """Process `pid` runs in the cgroup of `unit`.scope (Linux's /proc/PID/cgroup says so)."""
    try:
        text = Path(f"/proc/{pid}/cgroup").read_text(encoding="utf-8")
    except OSError:
        return False
    return f"/{unit}.scope" in text


def hand_over(
    command: Sequence[str],
    unit: str,
    env: Mapping[str, str],
    timeout_s: float = HANDOVER_TIMEOUT_S,
    moved: Callable[[int, str], bool] = in_scope,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Start `command` (a `scope_command`) and wait until it runs in `unit`.scope; True then.

    systemd-run moves itself into the new scope and then becomes the command, so the process
    is in the scope, or (a notice already ended) systemd-run has exited with 0. False when
    systemd-run is missing, fails, or has not made the scope within `timeout_s` (then it is
    killed): the kiosk shows the notice itself. A process of its own session, never waited for
    once it runs: it outlives the kiosk."""
    try:
        pid = os.posix_spawnp(command[0], list(command), dict(env), setsid=True, file_actions=_NO_INPUT)
    except OSError as error:
        log.warning("event crash_notice_not_handed_over %s: %s", command[0], error)
        return False
    for _ in range(max(1, round(timeout_s / HANDOVER_POLL_S))):
        ended, wait_status = os.waitpid(pid, os.WNOHANG)
        if ended:
            status = os.waitstatus_to_exitcode(wait_status)
            if status != 0:
                log.warning("event crash_notice_not_handed_over %s exit=%d", command[0], status)
            return status == 0
        if moved(pid, unit):
            return True
        sleep(HANDOVER_POLL_S)
    log.warning("event crash_notice_not_handed_over %s: no scope %s within %gs", command[0], unit, timeout_s)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return False
