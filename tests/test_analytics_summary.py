"""The command line's words for counts and durations (kiosk.analytics.summary): English plurals
and the stopwatch form min:s that the Reactions page shows too."""

from __future__ import annotations

import pytest

from kiosk.analytics.summary import CarSummary, count_text, format_min_s, totals_text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.0, "0:00"), (7.2, "0:07"), (59.6, "1:00"), (125.0, "2:05"), (4500.0, "75:00")],
)
def test_visitor_time_is_minutes_and_seconds(seconds: float, text: str) -> None:
    assert format_min_s(seconds) == text


@pytest.mark.parametrize(("count", "text"), [(0, "0 cars"), (1, "1 car"), (2, "2 cars"), (21, "21 cars")])
def test_counts_take_the_english_singular_for_one_only(count: int, text: str) -> None:
    assert count_text(count, "car", "cars") == text


def car(car_id: str, exposures: int, seconds: float) -> CarSummary:
    return CarSummary(car_id, exposures, seconds, 0.0, 0.0, 0, 0, 0)


def test_totals_in_the_singular_and_the_plural() -> None:
    assert totals_text([car("suv", 1, 7.0)]) == "1 exposure of 1 car, 0:07 (min:s) of visitor time"
    two = [car("suv", 2, 60.0), car("van", 1, 30.0)]
    assert totals_text(two) == "3 exposures of 2 cars, 1:30 (min:s) of visitor time"
