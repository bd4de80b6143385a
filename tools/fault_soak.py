"""The fault soak: the real kiosk, offscreen, for N minutes while its world keeps breaking.

    python tools/fault_soak.py --minutes 30 [--json FILE]        (make soak-faults)

The kiosk runs as it does in a showroom (`python -m kiosk`, its own process, set up with a PIN)
on a network camera on loopback (tools/mjpeg_camera.py serving the demo clip, whose visitor
turns unhappy every 20 s), with its data folder on a small disk of its own: a tmpfs mounted in
a private user and mount namespace (`unshare --user --map-root-user --mount`, no root needed).
On a schedule, one fault after another, again and again:

    camera     the camera is unplugged for 40 s, then plugged in again
    db_lock    another process holds the reaction database (BEGIN EXCLUSIVE) for 40 s
    disk_full  a file fills the data disk for 40 s, then is deleted
    sighup     SIGHUP (reload the settings, reopen the log)

/health is read every 2 s (its status and reasons are kept as a timeline), the kiosk's resident
memory every 10 s. At the end the kiosk is stopped with SIGTERM and the soak checks: no crash
(it ran to the end and exited 0), every exposure it logged (`event car_shown`) is in the
database (those lost are listed with whether they fell in a fault's window), /health came back
to "ok" after the last fault, and RSS grew by less than --max-growth-mb after the warm-up.
One JSON object is printed; the exit status is 1 when a check failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from mjpeg_camera import MjpegCamera, clip_frames  # noqa: E402

IN_NAMESPACE = "KIOSK_FAULT_SOAK_NS"
NO_DISK = "KIOSK_FAULT_SOAK_NO_DISK"  # why there is no small disk (no user namespaces here)
DISK_MB = 48  # the data disk: room for the kiosk's files, quickly filled
FAULT_S = 40.0  # how long each fault lasts
GAP_S = 75.0  # from the start of one fault to the next
WARMUP_S = 60.0  # before the first fault; RSS is measured from then on
RECOVERY_S = 90.0  # after the last fault, for /health to come back
START_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 20.0
MB = 1024 * 1024
CAR_SHOWN = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) INFO kiosk(?:\.\w+)*: event car_shown car=(\S+)"
)


@dataclass
class Window:
    kind: str
    start: float  # wall clock
    end: float


@dataclass
class Report:
    minutes: float
    faults: list[dict[str, object]] = field(default_factory=list)
    exit_status: int | None = None
    crashed: bool = False
    exposures_logged: int = 0
    exposures_recorded: int = 0
    lost: list[dict[str, object]] = field(default_factory=list)
    lost_outside_faults: int = 0
    health_samples: int = 0
    health_degraded_samples: int = 0
    reasons_seen: dict[str, int] = field(default_factory=dict)
    health_at_end: str = ""
    health_back_ok_after_s: float | None = None
    disk_full_skipped: str = ""  # why, when the disk could not be filled (no small disk here)
    rss_mb_start: float | None = None
    rss_mb_end: float | None = None
    rss_growth_mb: float | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


# -- the namespace --------------------------------------------------------------------------------


NAMESPACE = ("--user", "--map-root-user", "--mount")


def in_private_disk(argv: Sequence[str]) -> int | None:
    """Re-run this script in a user and mount namespace of its own, where it can mount its small
    data disk; None when it is in one already, or when namespaces are not allowed here (then it
    runs without the disk_full fault, and its report says why)."""
    if os.environ.get(IN_NAMESPACE):
        return None
    problem = namespace_problem()
    if problem:
        os.environ[NO_DISK] = problem
        return None
    command = ["unshare", *NAMESPACE, sys.executable, __file__, *argv]
    return subprocess.run(command, env={**os.environ, IN_NAMESPACE: "1"}, check=False).returncode


def namespace_problem() -> str:
    """Why no tmpfs can be mounted in a user and mount namespace here ("" when it can)."""
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is missing"
    probe = subprocess.run(
        ["unshare", *NAMESPACE, "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
        capture_output=True,
        text=True,
        check=False,
    )
    return "" if probe.returncode == 0 else (probe.stderr.strip() or f"status {probe.returncode}")


def mount_small_disk(folder: Path, megabytes: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(folder)], check=True)


# -- the kiosk -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def prepare_settings(data: Path, health_port: int) -> None:
    """A kiosk set up as a dealer's would be: a PIN (nobody's), /health on a free port."""
    from dataclasses import replace

    from kiosk.settings.pin import unknown_pin_hash
    from kiosk.ui.common.settings_store import SettingsStore

    store = SettingsStore(data / "settings.ini")
    store.load()
    store.update(replace(store.settings, pin_hash=unknown_pin_hash(), health_port=health_port))


def start_kiosk(data: Path, camera_url: str, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(IN_NAMESPACE, None)
    command = [sys.executable, "-m", "kiosk", "--windowed", "--camera", camera_url, "--data-dir", str(data)]
    with open(log, "wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def health(port: int) -> dict[str, object] | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=3) as response:
            return dict(json.loads(response.read()))
    except urllib.error.HTTPError as error:
        return dict(json.loads(error.read()))
    except (OSError, ValueError):
        return None


def rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except (OSError, ValueError, IndexError):
        return None


# -- the faults ----------------------------------------------------------------------------------


class Faults:
    """Starts and ends each fault; `windows` says when each one lasted (wall clock)."""

    def __init__(self, camera: MjpegCamera, db: Path, data: Path, kiosk: subprocess.Popen[bytes]) -> None:
        self.camera, self.db, self.data, self.kiosk = camera, db, data, kiosk
        self.windows: list[Window] = []
        self._locker: subprocess.Popen[bytes] | None = None
        self._filler = data / "filler.bin"

    def begin(self, kind: str) -> None:
        self.windows.append(Window(kind, time.time(), time.time()))
        getattr(self, f"_begin_{kind}")()

    def end(self, kind: str) -> None:
        getattr(self, f"_end_{kind}")()
        self.windows[-1].end = time.time()

    def _begin_camera(self) -> None:
        self.camera.pause()

    def _end_camera(self) -> None:
        self.camera.resume()

    def _begin_db_lock(self) -> None:
        code = (
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(float(sys.argv[2]))\n"
            "c.execute('COMMIT')\n"
        )
        self._locker = subprocess.Popen(
            [sys.executable, "-c", code, str(self.db), str(FAULT_S)], stdout=subprocess.PIPE
        )
        assert self._locker.stdout is not None
        self._locker.stdout.readline()  # held from here

    def _end_db_lock(self) -> None:
        if self._locker is not None:
            self._locker.wait(FAULT_S + 30)
            self._locker = None

    def _begin_disk_full(self) -> None:
        fd = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            for size in (MB, 4096, 1):  # to the last byte
                with contextlib.suppress(OSError):  # ENOSPC: full
                    while True:
                        os.write(fd, b"\0" * size)
        finally:
            os.close(fd)

    def _end_disk_full(self) -> None:
        self._filler.unlink(missing_ok=True)

    def _begin_sighup(self) -> None:
        self.kiosk.send_signal(signal.SIGHUP)

    def _end_sighup(self) -> None:
        """Nothing to undo."""


def schedule(minutes: float) -> list[tuple[float, str, float]]:
    """(start offset s, kind, duration s) of each fault, cycling through the four kinds."""
    kinds = ("camera", "db_lock", "disk_full", "sighup")
    last_start = minutes * 60.0 - RECOVERY_S - FAULT_S
    plan, t, index = [], WARMUP_S, 0
    while t <= last_start or index < len(kinds):
        kind = kinds[index % len(kinds)]
        plan.append((t, kind, 1.0 if kind == "sighup" else FAULT_S))
        t += GAP_S
        index += 1
        if t > last_start and index >= len(kinds):
            break
    return plan


# -- the run -------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> Report:
    report = Report(minutes=args.minutes)
    work = Path(tempfile.mkdtemp(prefix="kiosk-fault-soak-"))
    data = work / "data"
    report.disk_full_skipped = os.environ.get(NO_DISK, "")
    if report.disk_full_skipped:
        data.mkdir()
        print(f"fault soak: no disk_full fault: {report.disk_full_skipped}", file=sys.stderr)
    else:
        mount_small_disk(data, DISK_MB)
    frames, fps = clip_frames(ROOT / "resources" / "demo" / "demo.mp4")
    port = free_port()
    prepare_settings(data, port)
    log = work / "kiosk.log"
    with MjpegCamera(frames, fps) as camera:
        kiosk = start_kiosk(data, camera.url, log)
        faults = Faults(camera, data / "reactions.sqlite3", data, kiosk)
        try:
            _wait_for(lambda: "event camera_found" in log.read_text(errors="replace"), START_TIMEOUT_S, kiosk)
            _drive(args, kiosk, faults, port, report)
        finally:
            _stop(kiosk, report)
    _count_exposures(log, data / "reactions.sqlite3", faults.windows, report)
    report.faults = [asdict(w) for w in faults.windows]
    _judge(report, args.max_growth_mb)
    if args.keep_log:
        shutil.copy(log, args.keep_log)
    shutil.rmtree(work, ignore_errors=True)
    return report


def _wait_for(condition: Callable[[], bool], timeout_s: float, kiosk: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if kiosk.poll() is not None:
            raise RuntimeError(f"the kiosk ended during start-up with status {kiosk.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the kiosk did not start within {timeout_s:g} s")
        time.sleep(0.5)


def _drive(
    args: argparse.Namespace, kiosk: subprocess.Popen[bytes], faults: Faults, port: int, report: Report
) -> None:
    started = time.monotonic()
    plan = [p for p in schedule(args.minutes) if not (report.disk_full_skipped and p[1] == "disk_full")]
    pending = list(plan)
    active: list[tuple[float, str]] = []  # (end offset, kind)
    samples: list[tuple[float, float]] = []
    last_health = last_rss = -1e9
    last_fault_end = 0.0
    back_ok_at: float | None = None
    while (now := time.monotonic() - started) < args.minutes * 60.0:
        if kiosk.poll() is not None:
            report.crashed = True
            report.problems.append(f"the kiosk ended at {now:.0f} s with status {kiosk.returncode}")
            return
        while pending and pending[0][0] <= now:
            _start, kind, length = pending.pop(0)
            faults.begin(kind)
            active.append((now + length, kind))
            print(f"fault soak: {now:6.0f} s {kind} begins", file=sys.stderr, flush=True)
        for end, kind in [a for a in active if a[0] <= now]:
            faults.end(kind)
            active.remove((end, kind))
            last_fault_end = now
            back_ok_at = None
            print(f"fault soak: {now:6.0f} s {kind} ends", file=sys.stderr, flush=True)
        if now - last_health >= 2.0:
            last_health = now
            document = health(port)
            report.health_samples += 1
            status = str(document.get("status")) if document else "unreachable"
            if status != "ok":
                report.health_degraded_samples += 1
                for reason in document.get("reasons", []) if document else ["unreachable"]:  # type: ignore[union-attr]
                    report.reasons_seen[str(reason)] = report.reasons_seen.get(str(reason), 0) + 1
            elif back_ok_at is None and not active and not pending:
                back_ok_at = now
                report.health_back_ok_after_s = round(now - last_fault_end, 1)
            report.health_at_end = status
        if now - last_rss >= 10.0:
            last_rss = now
            rss = rss_mb(kiosk.pid)
            if rss is not None and now >= WARMUP_S:
                samples.append((now, rss))
        time.sleep(0.25)
    if samples:
        report.rss_mb_start, report.rss_mb_end = round(samples[0][1], 1), round(samples[-1][1], 1)
        report.rss_growth_mb = round(samples[-1][1] - samples[0][1], 1)


def _stop(kiosk: subprocess.Popen[bytes], report: Report) -> None:
    if kiosk.poll() is None:
        kiosk.send_signal(signal.SIGTERM)
        try:
            kiosk.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            kiosk.kill()
            kiosk.wait()
            report.problems.append(f"the kiosk did not stop within {STOP_TIMEOUT_S:g} s of SIGTERM")
    report.exit_status = kiosk.returncode


def _count_exposures(log: Path, db: Path, windows: list[Window], report: Report) -> None:
    shown = []
    for line in log.read_text(errors="replace").splitlines():
        match = CAR_SHOWN.match(line)
        if match:
            moment = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S,%f").astimezone()
            shown.append((moment.timestamp(), match.group(2)))
    report.exposures_logged = len(shown)
    recorded: list[tuple[float, str]] = []
    if db.exists():
        with sqlite3.connect(db) as conn:
            for started_at, car in conn.execute(
                "SELECT started_at, car_id FROM exposures ORDER BY started_at"
            ):
                recorded.append((datetime.fromisoformat(started_at).timestamp(), car))
    report.exposures_recorded = len(recorded)
    unmatched = list(recorded)
    for moment, car in shown:
        match = next((r for r in unmatched if r[1] == car and abs(r[0] - moment) < 1.5), None)
        if match is not None:
            unmatched.remove(match)
            continue
        inside = [w.kind for w in windows if w.start - 2 <= moment <= w.end + 2]
        report.lost.append(
            {"at": datetime.fromtimestamp(moment, timezone.utc).isoformat(), "car": car, "during": inside}
        )
    report.lost_outside_faults = sum(1 for lost in report.lost if not lost["during"])


def _judge(report: Report, max_growth_mb: float) -> None:
    if report.exit_status != 0:
        report.problems.append(f"the kiosk's exit status was {report.exit_status}, not 0")
    if report.lost_outside_faults:
        report.problems.append(f"{report.lost_outside_faults} exposures outside the faults were not recorded")
    if report.exposures_logged == 0:
        report.problems.append("no car was shown: the soak proves nothing")
    if report.health_at_end != "ok":
        report.problems.append(f"/health says {report.health_at_end!r} at the end, not ok")
    if report.rss_growth_mb is not None and report.rss_growth_mb > max_growth_mb:
        report.problems.append(f"RSS grew by {report.rss_growth_mb} MB (limit {max_growth_mb:g})")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--max-growth-mb", type=float, default=20.0)
    parser.add_argument("--json", type=Path, default=None, help="also write the report to FILE")
    parser.add_argument("--keep-log", type=Path, default=None, help="copy the kiosk's log to FILE")
    args = parser.parse_args(argv)
    outer = in_private_disk(argv)
    if outer is not None:
        return outer
    report = run(args)
    text = json.dumps({**asdict(report), "passed": report.passed}, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    for problem in report.problems:
        print(f"fault soak: {problem}", file=sys.stderr)
    return 0 if report.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
