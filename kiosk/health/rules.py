"""The status rules of /health: the problems `HealthMonitor` derives from time and state. No Qt.

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

The rules are pure functions of an `Observed` state and the time: the monitor takes the
state under its lock, and tests pass any state and time they like.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from kiosk.health.problems import Problem

__all__ = [
    "DEFAULT_STALE_S",
    "DERIVED_CODES",
    "HealthThresholds",
    "Observed",
    "SyncState",
    "camera_word",
    "derived_problems",
]

DEFAULT_STALE_S: Final = 10.0  # N: the settings' default too (kiosk.settings)
DERIVED_CODES: Final = (
    "demo_mode",
    "no_camera",
    "camera_lost",
    "video_failed",
    "model_unavailable",
    "analysis_failing",
    "fleet_sync_failing",
)

_Found = tuple[str, str, dict[str, str]]  # (code, detail, facts)


@dataclass(frozen=True)
class HealthThresholds:
    """N and F of the status rules: how long the camera may be lost or the results stale, and
    how long the fleet sync may fail before it degrades the kiosk's health."""

    stale_s: float = DEFAULT_STALE_S
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


@dataclass(frozen=True)
class Observed:
    """What the rules read: the monitor's state at one moment (times on the monitor's clock)."""

    analysing: bool  # the analysis has started (not the set-up screen)
    started: float  # when it started
    mode: str  # where frames come from: camera, video, demo, none
    state: str  # the source's state (a SourceState value)
    source_since: float  # when the source entered this mode and state
    camera_configured: bool
    model_loaded: bool
    model_problem: str  # why the model is not loaded, "" when not known
    fault: str | None  # what the analysis keeps failing with
    last_result: float | None  # when a frame was last analysed
    sync: SyncState


def camera_word(mode: str, state: str) -> str:
    """What /health's "camera" says: the camera's own state, or where frames come from instead."""
    return state if mode == "camera" else mode


def derived_problems(seen: Observed, thresholds: HealthThresholds, now: float, wall: float) -> list[Problem]:
    """The problems the rules find (each dated `wall`, the wall clock) at `now` (the monitor's clock)."""
    found = _source_problems(seen, thresholds.stale_s, now) if seen.analysing else []
    found += _model_problems(seen, thresholds.stale_s, now)
    found += _analysis_problems(seen, thresholds.stale_s, now)
    found += _sync_problems(seen.sync, thresholds.fleet_failing_s, wall)
    return [Problem(code, detail, wall, facts=facts) for code, detail, facts in found]


def _source_problems(seen: Observed, stale_s: float, now: float) -> list[_Found]:
    mode, state = seen.mode, seen.state
    lasting = now - seen.source_since > stale_s
    if mode == "demo" and seen.camera_configured:
        return [("demo_mode", "no camera could be opened: playing the demo clip", {})]
    if mode == "none" and lasting:
        return [("no_camera", f"no camera found and no demo clip, for more than {stale_s:g} s", {})]
    if mode == "camera" and state != "live" and lasting:
        return [("camera_lost", f"the camera has been {state} for more than {stale_s:g} s", {})]
    if mode == "video" and state in ("failed", "ended"):
        return [("video_failed", f"the video file has {state}", {})]
    return []


def _model_problems(seen: Observed, stale_s: float, now: float) -> list[_Found]:
    loading = not seen.model_problem and now - seen.started <= stale_s
    if seen.model_loaded or not seen.analysing or loading:
        return []
    return [("model_unavailable", seen.model_problem or "the expression model is not loaded", {})]


def _analysis_problems(seen: Observed, stale_s: float, now: float) -> list[_Found]:
    if seen.fault:
        return [("analysis_failing", seen.fault, {})]
    if not seen.analysing or seen.state != "live":
        return []  # no frames without a source: the source's own problem says why
    since = max(seen.last_result or seen.started, seen.source_since)
    if now - since > stale_s:
        return [("analysis_failing", f"no frame analysed for more than {stale_s:g} s", {})]
    return []


def _sync_problems(sync: SyncState, fleet_failing_s: float, wall: float) -> list[_Found]:
    if not sync.enabled or sync.failing_since is None:
        return []
    failing_s = wall - sync.failing_since
    if sync.cause != "config" and failing_s <= fleet_failing_s:
        return []
    detail = f"{sync.cause}: {sync.detail}" if sync.cause else sync.detail
    return [("fleet_sync_failing", detail, {"cause": sync.cause})]
