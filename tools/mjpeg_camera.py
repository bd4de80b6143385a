"""A network camera on loopback: JPEG frames served as an MJPEG stream over HTTP (what many IP
cameras serve, `multipart/x-mixed-replace`), which can be unplugged and plugged in again.

The kiosk reads it like any camera (`--camera http://127.0.0.1:PORT/video.mjpg`), so the
tests and the fault soak (tools/fault_soak.py) make the camera fail and come back for real:
`pause()` drops every connection and refuses new ones, `resume()` serves again.

    python tools/mjpeg_camera.py resources/demo/demo.mp4 --port 8554   # serves until Ctrl+C
"""

from __future__ import annotations

import argparse
import socketserver
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import TracebackType

BOUNDARY = "kioskframe"


def clip_frames(path: Path, limit: int = 100_000, scale: float = 1.0) -> tuple[list[bytes], float]:
    """The clip's frames as JPEG bytes, and its frame rate."""
    import cv2

    capture = cv2.VideoCapture(str(path))
    fps = capture.get(cv2.CAP_PROP_FPS) or 15.0
    frames: list[bytes] = []
    while len(frames) < limit:
        ok, image = capture.read()
        if not ok:
            break
        if scale != 1.0:
            image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        frames.append(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])[1].tobytes())
    capture.release()
    if not frames:
        raise ValueError(f"{path}: no frame could be read")
    return frames, float(fps)


class MjpegCamera:
    """Serves `frames` in a loop at `fps` on 127.0.0.1 (a free port unless given); a context manager."""

    def __init__(self, frames: Sequence[bytes], fps: float = 15.0, port: int = 0) -> None:
        if not frames:
            raise ValueError("an MJPEG camera needs at least one frame")
        self.frames = list(frames)
        self.fps = fps
        self._serving = threading.Event()
        self._serving.set()
        self._closed = threading.Event()
        self.started_at = time.monotonic()
        camera = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                camera._stream(self)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the kiosk's log is what is being watched."""

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="mjpeg-camera", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/video.mjpg"

    def pause(self) -> None:
        """Unplugged: every open stream ends, and new connections are closed at once."""
        self._serving.clear()

    def resume(self) -> None:
        self._serving.set()

    def close(self) -> None:
        self._closed.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> MjpegCamera:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _stream(self, handler: BaseHTTPRequestHandler) -> None:
        if not self._serving.is_set():
            handler.close_connection = True
            return  # closed without an answer, as a camera that is off
        handler.send_response(200)
        handler.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY}")
        handler.send_header("Cache-Control", "no-store")
        handler.end_headers()
        period = 1.0 / self.fps
        try:
            while self._serving.is_set() and not self._closed.is_set():
                index = int((time.monotonic() - self.started_at) / period) % len(self.frames)
                frame = self.frames[index]
                head = f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(frame)}\r\n\r\n"
                handler.wfile.write(head.encode("ascii") + frame + b"\r\n")
                handler.wfile.flush()
                time.sleep(period)
        except (ConnectionError, OSError):
            pass  # the reader went away
        handler.close_connection = True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clip", type=Path)
    parser.add_argument("--port", type=int, default=8554)
    args = parser.parse_args(argv)
    frames, fps = clip_frames(args.clip)
    with MjpegCamera(frames, fps, args.port) as camera:
        print(camera.url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
