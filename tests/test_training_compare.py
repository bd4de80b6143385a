"""`python -m training compare`: the rule that decides whether a candidate replaces the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from onnx_fakes import band_model

from training import compare as compare_module
from training.cli import main
from training.compare import Gate, compare, verdict
from training.data import LABELS
from training.onnx_model import OnnxModel
from training.synthetic import write_folder


@pytest.fixture
def faces(tmp_path: Path) -> Path:
    write_folder(tmp_path / "faces", per_class=4, faults=False)
    return tmp_path / "faces"


@pytest.fixture
def equal_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both models time as fast as the old one. The timing still runs (and must measure something),
    but its ratio is left out of the verdict: it comes from whatever else this machine does
    meanwhile (other tests, other users; a 2-core CI box), and the ratio gate has its own test
    on given ratios (test_each_rule_can_stop_a_candidate)."""
    real = compare_module.time_side_by_side

    def timed(old: OnnxModel, new: OnnxModel, faces: np.ndarray, **kwargs: int) -> tuple[float, float]:
        old_ms, new_ms = real(old, new, faces, **kwargs)
        assert old_ms > 0 and new_ms > 0
        return old_ms, old_ms

    monkeypatch.setattr(compare_module, "time_side_by_side", timed)


def _report(accuracy: float, macro_f1: float, **per_class: tuple[float, float]) -> dict:
    """A report as evaluate writes it; classes not named score recall 0.6 and F1 0.6."""
    classes = {name: {"recall": 0.6, "f1": 0.6, "precision": 0.6, "support": 10} for name in LABELS}
    for name, (recall, f1) in per_class.items():
        classes[name] = {"recall": recall, "f1": f1, "precision": 0.6, "support": 10}
    return {"accuracy": accuracy, "macro_f1": macro_f1, "per_class": classes}


def test_better_everywhere_ships() -> None:
    old = _report(0.66, 0.63)
    new = _report(0.70, 0.67, fear=(0.62, 0.61))
    assert verdict(old, new, time_ratio=1.3, gate=Gate()) == []


def test_each_rule_can_stop_a_candidate() -> None:
    old = _report(0.66, 0.63, disgust=(0.62, 0.58), fear=(0.45, 0.47))
    better = {"disgust": (0.62, 0.58), "fear": (0.45, 0.47)}
    assert verdict(old, _report(0.70, 0.67, **better), 1.3, Gate()) == []
    # Not better overall
    assert any("accuracy" in r for r in verdict(old, _report(0.66, 0.67, **better), 1.3, Gate()))
    assert any("macro F1" in r for r in verdict(old, _report(0.70, 0.63, **better), 1.3, Gate()))
    # One class worse by more than the tolerance, even though the overall figures are better
    worse_sad = verdict(old, _report(0.70, 0.67, sad=(0.6, 0.58), **better), 1.3, Gate())
    assert worse_sad == ["sad F1 0.58 is below 0.6 by more than 0.01"]
    assert verdict(old, _report(0.70, 0.67, sad=(0.6, 0.595), **better), 1.3, Gate()) == []
    # Disgust recall collapses while its F1 holds (precision rose): still no
    collapsed = verdict(old, _report(0.70, 0.67, disgust=(0.40, 0.58), fear=(0.45, 0.47)), 1.3, Gate())
    assert collapsed == ["disgust recall 0.4 is below 0.62 by more than 0.03"]
    # Too slow
    assert verdict(old, _report(0.70, 0.67, **better), 2.4, Gate()) == [
        "time per face is 2.40x the old model's (limit 2.0x)"
    ]


def test_compare_scores_both_on_the_same_faces(tmp_path: Path, faces: Path, equal_speed: None) -> None:
    old = band_model(tmp_path / "old.onnx", list(LABELS), blind=("fear",))
    new = band_model(tmp_path / "new.onnx", list(LABELS))
    result = compare(old, new, faces, out_dir=tmp_path / "out", timing_rounds=2)
    assert result["n"] == 28 and result["split"] == "faces"
    assert result["new"]["accuracy"] == 1.0 and result["old"]["accuracy"] < 1.0
    assert result["old"]["per_class"]["fear"]["recall"] == 0.0
    assert result["ship"] is True and result["reasons"] == []
    assert result["old"]["ms_per_face"] > 0 and result["time_ratio"] == 1.0
    written = json.loads((tmp_path / "out" / "compare.json").read_text())
    assert written["ship"] is True and written["time_ratio"] == result["time_ratio"]
    table = (tmp_path / "out" / "compare.md").read_text()
    assert "| fear: recall | 0.000 | 1.000 | +1.000 |" in table
    assert "it replaces the old one" in table

    backwards = compare(new, old, faces, out_dir=tmp_path / "back", timing_rounds=2)
    assert backwards["ship"] is False
    assert any(reason.startswith("fear recall 0.0 is below 1.0") for reason in backwards["reasons"])


def test_cli_exit_status_says_whether_to_ship(
    tmp_path: Path, faces: Path, capsys: pytest.CaptureFixture[str], equal_speed: None
) -> None:
    old = band_model(tmp_path / "old.onnx", list(LABELS), blind=("disgust",))
    new = band_model(tmp_path / "new.onnx", list(LABELS))
    out = str(tmp_path / "out")
    args = ["compare", "--data", str(faces), "--out", out]
    assert main([*args, "--old", str(old), "--new", str(new)]) == 0
    assert "| accuracy | " in capsys.readouterr().out
    assert main([*args, "--old", str(new), "--new", str(old), "--json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["ship"] is False
    assert "disgust recall 0.0 is below 1.0 by more than 0.03" in printed["reasons"]
    assert main([*args, "--old", str(tmp_path / "missing.onnx"), "--new", str(new)]) == 2
    assert "missing.onnx" in capsys.readouterr().err
