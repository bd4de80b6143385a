"""The time budget of a training run (training.budget): the schedule sized from the timed first
epochs, the stop before an epoch that would not fit; on a clock the test moves (no Keras)."""

from __future__ import annotations

import pytest

from training.budget import TimeBudget, epochs_within


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_epochs_that_fit_pay_for_one_more_compilation() -> None:
    # 420 s, 2 epochs done in 40 s, 3 s an epoch, 20 s to compile again: (420 - 40 - 20) // 3 = 120 more.
    assert epochs_within(420, 40, 2, 3.0, 20, cap=400) == 122
    assert epochs_within(420, 40, 2, 3.0, 20, cap=100) == 100  # --epochs caps it
    assert epochs_within(60, 70, 2, 3.0, 20, cap=400) == 2  # already over: no more, never fewer than done


def test_a_budget_sizes_from_the_clean_epoch_and_the_first_ones_compilation() -> None:
    clock = Clock()
    budget = TimeBudget(420, warmup_epochs=3, clock=clock)
    assert budget.probe_epochs == 2  # both probe epochs lie in the warm-up, whose rates ignore the length
    clock.now += 25  # epoch 1: loading, building and compiling, then 3 s of steps
    budget.epoch_ended()
    clock.now += 3  # epoch 2: steps only
    budget.epoch_ended()
    assert budget.durations() == [25, 3]
    # 28 s gone, one more compilation of 22 s (25 - 3): (420 - 28 - 22) // 3 = 123 more epochs.
    assert budget.size(cap=400) == 125
    assert TimeBudget(420, warmup_epochs=1, clock=clock).probe_epochs == 1


@pytest.mark.parametrize(("epoch_s", "fits"), [(3.0, True), (10.0, False)])
def test_the_run_stops_before_an_epoch_that_would_end_past_the_budget(epoch_s: float, fits: bool) -> None:
    clock = Clock()
    budget = TimeBudget(100, warmup_epochs=3, clock=clock)
    for _ in range(9):
        clock.now += epoch_s
        budget.epoch_ended()
    clock.now = budget.started + 92  # 8 s left
    assert budget.next_fits() is fits
