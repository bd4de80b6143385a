"""Opening hours for "screen off outside opening hours": a span such as "08:00-20:00".

The setting names when the showroom is open; outside that span the kiosk lets the screen
sleep. A span may cross midnight ("18:00-02:00"). An empty text means always open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")


class HoursError(ValueError):
    """The text is not a span like 08:00-20:00."""


@dataclass(frozen=True)
class OpeningHours:
    opens: time
    closes: time

    @classmethod
    def parse(cls, text: str) -> OpeningHours | None:
        """None for "" (always open); HoursError names the text and the expected form."""
        if not text.strip():
            return None
        match = _SPAN.match(text)
        if not match:
            raise HoursError(f"opening hours {text!r}: expected a span like 08:00-20:00")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise HoursError(f"opening hours {text!r}: hours are 00-23, minutes 00-59")
        if (h1, m1) == (h2, m2):
            raise HoursError(f"opening hours {text!r}: opening and closing times are the same")
        return cls(time(h1, m1), time(h2, m2))

    def is_open(self, now: datetime) -> bool:
        t = now.time()
        if self.opens < self.closes:
            return self.opens <= t < self.closes
        return t >= self.opens or t < self.closes  # across midnight

    def __str__(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"
