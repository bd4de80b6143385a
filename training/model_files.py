"""Writing model files safely, shared by export, quantize and merge (no TensorFlow needed)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np


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
