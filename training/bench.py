"""`python -m training bench`: how fast this machine trains the recipe on the Keras backend in use.

Times `steps` training steps of the real step (the network of `widths`, batch 128, the v2
recipe's optimizer with its weight average, class weights, augmentation and mixup) on the data's
training faces, after a warm-up that builds and compiles it, and one validation pass (raw weights
and average, as every epoch scores them); reports seconds per 100 steps and the epoch they make.
The batches' own work (numpy draws and keras.ops pixels) is timed apart. Extrapolated from
`steps`, not a whole epoch: an epoch of the wide net is 400-990 s on a 2-core CPU.
"""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path
from typing import Any

import numpy as np

from training.data import load_dataset
from training.train import (
    TrainConfig,
    _build,
    _split_for_validation,
    steps_per_epoch,
    train_batches,
    validation_scores,
)


def bench(
    data: Path, widths: tuple[int, ...] | None = None, steps: int = 100, bf16: bool = False, warmup: int = 10
) -> dict[str, Any]:
    import keras

    config = TrainConfig(widths=widths or TrainConfig.widths, bf16=bf16)
    train_split, val_split = _split_for_validation(load_dataset(data))
    per_epoch = steps_per_epoch(train_split, config)
    keras.mixed_precision.set_global_policy("mixed_bfloat16" if bf16 else "float32")
    model = _build(config, per_epoch)
    batches = train_batches(train_split, config, 0)
    for _ in range(warmup):
        np.asarray(next(batches)[0])  # waits for the backend's work
    started = time.perf_counter()
    for _ in range(steps):
        np.asarray(next(batches)[0])
    augment_s = time.perf_counter() - started
    # One fit (on JAX a second one would meet the weights its end swapped for their average): the
    # clock starts once the warm-up steps, which build and compile the step, are done.
    marks = _Marks(warmup)
    model.fit(batches, steps_per_epoch=warmup + steps, epochs=1, shuffle=False, verbose=0, callbacks=[marks])
    step_s = (marks.ended - marks.started) / steps
    validation_scores(model, val_split, config.crop)  # compiles the prediction
    started = time.perf_counter()
    validation_scores(model, val_split, config.crop)
    validation_s = 2 * (time.perf_counter() - started)  # raw weights and their average
    return {
        "backend": keras.backend.backend(),
        "device": _device(),
        "widths": list(config.widths),
        "batch_size": config.batch_size,
        "precision": "mixed_bfloat16" if bf16 else "float32",
        "timed_steps": steps,
        "seconds_per_100_steps": round(100 * step_s, 2),
        "augment_seconds_per_100_steps": round(100 * augment_s / steps, 2),
        "steps_per_epoch": per_epoch,
        "validation_seconds": round(validation_s, 1),
        "epoch_seconds": round(per_epoch * step_s + validation_s, 1),
    }


class _Marks:
    """A Keras callback (built lazily) noting the time after the warm-up's last step and at the end."""

    def __new__(cls, warmup: int) -> Any:
        import keras

        class Marks(keras.callbacks.Callback):
            started = ended = 0.0

            def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
                if batch == warmup - 1:  # Keras has the step's results here: the step is done
                    self.started = time.perf_counter()

            def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                self.ended = time.perf_counter()

        return Marks()


def _device() -> str:
    """The CPU's model and core count, and the accelerator JAX or torch computes on, if any."""
    import keras

    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    text = f"{model}, {os.cpu_count()} cores"
    if keras.backend.backend() == "jax":
        import jax

        text += f"; JAX on {jax.devices()[0].device_kind}"
    return text


def format_bench(result: dict[str, Any]) -> str:
    return (
        f"{result['backend']} on {result['device']}: widths {result['widths']}, batch "
        f"{result['batch_size']}, {result['precision']}\n"
        f"  {result['seconds_per_100_steps']} s per 100 steps (timed {result['timed_steps']}); the batches' "
        f"own work {result['augment_seconds_per_100_steps']} s per 100\n"
        f"  epoch of {result['steps_per_epoch']} steps + validation ({result['validation_seconds']} s): "
        f"about {result['epoch_seconds']} s"
    )
