"""Facial-expression classification with one onnxruntime session, built once.

The model contract (docs/ARCHITECTURE.md): input float32 [N, H, W, 1] of raw 0-255 gray
pixels, output [N, C] probabilities, and `labels` / `input_size` as JSON in the file's
metadata. Every breach is reported as a ModelError that names the file and the problem.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import onnxruntime as ort


class ModelError(Exception):
    """The emotion model is missing or breaks the model contract (the message names the file)."""


class EmotionClassifier:
    """Class probabilities for face crops, all crops of a frame in one batch."""

    def __init__(self, model_path: Path, threads: int = 1) -> None:
        self.model_path = Path(model_path)
        self.threads = max(1, int(threads))
        self._session = _open_session(self.model_path, self.threads)
        self.metadata: dict[str, str] = dict(self._session.get_modelmeta().custom_metadata_map)
        self.labels: tuple[str, ...] = self._read_labels()
        self.input_size: tuple[int, int] = self._read_input_size()
        self._input_name: str = self._session.get_inputs()[0].name
        self._check_output()

    def predict(self, faces: Sequence[np.ndarray]) -> np.ndarray:
        """Probabilities [N, C] for N gray (or BGR) crops of any size, in `labels` order."""
        if not faces:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        probs = self._run(np.stack([self._prepare(face) for face in faces]))
        if probs.shape != (len(faces), len(self.labels)):
            raise ValueError(
                f"model output has shape {probs.shape}; expected {(len(faces), len(self.labels))}"
            )
        return probs

    def run_batch(self, pixels: np.ndarray) -> np.ndarray:
        """The graph alone: float32 [N, H, W] (or [N, H, W, 1]) at input_size -> [N, C]."""
        batch = np.ascontiguousarray(pixels, dtype=np.float32)
        return self._run(batch[..., 0] if batch.ndim == 4 else batch)

    @property
    def session(self) -> ort.InferenceSession:
        return self._session

    @property
    def input_name(self) -> str:
        return self._input_name

    def _run(self, batch: np.ndarray) -> np.ndarray:
        outputs = self._session.run(None, {self._input_name: batch[..., np.newaxis]})
        return np.asarray(outputs[0], dtype=np.float32)

    def _prepare(self, face: np.ndarray) -> np.ndarray:
        """Gray crop -> input_size, INTER_AREA when shrinking -> float32 raw 0..255."""
        if face.size == 0:
            raise ValueError("empty face crop")
        if face.ndim == 3:
            face = cv2.cvtColor(face, cv2.COLOR_BGR2GRAY)
        height, width = self.input_size
        shrinking = face.shape[0] > height or face.shape[1] > width
        interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR
        return cv2.resize(face, (width, height), interpolation=interpolation).astype(np.float32)

    def _fail(self, problem: str) -> ModelError:
        return ModelError(f"emotion model {self.model_path}: {problem}")

    def _read_labels(self) -> tuple[str, ...]:
        text = self.metadata.get("labels")
        if text is None:
            raise self._fail("metadata 'labels' is missing (expected a JSON list of class names)")
        labels = _parse_json(text)
        if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
            raise self._fail(f"metadata 'labels' is not a JSON list of class names: {text[:80]!r}")
        if len(set(labels)) != len(labels):
            raise self._fail(f"metadata 'labels' repeats a name: {labels}")
        return tuple(labels)

    def _read_input_size(self) -> tuple[int, int]:
        """The crop size from the metadata, checked against the graph's input [N, H, W, 1]."""
        inputs = self._session.get_inputs()
        if len(inputs) != 1:
            raise self._fail(f"expected one input, found {len(inputs)}")
        shape, dtype = list(inputs[0].shape), inputs[0].type
        if dtype != "tensor(float)" or len(shape) != 4 or shape[3] != 1:
            raise self._fail(f"input is {dtype} {shape}; expected float32 [N, H, W, 1] (gray pixels)")
        graph_size = tuple(dim if isinstance(dim, int) else None for dim in shape[1:3])
        size = self._metadata_input_size(graph_size)
        if any(dim is not None and dim != want for dim, want in zip(graph_size, size, strict=True)):
            raise self._fail(f"metadata input_size {list(size)} does not match the input shape {shape}")
        return size

    def _metadata_input_size(self, graph_size: tuple[int | None, ...]) -> tuple[int, int]:
        text = self.metadata.get("input_size")
        if text is None:
            if None in graph_size:
                raise self._fail("metadata 'input_size' is missing and the input shape does not fix it")
            return int(graph_size[0] or 0), int(graph_size[1] or 0)
        value = _parse_json(text)
        valid = (
            isinstance(value, list) and len(value) == 2 and all(isinstance(x, int) and x > 0 for x in value)
        )
        if not valid:
            raise self._fail(
                f"metadata 'input_size' is not a JSON [H, W] of positive integers: {text[:40]!r}"
            )
        return int(value[0]), int(value[1])

    def _check_output(self) -> None:
        """Run one blank crop: the model must run and give one probability per label."""
        shape = list(self._session.get_outputs()[0].shape)
        problem = f"output shape {shape} does not match the {len(self.labels)} labels in the metadata"
        if len(shape) != 2 or (isinstance(shape[1], int) and shape[1] != len(self.labels)):
            raise self._fail(problem)
        try:
            probs = self._run(np.zeros((1, *self.input_size), dtype=np.float32))
        except Exception as error:  # onnxruntime raises its own types for a graph that fails
            raise self._fail(f"running the model failed: {_first_line(error)}") from error
        if probs.shape != (1, len(self.labels)):
            raise self._fail(f"{problem}: one crop gives {list(probs.shape)}")
        if not np.all(np.isfinite(probs)):
            raise self._fail("the model returns values that are not finite")


def _open_session(path: Path, threads: int) -> ort.InferenceSession:
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "does not exist"
        raise ModelError(f"emotion model {path} {what}")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only: contract problems are reported as ModelError
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # no busy-wait on a shared CPU
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime's InvalidProtobuf, Fail, ... share no public base
        raise ModelError(f"emotion model {path} is not a valid ONNX model: {_first_line(error)}") from error


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__
