"""Train the expression network with per-epoch checkpoints that a later run resumes exactly.

The out folder holds `last.keras` (model + optimizer with its weight average, written every
epoch), `best.keras` (the weights with the best validation accuracy: the moving average, or the raw
weights while the average still lags),
`state.json` (epoch, history, config) and `curves.png`; or, with `checkpoints="npz"` (a GPU
machine's run), best.npz, last.npz and state.json (training.run_files).

The recipe (v2): faces stay in memory as uint8; each step draws its batch and its
augmentation (training.augment) from stateless seeds of (seed, epoch, step), and the
learning rate is a fixed-length warm-up + cosine curve of the optimizer's step count, so a
resumed run continues exactly where it stopped. Validation scores the exponential moving
average (EMA) of the weights, which is what best.keras keeps. Where the CPU has bfloat16
units (AMX or AVX-512 BF16) the network computes in mixed bfloat16 with a float32 softmax.

Any Keras backend runs it (KERAS_BACKEND: tensorflow, jax, torch): the batches come from a
Python generator (numpy draws, keras.ops pixel work), not tf.data, and the files are the same.
With a time budget (training.budget) the schedule is sized to end within it.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from training.augment import AugmentConfig, augment_batch, compiled, draw, step_rng
from training.budget import TimeBudget
from training.data import IMAGE_SIZE, LABELS, DataError, Split, load_dataset
from training.run_files import RunFiles, State, run_files

if TYPE_CHECKING:
    import keras

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 100
    batch_size: int = 128
    peak_lr: float = 0.05
    warmup_epochs: int = 3
    weight_decay: float = 5e-4
    label_smoothing: float = 0.1
    class_weight_power: float = 0.5  # 0 = ignore imbalance, 1 = full inverse frequency
    patience: int = 40
    widths: tuple[int, ...] = (48, 96, 192, 384)
    aug_strength: float = 1.0  # scales the augmentation ranges (see training.augment)
    crop: int = 44  # training crop; inference sees the full 48x48 face
    mixup_alpha: float = 0.2
    ema_momentum: float = 0.999  # 0 turns the weight average off
    bf16: bool = False  # mixed bfloat16; resolved once per run from the CPU (see bf16_available)
    init_from: str | None = None  # fine-tune: start from this checkpoint's weights
    seed: int = 2013

    def augmentation(self) -> AugmentConfig:
        k = self.aug_strength
        base = AugmentConfig()
        return AugmentConfig(
            crop=self.crop,
            scale=base.scale * k,
            rotation_deg=base.rotation_deg * k,
            shift=base.shift * k,
            brightness=base.brightness * k,
            contrast=base.contrast * k,
            erase_prob=base.erase_prob * min(k, 1.0),
            mixup_alpha=self.mixup_alpha,
        )


def bf16_available(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """True where the CPU has bfloat16 matrix units (AMX-BF16 or AVX-512 BF16)."""
    try:
        text = cpuinfo.read_text()
    except OSError:
        return False
    flags = set()
    for line in text.splitlines():
        if line.startswith("flags"):
            flags.update(line.partition(":")[2].split())
    return bool(flags & {"amx_bf16", "avx512_bf16"})


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


def train_batches(split: Split, config: TrainConfig, start_epoch: int) -> Iterator[tuple[Any, Any, Any]]:
    """Endless augmented batches from `start_epoch` on; the batch of (epoch, step) is the same in
    every run and on every backend.

    The faces stay uint8 in memory; each epoch's order is a permutation drawn from (seed, epoch)
    and each step's augmentation from (seed, step) (training.augment.draw), so resuming at
    `start_epoch` replays exactly what a run that never stopped would have seen. The pixel work
    runs compiled on the backend (on a GPU under JAX, on the GPU).
    """
    count, batch = len(split.labels), config.batch_size
    steps = steps_per_epoch(split, config)
    onehot = np.eye(len(LABELS), dtype=np.float32)[split.labels]
    table = class_weights(split.labels, len(LABELS), config.class_weight_power)
    weights = np.array([table[int(i)] for i in split.labels], dtype=np.float32)
    augmentation = config.augmentation()
    augment = compiled(augment_batch)
    step, order, order_epoch = start_epoch * steps, np.arange(count), -1
    while True:
        epoch, position = divmod(step, steps)
        if epoch != order_epoch:
            order, order_epoch = step_rng(config.seed, 0, epoch).permutation(count), epoch
        index = order[position * batch : (position + 1) * batch]
        draws = draw(len(index), IMAGE_SIZE, augmentation, config.seed, step)
        yield augment(split.images[index], onehot[index], weights[index], draws)
        step += 1


def steps_per_epoch(split: Split, config: TrainConfig) -> int:
    return max(1, len(split.labels) // config.batch_size)


def _build(config: TrainConfig, steps_per_epoch: int) -> keras.Model:
    import keras

    from training.model import copy_weights, make_model

    keras.mixed_precision.set_global_policy("mixed_bfloat16" if config.bf16 else "float32")
    model = make_model(
        input_shape=(None, None, 1), num_classes=len(LABELS), widths=config.widths, augment=False
    )
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
        use_ema=config.ema_momentum > 0,
        ema_momentum=config.ema_momentum or 0.99,
    )
    optimizer.exclude_from_weight_decay(var_names=["gamma", "beta", "bias"])
    model.compile(
        optimizer=optimizer,
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=config.label_smoothing),
        metrics=["accuracy"],
        jit_compile=_jit_compile(),
    )
    return model


def _jit_compile() -> bool:
    """JAX compiles the step (op by op it is many times slower); TensorFlow runs without XLA
    (measured slower than oneDNN on these CPUs), and torch eagerly (as Keras's "auto" does)."""
    import keras

    return keras.backend.backend() == "jax"


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


def train(
    data: Path,
    out: Path,
    epochs: int | None = None,
    resume: bool = False,
    config: TrainConfig | None = None,
    bf16: bool | None = None,
    *,
    checkpoints: str = "keras",
    time_budget_s: float | None = None,
) -> State:
    """Train (or resume) and return the final state; raises DataError on unusable data.

    `bf16` None turns mixed bfloat16 on where the CPU has it; a resumed run keeps its own.
    Keras's dtype policy is process-wide: the run sets it for the network it builds or loads and
    puts the caller's back when it returns or raises, so nothing built afterwards inherits it.
    `checkpoints`: the files' form (training.run_files: "keras" or "npz"). `time_budget_s`: the
    wall-clock seconds the run may take from here; the schedule is sized to end within them, at
    most `epochs` long (training.budget).
    """
    import keras

    budget = None
    if time_budget_s is not None:
        budget = TimeBudget(time_budget_s, (config or TrainConfig()).warmup_epochs)
    previous = keras.mixed_precision.global_policy()
    try:
        return _train(data, out, epochs, resume, config, bf16, run_files(checkpoints, out), budget)
    finally:
        keras.mixed_precision.set_global_policy(previous)


def _train(
    data: Path,
    out: Path,
    epochs: int | None,
    resume: bool,
    config: TrainConfig | None,
    bf16: bool | None,
    files: RunFiles,
    budget: TimeBudget | None,
) -> State:
    import keras

    out.mkdir(parents=True, exist_ok=True)
    state = _resumable_state(out, files) if resume else None
    if state is not None:
        saved = {k: v for k, v in state["config"].items() if k in TrainConfig.__dataclass_fields__}
        config = TrainConfig(**{**asdict(TrainConfig()), **saved, "widths": tuple(saved["widths"])})
    else:
        config = config or TrainConfig()
        config = replace(config, bf16=bf16_available() if bf16 is None else bf16)
    resized = state is not None and epochs is not None and epochs != config.epochs
    if epochs is not None:
        config = replace(config, epochs=epochs)
    keras.utils.set_random_seed(config.seed + (state["epoch"] if state else 0))
    log.info("backend %s, mixed bfloat16: %s", keras.backend.backend(), "on" if config.bf16 else "off")

    train_split, val_split = _split_for_validation(load_dataset(data))
    log.info("train %s, val %s", train_split.counts(), val_split.counts())
    steps = steps_per_epoch(train_split, config)

    if state is not None and (out / "last.keras").exists():
        model, start = _resume(out, state, config, steps, resized)
    else:
        model = _build(config, steps)
        start = 0
        state = {"epoch": 0, "best_val_accuracy": 0.0, "best_epoch": 0, "history": []}
    state["config"] = asdict(config)
    if start >= config.epochs:
        log.info("already trained for %d epochs", start)
        return state

    checkpoint = _EpochCheckpoint(_Run(files, state, val_split, config, steps, budget))
    model.fit(
        train_batches(train_split, config, start),
        steps_per_epoch=steps,
        epochs=config.epochs,
        initial_epoch=start,
        shuffle=False,  # the generator draws each epoch's order itself
        callbacks=[checkpoint],
        verbose=2,
    )
    files.finish(model, state)
    return state


def _resumable_state(out: Path, files: RunFiles) -> State | None:
    """The saved state to resume, None to start afresh; DataError for a run that cannot go on."""
    state = _load_state(out)
    if state is None:
        log.warning("--resume: no checkpoint in %s, starting a new run", out)
    elif state.get("imported") or not files.resumable:
        raise DataError(
            f"{out}: its files hold no optimizer state (imported from a GPU run, or --checkpoints npz), "
            f"so it cannot be resumed; continue it as a fine-tune with --init-from {out / 'best.keras'}"
        )
    return state


def _resume(
    out: Path, state: State, config: TrainConfig, steps: int, resized: bool
) -> tuple[keras.Model, int]:
    import keras

    keras.mixed_precision.set_global_policy("mixed_bfloat16" if config.bf16 else "float32")
    model = keras.models.load_model(out / "last.keras")
    model.jit_compile = _jit_compile()  # the saved setting is the backend's that wrote the file
    start = int(state["epoch"])
    log.info("resuming from epoch %d (best val accuracy %.4f)", start, state["best_val_accuracy"])
    if not (out / "best.keras").exists():  # a checkpoint carried without it (see checkpoints/)
        log.info("no best.keras in %s: the next epoch's average becomes the best", out)
        state["best_val_accuracy"], state["best_epoch"] = 0.0, 0
    if resized:
        # The schedule is saved with the optimizer: stretch or shrink it to the new length.
        # The optimizer's step count carries on, so the rate continues from the new curve.
        model.optimizer.learning_rate = _schedule(config, steps)
        log.info("learning-rate schedule now spans %d epochs", config.epochs)
    return model, start


def centre_view(images: np.ndarray, crop: int) -> np.ndarray:
    """The centre `crop` x `crop` pixels of each face: what a net trained on random crops of that
    size is shown at test time (and what the exported model gives it, see training/export.py).
    Measured: a 40-80-160-320 net trained on 44 px crops scored 57 % on its centre crops and 30 %
    on the full 48 px faces, so the full face is not the view to judge it on."""
    margin = (images.shape[1] - crop) // 2
    if margin <= 0:
        return images
    return images[:, margin : margin + crop, margin : margin + crop]


def validation_scores(model: keras.Model, split: Split, crop: int = IMAGE_SIZE) -> dict[str, float]:
    """Accuracy and per-class recall of `model` on the faces' centre view (no test-time flip)."""
    faces = centre_view(split.images, crop)[..., None].astype(np.float32)
    probs = np.asarray(model.predict(faces, batch_size=256, verbose=0))
    predicted = probs.argmax(axis=1)
    scores = {"val_accuracy": float((predicted == split.labels).mean())}
    for index, name in enumerate(LABELS):
        mask = split.labels == index
        if mask.any():
            scores[f"val_recall_{name}"] = float((predicted[mask] == index).mean())
    return scores


def keep_best(
    model: keras.Model, split: Split, state: State, files: RunFiles, epoch: int, crop: int = IMAGE_SIZE
) -> dict[str, float]:
    """Score the raw weights and their moving average; keep the better as the best (best.keras
    or best.npz, `files.save_best`) when it beats the best so far. Early in a run the average
    lags (and BatchNorm's statistics follow the raw weights), so the raw weights can be the
    better ones. The model ends with its raw weights. Returns the scores: the average's as
    `val_*` (the raw ones without an average), the raw ones as `val_*_raw`."""
    raw = validation_scores(model, split, crop)
    averaged: dict[str, float] | None = None
    if swap_average(model):
        try:
            averaged = validation_scores(model, split, crop)
            if averaged["val_accuracy"] >= raw["val_accuracy"]:
                _keep_if_better(model, averaged["val_accuracy"], "average", state, files, epoch)
        finally:
            swap_average(model)
    if averaged is None or raw["val_accuracy"] > averaged["val_accuracy"]:
        _keep_if_better(model, raw["val_accuracy"], "raw", state, files, epoch)
    return {**(averaged or raw), **{f"{key}_raw": value for key, value in raw.items()}}


def _keep_if_better(
    model: keras.Model, accuracy: float, source: str, state: State, files: RunFiles, epoch: int
) -> None:
    if accuracy > state["best_val_accuracy"] or not state["best_epoch"]:
        state.update(best_val_accuracy=accuracy, best_epoch=epoch, best_weights=source)
        files.save_best(model, state)


def swap_average(model: keras.Model) -> bool:
    """Exchange the model's weights with the optimizer's moving average; False without one."""
    optimizer = model.optimizer
    averages = getattr(optimizer, "_model_variables_moving_average", None)
    if not getattr(optimizer, "use_ema", False) or not averages:
        return False
    for variable, average in zip(optimizer._trainable_variables, averages, strict=True):
        current = np.array(variable.numpy())
        variable.assign(average)
        average.assign(current)
    return True


@dataclass
class _Run:
    """What the epoch-end callback works with: the run's files, state, validation faces, recipe,
    steps per epoch and time budget (None: none)."""

    files: RunFiles
    state: State
    val_split: Split
    config: TrainConfig
    steps: int
    budget: TimeBudget | None


class _EpochCheckpoint:
    """Keras callback, built lazily so importing this module needs no Keras.

    At each epoch end: last.keras with the raw weights and the optimizer (for --resume),
    then the averaged weights are swapped in, scored on the validation faces, kept as
    best.keras when they beat the best so far, and swapped back out; then the time budget,
    if any, sizes the schedule or ends the run (`_within_budget`).
    """

    def __new__(cls, run: _Run) -> keras.callbacks.Callback:
        import keras

        class Checkpoint(keras.callbacks.Callback):
            def __init__(self) -> None:
                super().__init__()
                self.started = time.monotonic()

            def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                self.started = time.monotonic()

            def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                state = run.state
                row = {k: float(v) for k, v in dict(logs or {}).items()}
                row.update(epoch=epoch + 1, seconds=round(time.monotonic() - self.started, 1))
                row["learning_rate"] = float(self.model.optimizer.learning_rate)
                run.files.save_last(self.model)
                row.update(keep_best(self.model, run.val_split, state, run.files, epoch + 1, run.config.crop))
                state["history"].append(row)
                state["epoch"] = epoch + 1
                _log_epoch(row, state)
                if epoch + 1 - state["best_epoch"] >= run.config.patience:
                    log.info("early stop: no validation gain for %d epochs", run.config.patience)
                    self.model.stop_training = True
                if run.budget is not None and not _within_budget(self.model, run, epoch + 1):
                    self.model.stop_training = True
                run.files.epoch_done(state)

        return Checkpoint()


def _log_epoch(row: dict[str, float], state: State) -> None:
    log.info(
        "epoch %d (%.0f s): val accuracy %.4f averaged, %.4f raw (best %.4f at %d, %s)",
        row["epoch"],
        row["seconds"],
        row["val_accuracy"],
        row["val_accuracy_raw"],
        state["best_val_accuracy"],
        state["best_epoch"],
        state.get("best_weights", "raw"),
    )


def _within_budget(model: keras.Model, run: _Run, done: int) -> bool:
    """After `done` epochs: size the schedule once the probe epochs are timed, then say whether
    the run goes on (its schedule not finished, and the next epoch within the budget)."""
    budget, state = run.budget, run.state
    assert budget is not None
    budget.epoch_ended()
    if done == budget.probe_epochs:
        epochs = budget.size(cap=run.config.epochs)
        run.config = replace(run.config, epochs=epochs)
        state["config"]["epochs"] = epochs
        model.optimizer.learning_rate = _schedule(run.config, run.steps)
        model.make_train_function(force=True)  # the compiled step holds the old schedule
        log.info("time budget %.0f s: the schedule now spans %d epochs", budget.seconds, epochs)
    if done >= run.config.epochs:
        return False
    if not budget.next_fits():
        state["stopped"] = (
            f"time budget of {budget.seconds:.0f} s reached after epoch {done} of {run.config.epochs}"
        )
        log.info("%s", state["stopped"])
        return False
    return True
