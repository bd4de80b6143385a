"""Test doubles shared by the vision, reaction, CLI and GUI tests (import as `from fakes import ...`).

Stable API:

- `build_tiny_model(path, *, labels=LABELS7, input_size=(48, 48), **faults) -> Path` writes a real
  ONNX model (built with onnx.helper, no TensorFlow) that honours the model contract. It reads
  the mean brightness `m` of the central half of each crop (rows and columns H/4..3H/4) and
  returns softmax(-(m - centre[label])**2 / (2 * 20**2)). Centres: "sad" 94, "neutral" 138,
  "happy" 177 (the crop means of the synthetic moods); every other label sits far outside
  0..255 and gets almost no probability. So a dark face reads "sad" (about 0.9), a mid-grey
  face "neutral" (about 0.8) and a bright face "happy" (about 0.85).
  Faults, for the contract checks: `input_shape=(..)` replaces the graph input shape (e.g.
  ("N", 48, 48, 3) or ("N", 48, 48)); `output_size=n` gives n outputs whatever the labels;
  `metadata={"key": "text" | None}` overrides (None removes) metadata entries, e.g.
  {"labels": None}, {"labels": "sad,happy"}, {"input_size": "[64, 64]"}; `corrupt=True`
  writes bytes that are not ONNX.
- `write_face_video(path, phases, fps=15, size=(640, 480)) -> Path` writes an mp4v video of the
  synthetic face: phases are (label, seconds) pairs with labels "none" (empty scene),
  "happy", "neutral" or "sad"; the tiny model reports that label for those frames.
- `FakeCapture` / `FakeCamera`: stand-ins for cv2.VideoCapture to drive FrameSource.
- `TEST_PIN`, `TEST_PIN_HASH` and `settings_store(path, **changes)`: a loaded SettingsStore with
  the operator PIN set (a kiosk without one shows its set-up screen, not the showroom).
- `get_json(url) -> (status, document)`: a GET of /health, also when it answers 503.
- `run_python_json(code, **env) -> dict`: runs `code` in a fresh Python (this environment,
  minus LD_PRELOAD, plus `env`) and returns the JSON it prints; used to load libraries into
  a process of their own (tests/test_blas_shim.py, tests/test_icu_trim.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
import wave
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import demo_face as synthetic
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from kiosk.reaction.engine import Event
from kiosk.session.results import AnalysisResult
from kiosk.settings.pin import hash_pin
from kiosk.ui.common.settings_store import SettingsStore
from kiosk.vision.labels import EMOTION_LABELS
from kiosk.vision.types import Analysis

LABELS7 = EMOTION_LABELS  # the shipped model's seven
TEST_PIN = "2580"
TEST_PIN_HASH = hash_pin(TEST_PIN, iterations=1000)  # few iterations: fast in tests
TINY_CENTRES = {"sad": 94.0, "neutral": 138.0, "happy": 177.0}
TINY_SPREAD = 20.0
VIDEO_LABELS = ("none", "happy", "neutral", "sad")
VideoFactory = Callable[[Sequence[tuple[str, float]]], Path]  # the `face_video` fixture in conftest.py


def settings_store(path: Path, **changes: Any) -> SettingsStore:
    """A loaded settings store at `path` with TEST_PIN set and `changes` applied."""
    store = SettingsStore(path)
    store.load()
    store.update(replace(store.settings, **{"pin_hash": TEST_PIN_HASH, **changes}))
    return store


def tiny_model_probs(mean: float, labels: Sequence[str] = LABELS7) -> dict[str, float]:
    """What the tiny model returns for a crop whose central mean brightness is `mean`."""
    logits = -((mean - _centres(labels, len(labels))) ** 2) / (2 * TINY_SPREAD**2)
    exp = np.exp(logits - logits.max())
    return dict(zip(labels, (exp / exp.sum()).tolist(), strict=True))


def _centres(labels: Sequence[str], count: int) -> np.ndarray:
    far = [1000.0 + 100.0 * i for i in range(count)]
    return np.array(
        [TINY_CENTRES.get(name, far[i]) for i, name in enumerate(labels[:count])] + far[len(labels) :]
    )


def build_tiny_model(
    path: Path,
    *,
    labels: Sequence[str] = LABELS7,
    input_size: tuple[int, int] = (48, 48),
    input_shape: Sequence[int | str] | None = None,
    output_size: int | None = None,
    metadata: Mapping[str, str | None] | None = None,
    corrupt: bool = False,
) -> Path:
    """Write the tiny brightness model to `path` (see the module docstring) and return the path."""
    path = Path(path)
    if corrupt:
        path.write_bytes(b"this is not an ONNX model\x00\x01\x02" * 8)
        return path
    height, width = input_size
    shape: list[int | str] = list(input_shape) if input_shape is not None else ["N", height, width, 1]
    count = output_size if output_size is not None else len(labels)
    model = helper.make_model(
        _tiny_graph(shape, _centres(labels, count)), opset_imports=[helper.make_opsetid("", 17)]
    )
    model.ir_version = 8
    for key, value in _metadata(labels, input_size, metadata or {}).items():
        model.metadata_props.append(onnx.StringStringEntryProto(key=key, value=value))
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def _metadata(
    labels: Sequence[str], input_size: tuple[int, int], overrides: Mapping[str, str | None]
) -> dict[str, str]:
    entries: dict[str, str | None] = {
        "labels": json.dumps(list(labels)),
        "input_size": json.dumps(list(input_size)),
        "version": "tiny-test",
        "trained": "2024-01-01",
        "dataset": "synthetic",
        "val_accuracy": "1.0",
    }
    entries.update(overrides)
    return {key: value for key, value in entries.items() if value is not None}


def _tiny_graph(shape: list[int | str], centres: np.ndarray) -> onnx.GraphProto:
    rank = len(shape)
    height = shape[1] if isinstance(shape[1], int) else 48
    width = shape[2] if rank > 2 and isinstance(shape[2], int) else 48

    def const(
        name: str, values: Iterable[float] | Iterable[int], dtype: type = np.float32
    ) -> onnx.TensorProto:
        return numpy_helper.from_array(np.asarray(list(values), dtype=dtype), name)

    initialisers = [
        const("starts", [height // 4, width // 4], np.int64),
        const("ends", [3 * height // 4, 3 * width // 4], np.int64),
        const("axes", [1, 2], np.int64),
        const("centres", centres.tolist()),
        const("gain", [-1.0 / (2 * TINY_SPREAD**2)]),
    ]
    nodes = [
        helper.make_node("Slice", ["pixels", "starts", "ends", "axes"], ["centre"]),
        helper.make_node("ReduceMean", ["centre"], ["mean"], axes=list(range(1, rank)), keepdims=0),
        helper.make_node("Unsqueeze", ["mean", "one"], ["mean_col"]),
        helper.make_node("Sub", ["mean_col", "centres"], ["diff"]),
        helper.make_node("Mul", ["diff", "diff"], ["square"]),
        helper.make_node("Mul", ["square", "gain"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probs"], axis=1),
    ]
    initialisers.append(const("one", [1], np.int64))
    inputs = [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, shape)]
    outputs = [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", len(centres)])]
    return helper.make_graph(nodes, "tiny_brightness_model", inputs, outputs, initialisers)


def face_style(label: str, t: float = 0.0) -> synthetic.FaceStyle | None:
    """The drawn face for a video label at time t (a slight sway, so frames differ)."""
    if label not in VIDEO_LABELS:
        raise ValueError(f"unknown video label {label!r}; expected one of {VIDEO_LABELS}")
    if label == "none":
        return None
    return synthetic.mood_style(label, cx=320.0 + 12.0 * np.sin(t * 1.3), cy=230.0 + 4.0 * np.sin(t * 0.7))


def write_face_video(
    path: Path,
    phases: Sequence[tuple[str, float]],
    fps: float = 15,
    size: tuple[int, int] = (640, 480),
) -> Path:
    """Write an mp4v video of the synthetic face going through `phases` of (label, seconds)."""
    path = Path(path)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), float(fps), size)
    if not writer.isOpened():
        raise RuntimeError(f"cannot write a video to {path}")
    try:
        index = 0
        for label, seconds in phases:
            for _ in range(round(seconds * fps)):
                face = face_style(label, index / fps)
                if face is not None and size != synthetic.FRAME_SIZE:
                    face = _fit(face, size)
                writer.write(synthetic.render_frame(face, size))
                index += 1
    finally:
        writer.release()
    return path


def _fit(face: synthetic.FaceStyle, size: tuple[int, int]) -> synthetic.FaceStyle:
    scale = min(size[0] / synthetic.FRAME_SIZE[0], size[1] / synthetic.FRAME_SIZE[1])
    return replace(face, cx=face.cx * scale, cy=face.cy * scale, width=face.width * scale)


class FakeCapture:
    """A cv2.VideoCapture stand-in that plays a list of frames (None entries fail to read)."""

    def __init__(
        self, frames: Sequence[np.ndarray | None], *, opened: bool = True, fps: float = 30.0
    ) -> None:
        self.frames = list(frames)
        self.opened = opened
        self.fps = fps
        self.position = 0
        self.released = False

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        return self.opened and not self.released

    def read(self) -> tuple[bool, np.ndarray | None]:
        if not self.isOpened() or self.position >= len(self.frames):
            return False, None
        frame = self.frames[self.position]
        self.position += 1
        return frame is not None, frame

    def get(self, prop_id: int) -> float:
        if prop_id == cv2.CAP_PROP_FPS:
            return self.fps
        if prop_id == cv2.CAP_PROP_POS_MSEC:
            return 1000.0 * (self.position - 1) / self.fps
        return 0.0

    def set(self, prop_id: int, value: float) -> bool:
        if prop_id == cv2.CAP_PROP_POS_FRAMES:
            self.position = int(value)
            return True
        return False

    def release(self) -> None:
        self.released = True


class FakeCamera:
    """A capture factory for FrameSource: hands out the captures `make` builds, counting opens."""

    def __init__(self, make: Callable[[int], FakeCapture]) -> None:
        self.make = make
        self.opens: list[tuple[str | int, int]] = []

    def __call__(self, target: str | int, api: int) -> FakeCapture:
        self.opens.append((target, api))
        return self.make(len(self.opens))


class FakeClock:
    """A clock for FrameSource whose sleep() just moves time forward."""

    def __init__(self, start: float = 100.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds

    def advance(self, seconds: float) -> None:
        self.now += seconds


def get_json(url: str) -> tuple[int, dict[str, Any]]:
    """The HTTP status and the JSON document of a GET (an error status's body too)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def run_python_json(code: str, **env: str) -> dict[str, object]:
    """Run `code` in a fresh interpreter and return the JSON object it prints on stdout."""
    base = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**base, **env},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


def write_tone(path: Path, seconds: float, rate: int = 22050) -> Path:
    """A mono 16-bit WAV of a 440 Hz tone at a fifth of full scale."""
    samples = (0.2 * np.sin(2 * np.pi * 440 * np.arange(int(rate * seconds)) / rate) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def empty_result(
    t: float = 1.0, events: tuple[Event, ...] = (), *, with_analysis: bool = False
) -> AnalysisResult:
    """An AnalysisResult without a visitor (and without an analysis unless asked), for the GUI side."""
    analysis = Analysis(frame_index=1, t=t, faces=(), visitor=None) if with_analysis else None
    return AnalysisResult(
        t=t,
        analysis=analysis,
        negative=None,
        visitor_present=False,
        events=events,
        preview=None,
        frame_size=(640, 480),
        frames_read=1,
        analyse_ms=0.0,
    )
