"""When a camera counts as lost, and when to try it again: the reconnect logic of a camera source.

A camera is lost after `max_failures` failed reads in a row, or when it delivers the same
picture for `stale_s` (a frozen driver). `CameraHealth` counts both and schedules the next
attempt to reopen it: `first_delay_s`, doubling up to `max_delay_s`, and back to the first
delay once `healthy_frames` good frames came in a row. Time is passed in, so
`kiosk.vision.source.FrameSource` is tested without a camera and without sleeping.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["CameraHealth", "ReconnectPolicy"]


@dataclass(frozen=True)
class ReconnectPolicy:
    """When a camera counts as lost, and how long to wait between attempts to reopen it."""

    max_failures: int = 10  # consecutive failed reads
    stale_s: float = 5.0  # an identical picture for this long means a frozen driver; 0: never
    first_delay_s: float = 0.5
    max_delay_s: float = 30.0
    healthy_frames: int = 30  # good frames in a row before the backoff starts again from the start
    poll_s: float = 0.1  # longest read() waits while a reconnect is due later


class CameraHealth:
    """Failed reads, frozen pictures and the reconnect backoff of one camera."""

    def __init__(self, policy: ReconnectPolicy, t0: float) -> None:
        self.policy = policy
        self.t0 = t0
        self.retry_at = t0
        self._delay = policy.first_delay_s
        self._failures = 0
        self._good = 0
        self._fingerprint = b""
        self._same_since = t0

    def opened(self, now: float) -> None:
        self._failures = 0
        self._fingerprint = b""
        self._same_since = now

    def failed(self) -> bool:
        """Count a failed read; True when the camera should count as lost."""
        self._failures += 1
        self._good = 0
        return self._failures >= self.policy.max_failures

    def frozen(self, image: np.ndarray, now: float) -> bool:
        """Count a good read; True when the picture has not changed for `stale_s`."""
        self._failures = 0
        self._good += 1
        if self._good >= self.policy.healthy_frames:
            self._delay = self.policy.first_delay_s
        fingerprint = np.ascontiguousarray(image[::16, ::16]).tobytes()
        if fingerprint != self._fingerprint:
            self._fingerprint, self._same_since = fingerprint, now
            return False
        return self.policy.stale_s > 0 and now - self._same_since >= self.policy.stale_s

    def schedule_retry(self, now: float) -> float:
        """Set the time of the next attempt; returns the wait, doubling it for the next time."""
        delay = self._delay
        self.retry_at = now + delay
        self._delay = min(self._delay * 2.0, self.policy.max_delay_s)
        self._good = 0
        return delay
