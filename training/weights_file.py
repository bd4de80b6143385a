"""A network's weights as a plain numpy archive (.npz): what a GPU run brings back.

A machine without TensorFlow or h5py, whose results must come back as a few small files
(training/gpu_run.py), writes `best.npz` and `last.npz` (`train --checkpoints npz`,
training.run_files): one array per variable, named by its Keras path (`s0a_conv/kernel`), and
the run's state.json text (UTF-8 bytes) under STATE_KEY; no optimizer. training.import_run rebuilds the
.keras files from them. Needs no TensorFlow.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from training.errors import ModelFileError
from training.model_files import replacing

if TYPE_CHECKING:
    import keras

STATE_KEY = "__state__.json"
HALF_FROM = 4096  # with half=True, arrays of at least this many values (kernels) are kept as float16


def weights_of(model: keras.Model) -> dict[str, np.ndarray]:
    """Every variable of the network (trainable and BatchNorm statistics) by path, float32."""
    weights = {variable.path: np.array(variable.numpy(), dtype=np.float32) for variable in model.weights}
    if len(weights) != len(model.weights):
        raise ModelFileError(f"network {model.name}: two variables share a path")
    return weights


def write_weights(
    path: Path, weights: dict[str, np.ndarray], state: dict[str, Any], half: bool = False
) -> int:
    """Write the archive through a temporary file; returns its size in bytes. `half` keeps arrays
    of HALF_FROM values or more (the kernels) as float16, half the size with about 3 significant
    digits; the BatchNorm vectors stay float32."""
    arrays: dict[str, Any] = {name: _smaller(value) if half else value for name, value in weights.items()}
    arrays[STATE_KEY] = np.frombuffer(
        json.dumps(state).encode(), dtype=np.uint8
    )  # UTF-8: numpy's str is UTF-32
    with replacing(Path(path)) as tmp, open(tmp, "wb") as handle:
        np.savez(handle, **arrays)
    return Path(path).stat().st_size


def _smaller(value: np.ndarray) -> np.ndarray:
    if value.size < HALF_FROM:
        return value
    half = value.astype(np.float16)
    return half if np.isfinite(half).all() else value


def read_weights(path: Path) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The float32 weights and the state of an archive; errors name the file."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            state = json.loads(archive[STATE_KEY].tobytes().decode())
            weights = {name: archive[name].astype(np.float32) for name in archive.files if name != STATE_KEY}
    except (OSError, ValueError, KeyError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise ModelFileError(f"{path}: not a weights archive of a training run ({error})") from error
    if not isinstance(state, dict) or not isinstance(state.get("config"), dict):
        raise ModelFileError(f"{path}: its state has no run configuration")
    return weights, state
