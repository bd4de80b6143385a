"""The kiosk's current problems: one list behind every operator channel. Pure Python, no Qt.

Whatever goes wrong (the camera, the model, the catalogue, the music, the reaction database,
the fleet sync, the disk, the health port) is reported here by its code, and cleared here when
its cause goes. The operator's channels all read this one list: the log (each change is one
`event problem` or `event problem_cleared` line), `/health` (a degrading problem makes it
"degraded", with the codes as its machine-readable `reasons`), `/metrics` (`kiosk_problem`),
the discreet indicator on the showroom and the Status page of the settings dialog, which says
each problem in the kiosk's language with what to do (kiosk.ui.operator.problem_text). Visitors see none
of it.

`PROBLEMS` declares every code once: whether it degrades `/health`, and whether it is a notice
(a past event worth knowing, such as a database recreated after it was deleted, which clears
itself after `NOTICE_S`) rather than a state that lasts as long as its cause.

Thread-safe: reports come from the GUI thread, reads also from the health server's thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

__all__ = ["NOTICE_S", "PROBLEMS", "Problem", "ProblemBoard", "ProblemKind"]

log = logging.getLogger(__name__)

NOTICE_S: Final = 24 * 3600.0  # a notice stays this long on the Status page and in /health


@dataclass(frozen=True)
class ProblemKind:
    degrades: bool  # /health says "degraded" (HTTP 503) while a problem of this kind lasts
    notice: bool = False  # a past event: expires after NOTICE_S instead of clearing with a cause


PROBLEMS: Final[Mapping[str, ProblemKind]] = MappingProxyType(
    {
        "setup_pending": ProblemKind(degrades=True),  # no operator PIN yet: the set-up screen shows
        "demo_mode": ProblemKind(degrades=True),  # a camera is configured, but the demo clip plays
        "no_camera": ProblemKind(degrades=True),  # no camera and no demo clip: nothing to analyse
        "camera_lost": ProblemKind(degrades=True),  # the camera stopped delivering (reconnecting)
        "video_failed": ProblemKind(degrades=True),  # the --video file cannot be played
        "model_unavailable": ProblemKind(degrades=True),  # no expression model or face detector
        "analysis_failing": ProblemKind(degrades=True),  # frames fail to be analysed, or none come
        "records_off": ProblemKind(degrades=True),  # reactions are not being written to the database
        "disk_full": ProblemKind(degrades=True),  # the data folder's disk is (nearly) full
        "data_folder": ProblemKind(degrades=True),  # the data folder cannot be written
        "fleet_sync_failing": ProblemKind(degrades=True),  # the central store has failed for too long
        "fleet_clash": ProblemKind(degrades=False),  # another kiosk uses this name (or this id)
        "settings_unsaved": ProblemKind(degrades=False),  # the settings file cannot be written
        "settings_invalid": ProblemKind(degrades=False, notice=True),  # values replaced by defaults
        "catalog": ProblemKind(degrades=False),  # a car of the catalogue cannot be shown as meant
        "music": ProblemKind(degrades=False),  # the uplifting music cannot be played
        "health_port": ProblemKind(degrades=False),  # /health and /metrics cannot be served
        "pin_damaged": ProblemKind(degrades=False),  # the stored PIN hash cannot match any PIN
        "screen_keeper": ProblemKind(degrades=False),  # nothing keeps the screen from blanking
        "records_recreated": ProblemKind(degrades=False, notice=True),  # deleted while running
        "records_set_aside": ProblemKind(degrades=False, notice=True),  # a corrupt file was moved
    }
)


@dataclass(frozen=True)
class Problem:
    """One current problem. `detail` is English (the log, /health, and the Status page's
    details); `facts` are the values the Status page words it with in the kiosk's language."""

    code: str
    detail: str
    since: float  # wall clock (time.time()) when it began
    key: str = ""  # tells apart several problems of one code (each catalogue problem)
    facts: Mapping[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> ProblemKind:
        return PROBLEMS[self.code]

    @property
    def degrades(self) -> bool:
        return self.kind.degrades

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "detail": self.detail,
            "since": round(self.since, 3),
            "degrades": self.degrades,
        }


class ProblemBoard:
    """The current problems, keyed by (code, key). `version` rises with every change."""

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._problems: dict[tuple[str, str], Problem] = {}
        self.version = 0

    def report(
        self, code: str, detail: str, *, key: str = "", facts: Mapping[str, str] | None = None
    ) -> bool:
        """The problem holds now; True when it is new or its detail changed (then it is logged).
        A problem that goes on keeps the time it began."""
        if code not in PROBLEMS:
            raise ValueError(f"unknown problem code {code!r}; declare it in PROBLEMS")
        facts = dict(facts or {})
        with self._lock:
            old = self._problems.get((code, key))
            if old is not None and old.detail == detail and old.facts == facts:
                return False
            since = old.since if old is not None and not PROBLEMS[code].notice else self._clock()
            self._problems[(code, key)] = Problem(code, detail, since, key, facts)
            self.version += 1
        log.warning("event problem code=%s%s %s", code, f" key={key}" if key else "", detail)
        return True

    def clear(self, code: str, *, key: str | None = None) -> bool:
        """The problem's cause is gone (every problem of `code` when `key` is None); True when
        something was cleared (then it is logged)."""
        with self._lock:
            gone = [k for k in self._problems if k[0] == code and (key is None or k[1] == key)]
            for k in gone:
                del self._problems[k]
            if gone:
                self.version += 1
        for _code, gone_key in gone:
            log.info("event problem_cleared code=%s%s", code, f" key={gone_key}" if gone_key else "")
        return bool(gone)

    def set_all(self, code: str, problems: Iterable[tuple[str, str]]) -> None:
        """Exactly these (key, detail) problems of `code` hold now; the others of it clear."""
        wanted = dict(problems)
        with self._lock:
            current = {k[1] for k in self._problems if k[0] == code}
        for key in current - set(wanted):
            self.clear(code, key=key)
        for key, detail in wanted.items():
            self.report(code, detail, key=key)

    def set(self, code: str, detail: str | None, **kwargs: object) -> None:
        """report() when `detail` is a problem, clear() when it is None or ""."""
        if detail:
            self.report(code, detail, **kwargs)  # type: ignore[arg-type]
        else:
            self.clear(code)

    def current(self) -> tuple[Problem, ...]:
        """Every problem that holds now, the degrading ones first, then by when they began;
        notices older than NOTICE_S are dropped here."""
        now = self._clock()
        with self._lock:
            expired = [k for k, p in self._problems.items() if p.kind.notice and now - p.since > NOTICE_S]
            for k in expired:
                del self._problems[k]
            if expired:
                self.version += 1
            problems = list(self._problems.values())
        return tuple(sorted(problems, key=lambda p: (not p.degrades, p.since, p.code, p.key)))

    def has(self, code: str) -> bool:
        with self._lock:
            return any(k[0] == code for k in self._problems)
