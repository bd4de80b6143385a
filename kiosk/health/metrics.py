"""The kiosk's Prometheus metrics, as /metrics serves them. No Qt.

`KioskMetrics` holds one registry: the process's own collectors (CPU, memory, file
descriptors, garbage collection), the counters and the latency histogram `HealthMonitor`
updates as frames are analysed, and gauges read at scrape time from a `Scrape` of the
monitor's state (its problems, the last face, the records held in memory, the disk, the
fleet sync), so a scrape never waits for the kiosk.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

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

from kiosk.health.problems import PROBLEMS
from kiosk.health.rules import SyncState

__all__ = ["CAMERA_STATES", "LATENCY_BUCKETS_S", "KioskMetrics", "Scrape", "resident_memory_bytes"]

# What /health's "camera" says: the camera's own state, or where frames come from instead.
CAMERA_STATES: Final = ("opening", "live", "reconnecting", "ended", "failed", "demo", "video", "none")
LATENCY_BUCKETS_S: Final = (0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5)


@dataclass(frozen=True)
class Scrape:
    """The monitor's state that the gauges read at scrape time."""

    problems: frozenset[str]  # the codes of the current problems
    last_face: float | None  # wall clock
    pending: int  # exposures held in memory for the database
    dropped: int  # exposures lost for good
    disk_free: float | None
    sync: SyncState


def resident_memory_bytes() -> float:
    """The process's resident set now (Linux: /proc), or its peak elsewhere (getrusage)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return float(int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE"))
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return float(peak if sys.platform == "darwin" else peak * 1024)  # macOS: bytes, else KiB


class KioskMetrics:
    """The registry /metrics serves; `healthy` and `scrape` are asked at each scrape."""

    def __init__(self, version: str, healthy: Callable[[], bool], scrape: Callable[[], Scrape]) -> None:
        self.version = version
        registry = self.registry = CollectorRegistry(auto_describe=True)
        ProcessCollector(registry=registry)  # process_* (CPU, memory, file descriptors, start time)
        PlatformCollector(registry=registry)  # python_info
        GCCollector(registry=registry)  # python_gc_*
        self.info = Info("kiosk", "The kiosk's version and its model's", registry=registry)
        self.model_changed(None)
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
        up.set_function(lambda: 1.0 if healthy() else 0.0)
        registry.register(_StateCollector(scrape))

    def model_changed(self, model_version: str | None) -> None:
        self.info.info({"version": self.version, "model_version": model_version or ""})

    def text(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)


class _StateCollector:
    """The metrics read from the monitor's state at scrape time: problems, faces, the fleet."""

    def __init__(self, scrape: Callable[[], Scrape]) -> None:
        self._scrape = scrape

    def collect(self) -> Iterator[Metric]:
        state = self._scrape()
        problems = GaugeMetricFamily("kiosk_problem", "1 for each current problem, by code", labels=["code"])
        for code in PROBLEMS:
            problems.add_metric([code], 1.0 if code in state.problems else 0.0)
        yield problems
        yield _gauge(
            "kiosk_last_face_timestamp_seconds", "When a face was last seen (0: never)", state.last_face or 0
        )
        yield _gauge("kiosk_records_pending", "Exposures waiting in memory for the database", state.pending)
        yield _counter("kiosk_records_dropped", "Exposures lost for good (memory bound)", state.dropped)
        if state.disk_free is not None:
            yield _gauge(
                "kiosk_data_disk_free_bytes", "Free space on the data folder's disk", state.disk_free
            )
        yield from _sync_metrics(state.sync)


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
