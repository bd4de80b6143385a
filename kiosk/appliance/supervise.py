"""`emotion-kiosk supervise`: run the kiosk, start it again when it crashes (XDG autostart).

The kiosk ends with status 0 when it was closed or stopped by a signal; 1 when another kiosk
runs with its data folder; 2 for bad settings or options; 3 when its crash-loop guard stopped
it (after its notice). The supervisor ends too, as systemd does (RestartPreventExitStatus).
Any other status is a crash (70 an error the kiosk caught, or a signal): it starts the kiosk
again after a short pause. The supervisor keeps its own count with the same policy, as a
backstop for a kiosk that dies before its guard runs.
"""

from __future__ import annotations

import logging
import subprocess
import time
from collections.abc import Callable, Sequence

from kiosk.appliance.crashguard import CrashLoopPolicy

log = logging.getLogger(__name__)

RESTART_PAUSE_S = 3.0
NOT_RESTARTED = frozenset({0, 1, 2, 3})  # closed or stopped, already running, bad input, crash loop
POLICY = CrashLoopPolicy()


def supervise(
    command: Sequence[str],
    policy: CrashLoopPolicy = POLICY,
    run: Callable[[Sequence[str]], int] | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Returns the status that ended it: one of NOT_RESTARTED, or the last crash's (a crash loop)."""
    run = run or (lambda cmd: subprocess.run(list(cmd), check=False).returncode)
    crashes: list[float] = []
    while True:
        status = run(command)
        if status in NOT_RESTARTED:
            return status
        now = clock()
        crashes = [*policy.recent(crashes, now), now]
        log.warning("event kiosk_crashed status=%d recent=%d", status, len(crashes))
        if policy.looping(crashes, now):
            log.error("event crash_loop %s: the supervisor stops restarting", policy.describe())
            return status
        sleep(RESTART_PAUSE_S)
