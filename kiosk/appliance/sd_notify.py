"""sd_notify: the kiosk tells systemd (a `Type=notify` unit) how it is: ready, reloading,
stopping, alive (the watchdog), and a status line for `systemctl status`.

The protocol of sd_notify(3), without libsystemd: each call sends one datagram of
newline-separated `KEY=value` fields to the AF_UNIX socket named by `$NOTIFY_SOCKET` (a path,
or an abstract socket when it starts with "@"). Without `NOTIFY_SOCKET` (not under systemd, or
another kind of unit) every function does nothing and returns False; a socket that cannot be
reached is not an error either (False): the kiosk runs the same with or without a manager.
`WATCHDOG_USEC` (for our process: `WATCHDOG_PID`, when set, must be our pid) says how often
systemd expects `WATCHDOG=1`.
"""

from __future__ import annotations

import array
import logging
import os
import select
import socket
import time
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

SOCKET_VARIABLE = "NOTIFY_SOCKET"
SERVICE_VARIABLES = (SOCKET_VARIABLE, "INVOCATION_ID")  # either: started by systemd
WATCHDOG_VARIABLES = ("WATCHDOG_USEC", "WATCHDOG_PID")
BARRIER_TIMEOUT_S = 5.0

Environment = Mapping[str, str]


def under_systemd(env: Environment | None = None) -> bool:
    """True when systemd started this process (a unit's process has NOTIFY_SOCKET or INVOCATION_ID)."""
    env = os.environ if env is None else env
    return any(env.get(name) for name in SERVICE_VARIABLES)


def notify(*fields: str, env: Environment | None = None) -> bool:
    """Send `fields` (each `KEY=value`) as one datagram; True when it was sent."""
    address = _address(env)
    if address is None:
        return False
    message = "\n".join(field.replace("\n", " ") for field in fields).encode("utf-8")
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.sendto(message, address)
    except OSError as error:  # the manager went away, or a socket we may not write to
        log.debug("sd_notify to %s failed: %s", address, error)
        return False
    return True


def ready(status: str = "", env: Environment | None = None) -> bool:
    """READY=1: started (Type=notify ends the start job), or done reloading."""
    return notify("READY=1", *_status(status), env=env)


def reloading(
    status: str = "",
    env: Environment | None = None,
    clock_ns: Callable[[], int] = time.monotonic_ns,
) -> bool:
    """RELOADING=1 with MONOTONIC_USEC (CLOCK_MONOTONIC, as systemd asks); READY=1 ends it."""
    return notify("RELOADING=1", f"MONOTONIC_USEC={clock_ns() // 1000}", *_status(status), env=env)


def stopping(status: str = "", env: Environment | None = None) -> bool:
    return notify("STOPPING=1", *_status(status), env=env)


def status(text: str, env: Environment | None = None) -> bool:
    """STATUS=text: the line `systemctl status` shows."""
    return notify(*_status(text), env=env)


def watchdog(env: Environment | None = None) -> bool:
    """WATCHDOG=1: still alive. Sent from the GUI thread's event loop, so a hung loop stops it."""
    return notify("WATCHDOG=1", env=env)


def watchdog_interval_us(env: Environment | None = None, pid: int | None = None) -> int | None:
    """systemd's watchdog period for this process (µs), or None when there is none for it."""
    env = os.environ if env is None else env
    try:
        interval = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    owner = env.get("WATCHDOG_PID", "")
    if owner and owner != str(os.getpid() if pid is None else pid):
        return None  # meant for another process (a parent's variables, inherited)
    return interval if interval > 0 else None


def barrier(timeout_s: float = BARRIER_TIMEOUT_S, env: Environment | None = None) -> bool:
    """BARRIER=1: wait until systemd has handled every message sent before (before an exit).

    The message carries the write end of a pipe; systemd closes it once it has read all that
    came before, and the read end then reports end-of-file. False without a manager, or when
    none answered within `timeout_s`."""
    address = _address(env)
    if address is None:
        return False
    read_end, write_end = os.pipe()
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            rights = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [write_end]))]
            sock.sendmsg([b"BARRIER=1"], rights, 0, address)
        os.close(write_end)
        write_end = -1
        answered, _, _ = select.select([read_end], [], [], timeout_s)
        return bool(answered)
    except OSError as error:
        log.debug("sd_notify barrier on %s failed: %s", address, error)
        return False
    finally:
        for end in (read_end, write_end):
            if end >= 0:
                os.close(end)


def without_service_variables(env: Environment | None = None) -> dict[str, str]:
    """A copy of the environment for a process that is not the service's main process."""
    env = os.environ if env is None else env
    dropped = (SOCKET_VARIABLE, *WATCHDOG_VARIABLES)
    return {key: value for key, value in env.items() if key not in dropped}


def _status(text: str) -> tuple[str, ...]:
    return (f"STATUS={text}",) if text else ()


def _address(env: Environment | None) -> str | None:
    """The socket's address as `socket` takes it, or None without a usable NOTIFY_SOCKET."""
    name = (os.environ if env is None else env).get(SOCKET_VARIABLE, "")
    if name.startswith("@"):
        return "\0" + name[1:]  # Linux's abstract namespace
    if name.startswith("/"):
        return name
    return None  # unset, or a kind this kiosk does not speak (vsock: for virtual machines)
