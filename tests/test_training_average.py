"""`python -m training average`: one network whose weights are the weighted mean of checkpoints'."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("tensorflow")

import keras

from training.average import average
from training.cli import main
from training.errors import ModelFileError
from training.model import make_model
from training.model_files import normalised_weights

WIDTHS = (4, 8)


def _checkpoint(path: Path, seed: int, widths: tuple[int, ...] = WIDTHS) -> Path:
    keras.utils.set_random_seed(seed)
    model = make_model(input_shape=(None, None, 1), widths=widths)
    # BatchNorm's moving statistics start equal in every model: make them differ too
    model.set_weights([w + np.float32(seed) if w.dtype.kind == "f" else w for w in model.get_weights()])
    model.save(path)
    return path


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("avg")
    return _checkpoint(root / "a.keras", 1), _checkpoint(root / "b.keras", 2)


def test_weighted_mean_of_every_variable(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "avg.keras"
    result = average(pair, out, [1.0, 3.0])
    assert result.weights == (0.25, 0.75)
    a, b, merged = (keras.models.load_model(p, compile=False).get_weights() for p in (*pair, out))
    checked = 0
    for wa, wb, wm in zip(a, b, merged, strict=True):
        if wa.dtype.kind == "f":
            np.testing.assert_allclose(wm, 0.25 * wa + 0.75 * wb, rtol=1e-6, atol=1e-6)
            checked += 1
    assert checked >= 10  # kernels, biases, BatchNorm gammas, betas, means and variances
    faces = np.random.default_rng(0).integers(0, 256, (3, 44, 44, 1)).astype(np.float32)
    probs = keras.models.load_model(out, compile=False).predict(faces, verbose=0)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)


def test_equal_weights_by_default(pair: tuple[Path, Path], tmp_path: Path) -> None:
    assert average(pair, tmp_path / "avg.keras").weights == (0.5, 0.5)


def test_refuses_different_networks(pair: tuple[Path, Path], tmp_path: Path) -> None:
    other = _checkpoint(tmp_path / "wide.keras", 3, widths=(8, 16))
    out = tmp_path / "avg.keras"
    with pytest.raises(ModelFileError, match="not the same network"):
        average([pair[0], other], out)
    assert not out.exists()


@pytest.mark.parametrize(
    ("weights", "count", "message"),
    [([0.5], 2, "one per checkpoint"), ([1.0, -1.0], 2, "positive"), ([1.0, float("nan")], 2, "positive")],
)
def test_bad_weights(weights: list[float], count: int, message: str) -> None:
    with pytest.raises(ModelFileError, match=message):
        normalised_weights(weights, count, "checkpoint", zero_ok=False)


def test_cli(pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "avg.keras"
    argv = ["average", "--checkpoint", *map(str, pair), "--weights", "0.3", "0.7", "--out", str(out)]
    assert main(argv) == 0
    assert "weights 0.300, 0.700" in capsys.readouterr().out
    assert out.is_file()
    assert main(["average", "--checkpoint", str(pair[0]), "--out", str(out)]) == 2
    assert main(["average", "--checkpoint", *map(str, pair), "--out", str(tmp_path / "x.onnx")]) == 2
