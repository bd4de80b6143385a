"""`python -m training merge`: finished model files averaged into one, checked against its members."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from onnx_fakes import band_model

from training.cli import main
from training.data import LABELS
from training.errors import ModelFileError
from training.merge import merge
from training.onnx_model import load_onnx


def test_the_merged_file_is_the_weighted_mean_of_its_members(tmp_path: Path) -> None:
    a = band_model(tmp_path / "a.onnx", list(LABELS), blind=("fear",))
    b = band_model(tmp_path / "b.onnx", list(LABELS), blind=("sad", "happy"))
    result = merge([a, b], tmp_path / "out" / "ens.onnx", [3, 1], version="2.1.0")
    assert result.weights == (0.75, 0.25) and result.max_abs_diff < 1e-5
    merged = load_onnx(result.path)  # the kiosk's contract holds
    x = np.random.default_rng(5).integers(0, 256, (4, 48, 48, 1)).astype(np.float32)
    expected = 0.75 * load_onnx(a).predict(x) + 0.25 * load_onnx(b).predict(x)
    assert np.abs(merged.predict(x) - expected).max() < 1e-6
    assert merged.labels == LABELS and merged.metadata["version"] == "2.1.0"
    assert merged.metadata["ensemble"] == "2"
    members = json.loads(merged.metadata["members"])
    assert [m["weight"] for m in members] == [0.75, 0.25]
    assert [m["version"] for m in members] == ["test", "test"]


def test_members_must_share_the_contract(tmp_path: Path) -> None:
    a = band_model(tmp_path / "a.onnx", list(LABELS))
    shuffled = band_model(tmp_path / "s.onnx", [*LABELS[1:], LABELS[0]])
    with pytest.raises(ModelFileError, match=r"s\.onnx has labels"):
        merge([a, shuffled], tmp_path / "ens.onnx")
    with pytest.raises(ModelFileError, match="at least two"):
        merge([a], tmp_path / "ens.onnx")
    with pytest.raises(ModelFileError, match="3 weights for 2 models"):
        merge([a, a], tmp_path / "ens.onnx", [1, 1, 1])
    with pytest.raises(ModelFileError, match="not all zero"):
        merge([a, a], tmp_path / "ens.onnx", [0, 0])
    with pytest.raises(ModelFileError, match="not all zero"):
        merge([a, a], tmp_path / "ens.onnx", [1, float("nan")])
    assert not (tmp_path / "ens.onnx").exists()


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = band_model(tmp_path / "a.onnx", list(LABELS))
    b = band_model(tmp_path / "b.onnx", list(LABELS), blind=("angry",))
    out = tmp_path / "ens.onnx"
    assert main(["merge", "--model", str(a), str(b), "--out", str(out), "--val-accuracy", "0.7"]) == 0
    assert "weights 0.500, 0.500" in capsys.readouterr().out
    metadata = load_onnx(out).metadata
    assert metadata["val_accuracy"] == "0.7000" and metadata["version"] == "test+test"
    assert main(["merge", "--model", str(a), str(tmp_path / "none.onnx"), "--out", str(out)]) == 2
    assert "none.onnx" in capsys.readouterr().err
