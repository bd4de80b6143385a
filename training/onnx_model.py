"""Run an exported model the way the kiosk does: onnxruntime, raw 0-255 float32 [N, H, W, 1].

Used by `evaluate` and by the export's parity check; needs no TensorFlow. The checks follow
the model contract in docs/ARCHITECTURE.md, and every error names the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort

from training.errors import ModelFileError

__all__ = ["ModelFileError", "OnnxModel", "load_onnx"]


@dataclass(frozen=True)
class OnnxModel:
    """One onnxruntime session plus the model facts read from its metadata_props."""

    path: Path
    session: ort.InferenceSession
    labels: tuple[str, ...]
    input_size: tuple[int, int]
    metadata: dict[str, str]

    @property
    def input_name(self) -> str:
        return str(self.session.get_inputs()[0].name)

    def predict(self, pixels: np.ndarray, batch_size: int = 256) -> np.ndarray:
        """Probabilities [N, C] for float32 pixels [N, H, W, 1] in 0..255, run in batches."""
        x = np.ascontiguousarray(pixels, dtype=np.float32)
        if len(x) == 0:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        parts = [
            self.session.run(None, {self.input_name: x[i : i + batch_size]})[0]
            for i in range(0, len(x), batch_size)
        ]
        return np.concatenate(parts).astype(np.float32)


def load_onnx(path: Path, threads: int = 1) -> OnnxModel:
    """Open an exported model and check it against the model contract."""
    path = Path(path)
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "does not exist"
        raise ModelFileError(f"model {path} {what}; expected an .onnx file")
    session = _open_session(path, threads)
    metadata = dict(session.get_modelmeta().custom_metadata_map)
    labels = _labels(path, metadata)
    input_size = _input_size(path, metadata)
    _check_shapes(path, session, input_size, len(labels))
    return OnnxModel(path, session, labels, input_size, metadata)


def _open_session(path: Path, threads: int) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own untyped errors for bad files
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ModelFileError(f"{path} is not a usable ONNX model: {reason}") from error


def _json_metadata(path: Path, metadata: dict[str, str], key: str, expected: str) -> Any:
    if key not in metadata:
        hint = "export with `python -m training export`"
        raise ModelFileError(f"{path}: metadata '{key}' is missing; expected {expected} ({hint})")
    try:
        return json.loads(metadata[key])
    except ValueError as error:
        raise ModelFileError(
            f"{path}: metadata '{key}' is not JSON ({error}); expected {expected}"
        ) from error


def _labels(path: Path, metadata: dict[str, str]) -> tuple[str, ...]:
    expected = "a JSON list of class names"
    labels = _json_metadata(path, metadata, "labels", expected)
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) and x for x in labels):
        raise ModelFileError(f"{path}: metadata 'labels' is {metadata['labels']!r}; expected {expected}")
    if len(set(labels)) != len(labels):
        raise ModelFileError(f"{path}: metadata 'labels' has duplicates: {labels}")
    return tuple(labels)


def _input_size(path: Path, metadata: dict[str, str]) -> tuple[int, int]:
    expected = "JSON [height, width]"
    size = _json_metadata(path, metadata, "input_size", expected)
    ok = isinstance(size, list) and len(size) == 2
    ok = ok and all(isinstance(x, int) and not isinstance(x, bool) and x > 0 for x in size)
    if not ok:
        raise ModelFileError(
            f"{path}: metadata 'input_size' is {metadata['input_size']!r}; expected {expected}"
        )
    return int(size[0]), int(size[1])


def _check_shapes(path: Path, session: ort.InferenceSession, size: tuple[int, int], classes: int) -> None:
    inputs, outputs = session.get_inputs(), session.get_outputs()
    if len(inputs) != 1 or inputs[0].type != "tensor(float)":
        raise ModelFileError(
            f"{path}: expected one float32 input, found {[(i.name, i.type) for i in inputs]}"
        )
    shape = list(inputs[0].shape)
    static = [d if isinstance(d, int) else None for d in shape]
    if len(shape) != 4 or static[1:] not in ([*size, 1], [None, None, 1]):
        raise ModelFileError(f"{path}: input shape {shape} does not match [N, {size[0]}, {size[1]}, 1]")
    out_shape = list(outputs[0].shape) if outputs else []
    if len(out_shape) != 2 or (isinstance(out_shape[1], int) and out_shape[1] != classes):
        raise ModelFileError(f"{path}: output shape {out_shape} does not match [N, {classes}] (labels)")
