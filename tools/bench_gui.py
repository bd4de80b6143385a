"""How much GUI-thread time the kiosk spends per analysed frame (a benchmark, not a test).

    python tools/bench_gui.py --video FILE [--seconds 10] [--model PATH] [--size 1920x1080]

Runs the real kiosk window on a video (paced at its frame rate, as a camera would be) and
times, on the GUI thread, each result's handling including a synchronous repaint of the HUD
(and the showroom beneath it), plus full-window repaints during crossfades (one is started
every few seconds). Prints median / p95 / max in milliseconds and the results the GUI
skipped (dropped in the worker's one-item mailbox). Uses a temporary data folder.
Without a display, run it with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from kiosk.paths import set_data_dir
from kiosk.session.results import AnalysisResult
from kiosk.settings.pin import unknown_pin_hash
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions
from kiosk.ui.common.settings_store import SettingsStore

SWITCH_EVERY_MS = 3000


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python tools/bench_gui.py", description=__doc__.splitlines()[0])
    parser.add_argument("--video", type=Path, required=True, metavar="FILE", help="video to play (looped)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to run (default 10)")
    parser.add_argument(
        "--model", type=Path, default=None, metavar="PATH", help="ONNX model (default: shipped)"
    )
    parser.add_argument("--size", default="1920x1080", metavar="WxH", help="window size (default 1920x1080)")
    return parser.parse_args(argv)


def _stats(values: list[float]) -> str:
    if not values:
        return "n/a"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    return f"median {median:.2f} ms, p95 {p95:.2f} ms, max {ordered[-1]:.2f} ms (n={len(ordered)})"


class GuiProbe(QObject):
    """Replaces the kiosk's result slot with a timed one; starts a crossfade now and then."""

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.handling_ms: list[float] = []
        self.fade_frame_ms: list[float] = []
        self.analyse_ms: list[float] = []
        self.frames_read = 0
        kiosk.controller.result_received.disconnect(kiosk._on_result_received)
        kiosk.controller.result_received.connect(self._on_result_received)
        self._switcher = QTimer(self)
        self._switcher.timeout.connect(self._on_switcher_timeout)
        self._switcher.start(SWITCH_EVERY_MS)

    @Slot(object)
    def _on_result_received(self, result: AnalysisResult) -> None:
        started = time.perf_counter()
        self.kiosk._on_result_received(result)
        self.kiosk.window.hud.repaint()
        self.handling_ms.append((time.perf_counter() - started) * 1000.0)
        self.analyse_ms.append(result.analyse_ms)
        self.frames_read = result.frames_read
        showroom = self.kiosk.window.showroom
        if showroom.is_fading:
            started = time.perf_counter()
            showroom.repaint()
            self.fade_frame_ms.append((time.perf_counter() - started) * 1000.0)

    @Slot()
    def _on_switcher_timeout(self) -> None:
        self.kiosk.showroom.step(1, self.kiosk.clock.now())


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if not args.video.is_file():
        print(f"error: video file {args.video} does not exist", file=sys.stderr)
        return 2
    width, height = (int(v) for v in args.size.lower().split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        set_data_dir(Path(folder))
        store = SettingsStore(Path(folder) / "settings.ini")
        store.load()
        store.update(replace(store.settings, pin_hash=unknown_pin_hash()))  # set up: the showroom runs
        options = LaunchOptions(windowed=True, video=str(args.video), model_path=args.model, records=False)
        kiosk = Kiosk(store, options)
        probe = GuiProbe(kiosk)
        kiosk.finished.connect(app.quit)
        kiosk.start()
        kiosk.window.resize(width, height)
        QTimer.singleShot(round(args.seconds * 1000), kiosk, kiosk.quit)
        app.exec()
        kiosk.controller.wait_stopped()
        _report(args, probe, kiosk)
        kiosk.dispose()
        set_data_dir(None)
    return 0


def _report(args: argparse.Namespace, probe: GuiProbe, kiosk: Kiosk) -> None:
    taken = kiosk.controller.results_taken
    dropped = kiosk.controller.dropped
    print(
        f"GUI bench: {args.video.name}, {args.seconds:g} s, window {args.size}, model loaded: "
        f"{kiosk.status.model_loaded}"
    )
    print(f"  frames read by the worker      {probe.frames_read}")
    print(f"  results shown / dropped        {taken} / {dropped}")
    print(f"  GUI time per result (+HUD paint) {_stats(probe.handling_ms)}")
    print(f"  full repaint during crossfade  {_stats(probe.fade_frame_ms)}")
    print(f"  worker analysis per frame      {_stats(probe.analyse_ms)}")


if __name__ == "__main__":
    raise SystemExit(main())
