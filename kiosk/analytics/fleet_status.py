"""Heartbeats: each kiosk says how it is, about once a minute, and `fleet status` reads them. No Qt.

Outbound only: the kiosk writes its row of the central `kiosks` table (id, name, PC, versions,
camera, last face seen, backlog, last error, health reasons) on each sync, so the centre sees
every showroom without opening a port there. `fleet status` lists them, flagging a kiosk silent
for more than `SILENT_AFTER`, a name used by two kiosks (never resolved by overwriting: each
keeps its own rows), and a backlog that has been growing for `BACKLOG_GROWING_AFTER`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Final

from kiosk.analytics.summary import count_text

if TYPE_CHECKING:  # a connection is passed in: this module loads without libpq (the packaged kiosk)
    import psycopg

__all__ = [
    "BACKLOG_GROWING_AFTER",
    "CLASH_WINDOW",
    "SILENT_AFTER",
    "Heartbeat",
    "KioskStatus",
    "format_status",
    "read_fleet_status",
    "send_heartbeat",
    "status_json",
]

SILENT_AFTER: Final = timedelta(minutes=5)
BACKLOG_GROWING_AFTER: Final = timedelta(minutes=10)
CLASH_WINDOW: Final = timedelta(days=30)  # a name seen in use within this long still clashes

_UPSERT_SQL: Final = """
    INSERT INTO kiosks (kiosk_id, name, host, version, model_version, status, reasons, camera,
        last_face_at, backlog, last_error)
    VALUES (%(kiosk_id)s, %(name)s, %(host)s, %(version)s, %(model_version)s, %(status)s, %(reasons)s,
        %(camera)s, %(last_face_at)s, %(backlog)s, %(last_error)s)
    ON CONFLICT (kiosk_id) DO UPDATE SET name = EXCLUDED.name, host = EXCLUDED.host,
        version = EXCLUDED.version, model_version = EXCLUDED.model_version,
        status = EXCLUDED.status, reasons = EXCLUDED.reasons, camera = EXCLUDED.camera,
        last_face_at = COALESCE(EXCLUDED.last_face_at, kiosks.last_face_at),
        backlog_rising_since = CASE
            WHEN EXCLUDED.backlog = 0 OR EXCLUDED.backlog < kiosks.backlog THEN NULL
            WHEN EXCLUDED.backlog > kiosks.backlog THEN COALESCE(kiosks.backlog_rising_since, now())
            ELSE kiosks.backlog_rising_since END,
        backlog = EXCLUDED.backlog, last_error = EXCLUDED.last_error, last_seen = now()"""
_OWN_SQL: Final = "SELECT host, now() - last_seen < %s FROM kiosks WHERE kiosk_id = %s"
_SAME_NAME_SQL: Final = """
    SELECT kiosk_id, host FROM kiosks
    WHERE lower(btrim(name)) = lower(btrim(%s)) AND kiosk_id <> %s AND last_seen > now() - %s
    ORDER BY kiosk_id"""
_STATUS_SQL: Final = """
    SELECT k.kiosk_id, k.name, k.host, k.version, k.model_version, k.status, k.reasons, k.camera,
        k.last_face_at, k.backlog, k.last_error, k.last_seen,
        (SELECT max(h.pushed_at) FROM kiosk_car_hours AS h WHERE h.kiosk_id = k.kiosk_id),
        now() - k.last_seen > %(silent)s,
        EXISTS (SELECT 1 FROM kiosks AS o WHERE o.kiosk_id <> k.kiosk_id
            AND lower(btrim(o.name)) = lower(btrim(k.name)) AND o.last_seen > now() - %(clash)s),
        k.backlog_rising_since IS NOT NULL AND k.backlog_rising_since < now() - %(growing)s
    FROM kiosks AS k ORDER BY lower(k.name), k.kiosk_id"""


@dataclass(frozen=True)
class Heartbeat:
    """What a kiosk says of itself (from its /health document); English, no personal data."""

    host: str = ""
    version: str = ""
    model_version: str = ""
    status: str = ""  # ok, degraded, down
    reasons: tuple[str, ...] = ()
    camera: str = ""
    last_face_at: float | None = None  # wall clock


@dataclass(frozen=True)
class KioskStatus:
    kiosk_id: str
    name: str
    host: str
    version: str
    model_version: str
    status: str
    reasons: str
    camera: str
    last_face_at: datetime | None
    backlog: int
    last_error: str
    last_seen: datetime
    last_push: datetime | None
    silent: bool  # no heartbeat for more than SILENT_AFTER
    name_clash: bool  # another kiosk uses this name
    backlog_growing: bool  # for more than BACKLOG_GROWING_AFTER

    def flags(self) -> list[str]:
        return [
            flag
            for flag, on in (
                ("SILENT", self.silent),
                ("NAME CLASH", self.name_clash),
                ("BACKLOG GROWING", self.backlog_growing),
            )
            if on
        ]


def send_heartbeat(
    conn: psycopg.Connection[Any], kiosk_id: str, name: str, beat: Heartbeat, backlog: int, last_error: str
) -> list[str]:
    """Write this kiosk's row (one transaction); returns its clashes, worded for the operator:
    other kiosks with the same name, or this id heartbeating from another PC (a copied data
    folder). A clash is only reported: every kiosk keeps its own rows."""
    values = {
        "kiosk_id": kiosk_id,
        "name": name,
        **{k: v for k, v in asdict(beat).items() if k not in ("reasons", "last_face_at")},
        "reasons": ",".join(beat.reasons),
        "last_face_at": _utc(beat.last_face_at),
        "backlog": backlog,
        "last_error": last_error[:500],
    }
    with conn.transaction():
        own = conn.execute(_OWN_SQL, (SILENT_AFTER, kiosk_id)).fetchone()
        conn.execute(_UPSERT_SQL, values)
        others = conn.execute(_SAME_NAME_SQL, (name, kiosk_id, CLASH_WINDOW)).fetchall()
    clashes = [
        f"the name {name!r} is also used by kiosk {other[:8]} on {host or 'another PC'}"
        for other, host in others
    ]
    if own is not None and own[1] and beat.host and own[0] and own[0] != beat.host:
        clashes.append(
            f"this kiosk's id {kiosk_id[:8]} also heartbeats from {own[0]} (a copied data folder?)"
        )
    return clashes


def read_fleet_status(conn: psycopg.Connection[Any]) -> list[KioskStatus]:
    """Every kiosk that ever sent a heartbeat, by name, with its flags."""
    rows = conn.execute(
        _STATUS_SQL, {"silent": SILENT_AFTER, "clash": CLASH_WINDOW, "growing": BACKLOG_GROWING_AFTER}
    ).fetchall()
    return [KioskStatus(*row) for row in rows]


def _utc(moment: float | None) -> datetime | None:
    return None if moment is None else datetime.fromtimestamp(moment, timezone.utc)


def _ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    if seconds < 172800:
        return f"{seconds // 3600} h ago"
    return f"{count_text(seconds // 86400, 'day', 'days')} ago"


def format_status(kiosks: Sequence[KioskStatus], now: datetime | None = None) -> str:
    """A table for a person: one line a kiosk, its flags last."""
    if not kiosks:
        return "no kiosk has sent a heartbeat yet"
    now = now or datetime.now(timezone.utc)
    head = (
        "KIOSK",
        "ID",
        "VERSION",
        "MODEL",
        "CAMERA",
        "LAST SEEN",
        "LAST PUSH",
        "BACKLOG",
        "HEALTH",
        "FLAGS",
    )
    rows = [head] + [
        (
            k.name,
            k.kiosk_id[:8],
            k.version,
            k.model_version,
            k.camera,
            _ago(k.last_seen, now),
            _ago(k.last_push, now),
            str(k.backlog),
            k.status + (f" ({k.reasons})" if k.reasons else ""),
            ", ".join(k.flags()),
        )
        for k in kiosks
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    flagged = sum(1 for k in kiosks if k.flags())
    lines.append(f"{len(kiosks)} kiosks, {flagged} flagged")
    return "\n".join(lines)


def status_json(kiosks: Sequence[KioskStatus]) -> str:
    def plain(value: object) -> object:
        return value.isoformat() if isinstance(value, datetime) else value

    return json.dumps(
        [{**{k: plain(v) for k, v in asdict(kiosk).items()}, "flags": kiosk.flags()} for kiosk in kiosks],
        indent=2,
    )
