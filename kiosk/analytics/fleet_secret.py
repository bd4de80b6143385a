"""The central store's connection string and its password. No Qt.

The settings keep the connection string without its password; the password lives in the
operating system's keyring (Secret Service, macOS Keychain, Windows Credential Locker),
under the service `emotion-kiosk-fleet` and the account `user@host:port/dbname`. Where no
keyring is available nothing is stored: libpq's own means still work (`PGPASSWORD`, or a
`~/.pgpass` file readable only by the kiosk's user).
"""

from __future__ import annotations

import configparser
import logging
from typing import Final

import keyring
import keyring.errors
from psycopg import ProgrammingError
from psycopg.conninfo import conninfo_to_dict, make_conninfo

__all__ = ["SERVICE", "account", "dsn_problem", "keyring_available", "load_password", "save_password"]

log = logging.getLogger(__name__)

SERVICE: Final = "emotion-kiosk-fleet"

# What loading or asking a backend raises: keyring's own errors; a named backend that cannot be
# imported (ImportError, AttributeError); `priority` saying it does not work here (RuntimeError,
# as keyring's backends do); a priority that is no number (TypeError, ValueError); an unreadable
# keyringrc.cfg (configparser.Error).
_BACKEND_FAILURES: Final = (
    keyring.errors.KeyringError,
    ImportError,
    AttributeError,
    RuntimeError,
    TypeError,
    ValueError,
    configparser.Error,
)
_warned: set[str] = set()  # load_password runs before every push: say each problem once


def _parts(dsn: str) -> dict[str, str]:
    try:
        return {key: str(value) for key, value in conninfo_to_dict(dsn).items() if value is not None}
    except ProgrammingError as exc:
        raise ValueError(f"not a PostgreSQL connection string: {exc}") from None


def account(dsn: str) -> str:
    """The keyring account of a connection string: user@host:port/dbname (defaults shown empty)."""
    parts = _parts(dsn)
    return "{}@{}:{}/{}".format(*(parts.get(key, "") for key in ("user", "host", "port", "dbname")))


def split_password(dsn: str) -> tuple[str, str | None]:
    """(the connection string without its password, the password or None)."""
    parts = _parts(dsn)
    password = parts.pop("password", None)
    return make_conninfo(**parts), password


def dsn_problem(dsn: str) -> str | None:
    """Why this connection string cannot be kept in the settings, or None when it can."""
    try:
        parts = _parts(dsn)
    except ValueError as exc:
        return str(exc)
    if "password" in parts:
        return (
            "the connection string holds a password: store it in the keyring instead "
            "(emotion-kiosk fleet password --dsn ...)"
        )
    return None


def keyring_available() -> bool:
    """Whether a keyring backend that can store passwords is set up (the "fail" one has priority 0).

    A backend that is named (PYTHON_KEYRING_BACKEND, keyringrc.cfg) but cannot be loaded or
    run here is no backend: the log says why, once.
    """
    try:
        return float(keyring.get_keyring().priority) > 0
    except _BACKEND_FAILURES as exc:
        _warn_once(f"no usable keyring: {type(exc).__name__}: {exc}")
        return False


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning("%s", message)


def load_password(dsn: str) -> str | None:
    """The stored password for this connection string; None if there is none or no keyring."""
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, account(dsn))
    except (keyring.errors.KeyringError, ValueError) as exc:
        log.warning("cannot read the central store's password from the keyring: %s", exc)
        return None


def save_password(dsn: str, password: str) -> str | None:
    """Store the password; None when done, else why not (no keyring: use PGPASSWORD or ~/.pgpass)."""
    if not keyring_available():
        return "no keyring is available on this computer: use PGPASSWORD or ~/.pgpass instead"
    try:
        keyring.set_password(SERVICE, account(dsn), password)
    except (keyring.errors.KeyringError, ValueError) as exc:
        return f"the keyring refused the password: {exc}"
    return None
