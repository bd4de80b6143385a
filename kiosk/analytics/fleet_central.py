"""The fleet's central store (PostgreSQL, psycopg 3): its schema, its roles, and what a kiosk may
expect of it. No Qt.

An administrator runs `emotion-kiosk fleet init-db --dsn ...` once (and again after an upgrade):
`init_central` creates or migrates the schema under an advisory lock and sets up two roles
without login, which the logins of the fleet are made members of:

- `kiosk_writer`, for the kiosks: SELECT, INSERT and UPDATE on `kiosk_car_hours` and
  `kiosks`, nothing else (no DDL, no DELETE). Row-level security lets a login change only the
  rows it wrote itself (`pushed_by = current_user`): with one login per kiosk, a kiosk can
  neither overwrite nor lower another's figures, whatever its settings say. (Kiosks sharing
  one login are kept apart by their ids alone.) A kiosk may read the `kiosks` table, to see
  whether another kiosk uses its name.
- `kiosk_reader`, for reports and `fleet status`: SELECT on everything.

Kiosks never run DDL: `check_central` only reads the schema's version. The schema keeps a
version and the oldest kiosk schema it still serves (`compatible_from`): a kiosk works with any
central schema from `KIOSK_NEEDS` on whose `compatible_from` is at most `CENTRAL_SCHEMA_VERSION`
(additive changes keep old kiosks working), and keeps queuing, saying why, otherwise.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

import psycopg

__all__ = [
    "CENTRAL_MIGRATIONS",
    "CENTRAL_SCHEMA_VERSION",
    "FAILURE_CAUSES",
    "KIOSK_NEEDS",
    "READER_ROLE",
    "WRITER_ROLE",
    "FleetError",
    "central_errors",
    "check_central",
    "connect_dsn",
    "failure_cause",
    "first_line",
    "init_central",
    "schema_version",
]

log = logging.getLogger(__name__)

_SUMS_DDL: Final = """
            exposures INTEGER NOT NULL CHECK (exposures >= 0),
            visitor_seconds DOUBLE PRECISION NOT NULL CHECK (visitor_seconds >= 0),
            positive_seconds DOUBLE PRECISION NOT NULL,
            negative_seconds DOUBLE PRECISION NOT NULL,
            negative_switches INTEGER NOT NULL,
            audio_plays INTEGER NOT NULL,
            uplift_successes INTEGER NOT NULL,"""
# CENTRAL_MIGRATIONS[n] takes the central schema from version n to n + 1; append, never edit.
CENTRAL_MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    (  # v1 (kiosks up to 0.1.0 made it themselves): one row per kiosk name, car and hour.
        f"""CREATE TABLE kiosk_car_hours (
            kiosk TEXT NOT NULL CHECK (length(kiosk) BETWEEN 1 AND 200),
            car_id TEXT NOT NULL CHECK (length(car_id) BETWEEN 1 AND 200),
            hour TIMESTAMPTZ NOT NULL CHECK (date_trunc('hour', hour) = hour),{_SUMS_DDL}
            pushed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY (kiosk, car_id, hour)
        )""",
        "CREATE INDEX kiosk_car_hours_hour ON kiosk_car_hours (hour)",
    ),
    (  # v2: rows keyed by the kiosk's id and its local database's id (never by the name, which
        # may clash), owned by the login that pushed them; the kiosks' heartbeats.
        """ALTER TABLE kiosk_car_hours ADD COLUMN kiosk_id TEXT, ADD COLUMN database_id TEXT,
            ADD COLUMN pushed_by TEXT NOT NULL DEFAULT current_user""",
        "UPDATE kiosk_car_hours SET kiosk_id = 'name:' || kiosk, database_id = 'v1'",
        """ALTER TABLE kiosk_car_hours ALTER COLUMN kiosk_id SET NOT NULL,
            ALTER COLUMN database_id SET NOT NULL,
            ADD CHECK (length(kiosk_id) BETWEEN 1 AND 64), ADD CHECK (length(database_id) BETWEEN 1 AND 64),
            DROP CONSTRAINT kiosk_car_hours_pkey,
            ADD PRIMARY KEY (kiosk_id, database_id, car_id, hour)""",
        """CREATE TABLE kiosks (
            kiosk_id TEXT PRIMARY KEY CHECK (length(kiosk_id) BETWEEN 1 AND 64),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            host TEXT NOT NULL DEFAULT '',
            version TEXT NOT NULL DEFAULT '',
            model_version TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            reasons TEXT NOT NULL DEFAULT '',
            camera TEXT NOT NULL DEFAULT '',
            last_face_at TIMESTAMPTZ,
            backlog INTEGER NOT NULL DEFAULT 0,
            backlog_rising_since TIMESTAMPTZ,
            last_error TEXT NOT NULL DEFAULT '',
            first_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
            last_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
            pushed_by TEXT NOT NULL DEFAULT current_user
        )""",
        "CREATE INDEX kiosks_name ON kiosks (lower(btrim(name)))",
        "ALTER TABLE kiosk_fleet_schema ADD COLUMN compatible_from INTEGER",
    ),
)
CENTRAL_SCHEMA_VERSION: Final = len(CENTRAL_MIGRATIONS)  # the newest this kiosk knows
KIOSK_NEEDS: Final = 2  # the oldest central schema this kiosk can push to
COMPATIBLE_FROM: Final = 2  # the oldest kiosk schema version this schema serves
WRITER_ROLE: Final = "kiosk_writer"
READER_ROLE: Final = "kiosk_reader"
_VERSION_TABLE: Final = "kiosk_fleet_schema"
_MIGRATION_LOCK: Final = 0x4B494F534B  # any constant: "KIOSK"
_TABLES: Final = ("kiosk_car_hours", "kiosks")
_POLICIES: Final = ("own_rows", "read", "names")
_ROLES_SQL: Final = (
    *(
        f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        for role in (WRITER_ROLE, READER_ROLE)
    ),
    f"GRANT SELECT ON {_VERSION_TABLE} TO {WRITER_ROLE}, {READER_ROLE}",
    f"GRANT SELECT, INSERT, UPDATE ON {', '.join(_TABLES)} TO {WRITER_ROLE}",
    f"GRANT SELECT ON {', '.join(_TABLES)} TO {READER_ROLE}",
    *(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY" for table in _TABLES),
    *(f"DROP POLICY IF EXISTS {name} ON {table}" for table in _TABLES for name in _POLICIES),
    f"""CREATE POLICY own_rows ON kiosk_car_hours FOR ALL TO {WRITER_ROLE}
        USING (pushed_by = current_user) WITH CHECK (pushed_by = current_user)""",
    f"""CREATE POLICY own_rows ON kiosks FOR ALL TO {WRITER_ROLE}
        USING (pushed_by = current_user) WITH CHECK (pushed_by = current_user)""",
    f"CREATE POLICY names ON kiosks FOR SELECT TO {WRITER_ROLE} USING (true)",
    *(f"CREATE POLICY read ON {table} FOR SELECT TO {READER_ROLE} USING (true)" for table in _TABLES),
)

FAILURE_CAUSES: Final = ("auth", "unreachable", "schema", "permission", "server", "local")
_AUTH_STATES: Final = frozenset({"28000", "28P01"})  # invalid authorization, invalid password
_PERMISSION_STATES: Final = frozenset({"42501"})  # insufficient privilege


class FleetError(Exception):
    """The central store cannot be reached or used; the message says why (never the password).

    `cause` says what kind of failure it is, for /health and /metrics: auth (user or password
    refused), unreachable (no answer, refused, name unknown), schema (none yet, too old, or too
    new for this kiosk), permission (the role may not do what the push needs), server (anything
    else on the server's side), local (this kiosk's own database)."""

    def __init__(self, message: str, cause: str = "server") -> None:
        super().__init__(message)
        self.cause = cause


def failure_cause(exc: BaseException) -> str:
    """Which of FAILURE_CAUSES a failed connection or statement is."""
    if isinstance(exc, FleetError):
        return exc.cause
    if isinstance(exc, sqlite3.Error):
        return "local"
    sqlstate = getattr(exc, "sqlstate", None)
    text = str(exc).lower()
    if sqlstate in _AUTH_STATES or "password authentication failed" in text or "no password supplied" in text:
        return "auth"
    if sqlstate in _PERMISSION_STATES or "permission denied" in text or "row-level security" in text:
        return "permission"
    if isinstance(exc, psycopg.OperationalError) and sqlstate is None:
        return "unreachable"  # refused, timed out, unknown host, connection lost
    return "server"


def connect_dsn(dsn: str, application_name: str) -> psycopg.Connection[Any]:
    """A connection for people's commands (reports, status, init-db): the password from the
    connection string, the keyring (as the kiosk stores it), or libpq's own PGPASSWORD and
    ~/.pgpass; FleetError (one line, never the password) when there is none."""
    from kiosk.analytics.fleet_secret import load_password, split_password

    try:
        bare, password = split_password(dsn)
    except ValueError as exc:
        raise FleetError(str(exc)) from None
    password = password or load_password(bare)
    extra: dict[str, Any] = {"password": password} if password else {}
    try:
        return psycopg.connect(
            dsn, autocommit=True, connect_timeout=10, application_name=application_name, **extra
        )
    except psycopg.Error as exc:
        message = f"cannot connect to the central store: {first_line(exc)}"
        raise FleetError(message, failure_cause(exc)) from exc


@contextmanager
def central_errors(what: str) -> Iterator[None]:
    """psycopg's errors in the block become one FleetError line: `what` and the server's words."""
    try:
        yield
    except psycopg.Error as exc:
        raise FleetError(f"{what}: {first_line(exc)}", failure_cause(exc)) from exc


def first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def schema_version(conn: psycopg.Connection[Any]) -> tuple[int, int]:
    """(version, compatible_from) of the central schema; (0, 0) when there is none yet."""
    row = conn.execute(f"SELECT to_regclass('{_VERSION_TABLE}') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0, 0
    found = conn.execute(f"SELECT to_jsonb(s) FROM {_VERSION_TABLE} AS s").fetchone()
    document: dict[str, Any] = found[0] if found else {}
    version = int(document.get("version") or 0)
    return version, int(document.get("compatible_from") or version)


def check_central(conn: psycopg.Connection[Any]) -> int:
    """The central schema's version when this kiosk can push to it; FleetError (cause schema)
    saying what to do otherwise. Reads only: a kiosk never creates or changes the schema."""
    version, compatible_from = schema_version(conn)
    if version == 0:
        raise FleetError(
            "the central store has no fleet schema yet: an administrator runs "
            "`emotion-kiosk fleet init-db --dsn ...` once (see the README); figures wait here",
            "schema",
        )
    if version < KIOSK_NEEDS:
        raise FleetError(
            f"the central store has schema version {version}, this kiosk needs {KIOSK_NEEDS}: "
            "an administrator runs `emotion-kiosk fleet init-db --dsn ...`; figures wait here",
            "schema",
        )
    if compatible_from > CENTRAL_SCHEMA_VERSION:
        raise FleetError(
            f"the central store's schema {version} serves kiosks of schema {compatible_from} or "
            f"newer, this kiosk knows up to {CENTRAL_SCHEMA_VERSION}: update the kiosk; figures wait here",
            "schema",
        )
    return version


def init_central(conn: psycopg.Connection[Any]) -> tuple[int, int]:
    """Create or migrate the central schema to CENTRAL_SCHEMA_VERSION and (re)grant the roles;
    returns (the version found, the version now). Run by an administrator, in one transaction."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        conn.execute(f"CREATE TABLE IF NOT EXISTS {_VERSION_TABLE} (version INTEGER NOT NULL)")
        found, _compatible = schema_version(conn)
        if found > CENTRAL_SCHEMA_VERSION:
            raise FleetError(
                f"the central store has schema version {found}, this program knows up to "
                f"{CENTRAL_SCHEMA_VERSION}: run init-db from a newer kiosk",
                "schema",
            )
        for target in range(found + 1, CENTRAL_SCHEMA_VERSION + 1):
            for statement in CENTRAL_MIGRATIONS[target - 1]:
                conn.execute(statement)
            log.info("central store migrated to schema version %d", target)
        conn.execute(f"DELETE FROM {_VERSION_TABLE}")
        conn.execute(
            f"INSERT INTO {_VERSION_TABLE} (version, compatible_from) VALUES (%s, %s)",
            (CENTRAL_SCHEMA_VERSION, COMPATIBLE_FROM),
        )
        for statement in _ROLES_SQL:
            conn.execute(statement)
    return found, CENTRAL_SCHEMA_VERSION
