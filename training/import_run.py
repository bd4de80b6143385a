"""`python -m training import-weights`: a GPU run's member folder (best.npz, last.npz) made a
run folder here: best.keras and last.keras (the float32 network without an optimizer),
state.json and curves.png, which `export`, `evaluate`, `average` and `train --init-from` take
like any run's. No optimizer came back, so the run continues only as a fine-tune
(`--init-from`), never with `--resume` (state.json says `imported`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from training.data import LABELS
from training.errors import ModelFileError
from training.model_files import save_keras
from training.run_files import plot_curves, write_json
from training.weights_file import read_weights

if TYPE_CHECKING:
    import keras


def network_for(state: dict[str, Any], source: Path) -> keras.Model:
    """The float32 network a run's configuration describes (as train builds it)."""
    import keras

    from training.model import make_model

    try:
        widths = tuple(int(width) for width in state["config"]["widths"])
    except (KeyError, TypeError, ValueError) as error:
        raise ModelFileError(f"{source}: its state names no network widths") from error
    previous = keras.mixed_precision.global_policy()
    keras.mixed_precision.set_global_policy("float32")
    try:
        return make_model(input_shape=(None, None, 1), num_classes=len(LABELS), widths=widths, augment=False)
    finally:
        keras.mixed_precision.set_global_policy(previous)


def set_weights(model: keras.Model, weights: dict[str, np.ndarray], source: Path) -> None:
    """Give the network the archive's weights; every variable must be there, with its shape."""
    variables = {variable.path: variable for variable in model.weights}
    missing, unknown = sorted(variables.keys() - weights.keys()), sorted(weights.keys() - variables.keys())
    if missing or unknown:
        raise ModelFileError(
            f"{source}: does not fit the network (missing {missing[:3]}, unknown {unknown[:3]})"
        )
    for name, variable in variables.items():
        if tuple(variable.shape) != weights[name].shape:
            raise ModelFileError(
                f"{source}: {name} is {weights[name].shape}, the network has {variable.shape}"
            )
        variable.assign(weights[name])


@dataclass(frozen=True)
class ImportResult:
    out: Path
    written: tuple[str, ...]  # file names in `out`
    best_val_accuracy: float
    best_epoch: int
    epochs: int


def import_weights(source: Path, out: Path) -> ImportResult:
    """Rebuild a run folder in `out` from `source`'s best.npz (and last.npz, if there)."""
    best_path, last_path = Path(source) / "best.npz", Path(source) / "last.npz"
    if not best_path.is_file():
        raise ModelFileError(f"{best_path} does not exist; expected a GPU run's member folder")
    weights, state = read_weights(best_path)
    model = network_for(state, best_path)
    set_weights(model, weights, best_path)
    out.mkdir(parents=True, exist_ok=True)
    save_keras(model, out / "best.keras")
    written = ["best.keras"]
    if last_path.is_file():
        weights, state = read_weights(last_path)  # its state is the run's final one
        set_weights(model, weights, last_path)
        save_keras(model, out / "last.keras")
        written.append("last.keras")
    # No optimizer came back: the run continues as a fine-tune (--init-from), never --resume.
    state["imported"] = {"from": str(source), "files": written, "resumable": False}
    write_json(out / "state.json", state)
    plot_curves(state.get("history", []), out / "curves.png")
    written += ["state.json", "curves.png"]
    return ImportResult(
        out, tuple(written), float(state["best_val_accuracy"]), int(state["best_epoch"]), int(state["epoch"])
    )
