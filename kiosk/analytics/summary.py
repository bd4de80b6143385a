"""Per-car figures (`CarSummary`) and their CSV and JSON forms.

The definitions of the shares and of uplift success are in `kiosk.analytics`'s docstring.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

CSV_COLUMNS: tuple[str, ...] = (
    "car_id",
    "exposures",
    "visitor_minutes",
    "positive_share",
    "negative_share",
    "neutral_share",
    "negative_switches",
    "audio_plays",
    "uplift_successes",
    "uplift_success_rate",
)


@dataclass(frozen=True)
class CarSummary:
    """Totals for one car; the shares and rates are derived, None where undefined."""

    car_id: str
    exposures: int
    visitor_seconds: float
    positive_seconds: float  # sum of visitor_seconds * (p_happy + p_surprise)
    negative_seconds: float  # sum of visitor_seconds * (p_angry + p_disgust + p_fear + p_sad)
    negative_switches: int
    audio_plays: int
    uplift_successes: int

    @property
    def visitor_minutes(self) -> float:
        return self.visitor_seconds / 60.0

    @property
    def positive_share(self) -> float | None:
        return _ratio(self.positive_seconds, self.visitor_seconds)

    @property
    def negative_share(self) -> float | None:
        return _ratio(self.negative_seconds, self.visitor_seconds)

    @property
    def neutral_share(self) -> float | None:
        positive, negative = self.positive_share, self.negative_share
        if positive is None or negative is None:
            return None
        return max(0.0, 1.0 - positive - negative)

    @property
    def uplift_success_rate(self) -> float | None:
        return _ratio(self.uplift_successes, self.audio_plays)

    def as_dict(self) -> dict[str, str | int | float | None]:
        """The CSV_COLUMNS, rounded for people (6 decimals keeps the shares exact enough)."""
        return {
            "car_id": self.car_id,
            "exposures": self.exposures,
            "visitor_minutes": _rounded(self.visitor_minutes),
            "positive_share": _rounded(self.positive_share),
            "negative_share": _rounded(self.negative_share),
            "neutral_share": _rounded(self.neutral_share),
            "negative_switches": self.negative_switches,
            "audio_plays": self.audio_plays,
            "uplift_successes": self.uplift_successes,
            "uplift_success_rate": _rounded(self.uplift_success_rate),
        }


# The sums kept per car, in the order the stores' queries select them (after the car id).
SUM_FIELDS: tuple[str, ...] = (
    "exposures",
    "visitor_seconds",
    "positive_seconds",
    "negative_seconds",
    "negative_switches",
    "audio_plays",
    "uplift_successes",
)
Sums = tuple[int, float, float, float, int, int, int]  # SUM_FIELDS' types


def sums_of(row: Sequence[Any]) -> Sums:
    """The SUM_FIELDS of a query row (in that order), typed: counts as int, seconds as float."""
    if len(row) != len(SUM_FIELDS):
        raise ValueError(f"expected {len(SUM_FIELDS)} sums ({', '.join(SUM_FIELDS)}), got {len(row)}")
    exposures, seconds, positive, negative, switches, plays, successes = row
    return (
        int(exposures),
        float(seconds),
        float(positive),
        float(negative),
        int(switches),
        int(plays),
        int(successes),
    )


def car_summary(car_id: object, sums: Sequence[Any]) -> CarSummary:
    """A CarSummary from a car id and its SUM_FIELDS, as a query returns them."""
    return CarSummary(str(car_id), *sums_of(sums))


def write_csv(summaries: Iterable[CarSummary], out: TextIO) -> None:
    """One header row (CSV_COLUMNS), one row per car; undefined values are empty cells."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for summary in summaries:
        writer.writerow({k: "" if v is None else v for k, v in summary.as_dict().items()})


def export_csv_to(target: str, write: Callable[[TextIO], None], done: str) -> bool:
    """Write a CSV to `target` ("-" is standard output); False, with the reason on stderr, when
    the file cannot be written. `done` is printed to stderr after a file was written."""
    if target == "-":
        write(sys.stdout)
        return True
    try:
        with open(target, "w", encoding="utf-8", newline="") as out:
            write(out)
    except OSError as exc:
        print(f"error: cannot write the CSV file {target}: {exc.strerror or exc}", file=sys.stderr)
        return False
    print(done, file=sys.stderr)
    return True


def to_json(summaries: Sequence[CarSummary]) -> str:
    """One JSON object keyed by car id; each value holds the other CSV_COLUMNS (null if undefined)."""
    data = {}
    for summary in summaries:
        row = summary.as_dict()
        del row["car_id"]
        data[summary.car_id] = row
    return json.dumps(data, indent=2, sort_keys=True)


def format_min_s(seconds: float) -> str:
    """A duration as people read it on a stopwatch, minutes:seconds: 0:07, 12:05, 75:00 (the
    visitor time of the Reactions page and of `report`)."""
    total = round(seconds)
    return f"{total // 60}:{total % 60:02d}"


def count_text(count: int, singular: str, plural: str) -> str:
    """An English count for the command line: "1 car", "3 cars", "0 cars". (The kiosk's window
    counts with Qt's numerus translations, each language by its own plural rules.)"""
    return f"{count} {singular if count == 1 else plural}"


def totals_text(summaries: Sequence[CarSummary]) -> str:
    """The command line's line of totals: "3 exposures of 2 cars, 2:30 (min:s) of visitor time"."""
    exposures = count_text(sum(s.exposures for s in summaries), "exposure", "exposures")
    cars = count_text(len(summaries), "car", "cars")
    seconds = sum(s.visitor_seconds for s in summaries)
    return f"{exposures} of {cars}, {format_min_s(seconds)} (min:s) of visitor time"


def format_percent(value: float | None, missing: str = "-") -> str:
    """A share as a whole percentage, e.g. "42%"; `missing` where it is undefined."""
    return missing if value is None else f"{value * 100:.0f}%"


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole > 0 else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 6)
