"""Average the weights of checkpoints of one network into one checkpoint (a "model soup").

    python -m training average --checkpoint checkpoints/fer-v2c/best.keras \\
        checkpoints/fer-v2d/best.keras --weights 0.3 0.7 --out build/v2cd/average.keras

Unlike `merge`, which runs every member and averages their outputs (so costs the sum of their
times), this averages the weights themselves: the result is one network with the cost of one.
That only makes sense for checkpoints of one run's lineage, such as the ends of two learning-rate
cycles where the second started from the first; the architectures must match layer for layer.
Every variable is averaged, BatchNorm's moving statistics included. The result carries no
state.json: export it with `--view` (the members' training crop) and, if wanted, `--val-accuracy`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from training.errors import ModelFileError
from training.export import load_keras
from training.model_files import normalised_weights, save_keras


@dataclass(frozen=True)
class AverageResult:
    path: Path
    weights: tuple[float, ...]
    variables: int


def average(
    checkpoints: Sequence[Path], out_path: Path, weights: Sequence[float] | None = None
) -> AverageResult:
    """Write to `out_path` the checkpoint whose every variable is the weighted mean of the
    checkpoints' (same architecture required; checked by name and shape)."""
    if len(checkpoints) < 2:
        raise ModelFileError("averaging needs two or more checkpoints")
    if out_path.suffix != ".keras":
        raise ModelFileError(f"{out_path} is not a .keras file")
    shares = normalised_weights(weights, len(checkpoints), "checkpoint", zero_ok=False)
    models = [load_keras(Path(path)) for path in checkpoints]
    first = models[0]
    layout = [(v.path, tuple(v.shape)) for v in first.weights]
    for path, model in zip(checkpoints[1:], models[1:], strict=True):
        other = [(v.path, tuple(v.shape)) for v in model.weights]
        if other != layout:
            raise ModelFileError(
                f"{path} is not the same network as {checkpoints[0]}: "
                "only checkpoints of one architecture can be averaged (use `merge` for others)"
            )
    values = [model.get_weights() for model in models]
    mean = []
    for i, (_, shape) in enumerate(layout):
        total = np.zeros(shape, dtype=np.float64)
        for share, member in zip(shares, values, strict=True):
            total += share * np.asarray(member[i], dtype=np.float64)
        mean.append(total.astype(values[0][i].dtype))
    first.set_weights(mean)
    save_keras(first, out_path)
    return AverageResult(out_path, shares, len(layout))
