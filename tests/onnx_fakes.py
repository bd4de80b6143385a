"""Hand-built ONNX models for the training tests (no TensorFlow needed)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

from training.data import LABELS, canonical_label
from training.synthetic import BAND


def band_model(
    path: Path, labels: list[str], metadata: dict[str, str] | None = None, *, blind: tuple[str, ...] = ()
) -> Path:
    """A linear model that recognises the synthetic bands: output j scores the band of labels[j].
    It cannot see the classes named in `blind` (their outputs score nothing)."""

    weights = np.zeros((48, 48, len(labels)), dtype=np.float32)
    for j, label in enumerate(labels):
        known = canonical_label(label)
        if known is not None and known not in blind:
            start = LABELS.index(known) * BAND
            weights[start : start + BAND, :, j] = 1.0 / (255 * BAND * 48) * 20
    graph = helper.make_graph(
        [
            helper.make_node("Reshape", ["pixels", "flat_shape"], ["flat"]),
            helper.make_node("MatMul", ["flat", "weights"], ["logits"]),
            helper.make_node("Softmax", ["logits"], ["probs"], axis=1),
        ],
        "band_model",
        [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, ["N", 48, 48, 1])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", len(labels)])],
        [
            helper.make_tensor("flat_shape", TensorProto.INT64, [2], [-1, 48 * 48]),
            onnx.numpy_helper.from_array(weights.reshape(48 * 48, len(labels)), "weights"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    props = {"labels": json.dumps(labels), "input_size": "[48, 48]", "version": "test"}
    helper.set_model_props(model, props if metadata is None else metadata)
    onnx.checker.check_model(model)
    path.write_bytes(model.SerializeToString())
    return path
