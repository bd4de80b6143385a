"""The reaction engine on fake time series: noise must not fire, a clearly negative face must."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from kiosk.reaction.engine import Event, ReactionConfig, ReactionEngine, negative_score, weighted_score
from kiosk.vision.labels import NEGATIVE_LABELS

NEGATIVE = tuple(sorted(NEGATIVE_LABELS))
Probs = dict[str, float]
# The trigger mechanics alone (levels, dwell, hysteresis, cooldown): every negative label
# counts fully and there is no per-visitor baseline. Those two have tests of their own below.
MECHANICS = ReactionConfig(weak_labels=frozenset(), baseline_s=0.0)


def probs_with_negative(mass: float, rng: random.Random | None = None) -> Probs:
    """Probabilities whose negative labels sum to `mass`, spread (randomly, with rng) over them."""
    weights = [rng.random() + 0.05 for _ in NEGATIVE] if rng else [1.0] * len(NEGATIVE)
    total = sum(weights)
    probs = {label: mass * w / total for label, w in zip(NEGATIVE, weights, strict=True)}
    probs.update(neutral=(1.0 - mass) * 0.7, happy=(1.0 - mass) * 0.2, surprise=(1.0 - mass) * 0.1)
    return probs


def clock(fps: float, rng: random.Random | None = None, start: float = 0.0) -> Iterator[float]:
    """Frame times at `fps`, with up to +-50% jitter between frames when rng is given."""
    t = start
    while True:
        yield t
        t += (1.0 / fps) * (rng.uniform(0.5, 1.5) if rng else 1.0)


def run(
    engine: ReactionEngine, times: Iterator[float], until: float, probs: Callable[[float], Probs | None]
) -> list[tuple[float, Event]]:
    events = []
    for t in times:
        if t >= until:
            break
        events += [(t, event) for event in engine.update(t, probs(t))]
    return events


def noisy_calm(rng: random.Random, base: Callable[[], float]) -> Callable[[float], Probs]:
    """A calm visitor: negative mass from `base()`, and now and then a one-frame spike to 0.9."""
    last_spike = [-1.0]

    def probs(t: float) -> Probs:
        if rng.random() < 0.08 and t - last_spike[0] > 0.3:
            last_spike[0] = t
            return probs_with_negative(0.9, rng)
        return probs_with_negative(base(), rng)

    return probs


def test_negative_score_sums_the_negative_labels() -> None:
    labels = frozenset(NEGATIVE)
    assert negative_score(probs_with_negative(0.4), labels) == pytest.approx(0.4)
    assert negative_score({"happy": 1.0}, labels) == 0.0
    assert negative_score({"sad": 0.9, "angry": 0.9}, labels) == 1.0


@pytest.mark.parametrize("seed", range(20))
def test_calm_visitor_with_realistic_noise_gives_only_arrival(seed: int) -> None:
    rng = random.Random(seed)
    fps = rng.choice([8.0, 15.0, 30.0])
    engine = ReactionEngine()
    events = run(engine, clock(fps, rng), 60.0, noisy_calm(rng, lambda: rng.uniform(0.2, 0.3)))
    assert [e for _, e in events] == [Event.VISITOR_ARRIVED]
    assert engine.negative is not None and engine.negative < 0.45


@pytest.mark.parametrize("seed", range(10))
def test_happy_visitor_gives_only_arrival_and_departure(seed: int) -> None:
    rng = random.Random(seed)
    engine = ReactionEngine()

    def probs(t: float) -> Probs | None:
        if t >= 30.0:
            return None
        return noisy_calm(rng, lambda: rng.uniform(0.0, 0.15))(t)

    events = run(engine, clock(15.0, rng), 40.0, probs)
    assert [e for _, e in events] == [Event.VISITOR_ARRIVED, Event.VISITOR_LEFT]


@pytest.mark.parametrize("seed", range(20))
def test_clearly_negative_visitor_switches_within_1_5_s(seed: int) -> None:
    rng = random.Random(seed)
    fps = rng.choice([5.0, 10.0, 15.0, 30.0])
    turn = 5.0

    def probs(t: float) -> Probs:
        mass = rng.uniform(0.2, 0.3) if t < turn else rng.uniform(0.65, 0.85)
        return probs_with_negative(mass, rng)

    events = run(ReactionEngine(), clock(fps, rng), 12.0, probs)
    switches = [t for t, e in events if e is Event.SWITCH_CAR]
    assert len(switches) == 1
    assert turn < switches[0] <= turn + 1.5
    uplifts = [t for t, e in events if e is Event.PLAY_UPLIFT]
    assert uplifts == switches


def test_switch_and_uplift_come_together_in_one_update() -> None:
    engine = ReactionEngine(MECHANICS)
    batches = [engine.update(i / 15, probs_with_negative(0.95)) for i in range(40)]
    fired = [batch for batch in batches if Event.SWITCH_CAR in batch]
    assert fired == [[Event.SWITCH_CAR, Event.PLAY_UPLIFT]]


def test_hysteresis_needs_the_score_to_fall_below_release() -> None:
    config = replace(MECHANICS, cooldown_s=0.0)
    engine = ReactionEngine(config)
    hover = probs_with_negative(0.45)  # between release (0.35) and trigger (0.55)

    def probs(t: float) -> Probs:
        return probs_with_negative(0.9) if t < 3 or 6 <= t < 9 else hover

    switches = [t for t, e in run(engine, clock(15.0), 12.0, probs) if e is Event.SWITCH_CAR]
    assert len(switches) == 1  # hovering above release never re-arms

    def dip(t: float) -> Probs:
        return probs_with_negative(0.9) if t < 3 or 6 <= t < 9 else probs_with_negative(0.1)

    switches = [t for t, e in run(ReactionEngine(config), clock(15.0), 12.0, dip) if e is Event.SWITCH_CAR]
    assert len(switches) == 2 and switches[1] > 6.0


def test_cooldown_limits_switches() -> None:
    def flicker(t: float) -> Probs:  # 2 s negative, 2 s calm, repeatedly
        return probs_with_negative(0.9 if int(t) % 4 < 2 else 0.05)

    switches = [
        t for t, e in run(ReactionEngine(MECHANICS), clock(15.0), 30.0, flicker) if e is Event.SWITCH_CAR
    ]
    assert len(switches) >= 3
    assert all(b - a >= 8.0 - 1e-9 for a, b in itertools.pairwise(switches))
    assert len(switches) <= 30.0 / 8.0 + 1


def test_dwell_keeps_a_short_burst_from_firing() -> None:
    def burst(t: float) -> Probs:  # 0.3 s of clear negativity: the smoothed score cannot dwell 0.4 s
        return probs_with_negative(1.0 if 5.0 <= t < 5.3 else 0.1)

    assert all(e is Event.VISITOR_ARRIVED for _, e in run(ReactionEngine(), clock(15.0), 10.0, burst))


def test_arrival_needs_arrive_s_of_presence() -> None:
    engine = ReactionEngine()
    times = [i / 10 for i in range(10)]
    events = {t: engine.update(t, probs_with_negative(0.1)) for t in times}
    arrived = [t for t, batch in events.items() if Event.VISITOR_ARRIVED in batch]
    assert arrived == [pytest.approx(0.4)]
    assert engine.visitor_present


def test_a_glimpse_is_not_a_visitor() -> None:
    engine = ReactionEngine()

    def glimpses(t: float) -> Probs | None:  # 0.2 s seen, 1 s gone, repeatedly
        return probs_with_negative(0.1) if t % 1.2 < 0.2 else None

    assert run(engine, clock(15.0), 10.0, glimpses) == []
    assert not engine.visitor_present and engine.negative is None


def test_short_dropouts_keep_the_visitor_and_a_long_absence_ends_the_visit() -> None:
    engine = ReactionEngine()

    def probs(t: float) -> Probs | None:
        if 3.0 <= t < 4.5 or t >= 8.0:  # a 1.5 s dropout (detector miss), then gone
            return None
        return probs_with_negative(0.2)

    events = run(engine, clock(15.0), 12.0, probs)
    assert [e for _, e in events] == [Event.VISITOR_ARRIVED, Event.VISITOR_LEFT]
    left = events[1][0]
    assert 10.0 - 1e-6 <= left < 10.0 + 1 / 15 + 1e-6
    assert engine.negative is None and not engine.visitor_present


def test_departure_resets_everything_for_the_next_visitor() -> None:
    engine = ReactionEngine(MECHANICS)

    def probs(t: float) -> Probs | None:
        if t < 3.0 or 6.0 <= t < 9.0:  # two negative visitors, 3 s apart: within one cooldown
            return probs_with_negative(0.9)
        return None

    events = [e for _, e in run(engine, clock(15.0), 12.0, probs)]
    assert events.count(Event.SWITCH_CAR) == 2  # the cooldown did not carry over
    assert events.count(Event.VISITOR_ARRIVED) == 2 and events.count(Event.VISITOR_LEFT) == 2


def test_negative_is_none_without_a_visitor_and_follows_the_face() -> None:
    engine = ReactionEngine(MECHANICS)
    assert engine.negative is None
    for i in range(30):
        engine.update(i / 15, probs_with_negative(0.2))
    assert engine.negative == pytest.approx(0.2, abs=0.02)


def test_time_going_backwards_starts_over() -> None:
    engine = ReactionEngine()
    for i in range(15):
        engine.update(10 + i / 15, probs_with_negative(0.1))
    assert engine.visitor_present
    assert engine.update(0.0, probs_with_negative(0.1)) == [Event.VISITOR_LEFT]
    assert not engine.visitor_present


def test_variable_frame_rate_gives_the_same_smoothing() -> None:
    def final_score(fps: float) -> float:
        engine = ReactionEngine(ReactionConfig(dwell_s=100.0))
        for t in clock(fps):
            if t > 3.0:
                break
            engine.update(t, probs_with_negative(0.2 if t < 2.0 else 0.8))
        assert engine.negative is not None
        return engine.negative

    assert final_score(10.0) == pytest.approx(final_score(30.0), abs=0.06)


def test_update_config_keeps_the_visitor() -> None:
    engine = ReactionEngine(MECHANICS)
    for i in range(15):
        engine.update(i / 15, probs_with_negative(0.5))
    engine.update_config(replace(MECHANICS, trigger_level=0.45, release_level=0.3, dwell_s=0.2))
    events = [e for i in range(15, 40) for e in engine.update(i / 15, probs_with_negative(0.5))]
    assert engine.visitor_present
    assert Event.SWITCH_CAR in events and Event.VISITOR_ARRIVED not in events


def test_reset_forgets_the_visitor() -> None:
    engine = ReactionEngine()
    for i in range(15):
        engine.update(i / 15, probs_with_negative(0.1))
    engine.reset()
    assert not engine.visitor_present and engine.negative is None


@pytest.mark.parametrize(
    "changes",
    [{"trigger_level": 0.3, "release_level": 0.5}, {"trigger_level": 1.5}, {"dwell_s": -1.0}],
)
def test_config_rejects_nonsense(changes: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        ReactionConfig(**changes)  # type: ignore[arg-type]


def test_a_single_frame_spike_does_not_move_the_score() -> None:
    engine = ReactionEngine()
    for i in range(30):
        engine.update(i / 15, probs_with_negative(0.3))
    before = engine.negative
    scores = []
    for i in range(30, 40):
        engine.update(i / 15, probs_with_negative(1.0 if i == 32 else 0.3))
        scores.append(engine.negative)
    assert before is not None
    assert max(s for s in scores if s is not None) == pytest.approx(before, abs=0.01)


# --- Speech: fleeting fear -------------------------------------------------------------------


def talking(rng: random.Random, fear: float = 0.8) -> Callable[[float], Probs]:
    """A pleasant visitor who talks: syllables at 3-6 Hz; on open-mouth frames (40 %, in runs of
    1-3 frames at 15 fps) the model reads fear: harsher than the real clip (136 of 464 frames)."""
    rate = rng.uniform(3.0, 6.0)

    def probs(t: float) -> Probs:
        phase = (t * rate) % 1.0
        if phase < 0.5 and int(t * rate) % 5 != 4:  # the mouth is open; every 5th syllable a pause
            return {"fear": fear, "surprise": 0.1, "neutral": 0.9 - fear - 0.05, "sad": 0.05}
        return {"neutral": 0.6, "happy": 0.3, "sad": 0.06, "angry": 0.04}

    return probs


@pytest.mark.parametrize("seed", range(10))
def test_a_pleasant_visitor_who_talks_never_switches(seed: int) -> None:
    rng = random.Random(seed)
    events = run(ReactionEngine(), clock(15.0, rng), 60.0, talking(rng))
    assert Event.SWITCH_CAR not in [e for _, e in events]


def test_counting_fear_fully_and_quickly_would_switch_on_the_talker() -> None:
    """The same talkers with fear counted as a strong label: the damping is what prevents it."""
    fired = 0
    for seed in range(10):
        rng = random.Random(seed)
        events = run(ReactionEngine(MECHANICS), clock(15.0, rng), 60.0, talking(rng))
        fired += Event.SWITCH_CAR in [e for _, e in events]
    assert fired >= 5


def test_sustained_fear_still_switches_within_a_longer_window() -> None:
    def probs(t: float) -> Probs:
        return {"neutral": 0.9, "happy": 0.1} if t < 5.0 else {"fear": 0.85, "surprise": 0.1, "neutral": 0.05}

    switches = [t for t, e in run(ReactionEngine(), clock(15.0), 15.0, probs) if e is Event.SWITCH_CAR]
    assert len(switches) == 1 and 5.0 < switches[0] <= 5.0 + 4.0


def test_weak_labels_count_at_their_weight() -> None:
    config = ReactionConfig(weak_weight=0.5)
    assert weighted_score({"fear": 0.6, "sad": 0.2}, config) == pytest.approx(0.5)
    # a weak label that the operator did not mark negative does not count at all
    assert weighted_score({"fear": 0.6}, replace(config, negative_labels=frozenset({"sad"}))) == 0.0


# --- The visitor's own baseline --------------------------------------------------------------


def resting(level: float, rng: random.Random, wobble: float = 0.08) -> Callable[[float], Probs]:
    """A resting face the model reads at about `level` negative, with slow wobble and jitter."""

    def probs(t: float) -> Probs:
        mass = level + wobble * math.sin(2 * math.pi * t / 6.0) + rng.uniform(-0.03, 0.03)
        return probs_with_negative(max(0.0, min(1.0, mass)), rng)

    return probs


@pytest.mark.parametrize("seed", range(10))
def test_a_resting_face_read_as_slightly_sad_does_not_switch(seed: int) -> None:
    rng = random.Random(seed)
    face = resting(0.52, rng)  # peaks near 0.6: over the trigger level, but it is this visitor's rest
    assert Event.SWITCH_CAR not in [e for _, e in run(ReactionEngine(), clock(15.0, rng), 40.0, face)]
    rng = random.Random(seed)
    fired = [e for _, e in run(ReactionEngine(MECHANICS), clock(15.0, rng), 40.0, resting(0.52, rng))]
    assert Event.SWITCH_CAR in fired  # without the baseline the same face fires


@pytest.mark.parametrize("seed", range(10))
def test_the_same_visitor_turning_clearly_negative_switches_within_1_5_s(seed: int) -> None:
    rng = random.Random(seed)
    rest, turn = resting(0.45, rng), 10.0

    def probs(t: float) -> Probs:
        return rest(t) if t < turn else probs_with_negative(rng.uniform(0.85, 0.95), rng)

    switches = [t for t, e in run(ReactionEngine(), clock(15.0, rng), 16.0, probs) if e is Event.SWITCH_CAR]
    assert len(switches) == 1 and turn < switches[0] <= turn + 1.5


def test_the_baseline_is_learnt_over_the_first_seconds_and_forgotten_on_departure() -> None:
    engine = ReactionEngine(ReactionConfig(baseline_s=2.0))
    calm = {"neutral": 0.7, "sad": 0.2, "happy": 0.1}
    for i in range(29):  # 0 .. 1.87 s: still learning
        engine.update(i / 15, calm)
        assert engine.baseline is None and engine.learning
    engine.update(30 / 15, calm)
    assert engine.baseline == pytest.approx(calm) and not engine.learning
    assert engine.baseline_negative == pytest.approx(0.2)
    for i in range(31, 80):
        engine.update(i / 15, None)  # gone for over depart_s
    assert engine.baseline is None and not engine.learning


def test_an_arrival_who_already_looks_unhappy_is_judged_against_that_look() -> None:
    config = ReactionConfig(baseline_s=2.0)
    scowl = run(ReactionEngine(config), clock(15.0), 12.0, lambda t: probs_with_negative(0.7))
    assert Event.SWITCH_CAR not in [e for _, e in scowl]  # no switch while learning, nor for the same look

    def deeper(t: float) -> Probs:  # then clearly more negative than their own look
        return probs_with_negative(0.5 if t < 6.0 else 0.97)

    events = run(ReactionEngine(config), clock(15.0), 12.0, deeper)
    switches = [t for t, e in events if e is Event.SWITCH_CAR]
    assert len(switches) == 1 and 6.0 < switches[0] <= 7.5
    # with the baseline off, the absolute level alone fires on the first look
    off = run(
        ReactionEngine(replace(config, baseline_s=0.0)), clock(15.0), 12.0, lambda t: probs_with_negative(0.7)
    )
    assert Event.SWITCH_CAR in [e for _, e in off]


@pytest.mark.parametrize(("rest", "below", "above"), [(0.6, 0.72, 0.78), (0.1, 0.36, 0.47)])
def test_the_margin_is_a_share_of_the_headroom_above_the_baseline(
    rest: float, below: float, above: float
) -> None:
    """Margin 0.35 fires at 0.74 for a face at rest at 0.6 (a fixed step of 0.2 asked 0.8, which
    clear anger on such a face may never reach), and at 0.415 for one at rest at 0.1 (0.3 with
    the fixed step). The trigger level is lowered so that the margin alone decides."""
    config = ReactionConfig(baseline_s=2.0, baseline_margin=0.35, trigger_level=0.3, release_level=0.05)

    def switches(level: float) -> list[float]:
        def probs(t: float) -> Probs:
            return probs_with_negative(rest if t < 5.0 else level)

        return [t for t, e in run(ReactionEngine(config), clock(15.0), 10.0, probs) if e is Event.SWITCH_CAR]

    assert switches(below) == []
    fired = switches(above)
    assert len(fired) == 1 and 5.0 < fired[0] <= 7.0  # a small rise: the smoothing takes a while


def test_baseline_off_fires_on_the_absolute_level_alone() -> None:
    config = replace(MECHANICS, weak_labels=ReactionConfig().weak_labels)  # baseline_s = 0
    engine = ReactionEngine(config)
    events = run(engine, clock(15.0), 3.0, lambda t: {"sad": 0.9, "neutral": 0.1})
    assert engine.baseline is None and not engine.learning
    assert next(t for t, e in events if e is Event.SWITCH_CAR) < 1.5


@pytest.mark.parametrize("changes", [{"weak_weight": 1.5}, {"baseline_margin": -0.1}, {"baseline_s": -1.0}])
def test_config_rejects_bad_weights_and_windows(changes: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        ReactionConfig(**changes)  # type: ignore[arg-type]
