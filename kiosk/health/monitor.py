"""What IT's monitoring sees: the kiosk's health and its Prometheus metrics. Pure Python, no Qt.

The kiosk (GUI thread) reports into a `HealthMonitor`: each analysed frame, each reaction
event, each change of the camera's state and the model. The HTTP server (its own thread)
reads a `snapshot()`; both sides only take a lock for a few assignments, so neither can hold
the other up. Time is passed in (`clock`, monotonic seconds), so the rules are tested
without sleeping.

Status rules (`HealthThresholds.stale_s` is N):
    ok        a model is loaded, the camera (or video) is live, a frame was analysed within N s
    degraded  the model is not loaded, or the camera has been lost (not live) for more than N s,
              or no frame has been analysed for N s (after the first N s of start-up)
    down      the analysis has stopped (the kiosk is shutting down)
Both degraded and down are served with HTTP 503, so a plain HTTP check alerts on them.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from kiosk import __version__

__all__ = ["LIVE_STATES", "HealthMonitor", "HealthThresholds", "resident_memory_bytes"]

LIVE_STATES: Final = frozenset({"live"})  # kiosk.vision.source.SourceState values that count as seeing
LATENCY_BUCKETS_S: Final = (0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5)


@dataclass(frozen=True)
class HealthThresholds:
    """N of the status rules: how long the camera may be lost or the results stale."""

    stale_s: float = 10.0

    def __post_init__(self) -> None:
        if not self.stale_s > 0:
            raise ValueError(f"stale_s must be > 0 seconds, got {self.stale_s!r}")


def resident_memory_bytes() -> float:
    """The process's resident set now (Linux: /proc), or its peak elsewhere (getrusage)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return float(int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE"))
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return float(peak if sys.platform == "darwin" else peak * 1024)  # macOS: bytes, else KiB


class HealthMonitor:
    """Collects the kiosk's state for /health and its counters for /metrics; thread-safe."""

    def __init__(
        self,
        thresholds: HealthThresholds = HealthThresholds(),
        *,
        clock: Callable[[], float] = time.monotonic,
        version: str = __version__,
    ) -> None:
        self.thresholds = thresholds
        self._clock = clock
        self._version = version
        self._lock = threading.Lock()
        self._started = clock()
        self._camera = "opening"
        self._camera_since = self._started  # when the camera entered its current state
        self._model_loaded = False
        self._model: dict[str, Any] = {"version": None, "labels": []}
        self._last_result: float | None = None
        self._frame_times: list[float] = []  # the last second's analysed frames, for fps
        self._running = True
        self.registry = CollectorRegistry(auto_describe=True)
        self._build_metrics()

    def _build_metrics(self) -> None:
        registry = self.registry
        self.frames = Counter("kiosk_frames_analysed", "Frames analysed", registry=registry)
        self.faces = Counter("kiosk_faces", "Faces found in analysed frames", registry=registry)
        self.events = Counter("kiosk_events", "Reaction events, by kind", ["kind"], registry=registry)
        self.reconnects = Counter(
            "kiosk_camera_reconnects", "Times the camera was lost and reconnecting", registry=registry
        )
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

    # -- reports from the kiosk -----------------------------------------------------------

    def frame_analysed(self, latency_s: float, faces: int, events: Iterable[str] = ()) -> None:
        """One analysed frame: its analysis time, its faces and its reaction events."""
        now = self._clock()
        with self._lock:
            self._last_result = now
            self._frame_times.append(now)
            if len(self._frame_times) > 256 or self._frame_times[0] < now - 1.0:
                self._frame_times = [t for t in self._frame_times[-256:] if t >= now - 1.0]
        self.frames.inc()
        self.faces.inc(max(0, faces))
        self.latency.observe(max(0.0, latency_s))
        for kind in events:
            self.events.labels(kind=kind).inc()

    def camera_changed(self, state: str) -> None:
        """The source's state (a SourceState value); entering 'reconnecting' counts a reconnect."""
        now = self._clock()
        with self._lock:
            if state == self._camera:
                return
            self._camera, self._camera_since = state, now
        if state == "reconnecting":
            self.reconnects.inc()

    def model_changed(self, loaded: bool, version: str | None = None, labels: Iterable[str] = ()) -> None:
        with self._lock:
            self._model_loaded = loaded
            self._model = {"version": version, "labels": list(labels)}

    def analysis_stopped(self) -> None:
        """The kiosk is shutting down: /health says down from now on."""
        with self._lock:
            self._running = False

    # -- reads from the server ------------------------------------------------------------

    def status(self) -> str:
        return self.snapshot()["status"]

    def snapshot(self) -> dict[str, Any]:
        """The /health document (see the module docstring for the status rules)."""
        now = self._clock()
        with self._lock:
            recent = [t for t in self._frame_times if t >= now - 1.0]
            age = None if self._last_result is None else now - self._last_result
            document: dict[str, Any] = {
                "status": self._status_locked(now, age),
                "camera": self._camera,
                "fps": float(len(recent)),
                "model": dict(self._model, loaded=self._model_loaded),
                "last_result_age_s": None if age is None else round(age, 3),
                "uptime_s": round(now - self._started, 3),
                "version": self._version,
            }
        return document

    def _status_locked(self, now: float, age: float | None) -> str:
        stale_s = self.thresholds.stale_s
        if not self._running:
            return "down"
        camera_lost = self._camera not in LIVE_STATES and now - self._camera_since > stale_s
        no_results = (age if age is not None else now - self._started) > stale_s
        if not self._model_loaded or camera_lost or no_results:
            return "degraded"
        return "ok"

    def metrics_text(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)
