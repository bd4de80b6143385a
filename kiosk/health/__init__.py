"""Health and metrics for IT's monitoring: `GET /health` and `GET /metrics`. Pure Python, no Qt.

Modules:
    monitor   `HealthMonitor`: the kiosk reports frames, events, camera and model states into
              it; it answers the /health document and the Prometheus metrics.
    server    `HealthServer`: the HTTP endpoint, in its own thread, hardened against slow,
              huge and numerous clients.
"""

from __future__ import annotations

from kiosk.health.monitor import HealthMonitor, HealthThresholds
from kiosk.health.server import DEFAULT_HOST, DEFAULT_PORT, HealthServer, ServerLimits

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "HealthMonitor",
    "HealthServer",
    "HealthThresholds",
    "ServerLimits",
]
