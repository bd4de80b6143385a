"""What a training run writes in its folder, in one of two forms (`train --checkpoints`).

`keras` (the default): every epoch `last.keras` (the raw weights and the optimizer with its
weight average and step count: `--resume` continues from it), `best.keras` when the best
improves, `state.json` and `curves.png`.
`npz` (a GPU machine's run, training/gpu_run.py): `best.npz` when the best improves, `last.npz`
(the weights fit ends with: the average) at the end, `state.json` every epoch; no h5py, no
optimizer, nothing to plot, so not resumable (training.weights rebuilds the .keras files).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from training.model_files import save_keras

if TYPE_CHECKING:
    import keras

State = dict[str, Any]  # the contents of state.json
FORMATS = ("keras", "npz")


class RunFiles(Protocol):
    resumable: bool

    def save_last(self, model: keras.Model) -> None: ...
    def save_best(self, model: keras.Model, state: State) -> None: ...
    def epoch_done(self, state: State) -> None: ...
    def finish(self, model: keras.Model, state: State) -> None: ...


def run_files(form: str, out: Path) -> RunFiles:
    if form == "npz":
        return NpzFiles(out)
    if form == "keras":
        return KerasFiles(out)
    raise ValueError(f"checkpoint form {form!r}: expected one of {', '.join(FORMATS)}")


class KerasFiles:
    resumable = True

    def __init__(self, out: Path) -> None:
        self.out = out

    def save_last(self, model: keras.Model) -> None:
        save_keras(model, self.out / "last.keras")

    def save_best(self, model: keras.Model, state: State) -> None:
        save_keras(model, self.out / "best.keras")

    def epoch_done(self, state: State) -> None:
        write_json(self.out / "state.json", state)
        plot_curves(state["history"], self.out / "curves.png")

    def finish(self, model: keras.Model, state: State) -> None:
        """Nothing: every epoch already wrote its files."""


class NpzFiles:
    resumable = False

    def __init__(self, out: Path) -> None:
        self.out = out
        self.best: dict[str, np.ndarray] | None = None

    def save_last(self, model: keras.Model) -> None:
        """Nothing each epoch: `finish` writes the last weights once."""

    def save_best(self, model: keras.Model, state: State) -> None:
        from training.weights_file import weights_of, write_weights

        self.best = weights_of(model)
        write_weights(self.out / "best.npz", self.best, state)

    def epoch_done(self, state: State) -> None:
        write_json(self.out / "state.json", state)

    def finish(self, model: keras.Model, state: State) -> None:
        from training.weights_file import weights_of, write_weights

        if self.best is not None:  # again, with the final state (history, the epoch count)
            write_weights(self.out / "best.npz", self.best, state)
        write_weights(self.out / "last.npz", weights_of(model), state, half=True)


def write_json(path: Path, data: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2))
    os.replace(tmp, path)


def plot_curves(history: list[dict[str, float]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = [row["epoch"] for row in history]
    fig, (acc_ax, loss_ax) = plt.subplots(1, 2, figsize=(10, 4))
    for key, ax in (("accuracy", acc_ax), ("loss", loss_ax)):
        ax.plot(epochs, [row.get(key, np.nan) for row in history], label="train")
        ax.plot(epochs, [row.get(f"val_{key}", np.nan) for row in history], label="validation")
        if any(f"val_{key}_raw" in row for row in history):  # the raw weights beside their average
            raw = [row.get(f"val_{key}_raw", np.nan) for row in history]
            ax.plot(epochs, raw, label="validation, raw weights", linestyle="--")
        ax.set_xlabel("epoch")
        ax.set_title(key)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
