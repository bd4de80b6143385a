"""A wall-clock budget for a training run (`train --time-budget-s`): the learning-rate schedule is
sized from the epochs measured so the cosine ends within it, and the run stops at an epoch's end
when the next would not fit.

The first epochs of the v2 recipe are its linear warm-up, whose rates do not depend on the
schedule's length, so they run on the initial schedule while they are timed: the first epoch
(which also builds and compiles the step) and, with two or more warm-up epochs, the second, a
clean epoch. Then the schedule is set to the epochs that fit, paying one more compilation of
the step. The clock is passed in, so the sizing is tested without waiting.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


def epochs_within(
    budget_s: float, elapsed_s: float, done: int, epoch_s: float, compile_s: float, cap: int
) -> int:
    """The run's length in epochs: the `done` ones and as many more of `epoch_s` seconds as fit in
    what is left of the budget after one more compilation (`compile_s`); at most `cap`, and
    never fewer than `done`."""
    left = budget_s - elapsed_s - compile_s
    more = int(left // epoch_s) if epoch_s > 0 and left > 0 else 0
    return max(done, min(cap, done + more))


@dataclass
class TimeBudget:
    seconds: float
    warmup_epochs: int
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)
    ends: list[float] = field(default_factory=list)  # the clock at each epoch's end, files written

    def __post_init__(self) -> None:
        self.started = self.clock()

    @property
    def probe_epochs(self) -> int:
        """Epochs timed before the schedule is sized: two within a warm-up of two or more."""
        return 2 if self.warmup_epochs >= 2 else 1

    def elapsed(self) -> float:
        return self.clock() - self.started

    def epoch_ended(self) -> None:
        self.ends.append(self.clock())

    def durations(self) -> list[float]:
        marks = [self.started, *self.ends]
        return [b - a for a, b in itertools.pairwise(marks)]

    def size(self, cap: int) -> int:
        """The schedule's length once the probe epochs are done (see the module's docstring)."""
        durations = self.durations()
        epoch_s = durations[-1]
        compile_s = max(0.0, durations[0] - durations[1]) if len(durations) >= 2 else 0.0
        return epochs_within(self.seconds, self.elapsed(), len(durations), epoch_s, compile_s, cap)

    def next_fits(self) -> bool:
        """Whether one more epoch, as long as the median of the last three, ends within the budget."""
        recent = self.durations()[-3:]
        return not recent or self.elapsed() + statistics.median(recent) <= self.seconds
