"""Writing model files safely, shared by export, quantize, merge, average and train (no TensorFlow
needed)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from training.errors import ModelFileError

if TYPE_CHECKING:
    import keras


@contextmanager
def replacing(out_path: Path) -> Iterator[Path]:
    """A temporary file beside `out_path` for the block to write and check. It replaces
    `out_path` (readable by all, as a shipped file should be) only when the block ends without
    an exception, and is removed otherwise: a failed check never leaves a bad or partial file."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=".tmp", prefix=f".{out_path.name}.", dir=out_path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)  # mkstemp makes it private
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)


def save_keras(model: keras.Model, path: Path) -> None:
    """Save a Keras model to `path` (.keras) through a temporary file beside it, so a reader or
    an interruption never meets a half-written checkpoint; the temporary file never stays."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".tmp.keras")  # Keras picks the format from the suffix
    try:
        model.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def normalised_weights(
    weights: Sequence[float] | None, count: int, member: str, zero_ok: bool
) -> tuple[float, ...]:
    """One finite weight per `member` (model, checkpoint), scaled to sum to 1; equal when none
    are given. `zero_ok`: a member may weigh 0 as long as not all do; otherwise each must be > 0."""
    if weights is None:
        return tuple(1.0 / count for _ in range(count))
    if len(weights) != count:
        raise ModelFileError(f"{len(weights)} weights for {count} {member}s: give one per {member}")
    finite = all(np.isfinite(w) for w in weights)
    if zero_ok and not (finite and all(w >= 0 for w in weights) and sum(weights) > 0):
        raise ModelFileError(f"weights must be zero or more and not all zero, got {list(weights)}")
    if not zero_ok and not (finite and all(w > 0 for w in weights)):
        raise ModelFileError(f"weights must be positive numbers, got {list(weights)}")
    total = float(sum(weights))
    return tuple(float(w) / total for w in weights)


def file_sha256(path: Path) -> str:
    """The file's SHA-256 in hex, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def random_faces(size: tuple[int, int], count: int = 8, seed: int = 0) -> np.ndarray:
    """`count` random 0-255 images, float32 [count, H, W, 1]: inputs for parity checks."""
    height, width = size
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=(count, height, width, 1)).astype(np.float32)
