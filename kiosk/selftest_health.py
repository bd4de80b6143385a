"""The self-test's `health` check: the /health and /metrics server answers, on loopback.

It serves a `HealthMonitor` fed as a running kiosk feeds it (model loaded, camera live, one
analysed frame) on a free loopback port, then asks /health (200, every field), the same with
the model gone (503, "degraded") and /metrics (the Prometheus text, frames counted).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from kiosk.health import HealthMonitor, HealthServer

HEALTH_FIELDS = (
    "status",
    "reasons",
    "problems",
    "camera",
    "fps",
    "model",
    "last_result_age_s",
    "uptime_s",
    "version",
)


def check_health() -> tuple[bool, str, dict[str, Any]]:
    """(passed, what was found, data) for the self-test's Check."""
    monitor = HealthMonitor()
    monitor.model_changed(True, "self-test", ["happy"])
    monitor.camera_changed("live")
    monitor.frame_analysed(0.01, faces=1)
    server = HealthServer(monitor, port=0)
    try:
        server.start()
        code, body = _get(server.url + "/health")
        document = json.loads(body)
        missing = [name for name in HEALTH_FIELDS if name not in document]
        if code != 200 or document.get("status") != "ok" or missing:
            return False, f"/health answered {code} {document.get('status')!r}, missing {missing}", document
        monitor.model_changed(False, problem="self-test: the model is taken away")
        degraded, _ = _get(server.url + "/health")
        if degraded != 503:
            return False, f"/health answered {degraded} without a model, expected 503", document
        metrics_code, metrics = _get(server.url + "/metrics")
        if metrics_code != 200 or b"kiosk_frames_analysed_total 1.0" not in metrics:
            return False, f"/metrics answered {metrics_code} without the frame counter", document
    except (OSError, ValueError) as exc:
        return False, f"the health server failed: {exc}", {}
    finally:
        server.stop()
    return True, f"{server.url}/health: 200 ok, 503 when degraded; /metrics served", document


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read()
