"""A throw-away PostgreSQL cluster for the fleet tests: initdb + pg_ctl into a temp folder, listening
on 127.0.0.1 (a free port) and a Unix socket in that folder, password (SCRAM) over TCP.

initdb refuses to run as root, so as root the cluster belongs to the `postgres` user that
Debian's packages create, and every server command runs through `runuser -u postgres`.
When no PostgreSQL is installed the tests skip, except under CI=true, where they fail: CI
(`.ci/run` -> `make test`) installs it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

ADMIN = "fleet_admin"
ADMIN_PASSWORD = "s3cret-for-tests"
_COMMAND_TIMEOUT_S = 60


def find_bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres (Debian keeps them off PATH)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_major, reverse=True)
    for folder in candidates:
        if (Path(folder) / "initdb").is_file():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _major(folder: str) -> int:
    name = Path(folder).parent.name
    return int(name) if name.isdigit() else 0


def require_bin_dir() -> Path:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = "PostgreSQL is not installed (apt-get install postgresql; `make test` does it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + ": CI must run the PostgreSQL tests", pytrace=False)
        pytest.skip(message)
    return bin_dir


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PgCluster:
    """One cluster; `start()`, `stop()`, `restart()`; `dsn()` for a database in it."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))  # not pytest's 0700 root-only folder
        self.data = self.root / "data"
        self.port = free_port()
        self._run_as = "postgres" if os.geteuid() == 0 else None
        if self._run_as is not None:
            user = pwd.getpwnam(self._run_as)
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self.root.chmod(0o700)

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._run_as is not None:
            command = ["runuser", "-u", self._run_as, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=_COMMAND_TIMEOUT_S)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")

    def init(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(ADMIN_PASSWORD + "\n")
        if self._run_as is not None:
            user = pwd.getpwnam(self._run_as)
            os.chown(pwfile, user.pw_uid, user.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", ADMIN, f"--pwfile={pwfile}", "-A", "scram-sha-256",
            "-E", "UTF8", "--no-locale", "--no-sync",
        )  # fmt: skip
        pwfile.unlink()

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
            "-c fsync=off -c full_page_writes=off -c max_connections=40"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def stop_if_running(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop()

    def restart(self) -> None:
        self.stop()
        self.start()

    def dsn(self, dbname: str = "postgres", user: str = ADMIN) -> str:
        """A connection string without the password (as the kiosk keeps it)."""
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user={user}"

    def admin(self, dbname: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.dsn(dbname), password=ADMIN_PASSWORD, autocommit=True, connect_timeout=10)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
