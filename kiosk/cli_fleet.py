"""`python -m kiosk fleet init-db | status | password`: the dealer group's central store, for IT.

- `init-db --dsn DSN` (an administrator, once, and again after an upgrade): creates or migrates
  the central schema and the roles `kiosk_writer` (kiosks) and `kiosk_reader` (reports), with
  row-level security (kiosk.analytics.fleet_central). Kiosks never change the schema.
- `status --dsn DSN [--json]`: every kiosk from its heartbeats: last seen, versions, camera,
  backlog, health; flags the silent ones, names used twice and growing backlogs.
- `password --dsn DSN`: stores the central store's password in this PC's keyring, where the
  kiosk (and `report --fleet`) read it; asked twice at the terminal, never on the command line.

The connection string never holds the password: it comes from the keyring, PGPASSWORD or
~/.pgpass. Exit status: 0 done; 2 the central store cannot be reached or used, or bad input (one
`error: ...` line).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TextIO

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_fleet_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`fleet init-db`, `fleet status` and `fleet password` under the kiosk's subcommands."""
    fleet = commands.add_parser(
        "fleet", parents=[common], help="the dealer group's central store: set it up, see every kiosk"
    )
    actions = fleet.add_subparsers(dest="fleet_action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init-db", help="create or migrate the central schema and its roles (an administrator, once)"
    )
    status = actions.add_parser("status", help="every kiosk's last heartbeat, flagging the ones to look at")
    status.add_argument("--json", action="store_true", help="one JSON list instead of the table")
    password = actions.add_parser(
        "password", help="store the central store's password in this PC's keyring (typed twice)"
    )
    for action, handler in ((init, run_init_db), (status, run_status), (password, run_password)):
        action.add_argument(
            "--dsn", required=True, metavar="DSN", help="PostgreSQL connection string, without the password"
        )
        action.set_defaults(handler=handler)


def run_init_db(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.analytics.fleet_central import READER_ROLE, WRITER_ROLE, FleetError, connect_dsn, init_central

    try:
        with connect_dsn(args.dsn, "emotion-kiosk-init-db") as conn:
            found, now = init_central(conn)
    except FleetError as error:
        return _failed(str(error))
    done = f"migrated from version {found}" if found else "created"
    print(
        f"The central schema is at version {now} ({done}); roles {WRITER_ROLE} and {READER_ROLE} are set up."
    )
    print(
        "Give each kiosk a login of its own in the writer role, and reports one in the reader role:\n"
        f"  CREATE ROLE berlin_1 LOGIN PASSWORD '...' IN ROLE {WRITER_ROLE};\n"
        f"  CREATE ROLE analyst LOGIN PASSWORD '...' IN ROLE {READER_ROLE};"
    )
    return EXIT_OK


def run_status(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.analytics.fleet_central import FleetError, central_errors, connect_dsn
    from kiosk.analytics.fleet_status import format_status, read_fleet_status, status_json

    try:
        with connect_dsn(args.dsn, "emotion-kiosk-status") as conn, central_errors("cannot read the fleet"):
            kiosks = read_fleet_status(conn)
    except FleetError as error:
        return _failed(str(error))
    print(status_json(kiosks) if args.json else format_status(kiosks))
    return EXIT_OK


def run_password(args: argparse.Namespace, extra: list[str], *, stdin: TextIO | None = None) -> int:
    from kiosk.analytics.fleet_secret import account, save_password, split_password

    try:
        bare, in_dsn = split_password(args.dsn)
    except ValueError as error:
        return _failed(str(error))
    if in_dsn:
        return _failed("give the connection string without its password: it is asked for, and stored")
    try:
        password = _ask_twice(stdin or sys.stdin, f"Password for {account(bare)}: ")
    except (EOFError, KeyboardInterrupt):
        return _failed("no password was given; nothing was stored")
    if password is None:
        return _failed("the two passwords differ; nothing was stored")
    refused = save_password(bare, password)
    if refused:
        return _failed(f"{refused}; nothing was stored")
    print(f"The password for {account(bare)} is in this PC's keyring; the kiosk uses it from its next push.")
    return EXIT_OK


def _ask_twice(stdin: TextIO, prompt: str) -> str | None:
    """The password, typed twice without echo at a terminal (None when they differ); from a
    pipe (a provisioning script), its first line."""
    if not stdin.isatty():
        line = stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\n")
    first = getpass.getpass(prompt)
    if not first:
        raise EOFError
    return first if getpass.getpass("The same again: ") == first else None


def _failed(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
