"""Evaluation through onnxruntime with hand-built ONNX models (no TensorFlow needed)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")
pytest.importorskip("matplotlib")

from onnx_fakes import band_model  # noqa: E402

from training.cli import main  # noqa: E402
from training.data import LABELS  # noqa: E402
from training.errors import ModelFileError  # noqa: E402
from training.evaluate import confusion_matrix, evaluate, per_class_metrics  # noqa: E402
from training.onnx_model import load_onnx  # noqa: E402
from training.synthetic import write_csv, write_folder  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports without --out go to ./evaluations/: keep them in the test's folder."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def faces(tmp_path: Path) -> Path:
    write_folder(tmp_path / "faces", per_class=2)
    return tmp_path / "faces"


def test_report_shape_and_files(tmp_path: Path, faces: Path) -> None:
    (tmp_path / "models").mkdir()
    report = evaluate(band_model(tmp_path / "models" / "emotion.onnx", list(LABELS)), faces)
    assert report["n"] == 15 and report["accuracy"] == 1.0 and report["split"] == "faces"
    assert report["labels"] == list(LABELS)
    assert set(report["per_class"]) == set(LABELS)
    assert report["per_class"]["sad"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 3}
    assert np.array_equal(np.diag(report["confusion"]), [2, 2, 2, 2, 2, 3, 2])
    assert report["skipped"] == 1 and report["unknown_classes"] == ["contempt"]
    assert report["timing"]["batch1_ms_median"] > 0
    # Without --out nothing beside the model changes: the report goes to evaluations/<data set>/
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == ["emotion.onnx"]
    out = tmp_path / "evaluations" / "faces"
    assert Path(report["report_path"]).resolve() == (out / "emotion_report.json").resolve()
    written = json.loads((out / "emotion_report.json").read_text())
    assert written["accuracy"] == 1.0 and written["confusion"] == report["confusion"]
    assert (out / "emotion_confusion.png").read_bytes().startswith(PNG_MAGIC)


def test_model_label_order_and_aliases_are_mapped(tmp_path: Path, faces: Path) -> None:
    shuffled = ["surprised", "Neutral", "anger", "happiness", "fear", "sad", "disgust"]
    report = evaluate(band_model(tmp_path / "m.onnx", shuffled), faces, out_dir=tmp_path / "out")
    assert report["accuracy"] == 1.0
    assert report["model_labels"] == shuffled and report["labels"] == list(LABELS)
    assert (tmp_path / "out" / "m_report.json").exists()


def test_extra_model_label_gets_its_own_column(tmp_path: Path, faces: Path) -> None:
    report = evaluate(band_model(tmp_path / "m.onnx", [*LABELS, "contempt"]), faces)
    assert report["labels"] == [*LABELS, "contempt"]
    assert report["per_class"]["contempt"]["support"] == 0
    assert report["per_class"]["contempt"]["recall"] is None
    assert np.asarray(report["confusion"]).shape == (8, 8)


def test_split_root_and_csv_use_validation(tmp_path: Path) -> None:
    model = band_model(tmp_path / "m.onnx", list(LABELS))
    write_folder(tmp_path / "split" / "train", per_class=3)
    write_folder(tmp_path / "split" / "val", per_class=1, faults=False)
    report = evaluate(model, tmp_path / "split")
    assert (report["split"], report["n"]) == ("val", 7)
    assert Path(report["report_path"]).parent == Path("evaluations") / "split"
    report = evaluate(model, tmp_path / "split" / "val")
    assert Path(report["report_path"]).parent == Path("evaluations") / "split-val"
    write_csv(tmp_path / "fer2013.csv", {"Training": 2, "PublicTest": 1})
    report = evaluate(model, tmp_path / "fer2013.csv")
    assert (report["split"], report["n"], report["accuracy"]) == ("val", 7, 1.0)


def test_metrics_from_a_known_confusion() -> None:
    confusion = confusion_matrix(np.array([0, 0, 0, 1, 1, 2]), np.array([0, 0, 1, 1, 0, 0]), 3)
    assert confusion.tolist() == [[2, 1, 0], [1, 1, 0], [1, 0, 0]]
    metrics = per_class_metrics(confusion, ["a", "b", "c"])
    assert metrics["a"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714, "support": 3}
    assert metrics["c"] == {"precision": None, "recall": 0.0, "f1": None, "support": 1}


def test_model_file_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match=r"missing\.onnx does not exist"):
        load_onnx(tmp_path / "missing.onnx")
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"this is not a protobuf")
    with pytest.raises(ModelFileError, match=r"junk\.onnx is not a valid ONNX model"):
        load_onnx(junk)
    bare = band_model(tmp_path / "bare.onnx", list(LABELS), metadata={"input_size": "[48, 48]"})
    with pytest.raises(ModelFileError, match=r"bare\.onnx: metadata 'labels' is missing"):
        load_onnx(bare)
    bad = band_model(
        tmp_path / "bad.onnx", list(LABELS), metadata={"labels": "angry,happy", "input_size": "[48,48]"}
    )
    with pytest.raises(ModelFileError, match=r"bad\.onnx: metadata 'labels' is not a JSON list"):
        load_onnx(bad)
    short = band_model(
        tmp_path / "short.onnx", list(LABELS), metadata={"labels": '["a"]', "input_size": "[48,48]"}
    )
    with pytest.raises(ModelFileError, match=r"output shape .* does not match the 1 labels"):
        load_onnx(short)


def test_cli_json(tmp_path: Path, faces: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = band_model(tmp_path / "m.onnx", list(LABELS))
    code = main(
        ["evaluate", "--model", str(model), "--data", str(faces), "--json", "--out", str(tmp_path / "r")]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert {"n", "accuracy", "per_class", "confusion", "labels"} <= set(report)
    assert isinstance(report["n"], int) and isinstance(report["accuracy"], float)
    assert (tmp_path / "r" / "m_confusion.png").exists()


def _cli_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    return lines[0]


def test_cli_bad_inputs_exit_2(tmp_path: Path, faces: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = band_model(tmp_path / "m.onnx", list(LABELS))
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"\x00" * 64)
    (tmp_path / "empty").mkdir()
    (tmp_path / "unknown" / "contempt").mkdir(parents=True)
    assert "junk.onnx" in _cli_error(capsys, "evaluate", "--model", str(junk), "--data", str(faces))
    assert "nope.onnx" in _cli_error(
        capsys, "evaluate", "--model", str(tmp_path / "nope.onnx"), "--data", str(faces)
    )
    assert "nowhere" in _cli_error(
        capsys, "evaluate", "--model", str(model), "--data", str(tmp_path / "nowhere")
    )
    assert "empty" in _cli_error(capsys, "evaluate", "--model", str(model), "--data", str(tmp_path / "empty"))
    assert "contempt" in _cli_error(
        capsys, "evaluate", "--model", str(model), "--data", str(tmp_path / "unknown")
    )
    missing = tmp_path / "best.keras"
    assert "best.keras" in _cli_error(
        capsys, "export", "--checkpoint", str(missing), "--out", str(tmp_path / "m.onnx")
    )
