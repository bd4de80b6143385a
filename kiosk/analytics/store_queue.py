"""The exposures the reaction writer has yet to write: in memory, oldest first, bounded.

`ReactionStore.record()` adds to it and never blocks; the writer thread takes batches off it.
A batch whose write fails goes back to the front, so the order holds. Beyond `limit` the
oldest exposures are dropped and counted (days of them: the file has been unwritable that
long). `erase()` clears it and starts a new generation, so a batch already taken by the writer
when the operator erased everything is not written after all.

Not thread-safe: the store uses it under its own condition, which also wakes the writer.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import TypeAlias

from kiosk.analytics.records import Exposure

__all__ = ["PendingExposures", "Queued"]

Queued: TypeAlias = "tuple[int, Exposure]"  # (generation, exposure): erase() bumps the generation


class PendingExposures:
    """Exposures waiting for the writer, and the batch it is writing (`in_flight`)."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"need a limit of at least 1 exposure, got {limit}")
        self.limit = limit
        self.dropped = 0  # lost for good: beyond `limit`, or refused by SQLite
        self.generation = 0
        self._waiting: deque[Queued] = deque()
        self._in_flight: list[Queued] = []

    def __len__(self) -> int:
        """Exposures not yet written: waiting, and in the batch being written."""
        return len(self._waiting) + len(self._in_flight)

    @property
    def waiting(self) -> bool:
        """Whether exposures wait for the writer to take them."""
        return bool(self._waiting)

    def add(self, exposure: Exposure) -> int:
        """Queue one exposure; returns how many of the oldest were dropped to make room."""
        self._waiting.append((self.generation, exposure))
        return self._trim()

    def take_batch(self, size: int) -> list[Queued]:
        """Up to `size` of the oldest exposures, now in flight until `batch_done` or `put_back`."""
        count = min(len(self._waiting), size)
        self._in_flight = [self._waiting.popleft() for _ in range(count)]
        return list(self._in_flight)

    def batch_done(self) -> None:
        self._in_flight = []

    def put_back(self) -> int:
        """The batch in flight goes back to the front; returns how many were dropped to make room."""
        self._waiting.extendleft(reversed(self._in_flight))
        self._in_flight = []
        return self._trim()

    def discard(self, batch: Sequence[Queued]) -> None:
        """The batch will never be written (SQLite refuses it): count it as dropped."""
        self.dropped += len(batch)
        self.batch_done()

    def erase(self) -> None:
        """Forget every waiting exposure, and those in flight when they are written."""
        self.generation += 1
        self._waiting.clear()

    def current(self, batch: Sequence[Queued]) -> list[Exposure]:
        """The exposures of `batch` queued since the last `erase()`."""
        return [exposure for generation, exposure in batch if generation == self.generation]

    def _trim(self) -> int:
        excess = max(0, len(self._waiting) - self.limit)
        for _ in range(excess):
            self._waiting.popleft()
        self.dropped += excess
        return excess
