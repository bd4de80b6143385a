from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fakes import LABELS7, build_tiny_model, tiny_model_probs

from kiosk.vision.classifier import EmotionClassifier, ModelError


def test_reads_the_contract_from_the_file(tiny_model: Path) -> None:
    classifier = EmotionClassifier(tiny_model)
    assert classifier.labels == LABELS7
    assert classifier.input_size == (48, 48)
    assert classifier.metadata["version"] == "tiny-test"


def test_session_threads_are_set_explicitly(tiny_model: Path) -> None:
    options = EmotionClassifier(tiny_model, threads=2)._session.get_session_options()
    assert options.intra_op_num_threads == 2
    assert options.inter_op_num_threads == 1


def test_dark_is_sad_and_bright_is_happy(tiny_model: Path) -> None:
    classifier = EmotionClassifier(tiny_model)
    probs = classifier.predict([np.full((60, 60), 94, np.uint8), np.full((90, 70), 177, np.uint8)])
    assert probs.shape == (2, 7) and probs.dtype == np.float32
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert classifier.labels[int(np.argmax(probs[0]))] == "sad"
    assert classifier.labels[int(np.argmax(probs[1]))] == "happy"
    expected = tiny_model_probs(94.0)
    assert probs[0][LABELS7.index("sad")] == pytest.approx(expected["sad"], abs=1e-4)


def test_crops_of_any_size_and_colour_in_one_batch(tiny_model: Path) -> None:
    classifier = EmotionClassifier(tiny_model)
    crops = [
        np.full((20, 20), 138, np.uint8),  # enlarged
        np.full((300, 200), 138, np.uint8),  # shrunk
        np.full((48, 48, 3), 138, np.uint8),  # BGR
    ]
    probs = classifier.predict(crops)
    assert probs.shape == (3, 7)
    assert [classifier.labels[int(i)] for i in probs.argmax(axis=1)] == ["neutral"] * 3
    assert classifier.predict([]).shape == (0, 7)


def test_other_input_sizes_and_labels(tmp_path: Path) -> None:
    path = build_tiny_model(tmp_path / "m.onnx", labels=("happy", "sad"), input_size=(64, 56))
    classifier = EmotionClassifier(path)
    assert classifier.input_size == (64, 56)
    assert classifier.predict([np.full((10, 10), 90, np.uint8)]).argmax() == 1


FAULTS: dict[str, tuple[dict[str, Any], str]] = {
    "corrupt": ({"corrupt": True}, "not a valid ONNX model"),
    "rank 3": ({"input_shape": ("N", 48, 48)}, r"expected float32 \[N, H, W, 1\]"),
    "three channels": ({"input_shape": ("N", 48, 48, 3)}, r"expected float32 \[N, H, W, 1\]"),
    "labels missing": ({"metadata": {"labels": None}}, "'labels' is missing"),
    "labels not json": ({"metadata": {"labels": "happy,sad"}}, "not a JSON list"),
    "labels not a list": ({"metadata": {"labels": '{"happy": 0}'}}, "not a JSON list"),
    "labels repeated": ({"metadata": {"labels": '["a", "a", "b", "c", "d", "e", "f"]'}}, "repeats"),
    "too few outputs": ({"output_size": 5}, "does not match the 7 labels"),
    "size mismatch": ({"metadata": {"input_size": "[64, 64]"}}, "does not match the input shape"),
    "size malformed": ({"metadata": {"input_size": "48x48"}}, "input_size' is not a JSON"),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_contract_breach_names_the_file(tmp_path: Path, fault: str) -> None:
    options, problem = FAULTS[fault]
    path = build_tiny_model(tmp_path / "faulty-model.onnx", **options)
    with pytest.raises(ModelError, match=problem) as caught:
        EmotionClassifier(path)
    assert str(path) in str(caught.value)


def test_input_size_may_come_from_the_graph_alone(tmp_path: Path) -> None:
    path = build_tiny_model(tmp_path / "m.onnx", metadata={"input_size": None})
    assert EmotionClassifier(path).input_size == (48, 48)
    dynamic = build_tiny_model(
        tmp_path / "d.onnx", input_shape=("N", "H", "W", 1), metadata={"input_size": None}
    )
    with pytest.raises(ModelError, match="'input_size' is missing"):
        EmotionClassifier(dynamic)


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_missing_model_names_the_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "emotion.onnx"
    if kind == "folder":
        path.mkdir()
    with pytest.raises(ModelError, match=r"emotion\.onnx"):
        EmotionClassifier(path)
