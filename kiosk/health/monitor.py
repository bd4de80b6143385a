"""What IT's monitoring sees: the kiosk's health and its Prometheus metrics. Pure Python, no Qt.

The kiosk (GUI thread) reports into a `HealthMonitor`: each analysed frame, each reaction
event, each change of the frame source and the model, the fleet sync's state, and, through
its `ProblemBoard` (kiosk.health.problems), every other problem it knows of. The HTTP server
(its own thread) reads a `snapshot()`; both sides only take a lock for a few assignments, so
neither can hold the other up. Time is passed in (`clock`, monotonic seconds; `wall_clock`,
for the times IT reads), so the rules are tested without sleeping.

The status rules (ok, degraded, down, and the problems derived from time) are in
kiosk.health.rules; the metrics' registry in kiosk.health.metrics.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, Final

from kiosk import __version__
from kiosk.health.metrics import KioskMetrics, Scrape
from kiosk.health.problems import Problem, ProblemBoard
from kiosk.health.rules import (
    DERIVED_CODES,
    HealthThresholds,
    Observed,
    SyncState,
    camera_word,
    derived_problems,
)

__all__ = [
    "HealthMonitor",
]

_DEFAULT_THRESHOLDS: Final = HealthThresholds()


class HealthMonitor:
    """Collects the kiosk's state for /health and its counters for /metrics; thread-safe.

    `running=False` starts it before the analysis (the kiosk's set-up screen): the rules about
    the camera and the results count from `analysis_started()`.
    """

    def __init__(
        self,
        thresholds: HealthThresholds = _DEFAULT_THRESHOLDS,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        version: str = __version__,
        problems: ProblemBoard | None = None,
        running: bool = True,
    ) -> None:
        self.thresholds = thresholds
        self.problems = problems if problems is not None else ProblemBoard(clock=wall_clock)
        self._clock = clock
        self._wall = wall_clock
        self._version = version
        self._lock = threading.Lock()
        self._started = clock()
        self._analysing = running
        self._mode, self._state = "camera", "opening"
        self._camera_configured = True
        self._source_since = self._started  # when the source entered its current mode and state
        self._model_loaded = False
        self._model: dict[str, Any] = {"version": None, "labels": []}
        self._model_problem = ""
        self._fault: str | None = None
        self._last_result: float | None = None
        self._last_face: float | None = None  # wall clock
        self._frame_times: list[float] = []  # the last second's analysed frames, for fps
        self._sync = SyncState()
        self._records = (0, 0)  # exposures pending in memory, dropped for good
        self._disk_free: float | None = None
        self._identity = {"id": "", "name": ""}  # this kiosk in the fleet
        self._running = True
        self.metrics = KioskMetrics(version, healthy=lambda: self.status() == "ok", scrape=self._scrape)

    # -- reports from the kiosk -----------------------------------------------------------

    def frame_analysed(self, latency_s: float, faces: int, events: Iterable[str] = ()) -> None:
        """One analysed frame: its analysis time, its faces and its reaction events."""
        now = self._clock()
        with self._lock:
            self._last_result = now
            if faces > 0:
                self._last_face = self._wall()
            self._frame_times.append(now)
            if len(self._frame_times) > 256 or self._frame_times[0] < now - 1.0:
                self._frame_times = [t for t in self._frame_times[-256:] if t >= now - 1.0]
        metrics = self.metrics
        metrics.frames.inc()
        metrics.faces.inc(max(0, faces))
        metrics.latency.observe(max(0.0, latency_s))
        for kind in events:
            metrics.events.labels(kind=kind).inc()

    def source_changed(self, mode: str, state: str, *, camera_configured: bool = True) -> None:
        """Where frames come from (`mode`: camera, video, demo, none) and the source's state (a
        SourceState value); a camera entering 'reconnecting' counts a reconnect."""
        now = self._clock()
        with self._lock:
            self._camera_configured = camera_configured
            if (mode, state) == (self._mode, self._state):
                return
            was_reconnecting = self._mode == "camera" and self._state == "reconnecting"
            self._mode, self._state, self._source_since = mode, state, now
        self.metrics.camera_state.state(camera_word(mode, state))
        if mode == "camera" and state == "reconnecting" and not was_reconnecting:
            self.metrics.reconnects.inc()

    def camera_changed(self, state: str) -> None:
        """The camera's state (a SourceState value): `source_changed("camera", state)`."""
        self.source_changed("camera", state)

    def model_changed(
        self, loaded: bool, version: str | None = None, labels: Iterable[str] = (), problem: str = ""
    ) -> None:
        """The model's state; `problem` says why it is not loaded (English, names the file)."""
        with self._lock:
            self._model_loaded = loaded
            self._model = {"version": version, "labels": list(labels)}
            self._model_problem = problem
        self.metrics.model_changed(version)

    def analysis_fault(self, fault: str | None) -> None:
        """The analysis keeps failing (kiosk.vision.pipeline's `fault`), or None again."""
        with self._lock:
            self._fault = fault

    def sync_changed(self, state: SyncState) -> None:
        with self._lock:
            self._sync = state

    def records_changed(self, pending: int, dropped: int) -> None:
        """Exposures held in memory (the database unavailable) and lost for good."""
        with self._lock:
            self._records = (pending, dropped)

    def disk_checked(self, free_bytes: float | None) -> None:
        with self._lock:
            self._disk_free = free_bytes

    def identity_changed(self, kiosk_id: str, name: str) -> None:
        """This kiosk's id (made once, kept in its data folder) and its name in the fleet."""
        with self._lock:
            self._identity = {"id": kiosk_id, "name": name}

    def analysis_started(self) -> None:
        """The analysis runs from now: the rules about frames and the camera count from here."""
        with self._lock:
            self._analysing = True
            self._started = self._source_since = self._clock()

    def analysis_stopped(self) -> None:
        """The kiosk is shutting down: /health says down from now on."""
        with self._lock:
            self._running = False

    def evaluate(self) -> None:
        """Put the problems derived from time and state on the board (and clear the gone ones),
        so the log and the Status page see them as /health does. Called by the kiosk's tick."""
        derived = {p.code: p for p in self._derived()}
        for code in DERIVED_CODES:
            problem = derived.get(code)
            if problem is None:
                self.problems.clear(code)
            else:
                self.problems.report(code, problem.detail, facts=problem.facts)

    # -- reads from the server ------------------------------------------------------------

    def status(self) -> str:
        return self.snapshot()["status"]

    def current_problems(self) -> tuple[Problem, ...]:
        """The board's problems, with the derived ones as they are at this very moment."""
        derived = {p.code: p for p in self._derived()}
        board = [p for p in self.problems.current() if p.code not in DERIVED_CODES]
        for problem in self.problems.current():
            if problem.code in derived:  # keep the time it began, as the board has it
                derived[problem.code] = Problem(
                    problem.code, derived[problem.code].detail, problem.since, facts=problem.facts
                )
        return tuple(board) + tuple(derived.values())

    def snapshot(self) -> dict[str, Any]:
        """The /health document (the status rules are in kiosk.health.rules)."""
        problems = self.current_problems()
        now = self._clock()
        with self._lock:
            recent = [t for t in self._frame_times if t >= now - 1.0]
            age = None if self._last_result is None else now - self._last_result
            reasons = sorted({p.code for p in problems if p.degrades})
            status = "down" if not self._running else ("degraded" if reasons else "ok")
            sync = self._sync
            return {
                "status": status,
                "reasons": reasons,
                "problems": [p.as_json() for p in problems],
                "camera": camera_word(self._mode, self._state),
                "source": {"mode": self._mode, "state": self._state},
                "fps": float(len(recent)),
                "model": dict(self._model, loaded=self._model_loaded),
                "last_result_age_s": None if age is None else round(age, 3),
                "last_face_at": self._last_face,
                "records": {"pending": self._records[0], "dropped": self._records[1]},
                "fleet": _sync_document(sync) if sync.enabled else None,
                "uptime_s": round(now - self._started, 3),
                "version": self._version,
                "kiosk": dict(self._identity),
            }

    def metrics_text(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return self.metrics.text()

    # -- what the rules and the metrics read ------------------------------------------------

    def _derived(self) -> list[Problem]:
        now, wall = self._clock(), self._wall()
        with self._lock:
            seen = Observed(
                analysing=self._analysing,
                started=self._started,
                mode=self._mode,
                state=self._state,
                source_since=self._source_since,
                camera_configured=self._camera_configured,
                model_loaded=self._model_loaded,
                model_problem=self._model_problem,
                fault=self._fault,
                last_result=self._last_result,
                sync=self._sync,
            )
        return derived_problems(seen, self.thresholds, now, wall)

    def _scrape(self) -> Scrape:
        problems = frozenset(p.code for p in self.current_problems())
        with self._lock:
            pending, dropped = self._records
            return Scrape(problems, self._last_face, pending, dropped, self._disk_free, self._sync)


def _sync_document(sync: SyncState) -> dict[str, Any]:
    return {
        "failing_since": sync.failing_since,
        "cause": sync.cause or None,
        "last_success": sync.last_success,
        "backlog": sync.backlog,
    }
