"""Turn an int8 (QDQ) model file back into float, so it can be quantized again.

The shipped v1 file was quantized with full-range 8-bit weights, which lose 0.8 points on
CPUs without VNNI (see training/quantize.py); its float export is gone. Its int8 weights
times their scales *are* float weights, so `quantize` accepts an int8 file: it rebuilds the
float graph here and quantizes that again (with 7-bit weights by default).

What the rebuild does to a graph written by onnxruntime's `quantize_static` (QDQ format):

- a DequantizeLinear of a constant (weights, int32 biases) becomes that constant in float,
  per channel along the node's axis;
- a QuantizeLinear -> DequantizeLinear pair on an activation goes. The quantizer folds a Relu
  into such a pair (uint8 with zero point 0 clamps at 0) and deletes it, so a pair with zero
  point 0 becomes a Relu again; any other pair becomes a plain connection;
- the `quantized` metadata entry goes; everything else stays.

The result is checked against the int8 file run literally (onnxruntime with its graph
optimisations off, so each Q/DQ pair is computed as written and no int8 kernel is used).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from training.errors import ExportError
from training.model_files import random_faces, replacing
from training.onnx_model import load_onnx

MAX_DIFF = 0.05  # largest probability difference to the int8 graph run literally: activation rounding only


def is_quantized(path: Path) -> bool:
    """True for a QDQ file (it has DequantizeLinear nodes)."""
    import onnx

    return any(node.op_type == "DequantizeLinear" for node in onnx.load(str(path)).graph.node)


def dequantize(int8_path: Path, out_path: Path) -> Path:
    """Write the float graph of `int8_path` to `out_path`, checked against the int8 graph."""
    import onnx

    int8_path, out_path = Path(int8_path), Path(out_path)
    proto = onnx.load(str(int8_path))
    _rebuild(proto)
    onnx.checker.check_model(proto)
    with replacing(out_path) as tmp:
        onnx.save(proto, str(tmp))
        diff = _largest_difference(int8_path, tmp)
        if not diff <= MAX_DIFF:
            raise ExportError(
                f"{int8_path}: the float rebuild differs from the int8 graph by {diff:.4f} "
                f"(at most {MAX_DIFF}); not a QDQ graph this rebuild understands"
            )
    return out_path


def _rebuild(proto: Any) -> None:
    from onnx import helper, numpy_helper

    graph = proto.graph
    constants = {init.name: init for init in graph.initializer}
    producers = {output: node for node in graph.node for output in node.output}

    def value(name: str) -> np.ndarray:
        if name not in constants:
            raise ExportError(f"quantization parameter {name!r} is not a constant")
        return numpy_helper.to_array(constants[name]).astype(np.float64)

    kept, floats, bypass = [], [], {}
    for node in graph.node:
        if node.op_type == "DequantizeLinear" and node.input[0] in constants:
            floats.append(numpy_helper.from_array(_dequantized(node, value), node.output[0]))
        elif node.op_type == "DequantizeLinear":
            quantize = producers.get(node.input[0])
            if quantize is None or quantize.op_type != "QuantizeLinear":
                raise ExportError(f"DequantizeLinear {node.name!r} does not follow a QuantizeLinear")
            zero_point = quantize.input[2] if len(quantize.input) > 2 else ""
            if _clamps_at_zero(constants.get(zero_point)):
                kept.append(helper.make_node("Relu", [quantize.input[0]], [node.output[0]]))
            else:
                bypass[node.output[0]] = quantize.input[0]
        elif node.op_type != "QuantizeLinear":
            kept.append(node)

    for node in kept:
        for i, name in enumerate(node.input):
            node.input[i] = bypass.get(name, name)
    if any(output.name in bypass for output in graph.output):
        raise ExportError("a graph output is a quantized activation")
    used = {name for node in kept for name in node.input}
    live = [init for init in graph.initializer if init.name in used]
    del graph.node[:]
    graph.node.extend(kept)
    del graph.initializer[:]
    graph.initializer.extend(live + floats)
    helper.set_model_props(proto, {p.key: p.value for p in proto.metadata_props if p.key != "quantized"})


def _clamps_at_zero(zero_point: Any) -> bool:
    """A uint8 activation with zero point 0 is clamped at 0: a Relu the quantizer folded in."""
    from onnx import TensorProto, numpy_helper

    return (
        zero_point is not None
        and zero_point.data_type == TensorProto.UINT8
        and bool(np.all(numpy_helper.to_array(zero_point) == 0))
    )


def _dequantized(node: Any, value: Any) -> np.ndarray:
    """(q - zero point) x scale of a constant, per channel along the node's axis."""
    q, scale = value(node.input[0]), value(node.input[1])
    zero_point = value(node.input[2]) if len(node.input) > 2 and node.input[2] else np.zeros_like(scale)
    axis = next((attr.i for attr in node.attribute if attr.name == "axis"), 1)
    if scale.ndim == 1 and q.ndim > 1:
        shape = [1] * q.ndim
        shape[axis] = -1
        scale, zero_point = scale.reshape(shape), zero_point.reshape(shape)
    return np.asarray((q - zero_point) * scale, dtype=np.float32)


def _largest_difference(int8_path: Path, float_path: Path) -> float:
    import onnxruntime as ort

    literal = ort.SessionOptions()
    literal.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    int8 = ort.InferenceSession(str(int8_path), literal, providers=["CPUExecutionProvider"])
    rebuilt = load_onnx(float_path)  # run as the kiosk runs it
    faces = random_faces(rebuilt.input_size, count=16)
    expected = int8.run(None, {rebuilt.input_name: faces})[0]
    got = rebuilt.predict(faces)
    return float(np.abs(expected - got).max())
