"""Training on JAX (the GPU machine's backend) as well as TensorFlow: the same batches, the same files.

Keras picks its backend once per process, and these tests' process runs TensorFlow, so the JAX
side runs in a subprocess with KERAS_BACKEND=jax (JAX on the CPU here); TensorFlow then reads,
resumes and exports what it wrote.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.slow
pytest.importorskip("jax")
pytest.importorskip("tensorflow")
pytest.importorskip("tf2onnx")

import keras  # noqa: E402

from training.data import LABELS, Split  # noqa: E402
from training.synthetic import write_packed  # noqa: E402
from training.train import TrainConfig, steps_per_epoch, train, train_batches  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _on_jax(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m training ARGS` (or `python -c CODE`) with Keras on JAX, on the CPU."""
    env = {**os.environ, "KERAS_BACKEND": "jax", "JAX_PLATFORMS": "cpu", "TF_CPP_MIN_LOG_LEVEL": "3"}
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "training", *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def _split() -> Split:
    rng = np.random.default_rng(0)
    return Split(rng.integers(0, 256, (70, 48, 48), dtype=np.uint8), rng.integers(0, len(LABELS), 70))


BATCHES_ON_JAX = """
import itertools, sys
import numpy as np
import keras
from training.data import LABELS, Split
from training.train import TrainConfig, steps_per_epoch, train_batches
rng = np.random.default_rng(0)
split = Split(rng.integers(0, 256, (70, 48, 48), dtype=np.uint8), rng.integers(0, len(LABELS), 70))
config = TrainConfig(batch_size=16)
steps = steps_per_epoch(split, config)
from_start = list(itertools.islice(train_batches(split, config, 0), 2 * steps))
resumed = list(itertools.islice(train_batches(split, config, 1), steps))
assert keras.backend.backend() == "jax" and type(from_start[0][0]).__module__.startswith("jax")
for a, b in zip(from_start[steps:], resumed, strict=True):
    assert all(np.array_equal(np.asarray(p), np.asarray(q)) for p, q in zip(a, b, strict=True))
np.savez(sys.argv[1], *[np.asarray(part) for batch in from_start for part in batch])
"""


def test_jax_draws_the_batches_tensorflow_draws(tmp_path: Path) -> None:
    """Each (epoch, step) gives the same batch on both backends, and a resumed JAX run replays the
    batches a run from the start saw: numpy draws the randomness, keras.ops does the pixels (up
    to the resampling's float rounding)."""
    _on_jax(code=BATCHES_ON_JAX.replace("sys.argv[1]", repr(str(tmp_path / "jax.npz"))))
    config = TrainConfig(batch_size=16)
    steps = steps_per_epoch(_split(), config)
    ours = [np.asarray(part) for batch in itertools.islice(train_batches(_split(), config, 0), 2 * steps)
            for part in batch]  # fmt: skip
    with np.load(tmp_path / "jax.npz") as archive:
        theirs = [archive[f"arr_{i}"] for i in range(len(archive.files))]
    assert len(theirs) == len(ours) == 3 * 2 * steps
    for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        assert a.shape == b.shape and a.dtype == b.dtype == np.float32
        assert np.abs(a - b).max() < (2e-3 if index % 3 == 0 else 1e-6)  # pixels 0-255; labels, weights


def test_a_jax_run_writes_the_files_tensorflow_resumes_and_exports(tmp_path: Path) -> None:
    """`train --backend jax` writes state.json, last.keras, best.keras and curves.png, and resumes
    its own run; TensorFlow then resumes the same files and exports best.keras to the kiosk's ONNX
    file, cutting the training crop (44 px) inside the graph, parity checked."""
    from training.export import export
    from training.onnx_model import load_onnx

    data = write_packed(tmp_path / "data", {"train": 12, "val": 2})
    run = tmp_path / "run"
    options = ["--data", str(data), "--out", str(run), "--backend", "jax"]
    _on_jax("train", *options, "--no-bf16", "--epochs", "1", "--widths", "8,16", "--batch-size", "16")
    assert {"state.json", "last.keras", "best.keras", "curves.png"} <= {p.name for p in run.iterdir()}
    _on_jax("train", *options, "--resume", "--epochs", "2")
    state = json.loads((run / "state.json").read_text())
    assert [row["epoch"] for row in state["history"]] == [1, 2] and state["config"]["batch_size"] == 16

    state = train(data, run, epochs=3, resume=True)  # here: TensorFlow
    assert keras.backend.backend() == "tensorflow"
    assert [row["epoch"] for row in state["history"]] == [1, 2, 3]
    result = export(run / "best.keras", tmp_path / "emotion.onnx")
    assert result.max_abs_diff < 1e-4 and result.metadata["view"] == "44"
    model = load_onnx(result.path)
    assert model.input_size == (48, 48) and model.classify(np.zeros((2, 48, 48), np.uint8)).shape == (2, 7)


def test_a_cli_with_keras_on_another_backend_refuses_a_backend_switch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from training.cli import main

    args = ["train", "--backend", "jax", "--data", str(tmp_path), "--out", str(tmp_path / "out")]
    assert main(args) == 2
    assert "Keras already runs on tensorflow" in capsys.readouterr().err
