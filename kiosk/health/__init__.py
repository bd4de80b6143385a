"""Health and metrics for IT's monitoring: `GET /health` and `GET /metrics`. Pure Python, no Qt.

Modules:
    monitor   `HealthMonitor`: the kiosk reports frames, events, camera and model states into
              it; it answers the /health document and the Prometheus metrics.
    rules     the status rules (ok, degraded, down) and the problems derived from time;
              `HealthThresholds`, `DEFAULT_STALE_S`.
    metrics   `KioskMetrics`: the Prometheus registry /metrics serves.
    problems  `ProblemBoard`: every problem code declared once, degrading or not.
    server    `HealthServer`: the HTTP endpoint, in its own thread, hardened against slow,
              huge and numerous clients; `DEFAULT_PORT`.
"""

from __future__ import annotations

from kiosk.health.monitor import HealthMonitor
from kiosk.health.rules import DEFAULT_STALE_S, HealthThresholds
from kiosk.health.server import DEFAULT_HOST, DEFAULT_PORT, HealthServer, ServerLimits

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "DEFAULT_STALE_S",
    "HealthMonitor",
    "HealthServer",
    "HealthThresholds",
    "ServerLimits",
]
