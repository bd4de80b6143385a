"""`python tests/kiosk_launcher.py STATE [KIOSK ARGS...]`: the real kiosk, with the camera faked.

The signal tests run the kiosk as a real process in source states that need a camera this
machine does not have: `camera-lost` (a camera that opens, delivers nothing and never comes
back, so the kiosk stays reconnecting) and `no-source` (no camera and no demo clip). Any other
STATE runs the kiosk unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import cv2


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


def main() -> int:
    state, argv = sys.argv[1], sys.argv[2:]
    if state in ("camera-lost", "no-source"):
        _fake_cameras(first_open_works=state == "camera-lost")
    if state == "no-source":
        import kiosk.ui.settings_apply

        missing = Path(__file__).with_name("no-such-demo.mp4")
        kiosk.ui.settings_apply.demo_clip_path = lambda: missing
    from kiosk.app import main as kiosk_main

    return kiosk_main(argv)


if __name__ == "__main__":
    sys.exit(main())
