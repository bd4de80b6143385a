"""`GET /health` and `GET /metrics` over HTTP, served by one asyncio loop in its own thread. No Qt.

The showroom must never pay for a monitoring client, however slow or hostile:
- the server has its own thread and event loop; a request costs one lock-protected copy of the
  monitor's state (`HealthMonitor.snapshot`), never a call into the GUI;
- at most `max_connections` connections are served at once; any beyond that are answered
  `503` at once and closed (no read, no wait), so 1,000 connections cost 1,000 accepts;
- the whole request head must arrive within `request_timeout_s` (a slowloris dribbling bytes
  gets `408`), and may be at most `max_request_bytes` (a huge request gets `431`);
- only `GET` (and no body) on exactly `/health` and `/metrics` is served: other methods get
  `405`, other paths `404`; each connection serves one request and is closed.

It binds to loopback unless told otherwise (`host`); `port=0` takes a free port (tests).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import socket
import threading
from dataclasses import dataclass
from typing import Final

from prometheus_client import CONTENT_TYPE_LATEST

from kiosk.health.monitor import HealthMonitor

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "HealthServer", "ServerLimits"]

log = logging.getLogger(__name__)

DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 9464
_REASONS: Final = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    413: "Content Too Large",
    431: "Request Header Fields Too Large",
    503: "Service Unavailable",
}


@dataclass(frozen=True)
class ServerLimits:
    max_connections: int = 32
    request_timeout_s: float = 5.0  # for the whole request head, not per byte
    max_request_bytes: int = 8192
    write_timeout_s: float = 5.0
    backlog: int = 128

    def __post_init__(self) -> None:
        if self.max_connections < 1 or self.max_request_bytes < 256 or self.request_timeout_s <= 0:
            raise ValueError(f"unusable server limits: {self}")


@dataclass(frozen=True)
class _Response:
    code: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    extra: tuple[tuple[str, str], ...] = ()

    def encode(self) -> bytes:
        head = [
            f"HTTP/1.1 {self.code} {_REASONS[self.code]}",
            f"Content-Type: {self.content_type}",
            f"Content-Length: {len(self.body)}",
            "Cache-Control: no-store",
            "Connection: close",
            *(f"{name}: {value}" for name, value in self.extra),
        ]
        return ("\r\n".join(head) + "\r\n\r\n").encode("ascii") + self.body


def _plain(code: int, text: str | None = None) -> _Response:
    return _Response(code, ((text or _REASONS[code]) + "\n").encode("utf-8"))


class HealthServer:
    """Serves a `HealthMonitor`. `start()` binds (raising OSError if it cannot) and serves;
    `stop()` closes every connection and ends the thread."""

    def __init__(
        self,
        monitor: HealthMonitor,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        limits: ServerLimits = ServerLimits(),
    ) -> None:
        self.monitor = monitor
        self.host = host
        self.limits = limits
        self._port = port
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._active = 0
        self._track: set[asyncio.Task[None]] = set()  # open connections, cancelled by stop()
        self.refused = 0  # connections answered 503 because too many were open
        self.peak_connections = 0  # the most served at once

    @property
    def port(self) -> int:
        """The bound port (the one taken, when constructed with port 0)."""
        return self._port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> None:
        family = socket.AF_INET6 if ipaddress.ip_address(self.host).version == 6 else socket.AF_INET
        self._socket = socket.create_server(
            (self.host, self._port), family=family, backlog=self.limits.backlog, reuse_port=False
        )
        self._port = int(self._socket.getsockname()[1])  # still known once the socket is closed
        self._thread = threading.Thread(target=self._run, name="health-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(5.0):
            raise OSError(f"the health server on {self.url} did not start within 5 s")
        log.info("event health_server_started url=%s", self.url)

    def stop(self, timeout_s: float = 5.0) -> None:
        """Close the listening socket and every connection; safe to call twice."""
        loop, stopping, thread = self._loop, self._stopping, self._thread
        if loop is not None and stopping is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop ended meanwhile
                loop.call_soon_threadsafe(stopping.set)
        if thread is not None:
            thread.join(timeout_s)
        self._thread = None

    # -- the server thread ---------------------------------------------------------------

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _serve(self) -> None:
        assert self._socket is not None
        self._stopping = asyncio.Event()
        server = await asyncio.start_server(
            self._on_connection, sock=self._socket, limit=self.limits.max_request_bytes
        )
        tasks = self._track
        self._ready.set()
        async with server:
            await self._stopping.wait()
            server.close()
            for task in list(tasks):
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _on_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._track.add(task)
        try:
            if self._active >= self.limits.max_connections:
                self.refused += 1
                await self._send(writer, _plain(503, "too many connections"))
                return
            self._active += 1
            self.peak_connections = max(self.peak_connections, self._active)
            try:
                await self._send(writer, await self._answer(reader))
            finally:
                self._active -= 1
        finally:
            if not writer.transport.is_closing():  # a timed-out or failed send
                writer.transport.abort()
            if task is not None:
                self._track.discard(task)

    async def _answer(self, reader: asyncio.StreamReader) -> _Response:
        limits = self.limits
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), limits.request_timeout_s)
        except asyncio.TimeoutError:
            return _plain(408)
        except asyncio.LimitOverrunError:
            return _plain(431)
        except (asyncio.IncompleteReadError, ConnectionError):
            return _plain(400)
        return self._route(head)

    def _route(self, head: bytes) -> _Response:
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            return _plain(400)
        method, target, _ = parts
        if method != "GET":
            return _Response(405, b"only GET\n", extra=(("Allow", "GET"),))
        if _has_body(lines[1:]):
            return _plain(413, "a GET request takes no body")
        path = target.split("?", 1)[0]
        if path == "/health":
            document = self.monitor.snapshot()
            body = json.dumps(document, sort_keys=True).encode("utf-8") + b"\n"
            return _Response(200 if document["status"] == "ok" else 503, body, "application/json")
        if path == "/metrics":
            return _Response(200, self.monitor.metrics_text(), CONTENT_TYPE_LATEST)
        return _plain(404)

    async def _send(self, writer: asyncio.StreamWriter, response: _Response) -> None:
        with contextlib.suppress(ConnectionError, asyncio.TimeoutError):
            writer.write(response.encode())
            await asyncio.wait_for(writer.drain(), self.limits.write_timeout_s)
            writer.close()
            await asyncio.wait_for(writer.wait_closed(), self.limits.write_timeout_s)


def _has_body(header_lines: list[str]) -> bool:
    for line in header_lines:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "transfer-encoding" or (name == "content-length" and value.strip() not in ("", "0")):
            return True
    return False
