"""Merge finished kiosk models into one file that averages their probabilities.

    python -m training merge --model models/emotion.onnx build/v2/emotion.onnx \\
        --weights 0.4 0.6 --out build/ens/emotion.onnx

`export --checkpoint A B` ensembles Keras checkpoints of one input size before conversion. This
works on the exported files themselves, so members may differ in architecture, in the view they
cut from the face, in test-time flipping and in quantization (an int8 v1 and an int8 v2, say):
each member's graph is copied unchanged under its own name prefix, all read the one `pixels`
input, and `probs` is the weighted sum of their outputs (weights normalised to sum to 1).

The members must share the kiosk's contract: the same labels in the same order, the same input
size and the same input and output names (docs/ARCHITECTURE.md). The merged file is checked
before it is moved into place: onnx's checker, then on random faces (batch 8 and batch 1) its
output against the weighted sum of the members run one by one; a difference of 1e-5 or more
stops it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

from training.errors import ExportError, ModelFileError
from training.model_files import file_sha256, normalised_weights, random_faces, replacing
from training.onnx_model import OnnxModel, load_onnx

MAX_DIFF = 1e-5


@dataclass(frozen=True)
class MergeResult:
    path: Path
    size_bytes: int
    weights: tuple[float, ...]
    max_abs_diff: float


def merge(
    paths: Sequence[Path],
    out_path: Path,
    weights: Sequence[float] | None = None,
    *,
    version: str | None = None,
    val_accuracy: float | None = None,
) -> MergeResult:
    """Write the weighted ensemble of the model files `paths` to `out_path`, checked."""
    paths = [Path(p) for p in paths]
    if len(paths) < 2:
        raise ModelFileError("merge needs at least two model files")
    members = [load_onnx(path) for path in paths]  # each checked against the kiosk's contract
    weights = normalised_weights(weights, len(paths), "model", zero_ok=True)
    _check_compatible(members)
    protos = [onnx.load(str(path)) for path in paths]
    merged = _merged_proto(protos, weights, members[0].input_name, _output_name(protos[0]))
    metadata = _metadata(members, weights, version, val_accuracy)
    helper.set_model_props(merged, metadata)
    onnx.checker.check_model(merged)
    out_path = Path(out_path)
    with replacing(out_path) as tmp:
        tmp.write_bytes(merged.SerializeToString())
        diff = _parity(load_onnx(tmp), members, weights)
        if not diff < MAX_DIFF:
            raise ExportError(f"merged model differs from its members by {diff:.2e} (limit {MAX_DIFF:.0e})")
    return MergeResult(out_path, out_path.stat().st_size, tuple(weights), diff)


def _check_compatible(members: Sequence[OnnxModel]) -> None:
    first = members[0]
    for other in members[1:]:
        for what, a, b in (
            ("labels", first.labels, other.labels),
            ("input size", first.input_size, other.input_size),
            ("input name", first.input_name, other.input_name),
        ):
            if a != b:
                raise ModelFileError(f"{other.path} has {what} {list(b)!r}, {first.path} has {list(a)!r}")


def _output_name(proto: onnx.ModelProto) -> str:
    return str(proto.graph.output[0].name)


def _merged_proto(
    protos: Sequence[onnx.ModelProto], weights: Sequence[float], input_name: str, output_name: str
) -> onnx.ModelProto:
    nodes, initializers, value_info, summands = [], [], [], []
    for i, proto in enumerate(protos):
        prefix = f"m{i}_"
        member = onnx.compose.add_prefix(proto, prefix)
        graph = member.graph
        nodes.append(helper.make_node("Identity", [input_name], [prefix + input_name], name=f"{prefix}input"))
        nodes.extend(graph.node)
        initializers.extend(graph.initializer)
        value_info.extend(graph.value_info)
        weight = f"{prefix}weight"
        initializers.append(helper.make_tensor(weight, TensorProto.FLOAT, [], [weights[i]]))
        weighted = f"{prefix}weighted"
        nodes.append(helper.make_node("Mul", [prefix + _output_name(proto), weight], [weighted], name=weight))
        summands.append(weighted)
    nodes.append(helper.make_node("Sum", summands, [output_name], name="ensemble_sum"))
    graph = helper.make_graph(
        nodes,
        "ensemble",
        [protos[0].graph.input[0]],
        [protos[0].graph.output[0]],
        initializers,
        value_info=value_info,
    )
    model = helper.make_model(graph, opset_imports=_opsets(protos))
    model.ir_version = max(proto.ir_version for proto in protos)
    return model


def _opsets(protos: Sequence[onnx.ModelProto]) -> list[onnx.OperatorSetIdProto]:
    """Each domain once. The default domain's version must agree: its operators change meaning
    between versions, and no member is rewritten here."""
    versions: dict[str, set[int]] = {}
    for proto in protos:
        for opset in proto.opset_import:
            versions.setdefault(opset.domain, set()).add(opset.version)
    if len(versions.get("", set())) > 1:
        raise ModelFileError(f"members use different ONNX opsets {sorted(versions[''])}; export them alike")
    return [helper.make_opsetid(domain, max(found)) for domain, found in versions.items()]


def _metadata(
    members: Sequence[OnnxModel], weights: Sequence[float], version: str | None, val_accuracy: float | None
) -> dict[str, str]:
    first = members[0].metadata
    described = [
        {
            "version": m.metadata.get("version"),
            "weight": round(w, 4),
            "view": json.loads(m.metadata.get("view", "null")),
            "flip_tta": json.loads(m.metadata.get("flip_tta", "false")),
            "quantized": m.metadata.get("quantized"),
            "sha256": file_sha256(m.path)[:16],
        }
        for m, w in zip(members, weights, strict=True)
    ]
    metadata = {
        "labels": first["labels"],
        "input_size": json.dumps(list(members[0].input_size)),
        "version": version or "+".join(str(m.metadata.get("version", "?")) for m in members),
        "ensemble": json.dumps(len(members)),
        "members": json.dumps(described),
        "flip_tta": json.dumps(any(d["flip_tta"] for d in described)),
    }
    if first.get("dataset"):
        metadata["dataset"] = first["dataset"]
    quantized = {m.metadata.get("quantized") for m in members}
    if len(quantized) == 1 and None not in quantized:
        metadata["quantized"] = str(quantized.pop())
    if val_accuracy is not None:
        metadata["val_accuracy"] = f"{val_accuracy:.4f}"
    return metadata


def _parity(merged: OnnxModel, members: Sequence[OnnxModel], weights: Sequence[float]) -> float:
    x = random_faces(merged.input_size)
    expected = np.zeros((len(x), len(merged.labels)))
    for member, weight in zip(members, weights, strict=True):
        expected += weight * member.predict(x).astype(np.float64)
    got_batch = merged.predict(x).astype(np.float64)
    got_single = np.concatenate([merged.predict(x[i : i + 1]) for i in range(2)]).astype(np.float64)
    return float(max(np.abs(got_batch - expected).max(), np.abs(got_single - expected[:2]).max()))
