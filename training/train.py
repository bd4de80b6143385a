"""Train the expression network with per-epoch checkpoints that a later run resumes.

The out folder holds `last.keras` (model + optimizer, written every epoch), `best.keras`
(best validation accuracy so far), `state.json` (epoch, history, config) and `curves.png`.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from training.data import LABELS, DataError, Split, load_dataset

if TYPE_CHECKING:
    import keras

log = logging.getLogger(__name__)

State = dict[str, Any]  # the contents of state.json


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 70
    batch_size: int = 128
    peak_lr: float = 0.05
    warmup_epochs: int = 3
    weight_decay: float = 5e-4
    label_smoothing: float = 0.1
    class_weight_power: float = 0.5  # 0 = ignore imbalance, 1 = full inverse frequency
    patience: int = 20
    widths: tuple[int, ...] = (32, 64, 128, 256)
    aug_strength: float = 1.0  # scales the augmentation ranges (see training.model)
    init_from: str | None = None  # fine-tune: start from this checkpoint's weights
    seed: int = 2013


def class_weights(labels: np.ndarray, num_classes: int, power: float) -> dict[int, float]:
    """Softened inverse-frequency weights, normalised so the average sample weighs 1."""
    counts = np.bincount(labels, minlength=num_classes).astype(np.float64)
    counts = np.maximum(counts, 1.0)
    raw = (counts.sum() / (num_classes * counts)) ** power
    raw /= float((raw * counts).sum() / counts.sum())
    return {i: float(w) for i, w in enumerate(raw)}


def _split_for_validation(splits: dict[str, Split]) -> tuple[Split, Split]:
    if "train" not in splits:
        raise DataError(f"no training split found (have: {', '.join(sorted(splits)) or 'none'})")
    train = splits["train"]
    val = splits.get("val") or splits.get("test")
    if val is not None:
        return train, val
    if len(train.labels) < 2:
        raise DataError(f"too few training images ({len(train.labels)}) to hold out a validation set")
    # No validation split: hold out a stratified-enough 10 % of train.
    rng = np.random.default_rng(0)
    order = rng.permutation(len(train.labels))
    cut = max(1, len(order) // 10)
    held, kept = order[:cut], order[cut:]
    return Split(train.images[kept], train.labels[kept]), Split(train.images[held], train.labels[held])


def _as_inputs(split: Split) -> tuple[np.ndarray, np.ndarray]:
    import keras

    x = split.images[..., None].astype(np.float32)
    y = keras.utils.to_categorical(split.labels, len(LABELS)).astype(np.float32)
    return x, y


def _build(config: TrainConfig, steps_per_epoch: int) -> keras.Model:
    import keras

    from training.model import copy_weights, make_model

    model = make_model(num_classes=len(LABELS), widths=config.widths, aug_strength=config.aug_strength)
    if config.init_from:
        from training.export import load_keras  # errors name the file (ModelFileError: exit 2)

        source = load_keras(Path(config.init_from))
        try:
            copied = copy_weights(source, model)
        except ValueError as error:
            raise DataError(f"{config.init_from}: cannot fine-tune from it: {error}") from error
        log.info("fine-tuning: %d layers from %s", copied, config.init_from)
    optimizer = keras.optimizers.SGD(
        learning_rate=_schedule(config, steps_per_epoch),
        momentum=0.9,
        nesterov=True,
        weight_decay=config.weight_decay,
    )
    optimizer.exclude_from_weight_decay(var_names=["gamma", "beta", "bias"])
    model.compile(
        optimizer=optimizer,
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=config.label_smoothing),
        metrics=["accuracy"],
    )
    return model


def _schedule(config: TrainConfig, steps_per_epoch: int) -> keras.optimizers.schedules.LearningRateSchedule:
    """Linear warm-up to peak_lr, then cosine decay to zero at the last epoch."""
    import keras

    total = max(1, config.epochs * steps_per_epoch)
    warmup = min(config.warmup_epochs * steps_per_epoch, total // 2)
    return keras.optimizers.schedules.CosineDecay(
        initial_learning_rate=config.peak_lr / 10,
        decay_steps=max(1, total - warmup),
        alpha=0.0,
        warmup_target=config.peak_lr,
        warmup_steps=warmup,
    )


def _load_state(out: Path) -> State | None:
    path = out / "state.json"
    if not path.exists():
        return None
    try:
        state: State = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise DataError(
            f"{path}: unreadable training state ({error}); move it away to start afresh"
        ) from error
    return state


def _atomic_save(model: keras.Model, path: Path) -> None:
    tmp = path.with_name(path.stem + ".tmp.keras")
    model.save(tmp)
    os.replace(tmp, path)


def _write_json(path: Path, data: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2))
    os.replace(tmp, path)


def train(
    data: Path,
    out: Path,
    epochs: int | None = None,
    resume: bool = False,
    config: TrainConfig | None = None,
) -> State:
    """Train (or resume) and return the final state; raises DataError on unusable data."""
    import keras

    out.mkdir(parents=True, exist_ok=True)
    state = _load_state(out) if resume else None
    if resume and state is None:
        log.warning("--resume: no checkpoint in %s, starting a new run", out)
    if state is not None:
        config = TrainConfig(
            **{**asdict(TrainConfig()), **state["config"], "widths": tuple(state["config"]["widths"])}
        )
    config = config or TrainConfig()
    resized = state is not None and epochs is not None and epochs != config.epochs
    if epochs is not None:
        config = TrainConfig(**{**asdict(config), "epochs": epochs})
    keras.utils.set_random_seed(config.seed + (state["epoch"] if state else 0))

    train_split, val_split = _split_for_validation(load_dataset(data))
    log.info("train %s, val %s", train_split.counts(), val_split.counts())
    x_train, y_train = _as_inputs(train_split)
    x_val, y_val = _as_inputs(val_split)
    steps = math.ceil(len(x_train) / config.batch_size)

    if state is not None and (out / "last.keras").exists():
        model = keras.models.load_model(out / "last.keras")
        start = int(state["epoch"])
        log.info("resuming from epoch %d (best val accuracy %.4f)", start, state["best_val_accuracy"])
        if resized:
            # The schedule is saved with the optimizer: stretch or shrink it to the new length.
            # The optimizer's step count carries on, so the rate continues from the new curve.
            model.optimizer.learning_rate = _schedule(config, steps)
            log.info("learning-rate schedule now spans %d epochs", config.epochs)
    else:
        model = _build(config, steps)
        start = 0
        state = {
            "epoch": 0,
            "best_val_accuracy": 0.0,
            "best_epoch": 0,
            "history": [],
            "config": asdict(config),
        }
    state["config"] = asdict(config)
    if start >= config.epochs:
        log.info("already trained for %d epochs", start)
        return state

    checkpoint = _EpochCheckpoint(out, state, config.patience)
    model.fit(
        x_train,
        y_train,
        batch_size=config.batch_size,
        epochs=config.epochs,
        initial_epoch=start,
        validation_data=(x_val, y_val),
        class_weight=class_weights(train_split.labels, len(LABELS), config.class_weight_power),
        shuffle=True,
        callbacks=[checkpoint],
        verbose=1,
    )
    return state


class _EpochCheckpoint:
    """Keras callback, built lazily so importing this module needs no TensorFlow."""

    def __new__(cls, out: Path, state: State, patience: int) -> keras.callbacks.Callback:
        import keras

        class Checkpoint(keras.callbacks.Callback):
            def __init__(self) -> None:
                super().__init__()
                self.started = time.monotonic()

            def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                self.started = time.monotonic()

            def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                logs = dict(logs or {})
                row = {k: float(v) for k, v in logs.items()}
                row.update(epoch=epoch + 1, seconds=round(time.monotonic() - self.started, 1))
                state["history"].append(row)
                state["epoch"] = epoch + 1
                val = row.get("val_accuracy", 0.0)
                if val > state["best_val_accuracy"]:
                    state["best_val_accuracy"], state["best_epoch"] = val, epoch + 1
                    _atomic_save(self.model, out / "best.keras")
                _atomic_save(self.model, out / "last.keras")
                _write_json(out / "state.json", state)
                _plot_curves(state["history"], out / "curves.png")
                log.info(
                    "epoch %d: val accuracy %.4f (best %.4f at %d)",
                    epoch + 1,
                    val,
                    state["best_val_accuracy"],
                    state["best_epoch"],
                )
                if epoch + 1 - state["best_epoch"] >= patience:
                    log.info("early stop: no validation gain for %d epochs", patience)
                    self.model.stop_training = True

        return Checkpoint()


def _plot_curves(history: list[dict[str, float]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = [row["epoch"] for row in history]
    fig, (acc_ax, loss_ax) = plt.subplots(1, 2, figsize=(10, 4))
    for key, ax in (("accuracy", acc_ax), ("loss", loss_ax)):
        ax.plot(epochs, [row.get(key, np.nan) for row in history], label="train")
        ax.plot(epochs, [row.get(f"val_{key}", np.nan) for row in history], label="validation")
        ax.set_xlabel("epoch")
        ax.set_title(key)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
