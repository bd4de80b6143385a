"""/health and /metrics: the status rules on a fake clock, and the HTTP server against slow,
huge, numerous and wrong requests, on loopback only, each wait bounded."""

from __future__ import annotations

import contextlib
import json
import resource
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from kiosk.health import HealthMonitor, HealthServer, HealthThresholds, ServerLimits
from kiosk.health.problems import NOTICE_S, ProblemBoard
from kiosk.health.rules import SyncState


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def healthy_monitor(clock: FakeClock) -> HealthMonitor:
    monitor = HealthMonitor(HealthThresholds(stale_s=5.0), clock=clock, version="9.9")
    monitor.model_changed(True, "v2", ["happy", "sad"])
    monitor.camera_changed("live")
    monitor.frame_analysed(0.02, faces=1, events=["visitor_arrived"])
    return monitor


def test_ok_document_has_every_field() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    clock.now += 0.5
    doc = monitor.snapshot()
    assert doc["status"] == "ok"
    assert doc["camera"] == "live"
    assert doc["fps"] == 1.0
    assert doc["model"] == {"version": "v2", "labels": ["happy", "sad"], "loaded": True}
    assert doc["last_result_age_s"] == pytest.approx(0.5)
    assert doc["uptime_s"] == pytest.approx(0.5)
    assert doc["version"] == "9.9"


def test_stale_results_degrade_after_n_seconds() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    clock.now += 4.9
    assert monitor.status() == "ok"
    clock.now += 0.2
    assert monitor.status() == "degraded"
    monitor.frame_analysed(0.01, faces=0)
    assert monitor.status() == "ok"


def test_camera_lost_longer_than_n_seconds_degrades_and_counts_a_reconnect() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    monitor.camera_changed("reconnecting")
    clock.now += 4.0
    monitor.frame_analysed(0.01, faces=0)  # results keep coming (e.g. the demo clip)
    assert monitor.status() == "ok"  # lost for less than N
    clock.now += 2.0
    monitor.frame_analysed(0.01, faces=0)
    assert monitor.status() == "degraded"
    assert b"kiosk_camera_reconnects_total 1.0" in monitor.metrics_text()


def test_no_model_degrades_and_shutdown_is_down() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    monitor.model_changed(False, problem="emotion.onnx is missing")
    assert monitor.status() == "degraded" and reasons(monitor) == ["model_unavailable"]
    monitor.model_changed(True, "v2", ["happy"])
    monitor.analysis_stopped()
    assert monitor.status() == "down"


def test_start_up_grace_then_degraded_without_frames() -> None:
    clock = FakeClock()
    monitor = HealthMonitor(HealthThresholds(stale_s=5.0), clock=clock)
    monitor.model_changed(True, "v2", ["happy"])
    monitor.camera_changed("live")
    clock.now += 3.0
    assert monitor.status() == "ok"
    clock.now += 3.0
    assert monitor.status() == "degraded"


def test_metrics_count_frames_faces_events_latency_and_memory() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    monitor.frame_analysed(0.2, faces=2, events=["switch_car", "play_uplift"])
    text = monitor.metrics_text().decode()
    assert "kiosk_frames_analysed_total 2.0" in text
    assert "kiosk_faces_total 3.0" in text
    assert 'kiosk_events_total{kind="switch_car"} 1.0' in text
    assert 'kiosk_events_total{kind="visitor_arrived"} 1.0' in text
    assert 'kiosk_analysis_latency_seconds_bucket{le="0.035"} 1.0' in text
    assert "kiosk_analysis_latency_seconds_count 2.0" in text
    rss = next(line for line in text.splitlines() if line.startswith("kiosk_resident_memory_bytes "))
    assert float(rss.split()[1]) > 10e6


# -- the HTTP server ------------------------------------------------------------------------

LIMITS = ServerLimits(max_connections=8, request_timeout_s=0.5, max_request_bytes=4096, write_timeout_s=1.0)


@pytest.fixture
def server() -> Iterator[HealthServer]:
    clock = FakeClock()
    server = HealthServer(healthy_monitor(clock), host="127.0.0.1", port=0, limits=LIMITS)
    server.start()
    yield server
    server.stop()
    assert server._thread is None


def get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read(), response.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers["Content-Type"]


def raw(server: HealthServer, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as conn:
        conn.sendall(data)
        return read_all(conn)


def read_all(conn: socket.socket) -> bytes:
    chunks = []
    while chunk := conn.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_health_and_metrics_over_http(server: HealthServer) -> None:
    code, body, kind = get(server.url + "/health")
    assert code == 200 and kind == "application/json"
    assert json.loads(body)["status"] == "ok"
    code, body, kind = get(server.url + "/metrics")
    assert code == 200 and kind.startswith("text/plain")
    assert b"kiosk_frames_analysed_total 1.0" in body


def test_degraded_is_503_with_the_document(server: HealthServer) -> None:
    server.monitor.model_changed(False, problem="emotion.onnx is missing")
    code, body, _ = get(server.url + "/health?verbose=1")
    assert code == 503
    assert json.loads(body)["status"] == "degraded"


def test_only_get_on_the_two_paths(server: HealthServer) -> None:
    assert get(server.url + "/")[0] == 404
    assert get(server.url + "/health/../etc/passwd")[0] == 404
    for method in ("POST", "PUT", "DELETE", "HEAD", "OPTIONS"):
        reply = raw(server, f"{method} /health HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        assert reply.startswith(b"HTTP/1.1 405 "), method
        assert b"Allow: GET" in reply
    body = raw(server, b"GET /health HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
    assert body.startswith(b"HTTP/1.1 413 ")
    assert raw(server, b"nonsense\r\n\r\n").startswith(b"HTTP/1.1 400 ")


def test_a_huge_request_is_refused(server: HealthServer) -> None:
    header = b"X-Junk: " + b"a" * 100_000 + b"\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as conn:
        conn.sendall(b"GET /health HTTP/1.1\r\n")
        with contextlib.suppress(OSError):  # the server may answer and close while we still send
            conn.sendall(header + b"\r\n")
        reply = read_all_tolerant(conn)
    assert reply.startswith(b"HTTP/1.1 431 ")


def read_all_tolerant(conn: socket.socket) -> bytes:
    chunks = []
    try:
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    except ConnectionResetError:  # what was received before the reset is kept
        pass
    return b"".join(chunks)


def test_slowloris_is_cut_off_at_the_request_timeout(server: HealthServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as conn:
        started = time.monotonic()
        conn.sendall(b"GET /health HTTP/1.1\r\n")
        deadline = started + 3.0
        reply = b""
        conn.settimeout(0.1)
        while time.monotonic() < deadline:  # one header byte every 100 ms, never finishing
            try:
                reply = conn.recv(4096)
                break
            except TimeoutError:
                with contextlib.suppress(OSError):
                    conn.sendall(b"X")
        elapsed = time.monotonic() - started
    assert reply.startswith(b"HTTP/1.1 408 ")
    assert elapsed < LIMITS.request_timeout_s + 1.0


def _connection_budget(wanted: int) -> int:
    """1,000 clients need about 2,000 descriptors (both ends): raise the soft limit if we may."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = 2 * wanted + 200
    if soft < need and (hard == resource.RLIM_INFINITY or hard >= need):
        resource.setrlimit(resource.RLIMIT_NOFILE, (need, hard))
        soft = need
    return min(wanted, (soft - 200) // 2)


def test_a_thousand_connections_cost_the_showroom_nothing(server: HealthServer) -> None:
    count = _connection_budget(1000)
    assert count >= 400, "the descriptor limit is too low to test a flood"
    clients = []
    slowest_report = 0.0
    try:
        for _ in range(count):
            clients.append(socket.create_connection(("127.0.0.1", server.port), timeout=5))
            started = time.perf_counter()  # the GUI thread's work, while the flood goes on
            server.monitor.frame_analysed(0.01, faces=1)
            slowest_report = max(slowest_report, time.perf_counter() - started)
        replies = [read_all_tolerant(client) for client in clients[-50:]]
    finally:
        for client in clients:
            client.close()
    # each is refused at once, or (once a slot freed up) timed out: none is left hanging
    assert all(reply.split(b" ")[1] in (b"503", b"408") for reply in replies), replies[:3]
    assert server.refused >= count // 2
    assert server.peak_connections == LIMITS.max_connections
    assert slowest_report < 0.05
    # and it serves again once they are gone: the server notices the closed sockets on its
    # own thread, so a slot may still be taken for a moment (a "too many connections" 503)
    deadline = time.monotonic() + 5 * LIMITS.request_timeout_s + 2.0
    code, body, _ = get(server.url + "/health")
    while body.startswith(b"too many connections") and time.monotonic() < deadline:
        time.sleep(0.05)
        code, body, _ = get(server.url + "/health")
    assert code == 200 and json.loads(body)["status"] == "ok", body


def test_a_busy_port_is_an_os_error() -> None:
    first = HealthServer(HealthMonitor(), port=0, limits=LIMITS)
    first.start()
    try:
        second = HealthServer(HealthMonitor(), port=first.port, limits=LIMITS)
        with pytest.raises(OSError):
            second.start()
    finally:
        first.stop()


# -- reasons: what degrades, and that each clears with its cause ------------------------------


class WallClock(FakeClock):
    def __init__(self) -> None:
        super().__init__()
        self.now = 1_800_000_000.0


def reasons(monitor: HealthMonitor) -> list[str]:
    return monitor.snapshot()["reasons"]


def test_demo_mode_degrades_only_when_a_camera_was_configured() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    monitor.source_changed("demo", "live", camera_configured=True)
    doc = monitor.snapshot()
    assert doc["status"] == "degraded" and doc["reasons"] == ["demo_mode"] and doc["camera"] == "demo"
    assert b'kiosk_camera_state{kiosk_camera_state="demo"} 1.0' in monitor.metrics_text()
    monitor.source_changed("demo", "live", camera_configured=False)  # --video: no camera was asked for
    assert reasons(monitor) == []
    monitor.source_changed("camera", "live")  # the camera answered: the reason clears
    assert monitor.snapshot()["status"] == "ok" and monitor.snapshot()["camera"] == "live"


def test_no_source_and_a_failed_video_degrade() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    monitor.source_changed("none", "failed")
    clock.now += 4.0
    monitor.frame_analysed(0.01, faces=0)
    assert reasons(monitor) == []  # looking for a camera, for less than N
    clock.now += 2.0
    monitor.frame_analysed(0.01, faces=0)
    assert reasons(monitor) == ["no_camera"]
    monitor.source_changed("video", "failed", camera_configured=False)
    assert reasons(monitor) == ["video_failed"]
    monitor.source_changed("video", "live", camera_configured=False)
    assert reasons(monitor) == []


def test_an_analysis_fault_degrades_until_it_goes() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    monitor.analysis_fault("12 frames in a row failed: onnxruntime error")
    doc = monitor.snapshot()
    assert doc["reasons"] == ["analysis_failing"]
    assert doc["problems"][0]["detail"].startswith("12 frames in a row failed")
    monitor.analysis_fault(None)
    assert reasons(monitor) == []


def test_before_the_analysis_starts_only_reported_problems_count() -> None:
    clock = FakeClock()
    monitor = HealthMonitor(HealthThresholds(stale_s=5.0), clock=clock, running=False)
    clock.now += 60.0
    assert monitor.status() == "ok"  # the set-up screen: no frames expected yet
    monitor.problems.report("setup_pending", "no PIN")
    assert reasons(monitor) == ["setup_pending"]
    monitor.problems.clear("setup_pending")
    monitor.analysis_started()
    monitor.model_changed(True, "v", ["a"])
    monitor.camera_changed("live")
    clock.now += 6.0
    assert reasons(monitor) == ["analysis_failing"]  # counted from the start of the analysis


def test_a_failing_fleet_sync_degrades_after_its_threshold_with_the_cause() -> None:
    clock, wall = FakeClock(), WallClock()
    monitor = HealthMonitor(
        HealthThresholds(stale_s=5.0, fleet_failing_s=300.0), clock=clock, wall_clock=wall
    )
    monitor.model_changed(True, "v", ["a"])
    monitor.camera_changed("live")
    monitor.frame_analysed(0.01, faces=0)
    failing = SyncState(
        enabled=True, failing_since=wall.now, cause="auth", detail="password refused", backlog=7
    )
    monitor.sync_changed(failing)
    wall.now += 299.0
    assert reasons(monitor) == []
    wall.now += 2.0
    doc = monitor.snapshot()
    assert doc["reasons"] == ["fleet_sync_failing"] and doc["fleet"]["cause"] == "auth"
    assert doc["fleet"]["backlog"] == 7 and "password refused" in doc["problems"][0]["detail"]
    monitor.sync_changed(SyncState(enabled=True, last_success=wall.now, backlog=0))
    assert reasons(monitor) == []
    monitor.sync_changed(SyncState(enabled=True, failing_since=wall.now, cause="config", detail="no DSN"))
    assert reasons(monitor) == ["fleet_sync_failing"]  # a setting cannot fix itself: at once


def test_reported_problems_degrade_or_warn_as_declared_and_are_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    with caplog.at_level("INFO", "kiosk.health"):
        monitor.problems.report("music", "no audio output device")
        assert monitor.status() == "ok"  # a warning for staff, not a degraded kiosk
        monitor.problems.report(
            "records_off", "database locked by another process", facts={"reason": "locked"}
        )
        monitor.problems.report(
            "records_off", "database locked by another process", facts={"reason": "locked"}
        )
        assert reasons(monitor) == ["records_off"]
        monitor.problems.clear("records_off")
    assert monitor.status() == "ok"
    lines = [r.getMessage() for r in caplog.records]
    assert lines.count("event problem code=records_off database locked by another process") == 1
    assert "event problem_cleared code=records_off" in lines
    with pytest.raises(ValueError, match="unknown problem code"):
        monitor.problems.report("no_such_code", "x")


def test_a_notice_expires_after_a_day() -> None:
    wall = WallClock()
    board = ProblemBoard(clock=wall)
    board.report("records_recreated", "deleted while running")
    wall.now += NOTICE_S - 1
    assert [p.code for p in board.current()] == ["records_recreated"]
    wall.now += 2
    assert board.current() == ()


def test_the_metrics_an_exporter_is_expected_to_have() -> None:
    clock = FakeClock()
    monitor = healthy_monitor(clock)
    monitor.records_changed(pending=3, dropped=1)
    monitor.disk_checked(5e9)
    monitor.sync_changed(SyncState(enabled=True, last_success=1.7e9, backlog=2, failures={"unreachable": 4}))
    text = monitor.metrics_text().decode()
    for line in (
        'kiosk_info{model_version="v2",version="9.9"} 1.0',
        'kiosk_camera_state{kiosk_camera_state="live"} 1.0',
        "kiosk_frames_analysed_total 1.0",
        "kiosk_records_pending 3.0",
        "kiosk_records_dropped_total 1.0",
        "kiosk_data_disk_free_bytes 5e+09",
        "kiosk_fleet_backlog 2.0",
        "kiosk_fleet_last_success_timestamp_seconds 1.7e+09",
        'kiosk_fleet_sync_failures_total{cause="unreachable"} 4.0',
        'kiosk_problem{code="demo_mode"} 0.0',
    ):
        assert line in text, line
    assert (
        "kiosk_last_face_timestamp_seconds " in text and "kiosk_last_face_timestamp_seconds 0.0" not in text
    )
    assert "process_resident_memory_bytes" in text and "process_start_time_seconds" in text


def test_a_model_still_loading_is_not_yet_a_problem() -> None:
    clock = FakeClock()
    monitor = HealthMonitor(HealthThresholds(stale_s=5.0), clock=clock)
    monitor.camera_changed("live")
    monitor.frame_analysed(0.01, faces=0)
    assert reasons(monitor) == []  # loading (no problem reported) for less than N
    clock.now += 6.0
    monitor.frame_analysed(0.01, faces=0)
    assert reasons(monitor) == ["model_unavailable"]
