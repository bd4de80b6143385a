"""`python tools/soak.py --minutes N [--video FILE]`: the real kiosk, offscreen, for N minutes.

A developer's tool (`make soak`), not part of the shipped kiosk.

The whole kiosk runs as it does on the showroom floor (the analysis thread, the showroom with its
crossfades, the HUD, the music player, the reaction records in a throw-away data folder) on
the demo clip in a loop: the visitor arrives, turns unhappy, the car changes, the visitor
leaves, every 20 s. During the warm-up a member of staff steps through every car once
(`TOUR_STEP_MS` apart), so the showroom's per-car pictures are decoded and rendered before
memory is measured: that is content loaded once, not growth. Its resident memory (RSS) is
sampled all along. At the end one JSON object is printed: RSS at the start (after the warm-up:
the model, the first pass of the clip, every car seen) and at the end, the least-squares slope
in MB per hour, the results the GUI dropped (the one-item mailbox replaced an untaken one),
and the Python threads, QThreads and active QTimers alive at the start, before quitting and
after quitting.

Exit status 1 when RSS grew by more than `--max-growth-mb`, when threads grew, or when any
QThread or QTimer survived the quit; CI runs it for 2 minutes with `--max-growth-mb 10`.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QThread,
    QTimer,
    SignalInstance,
    Slot,
)
from PySide6.QtWidgets import QApplication

from kiosk.paths import demo_clip_path, using_data_dir
from kiosk.settings.pin import unknown_pin_hash
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions
from kiosk.ui.common.settings_store import SettingsStore

MB = 1024 * 1024
STOP_TIMEOUT_MS = 15_000
THREADS_SETTLE_S = 3.0
TOUR_STEP_MS = 1500  # staff stepping through the cars during the warm-up


def resident_mb() -> float | None:
    """This process's resident memory in MB; None where the platform does not say."""
    if sys.platform.startswith("linux"):
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / MB
    if sys.platform == "win32":
        return _windows_resident_mb()
    return None


def _windows_resident_mb() -> float | None:
    if sys.platform != "win32":
        return None
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    process = ctypes.windll.kernel32.GetCurrentProcess()
    if not ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
        return None
    return counters.WorkingSetSize / MB


@dataclass(frozen=True)
class Alive:
    """What is running at one moment."""

    python_threads: int
    qthreads: int
    qtimers: int

    def threads_above(self, earlier: Alive) -> bool:
        return self.python_threads > earlier.python_threads or self.qthreads > earlier.qthreads

    @classmethod
    def now(cls) -> Alive:
        gc.collect()
        objects = gc.get_objects()
        qthreads = sum(1 for o in objects if isinstance(o, QThread) and _safe(o.isRunning))
        qtimers = sum(1 for o in objects if isinstance(o, QTimer) and _safe(o.isActive))
        return cls(threading.active_count(), qthreads, qtimers)


def _safe(query: object) -> bool:
    try:
        return bool(query())  # type: ignore[operator]
    except RuntimeError:  # the C++ object is gone already
        return False


def slope_per_hour(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) samples, in MB per hour (0 with fewer than two)."""
    if len(samples) < 2:
        return 0.0
    n = len(samples)
    mean_t = sum(t for t, _ in samples) / n
    mean_m = sum(m for _, m in samples) / n
    var = sum((t - mean_t) ** 2 for t, _ in samples)
    if var == 0:
        return 0.0
    cov = sum((t - mean_t) * (m - mean_m) for t, m in samples)
    return cov / var * 3600.0


@dataclass
class SoakReport:
    minutes: float
    video: str
    rss_start_mb: float | None = None
    rss_end_mb: float | None = None
    rss_growth_mb: float | None = None
    rss_slope_mb_per_h: float | None = None
    rss_samples: int = 0
    rss_curve: list[tuple[float, float]] = field(default_factory=list)  # (s, MB), at most 13 points
    results: int = 0
    dropped: int = 0
    car_changes: int = 0
    alive_start: Alive | None = None
    alive_before_quit: Alive | None = None
    alive_after_quit: Alive | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    def to_json(self) -> str:
        data = asdict(self)
        data["passed"] = self.passed
        return json.dumps(data)


class _Sampler(QObject):
    """Samples RSS on the GUI thread every `every_s`, from the end of the warm-up."""

    def __init__(self, kiosk: Kiosk, report: SoakReport, warmup_s: float, every_s: float) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._report = report
        self._warmup_s = warmup_s
        self._started = time.monotonic()
        self.samples: list[tuple[float, float]] = []
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(max(50, round(every_s * 1000)))

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.sample()

    def sample(self) -> None:
        """Take one RSS sample now (none during the warm-up)."""
        age = time.monotonic() - self._started
        if age < self._warmup_s:
            return
        rss = resident_mb()
        if rss is None:
            return
        if not self.samples:
            self._report.alive_start = Alive.now()
        self.samples.append((age, rss))


class _Tour(QObject):
    """Steps the showroom through every car once, as staff swiping through them would."""

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._left = 0
        self._timer = QTimer(self, interval=TOUR_STEP_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._left == 0:
            self._left = len(self._kiosk.showroom.cars)  # the catalogue is loaded by the first tick
        self._kiosk.showroom.step(1, self._kiosk.clock.now())
        self._left -= 1
        if self._left <= 0:
            self._timer.stop()


def run_soak(args: argparse.Namespace) -> int:
    """Run the kiosk offscreen for `args.minutes`, print the JSON report; 0 when it held up."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    video = Path(args.video) if args.video else demo_clip_path()
    report = SoakReport(minutes=args.minutes, video=str(video))
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as folder, using_data_dir(Path(folder)):
        _soak(args, video, Path(folder), report)
    print(report.to_json())
    for problem in report.problems:
        print(f"soak: {problem}", file=sys.stderr)
    return 0 if report.passed else 1


def _soak(args: argparse.Namespace, video: Path, folder: Path, report: SoakReport) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = SettingsStore(folder / "settings.ini")
    store.load()
    store.update(replace(store.settings, pin_hash=unknown_pin_hash()))  # set up: the showroom runs
    options = LaunchOptions(
        windowed=True, video=str(video), model_path=args.model, records=True, monitoring=False
    )
    kiosk = Kiosk(store, options)
    changes: list[object] = []
    kiosk.car_shown.connect(lambda *_: changes.append(None))
    results: list[object] = []
    kiosk.controller.result_received.connect(lambda _: results.append(None))
    kiosk.start()
    tour = _Tour(kiosk)
    sampler = _Sampler(kiosk, report, args.warmup_s, args.sample_s)
    _wait(args.minutes * 60.0)
    sampler.sample()  # one last sample, now
    sampler.stop()
    tour.stop()
    report.alive_before_quit = Alive.now()
    report.results, report.dropped = len(results), kiosk.controller.dropped
    report.car_changes = len(changes)
    _quit(app, kiosk)
    report.alive_after_quit = Alive.now()
    _judge(report, sampler.samples, args.max_growth_mb)


def _wait(seconds: float, until: SignalInstance | None = None) -> None:
    """Run the event loop for `seconds`, or until `until` fires; the timer is gone after."""
    loop = QEventLoop()
    timer = QTimer(singleShot=True, interval=round(seconds * 1000))
    timer.timeout.connect(loop.quit)
    if until is not None:
        until.connect(loop.quit)
    timer.start()
    loop.exec()
    timer.stop()


def _quit(app: QCoreApplication, kiosk: Kiosk) -> None:
    finished: list[bool] = []
    kiosk.finished.connect(lambda: finished.append(True))
    kiosk.quit()
    if not finished:
        _wait(STOP_TIMEOUT_MS / 1000, until=kiosk.finished)
    kiosk.controller.wait_stopped()
    kiosk.dispose()
    app.processEvents()
    _settle_threads()


def _settle_threads(timeout_s: float = THREADS_SETTLE_S) -> None:
    """Let threads that were told to end (the reaction store's writer) finish before they are
    counted: one still ending under load is not one left running."""
    deadline = time.monotonic() + timeout_s
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.05)


def _judge(report: SoakReport, samples: list[tuple[float, float]], max_growth_mb: float | None) -> None:
    report.rss_samples = len(samples)
    if len(samples) >= 2:
        report.rss_start_mb = round(samples[0][1], 1)
        report.rss_end_mb = round(samples[-1][1], 1)
        report.rss_growth_mb = round(samples[-1][1] - samples[0][1], 1)
        report.rss_slope_mb_per_h = round(slope_per_hour(samples), 1)
        step = max(1, (len(samples) - 1) // 12)
        picked = samples[::step] if (len(samples) - 1) % step == 0 else [*samples[::step], samples[-1]]
        report.rss_curve = [(round(t), round(mb, 1)) for t, mb in picked]
    elif resident_mb() is not None:
        report.problems.append("too short to measure: no RSS samples after the warm-up")
    growth = report.rss_growth_mb
    if max_growth_mb is not None and growth is not None and growth > max_growth_mb:
        report.problems.append(f"RSS grew by {growth:.1f} MB (limit {max_growth_mb:g} MB)")
    start, before, after = report.alive_start, report.alive_before_quit, report.alive_after_quit
    if start is not None and before is not None and before.threads_above(start):
        report.problems.append(f"threads grew while running: {start} -> {before}")
    if after is not None and (after.qthreads or after.qtimers):
        report.problems.append(f"left running after the quit: {after}")
    if report.results == 0:
        report.problems.append("no analysis result reached the GUI")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/soak.py", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0, metavar="N", help="how long (default 60)")
    parser.add_argument(
        "--video",
        type=Path,
        default=None,
        metavar="FILE",
        help="video to loop (default: the demo clip)",
    )
    parser.add_argument(
        "--model", type=Path, default=None, metavar="PATH", help="ONNX model (default: shipped)"
    )
    parser.add_argument(
        "--max-growth-mb",
        type=float,
        default=None,
        metavar="MB",
        help="fail (exit 1) when RSS grows by more than this after the warm-up",
    )
    parser.add_argument(
        "--warmup-s", type=float, default=30.0, metavar="S", help="RSS is measured from then on (default 30)"
    )
    parser.add_argument("--sample-s", type=float, default=5.0, metavar="S", help=argparse.SUPPRESS)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return run_soak(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
