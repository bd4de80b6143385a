"""`python tests/kiosk_launcher.py STATE [KIOSK ARGS...]`: the real kiosk, with the camera faked.

The signal tests run the kiosk as a real process in source states that need a camera this
machine does not have: `camera-lost` (a camera that opens, delivers nothing and never comes
back, so the kiosk stays reconnecting) and `no-source` (no camera and no demo clip).
`screen-keeper-fails` makes starting the screen keeper raise, after the analysis thread has
started (an error while starting). Any other STATE runs the kiosk unchanged.

Every STATE gives the data folder (--data-dir) an operator PIN (2580) when its settings have
none, as the kiosk's own set-up would: a kiosk without a PIN shows its set-up screen instead
of the showroom. `KIOSK_LAUNCHER_SIGNALS_READY=FILE` writes FILE once the kiosk has taken over
its stop and reload signals (the first thing `run_gui` does), so that a test can signal it at
a known moment of start-up.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import cv2

TEST_PIN = "2580"


class _LostCamera:
    """Opens once, then every read fails; later opens fail too."""

    opens = 0

    def __init__(self, works: bool) -> None:
        self._open = works

    def isOpened(self) -> bool:  # noqa: N802 (OpenCV's name)
        return self._open

    def read(self) -> tuple[bool, None]:
        return False, None

    def get(self, _prop: int) -> float:
        return 0.0

    def set(self, _prop: int, _value: float) -> bool:
        return False

    def release(self) -> None:
        self._open = False


def _fake_cameras(first_open_works: bool) -> None:
    real = cv2.VideoCapture

    def video_capture(target: Any, *args: Any) -> Any:
        if isinstance(target, int):
            _LostCamera.opens += 1
            return _LostCamera(first_open_works and _LostCamera.opens == 1)
        return real(target, *args)

    cv2.VideoCapture = video_capture  # type: ignore[assignment,misc]


def seed_pin(argv: list[str]) -> None:
    """Give the data folder's settings.ini an operator PIN when it has none."""
    if "--data-dir" not in argv:
        return
    settings = Path(argv[argv.index("--data-dir") + 1]) / "settings.ini"
    if settings.is_file() and re.search(r"^pin_hash=\S", settings.read_text(errors="replace"), re.MULTILINE):
        return
    from kiosk.settings.pin import hash_pin

    pin_hash = hash_pin(TEST_PIN, iterations=1000)
    if not settings.is_file():
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(f"[schema]\nversion=1\n\n[security]\npin_hash={pin_hash}\n", encoding="utf-8")
        return
    from PySide6.QtCore import QSettings

    qs = QSettings(str(settings), QSettings.Format.IniFormat)
    qs.setValue("security/pin_hash", pin_hash)
    qs.sync()


def _announce_signals_ready(path: str) -> None:
    import kiosk.ui.app.gui
    from kiosk.ui.app.process_signals import ProcessSignals

    class Announced(ProcessSignals):
        def __init__(self) -> None:
            super().__init__()
            Path(path).write_text(f"{os.getpid()}\n", encoding="utf-8")

    kiosk.ui.app.gui.ProcessSignals = Announced  # type: ignore[misc]


def _break_screen_keeper() -> None:
    import kiosk.ui.app.screensaver

    def start(_self: object) -> None:
        raise RuntimeError("the screen keeper broke (kiosk_launcher)")

    kiosk.ui.app.screensaver.ScreenKeeper.start = start  # type: ignore[method-assign]


def main() -> int:
    state, argv = sys.argv[1], sys.argv[2:]
    seed_pin(argv)
    if os.environ.get("KIOSK_LAUNCHER_SIGNALS_READY"):
        _announce_signals_ready(os.environ["KIOSK_LAUNCHER_SIGNALS_READY"])
    if state in ("camera-lost", "no-source"):
        _fake_cameras(first_open_works=state == "camera-lost")
    if state == "screen-keeper-fails":
        _break_screen_keeper()
    if state == "no-source":
        import kiosk.ui.app.settings_apply

        missing = Path(__file__).with_name("no-such-demo.mp4")
        kiosk.ui.app.settings_apply.demo_clip_path = lambda: missing
    from kiosk.app import main as kiosk_main

    return kiosk_main(argv)


if __name__ == "__main__":
    sys.exit(main())
