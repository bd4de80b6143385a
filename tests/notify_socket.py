"""A fake systemd notify socket: a real AF_UNIX datagram socket that a thread reads.

`with NotifySocket(path) as fake:` binds it (a path, or "@name" for an abstract socket: the
form NOTIFY_SOCKET takes; by default a path in a short temporary folder, as socket paths are
limited to 107 bytes), and `fake.env` is what to put in NOTIFY_SOCKET. Each datagram is
kept with the monotonic time it arrived; a BARRIER=1's file descriptor is closed at once, as
systemd does once it has read what came before.
"""

from __future__ import annotations

import array
import os
import select
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType


@dataclass(frozen=True)
class Datagram:
    at: float  # time.monotonic() when it arrived
    fields: tuple[str, ...]

    def has(self, field: str) -> bool:
        return field in self.fields


class NotifySocket:
    def __init__(self, name: str | Path | None = None) -> None:
        self._folder = tempfile.mkdtemp(prefix="notify-") if name is None else None
        self.env = str(name) if name is not None else str(Path(str(self._folder)) / "socket")
        address = "\0" + self.env[1:] if self.env.startswith("@") else self.env
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._sock.bind(address)
        self._received: list[Datagram] = []
        self._changed = threading.Condition()
        self._closing = False
        self._thread = threading.Thread(target=self._read, name="fake-notify-socket", daemon=True)

    def __enter__(self) -> NotifySocket:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._closing = True
        self._thread.join(timeout=5)
        self._sock.close()
        if not self.env.startswith("@"):
            Path(self.env).unlink(missing_ok=True)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

    @property
    def received(self) -> list[Datagram]:
        with self._changed:
            return list(self._received)

    def with_field(self, field: str) -> list[Datagram]:
        return [d for d in self.received if d.has(field)]

    def wait_for(self, field: str, count: int = 1, timeout_s: float = 20.0) -> list[Datagram]:
        """The datagrams holding `field` once there are `count` of them; AssertionError on timeout."""
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while len([d for d in self._received if d.has(field)]) < count:
                left = deadline - time.monotonic()
                if left <= 0 or not self._changed.wait(left):
                    missing = f"{count} x {field!r} not received in {timeout_s:g} s"
                    raise AssertionError(f"{missing}: {self._received}")
            return [d for d in self._received if d.has(field)]

    def _read(self) -> None:
        fd_size = array.array("i").itemsize
        while not self._closing:
            ready, _, _ = select.select([self._sock], [], [], 0.05)
            if not ready:
                continue
            data, ancillary, _flags, _addr = self._sock.recvmsg(4096, socket.CMSG_SPACE(4 * fd_size))
            datagram = Datagram(time.monotonic(), tuple(data.decode("utf-8").split("\n")))
            with self._changed:
                self._received.append(datagram)
                self._changed.notify_all()
            for level, kind, payload in ancillary:  # after it is kept: BARRIER=1 returns then
                if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                    for fd in array.array("i", payload[: len(payload) - len(payload) % fd_size]):
                        os.close(fd)  # BARRIER=1: "read all before it"
