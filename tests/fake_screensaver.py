"""A private D-Bus session bus (Debian's dbus-daemon) and a tiny org.freedesktop.ScreenSaver
service on it, so the kiosk's inhibit goes over a real bus.

The service runs in a process of its own (`python fake_screensaver.py ADDRESS`; Qt holds the
GIL during a blocking D-Bus call, so a thread could not answer) and prints one JSON line per
event: `ready`, each call, and `dropped` when a client holding inhibits leaves the bus. Like
the desktops' own it answers Inhibit(s, s) -> u and UnInhibit(u), and refuses other argument
types with InvalidArgs (GDBus checks them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from typing import Any

SERVICE = "org.freedesktop.ScreenSaver"


def start_session_bus() -> tuple[subprocess.Popen[str], str]:
    """A dbus-daemon of its own; returns the process and its address."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        raise RuntimeError("dbus-daemon is missing: apt-get install dbus")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()  # printed once the bus listens
    if not address:
        proc.kill()
        raise RuntimeError("dbus-daemon printed no address")
    return proc, address


def _emit(event: str, **fields: Any) -> None:
    print(json.dumps({"event": event, **fields}), flush=True)


def serve(address: str) -> None:
    from jeepney import HeaderFields, MatchRule, MessageType, new_error, new_method_return
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    owners: dict[int, str] = {}  # cookie -> the client's unique bus name
    cookies = iter(range(42, 1 << 31))
    with open_dbus_connection(bus=address) as conn:
        conn.send_and_get_reply(message_bus.RequestName(SERVICE), timeout=5)
        rule = MatchRule(type="signal", interface="org.freedesktop.DBus", member="NameOwnerChanged")
        conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=5)
        _emit("ready")
        while True:
            msg = conn.receive()
            fields = msg.header.fields
            member = fields.get(HeaderFields.member, "")
            if msg.header.message_type == MessageType.signal and member == "NameOwnerChanged":
                name, _old, new = msg.body
                gone = [c for c, owner in owners.items() if owner == name and not new]
                for cookie in gone:
                    del owners[cookie]
                if gone:
                    _emit("dropped", cookies=gone, active=sorted(owners))
                continue
            if msg.header.message_type != MessageType.method_call:
                continue
            signature = fields.get(HeaderFields.signature, "")
            _emit("call", member=member, signature=signature, body=list(msg.body))
            if member == "Inhibit" and signature == "ss":
                cookie = next(cookies)
                owners[cookie] = fields[HeaderFields.sender]
                conn.send(new_method_return(msg, "u", (cookie,)))
            elif member == "UnInhibit" and signature == "u":
                owners.pop(msg.body[0], None)
                conn.send(new_method_return(msg))
            else:
                text = f"{member}({signature}) is not expected"
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.InvalidArgs", "s", (text,)))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    serve(sys.argv[1])
