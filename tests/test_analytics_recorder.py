"""ExposureRecorder: scripted event sequences in, exposures (and per-car figures) out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.analytics import Exposure, ExposureRecorder, ReactionStore
from kiosk.analytics.records import CarChange

START = datetime(2025, 3, 10, 12, 0).astimezone()

HAPPY = {"happy": 0.8, "neutral": 0.2}
SAD = {"sad": 0.6, "angry": 0.2, "neutral": 0.2}
CALM = {"neutral": 1.0}


class FakeClock:
    """Wall clock for the stored timestamps, moved by the test."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


class ListSink:
    def __init__(self) -> None:
        self.exposures: list[Exposure] = []

    def record(self, exposure: Exposure) -> bool:
        self.exposures.append(exposure)
        return True


@pytest.fixture
def sink() -> ListSink:
    return ListSink()


@pytest.fixture
def recorder(sink: ListSink) -> ExposureRecorder:
    return ExposureRecorder(sink, now=FakeClock())


def frames(
    recorder: ExposureRecorder,
    start: float,
    end: float,
    probs: dict[str, float] | None,
    negative: float | None,
) -> None:
    """Analysed frames every 0.5 s from start (inclusive) to end (exclusive)."""
    t = start
    while t < end - 1e-9:
        recorder.observe(t, probs, negative)
        t += 0.5


def test_scripted_exposure(sink: ListSink) -> None:
    clock = FakeClock()
    recorder = ExposureRecorder(sink, now=clock)
    recorder.car_shown("suv", 100.0)
    frames(recorder, 100.0, 104.0, HAPPY, 0.0)  # 4 s happy
    frames(recorder, 104.0, 106.0, None, None)  # 2 s nobody: not visitor time
    frames(recorder, 106.0, 108.0, SAD, 0.7)  # 2 s sad, peak 0.7
    clock.now = START + timedelta(seconds=8)
    exposure = recorder.car_ended(108.0, CarChange.NEGATIVE)

    assert sink.exposures == [exposure]
    assert exposure is not None
    assert (exposure.car_id, exposure.started_at, exposure.ended_at) == ("suv", START, clock.now)
    assert exposure.visitor_seconds == pytest.approx(6.0)
    assert exposure.mean_probs is not None
    assert exposure.mean_probs["happy"] == pytest.approx(4 * 0.8 / 6)
    assert exposure.mean_probs["sad"] == pytest.approx(2 * 0.6 / 6)
    assert exposure.mean_probs["neutral"] == pytest.approx((4 * 0.2 + 2 * 0.2) / 6)
    assert exposure.mean_probs["fear"] == 0.0
    assert exposure.peak_negative == pytest.approx(0.7)
    assert exposure.ended_by_negative is True
    assert (exposure.audio_played, exposure.uplift_success) == (False, None)
    assert recorder.current_car is None


def test_gaps_count_at_most_max_gap(sink: ListSink) -> None:
    recorder = ExposureRecorder(sink, now=FakeClock(), max_gap_s=2.0)
    recorder.car_shown("suv", 0.0)
    recorder.observe(0.0, HAPPY, 0.0)
    recorder.observe(30.0, HAPPY, 0.0)  # the pipeline stalled for 30 s
    exposure = recorder.car_ended(30.5, CarChange.ROTATION)
    assert exposure is not None
    assert exposure.visitor_seconds == pytest.approx(2.0 + 0.5)


def test_no_visitor_gives_an_exposure_without_means(recorder: ExposureRecorder) -> None:
    recorder.car_shown("van", 0.0)
    frames(recorder, 0.0, 10.0, None, None)
    exposure = recorder.car_ended(10.0, "rotation")
    assert exposure is not None
    assert (exposure.visitor_seconds, exposure.mean_probs, exposure.peak_negative) == (0.0, None, None)
    assert exposure.ended_by_negative is False


def uplift_case(recorder: ExposureRecorder, after: float | None, end: float = 20.0) -> Exposure:
    """Visitor at 0.6 when the audio starts at t=5; `after`: their score from t=6 on (None: gone)."""
    recorder.car_shown("suv", 0.0)
    frames(recorder, 0.0, 5.5, SAD, 0.6)
    recorder.audio_played(5.0)
    frames(recorder, 6.0, end, None if after is None else CALM, after)
    exposure = recorder.car_ended(end, "manual")
    assert exposure is not None and exposure.audio_played
    return exposure


def test_uplift_succeeds_when_score_is_lower_10_s_after(recorder: ExposureRecorder) -> None:
    assert uplift_case(recorder, after=0.3).uplift_success is True


def test_uplift_fails_when_score_is_not_lower(recorder: ExposureRecorder) -> None:
    assert uplift_case(recorder, after=0.6).uplift_success is False


def test_uplift_fails_when_visitor_left(recorder: ExposureRecorder) -> None:
    assert uplift_case(recorder, after=None).uplift_success is False


def test_uplift_fails_when_exposure_ends_within_10_s(recorder: ExposureRecorder) -> None:
    assert uplift_case(recorder, after=0.1, end=14.0).uplift_success is False


def test_uplift_judges_the_score_at_10_s_not_later(recorder: ExposureRecorder) -> None:
    recorder.car_shown("suv", 0.0)
    recorder.observe(0.0, SAD, 0.6)
    recorder.audio_played(0.0)
    recorder.observe(9.9, SAD, 0.2)  # better, but before 10 s
    recorder.observe(10.0, SAD, 0.7)  # at 10 s: worse
    recorder.observe(12.0, SAD, 0.1)  # later improvement does not count
    exposure = recorder.car_ended(13.0, "rotation")
    assert exposure is not None and exposure.uplift_success is False


def test_only_the_first_audio_play_is_judged(recorder: ExposureRecorder) -> None:
    recorder.car_shown("suv", 0.0)
    recorder.observe(0.0, SAD, 0.6)
    recorder.audio_played(0.0)
    recorder.observe(5.0, SAD, 0.9)
    recorder.audio_played(5.0)  # baseline 0.9 would make 0.7 a success; it is ignored
    recorder.observe(10.0, SAD, 0.7)
    exposure = recorder.car_ended(16.0, "rotation")
    assert exposure is not None and exposure.uplift_success is False


def test_audio_without_a_visitor_score_is_a_failure(recorder: ExposureRecorder) -> None:
    recorder.car_shown("suv", 0.0)
    recorder.audio_played(0.0)
    frames(recorder, 0.0, 12.0, CALM, 0.0)
    exposure = recorder.car_ended(12.0, "rotation")
    assert exposure is not None and exposure.uplift_success is False


def test_car_shown_closes_the_open_exposure_as_rotation(recorder: ExposureRecorder, sink: ListSink) -> None:
    recorder.car_shown("suv", 0.0)
    recorder.car_shown("van", 5.0)
    assert [e.car_id for e in sink.exposures] == ["suv"]
    assert sink.exposures[0].ended_by_negative is False
    assert recorder.current_car == "van"
    recorder.close(9.0)
    assert [e.car_id for e in sink.exposures] == ["suv", "van"]
    recorder.close(10.0)  # nothing open: nothing recorded
    assert len(sink.exposures) == 2


def test_events_without_a_car_are_ignored(recorder: ExposureRecorder, sink: ListSink) -> None:
    recorder.observe(0.0, HAPPY, 0.1)
    recorder.audio_played(0.5)
    assert recorder.car_ended(1.0, "negative") is None
    assert sink.exposures == []


def test_bad_reason_and_bad_car_id_are_refused(recorder: ExposureRecorder) -> None:
    recorder.car_shown("suv", 0.0)
    with pytest.raises(ValueError, match="reason"):
        recorder.car_ended(1.0, "bored")
    with pytest.raises(ValueError, match="car_id"):
        recorder.car_shown("", 2.0)


def test_time_stepping_back_never_gives_negative_seconds(recorder: ExposureRecorder) -> None:
    recorder.car_shown("demo", 50.0)
    recorder.observe(50.0, HAPPY, 0.0)
    recorder.observe(51.0, HAPPY, 0.0)
    recorder.observe(0.0, HAPPY, 0.0)  # the demo clip looped: its timestamps restart
    recorder.observe(1.0, HAPPY, 0.0)
    exposure = recorder.car_ended(1.0, "rotation")
    assert exposure is not None
    assert exposure.visitor_seconds == pytest.approx(2.0)


def test_unknown_labels_are_ignored_and_nan_frames_count_as_no_visitor(recorder: ExposureRecorder) -> None:
    recorder.car_shown("suv", 0.0)
    recorder.observe(0.0, {"happy": 0.5, "contempt": 0.5}, 0.0)
    recorder.observe(1.0, {"happy": float("nan")}, float("nan"))
    exposure = recorder.car_ended(2.0, "rotation")
    assert exposure is not None and exposure.mean_probs is not None
    assert exposure.visitor_seconds == pytest.approx(1.0)
    assert exposure.mean_probs["happy"] == pytest.approx(0.5)
    assert "contempt" not in exposure.mean_probs


# -- from events to per-car figures, through the real store ---------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReactionStore]:
    with ReactionStore.open(tmp_path / "reactions.sqlite3", now=lambda: START) as opened:
        yield opened


def test_scripted_day_aggregates_per_car(store: ReactionStore) -> None:
    recorder = ExposureRecorder(store, now=lambda: START)
    recorder.car_shown("suv", 0.0)  # 10 s happy, rotates on
    frames(recorder, 0.0, 10.0, HAPPY, 0.0)
    recorder.car_shown("van", 10.0)  # 5 s sad, audio helps, then a negative switch
    frames(recorder, 10.0, 15.0, SAD, 0.7)
    recorder.audio_played(15.0)
    frames(recorder, 15.0, 25.0, SAD, 0.8)
    recorder.observe(25.0, SAD, 0.4)
    recorder.car_ended(25.5, "negative")
    recorder.car_shown("suv", 25.5)  # 30 s calm, nobody for 10 s, then shutdown
    frames(recorder, 25.5, 55.5, CALM, 0.0)
    frames(recorder, 55.5, 65.5, None, None)
    recorder.close(65.5)
    assert store.flush(timeout=10)

    suv, van = store.summary()
    assert (suv.exposures, suv.visitor_seconds) == (2, pytest.approx(40.0))
    assert suv.positive_share == pytest.approx(10 * 0.8 / 40)
    assert suv.negative_share == pytest.approx(0.0)
    assert suv.neutral_share == pytest.approx(1 - 0.2)
    assert (suv.negative_switches, suv.audio_plays, suv.uplift_success_rate) == (0, 0, None)
    assert (van.exposures, van.visitor_seconds) == (1, pytest.approx(15.5))
    assert van.negative_share == pytest.approx(0.8)
    assert (van.negative_switches, van.audio_plays, van.uplift_successes) == (1, 1, 1)
    assert van.uplift_success_rate == pytest.approx(1.0)
