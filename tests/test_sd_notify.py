"""kiosk.appliance.sd_notify against a real AF_UNIX datagram socket (path and abstract forms)."""

from __future__ import annotations

import os
import socket
import time
import uuid
from pathlib import Path

import pytest
from notify_socket import NotifySocket

from kiosk.appliance import sd_notify

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="AF_UNIX sockets")


def _abstract_name() -> str:
    return f"@kiosk-test-{uuid.uuid4().hex}"


@pytest.mark.parametrize("form", ["path", "abstract"])
def test_each_message_arrives_as_one_datagram_of_fields(form: str) -> None:
    with NotifySocket(None if form == "path" else _abstract_name()) as fake:
        env = {"NOTIFY_SOCKET": fake.env}
        assert sd_notify.ready("Showroom running", env=env)
        assert sd_notify.status("two\nlines", env=env)
        assert sd_notify.watchdog(env=env)
        assert sd_notify.reloading(env=env, clock_ns=lambda: 12_345_678_000)
        assert sd_notify.stopping(env=env)
        fake.wait_for("STOPPING=1")
    assert [d.fields for d in fake.received] == [
        ("READY=1", "STATUS=Showroom running"),
        ("STATUS=two lines",),  # a field never spans lines: the protocol splits on them
        ("WATCHDOG=1",),
        ("RELOADING=1", "MONOTONIC_USEC=12345678"),
        ("STOPPING=1",),
    ]


def test_the_reload_time_is_the_monotonic_clock_in_microseconds() -> None:
    with NotifySocket() as fake:
        before = _monotonic_us()
        assert sd_notify.reloading(env={"NOTIFY_SOCKET": fake.env})
        after = _monotonic_us()
        (datagram,) = fake.wait_for("RELOADING=1")
    stamp = int(next(f for f in datagram.fields if f.startswith("MONOTONIC_USEC=")).split("=")[1])
    assert before <= stamp <= after


def _monotonic_us() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000


def test_without_notify_socket_every_function_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    for call in (sd_notify.ready, sd_notify.reloading, sd_notify.stopping, sd_notify.watchdog):
        assert call() is False
    assert sd_notify.status("x") is False
    assert sd_notify.barrier(timeout_s=0.1) is False
    assert sd_notify.notify("READY=1", env={"NOTIFY_SOCKET": "vsock:2:1234"}) is False  # not spoken here


def test_a_socket_nobody_listens_on_is_not_an_error(tmp_path: Path) -> None:
    env = {"NOTIFY_SOCKET": str(tmp_path / "gone")}
    assert sd_notify.ready(env=env) is False
    assert sd_notify.barrier(timeout_s=0.1, env=env) is False


def test_the_environment_is_read_when_none_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    with NotifySocket() as fake:
        monkeypatch.setenv("NOTIFY_SOCKET", fake.env)
        assert sd_notify.watchdog()
        fake.wait_for("WATCHDOG=1")


def test_the_barrier_returns_once_the_manager_has_read_what_came_before() -> None:
    with NotifySocket() as fake:
        env = {"NOTIFY_SOCKET": fake.env}
        assert sd_notify.ready(env=env)
        assert sd_notify.barrier(timeout_s=5, env=env)  # the fake closes the fd it was sent
        assert [d.fields for d in fake.received] == [("READY=1",), ("BARRIER=1",)]


def test_a_barrier_nobody_answers_times_out(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as silent:
        silent.bind(str(path))  # bound, never read: the fd in the message stays open
        assert sd_notify.barrier(timeout_s=0.2, env={"NOTIFY_SOCKET": str(path)}) is False


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"WATCHDOG_USEC": "30000000"}, 30_000_000),
        ({"WATCHDOG_USEC": "300000", "WATCHDOG_PID": str(os.getpid())}, 300_000),
        ({"WATCHDOG_USEC": "300000", "WATCHDOG_PID": "1"}, None),  # another process's
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({}, None),
    ],
)
def test_the_watchdog_interval_is_ours_only(env: dict[str, str], expected: int | None) -> None:
    assert sd_notify.watchdog_interval_us(env=env) == expected


def test_under_systemd_and_a_child_environment() -> None:
    assert sd_notify.under_systemd({"INVOCATION_ID": "abc"})
    assert sd_notify.under_systemd({"NOTIFY_SOCKET": "/run/x"})
    assert not sd_notify.under_systemd({"PATH": "/usr/bin"})
    env = {"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "1", "WATCHDOG_PID": "2", "DISPLAY": ":0"}
    assert sd_notify.without_service_variables(env) == {"DISPLAY": ":0"}
