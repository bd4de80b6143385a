"""`install-autostart`, `remove-autostart` and `supervise`: the kiosk started at sign-in, and
started again after a crash (the work is `kiosk.appliance.autostart` and `.supervise`'s).

`install-autostart` (Linux desktops; on Windows the installer's task does it) writes a systemd
user unit, or an XDG autostart entry, that starts the kiosk window with the same `--data-dir`;
`supervise` (what the XDG entry runs) runs the window and starts it again after a crash.
"""

from __future__ import annotations

import argparse
import sys

from kiosk.cli_common import CliError, setup_console_logging

EXIT_OK = 0


def add_autostart_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`install-autostart`, `remove-autostart` and `supervise` under the kiosk's subcommands."""
    install = commands.add_parser(
        "install-autostart", parents=[common], help="start the kiosk at sign-in, restart it after a crash"
    )
    install.add_argument(
        "--method",
        choices=("auto", "systemd", "xdg"),
        default="auto",
        help="systemd user unit, or XDG autostart entry (auto: systemd when a user session runs)",
    )
    install.set_defaults(handler=run_install_autostart)
    remove = commands.add_parser("remove-autostart", help="undo install-autostart for this user")
    remove.set_defaults(handler=run_remove_autostart)
    supervise = commands.add_parser(
        "supervise", parents=[common], help="run the kiosk window, restarting it after a crash"
    )
    supervise.set_defaults(handler=run_supervise)


def run_install_autostart(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.appliance.autostart import install

    if not sys.platform.startswith("linux"):
        raise CliError("install-autostart is for Linux desktops; on Windows, the installer's task does it")
    try:
        print(install(args.method, _kiosk_command(args)))
    except OSError as error:
        raise CliError(f"autostart could not be installed: {error}") from error
    return EXIT_OK


def run_remove_autostart(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.appliance.autostart import remove

    try:
        print(remove())
    except OSError as error:
        raise CliError(f"autostart could not be removed: {error}") from error
    return EXIT_OK


def run_supervise(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.appliance.supervise import supervise

    setup_console_logging()
    return supervise(_kiosk_command(args))


def _kiosk_command(args: argparse.Namespace) -> list[str]:
    """The command that starts this kiosk's window, with the data folder it was given."""
    from kiosk.appliance.autostart import kiosk_command

    data = ["--data-dir", str(args.data_dir)] if args.data_dir is not None else []
    return [*kiosk_command(), *data]
