"""Run an exported model exactly as the kiosk does: through the kiosk's own EmotionClassifier.

`kiosk.vision.classifier.EmotionClassifier` opens the onnxruntime session (one thread unless
told otherwise), checks the model contract (docs/ARCHITECTURE.md) and prepares face crops.
This wrapper adds batching over whole data sets for `evaluate`, `export` (parity) and
`quantize`, and turns the kiosk's ModelError into ModelFileError (the CLI's exit status 2).
Needs no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort

from kiosk.vision.classifier import EmotionClassifier, ModelError
from training.errors import ModelFileError

__all__ = ["ModelFileError", "OnnxModel", "load_onnx"]


@dataclass(frozen=True)
class OnnxModel:
    """The kiosk's classifier for one model file, with the facts read from its metadata."""

    classifier: EmotionClassifier

    @property
    def path(self) -> Path:
        return self.classifier.model_path

    @property
    def labels(self) -> tuple[str, ...]:
        return self.classifier.labels

    @property
    def input_size(self) -> tuple[int, int]:
        return self.classifier.input_size

    @property
    def metadata(self) -> dict[str, str]:
        return self.classifier.metadata

    @property
    def session(self) -> ort.InferenceSession:
        return self.classifier.session

    @property
    def input_name(self) -> str:
        return self.classifier.input_name

    def classify(self, faces: np.ndarray, batch_size: int = 256) -> np.ndarray:
        """Probabilities [N, C] for gray face crops [N, h, w] of any size, prepared as in the kiosk."""
        return self._batched(lambda chunk: self.classifier.predict(list(chunk)), faces, batch_size)

    def predict(self, pixels: np.ndarray, batch_size: int = 256) -> np.ndarray:
        """Probabilities [N, C] for float32 pixels [N, H, W, 1] in 0..255 at input_size (the graph alone)."""
        return self._batched(self.classifier.run_batch, pixels, batch_size)

    def _batched(self, run: Callable[[np.ndarray], np.ndarray], x: np.ndarray, batch_size: int) -> np.ndarray:
        if len(x) == 0:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        parts = [run(x[i : i + batch_size]) for i in range(0, len(x), batch_size)]
        return np.concatenate(parts).astype(np.float32)


def load_onnx(path: Path, threads: int = 1) -> OnnxModel:
    """Open an exported model with the kiosk's classifier, which checks the model contract."""
    try:
        return OnnxModel(EmotionClassifier(Path(path), threads=threads))
    except ModelError as error:
        raise ModelFileError(str(error)) from error
