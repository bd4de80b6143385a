"""What IT's monitoring sees: the kiosk's health and its Prometheus metrics. Pure Python, no Qt.

The kiosk (GUI thread) reports into a `HealthMonitor`: each analysed frame, each reaction
event, each change of the frame source and the model, the fleet sync's state, and, through
its `ProblemBoard` (kiosk.health.problems), every other problem it knows of. The HTTP server
(its own thread) reads a `snapshot()`; both sides only take a lock for a few assignments, so
neither can hold the other up. Time is passed in (`clock`, monotonic seconds; `wall_clock`,
for the times IT reads), so the rules are tested without sleeping.

Status rules (`HealthThresholds.stale_s` is N, `fleet_failing_s` is F):
    ok        no degrading problem (below)
    degraded  any degrading problem: those the kiosk reports on the board (setup pending,
              reaction records off, disk full, ...) and those derived here from time:
              demo_mode       a camera is configured but the demo clip plays instead
              no_camera       no frame source for more than N s
              camera_lost     the camera has not been live for more than N s
              video_failed    the --video file cannot be played
              model_unavailable  the expression model could not be loaded (or is still not
                                 loaded N s after the analysis started)
              analysis_failing   the analysis reports a fault, or no frame was analysed for
                                 N s while the source is live (after its first N s)
              fleet_sync_failing the central store has failed for more than F s (cause: auth,
                                 unreachable, schema, permission, server, local or config)
    down      the analysis has stopped (the kiosk is shutting down)
Both degraded and down are served with HTTP 503, so a plain HTTP check alerts on them; the
document's `reasons` lists the codes, `problems` each with its detail and start time.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Enum,
    Gauge,
    Histogram,
    Info,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from kiosk import __version__
from kiosk.health.problems import PROBLEMS, Problem, ProblemBoard

__all__ = [
    "CAMERA_STATES",
    "HealthMonitor",
    "HealthThresholds",
    "SyncState",
    "resident_memory_bytes",
]

# What /health's "camera" says: the camera's own state, or where frames come from instead.
CAMERA_STATES: Final = ("opening", "live", "reconnecting", "ended", "failed", "demo", "video", "none")
LATENCY_BUCKETS_S: Final = (0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5)
_DERIVED: Final = (
    "demo_mode",
    "no_camera",
    "camera_lost",
    "video_failed",
    "model_unavailable",
    "analysis_failing",
    "fleet_sync_failing",
)


@dataclass(frozen=True)
class HealthThresholds:
    """N and F of the status rules: how long the camera may be lost or the results stale, and
    how long the fleet sync may fail before it degrades the kiosk's health."""

    stale_s: float = 10.0
    fleet_failing_s: float = 300.0

    def __post_init__(self) -> None:
        if not self.stale_s > 0:
            raise ValueError(f"stale_s must be > 0 seconds, got {self.stale_s!r}")
        if not self.fleet_failing_s >= 0:
            raise ValueError(f"fleet_failing_s must be >= 0 seconds, got {self.fleet_failing_s!r}")


@dataclass(frozen=True)
class SyncState:
    """The fleet sync as /health and /metrics show it (times are wall-clock seconds)."""

    enabled: bool = False
    failing_since: float | None = None  # the first failure of the current run of failures
    cause: str = ""  # of the last failure: auth, unreachable, schema, permission, server, local, config
    detail: str = ""  # its message (never a password)
    last_success: float | None = None
    backlog: int = 0  # (car, hour) pairs queued locally, not yet in the central store
    failures: Mapping[str, int] = field(default_factory=dict)  # since start, by cause


def resident_memory_bytes() -> float:
    """The process's resident set now (Linux: /proc), or its peak elsewhere (getrusage)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return float(int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE"))
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return float(peak if sys.platform == "darwin" else peak * 1024)  # macOS: bytes, else KiB


class HealthMonitor:
    """Collects the kiosk's state for /health and its counters for /metrics; thread-safe.

    `running=False` starts it before the analysis (the kiosk's set-up screen): the rules about
    the camera and the results count from `analysis_started()`.
    """

    def __init__(
        self,
        thresholds: HealthThresholds = HealthThresholds(),
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
        self.registry = CollectorRegistry(auto_describe=True)
        self._build_metrics()

    # -- metrics ---------------------------------------------------------------------------

    def _build_metrics(self) -> None:
        registry = self.registry
        ProcessCollector(registry=registry)  # process_* (CPU, memory, file descriptors, start time)
        PlatformCollector(registry=registry)  # python_info
        GCCollector(registry=registry)  # python_gc_*
        self.info = Info("kiosk", "The kiosk's version and its model's", registry=registry)
        self.info.info({"version": self._version, "model_version": ""})
        self.frames = Counter("kiosk_frames_analysed", "Frames analysed", registry=registry)
        self.faces = Counter("kiosk_faces", "Faces found in analysed frames", registry=registry)
        self.events = Counter("kiosk_events", "Reaction events, by kind", ["kind"], registry=registry)
        self.reconnects = Counter(
            "kiosk_camera_reconnects", "Times the camera was lost and reconnecting", registry=registry
        )
        self.camera_state = Enum(
            "kiosk_camera_state",
            "Where frames come from: the camera's state, or demo, video or none",
            states=list(CAMERA_STATES),
            registry=registry,
        )
        self.camera_state.state("opening")
        self.latency = Histogram(
            "kiosk_analysis_latency_seconds",
            "Detection + classification + reaction time per frame",
            buckets=LATENCY_BUCKETS_S,
            registry=registry,
        )
        rss = Gauge("kiosk_resident_memory_bytes", "Resident memory of the kiosk process", registry=registry)
        rss.set_function(resident_memory_bytes)
        up = Gauge("kiosk_healthy", "1 when /health says ok, else 0", registry=registry)
        up.set_function(lambda: 1.0 if self.status() == "ok" else 0.0)
        registry.register(_StateCollector(self))

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
        self.frames.inc()
        self.faces.inc(max(0, faces))
        self.latency.observe(max(0.0, latency_s))
        for kind in events:
            self.events.labels(kind=kind).inc()

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
        self.camera_state.state(_camera_word(mode, state))
        if mode == "camera" and state == "reconnecting" and not was_reconnecting:
            self.reconnects.inc()

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
        self.info.info({"version": self._version, "model_version": version or ""})

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
        for code in _DERIVED:
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
        board = [p for p in self.problems.current() if p.code not in _DERIVED]
        for problem in self.problems.current():
            if problem.code in derived:  # keep the time it began, as the board has it
                derived[problem.code] = Problem(
                    problem.code, derived[problem.code].detail, problem.since, facts=problem.facts
                )
        return tuple(board) + tuple(derived.values())

    def snapshot(self) -> dict[str, Any]:
        """The /health document (see the module docstring for the status rules)."""
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
                "camera": _camera_word(self._mode, self._state),
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
        return generate_latest(self.registry)

    # -- the derived rules ----------------------------------------------------------------

    def _derived(self) -> list[Problem]:
        now, wall = self._clock(), self._wall()
        with self._lock:
            found = self._source_problems(now) if self._analysing else []
            loading = not self._model_problem and now - self._started <= self.thresholds.stale_s
            if not self._model_loaded and self._analysing and not loading:
                why = self._model_problem or "the expression model is not loaded"
                found.append(("model_unavailable", why, {}))
            found += self._analysis_problems(now)
            found += self._sync_problems(wall)
        return [Problem(code, detail, wall, facts=facts) for code, detail, facts in found]

    def _source_problems(self, now: float) -> list[tuple[str, str, dict[str, str]]]:
        stale_s, mode, state = self.thresholds.stale_s, self._mode, self._state
        lasting = now - self._source_since > stale_s
        if mode == "demo" and self._camera_configured:
            return [("demo_mode", "no camera could be opened: playing the demo clip", {})]
        if mode == "none" and lasting:
            return [("no_camera", f"no camera found and no demo clip, for more than {stale_s:g} s", {})]
        if mode == "camera" and state != "live" and lasting:
            return [("camera_lost", f"the camera has been {state} for more than {stale_s:g} s", {})]
        if mode == "video" and state in ("failed", "ended"):
            return [("video_failed", f"the video file has {state}", {})]
        return []

    def _analysis_problems(self, now: float) -> list[tuple[str, str, dict[str, str]]]:
        if self._fault:
            return [("analysis_failing", self._fault, {})]
        if not self._analysing or self._state != "live":
            return []  # no frames without a source: the source's own problem says why
        stale_s = self.thresholds.stale_s
        since = max(self._last_result or self._started, self._source_since)
        if now - since > stale_s:
            return [("analysis_failing", f"no frame analysed for more than {stale_s:g} s", {})]
        return []

    def _sync_problems(self, wall: float) -> list[tuple[str, str, dict[str, str]]]:
        sync = self._sync
        if not sync.enabled or sync.failing_since is None:
            return []
        failing_s = wall - sync.failing_since
        if sync.cause != "config" and failing_s <= self.thresholds.fleet_failing_s:
            return []
        detail = f"{sync.cause}: {sync.detail}" if sync.cause else sync.detail
        return [("fleet_sync_failing", detail, {"cause": sync.cause})]


def _camera_word(mode: str, state: str) -> str:
    return state if mode == "camera" else mode


def _sync_document(sync: SyncState) -> dict[str, Any]:
    return {
        "failing_since": sync.failing_since,
        "cause": sync.cause or None,
        "last_success": sync.last_success,
        "backlog": sync.backlog,
    }


class _StateCollector:
    """The metrics read from the monitor's state at scrape time: problems, faces, the fleet."""

    def __init__(self, monitor: HealthMonitor) -> None:
        self._monitor = monitor

    def collect(self) -> Iterator[Metric]:
        monitor = self._monitor
        problems = GaugeMetricFamily("kiosk_problem", "1 for each current problem, by code", labels=["code"])
        current = {p.code for p in monitor.current_problems()}
        for code in PROBLEMS:
            problems.add_metric([code], 1.0 if code in current else 0.0)
        yield problems
        with monitor._lock:
            last_face, sync = monitor._last_face, monitor._sync
            pending, dropped = monitor._records
            disk = monitor._disk_free
        yield _gauge(
            "kiosk_last_face_timestamp_seconds", "When a face was last seen (0: never)", last_face or 0
        )
        yield _gauge("kiosk_records_pending", "Exposures waiting in memory for the database", pending)
        yield _counter("kiosk_records_dropped", "Exposures lost for good (memory bound)", dropped)
        if disk is not None:
            yield _gauge("kiosk_data_disk_free_bytes", "Free space on the data folder's disk", disk)
        yield from _sync_metrics(sync)


def _sync_metrics(sync: SyncState) -> Iterator[Metric]:
    yield _gauge("kiosk_fleet_enabled", "1 when the fleet sync is on", 1.0 if sync.enabled else 0.0)
    if not sync.enabled:
        return
    yield _gauge("kiosk_fleet_backlog", "(car, hour) pairs queued for the central store", sync.backlog)
    yield _gauge(
        "kiosk_fleet_last_success_timestamp_seconds",
        "When the central store last took a push (0: never)",
        sync.last_success or 0,
    )
    yield _gauge(
        "kiosk_fleet_failing", "1 while pushes to the central store fail", 1.0 if sync.failing_since else 0
    )
    failures = CounterMetricFamily("kiosk_fleet_sync_failures", "Failed pushes, by cause", labels=["cause"])
    for cause, count in sorted(sync.failures.items()):
        failures.add_metric([cause], float(count))
    yield failures


def _gauge(name: str, text: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, text, value=float(value))


def _counter(name: str, text: str, value: float) -> CounterMetricFamily:
    return CounterMetricFamily(name, text, value=float(value))
