"""Export a trained .keras checkpoint to the kiosk's ONNX model contract and prove it matches.

The graph takes raw 0-255 grayscale float32 [N, H, W, 1] (N dynamic) and returns
probabilities [N, C]; with flip TTA it averages the prediction for each face and its mirror
image inside the graph. A fully convolutional net trained on random crops (training.augment)
is shown the centre crop of that size (the `view`, read from the run's state.json): it scores
far better there than on the whole 48 px face (training.train.centre_view). Given several
checkpoints (e.g. a run and its fine-tuned continuation) it exports their ensemble: the graph
averages their probabilities.
Augmentation layers run in inference mode (identity). The file is written only after
onnxruntime reproduces Keras within PARITY_TOLERANCE.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from training.data import IMAGE_SIZE, LABELS
from training.errors import ExportError, ModelFileError
from training.model_files import file_sha256, random_faces, replacing
from training.onnx_model import load_onnx

if TYPE_CHECKING:
    import keras
    import onnx
    import tensorflow as tf

__all__ = ["ExportError", "ExportResult", "export", "val_accuracy_from_state"]

log = logging.getLogger(__name__)

PARITY_TOLERANCE = 1e-4
MODEL_VERSION = "1.0.0"
INPUT_NAME = "pixels"
OUTPUT_NAME = "probs"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size_bytes: int
    max_abs_diff: float  # onnxruntime vs Keras on random 0-255 images
    metadata: dict[str, str]


def export(
    keras_model_path: Path | Sequence[Path],
    onnx_path: Path,
    *,
    flip_tta: bool = True,
    val_accuracy: float | None = None,
    dataset: str = "FER-2013",
    opset: int = 17,
    version: str = MODEL_VERSION,
    view: int | None = None,
) -> ExportResult:
    """Convert, write metadata, check with onnx's checker and a parity run, then move into place.

    `keras_model_path` is one checkpoint or several of the same input size, exported as
    one graph that averages their probabilities. `view`: the centre crop each face is cut to
    inside the graph (None: the training crop from state.json beside the first checkpoint, for
    a fully convolutional net; 0: the whole face).
    """
    paths = (
        [Path(keras_model_path)]
        if isinstance(keras_model_path, (str, Path))
        else [Path(p) for p in keras_model_path]
    )
    if not paths:
        raise ModelFileError("no checkpoint given")
    onnx_path = Path(onnx_path)
    if onnx_path.suffix != ".onnx" or onnx_path.is_dir():
        raise ModelFileError(f"output {onnx_path} is not an .onnx file name")
    models = [load_keras(path) for path in paths]
    sizes = {_input_size(model, path) for model, path in zip(models, paths, strict=True)}
    if len(sizes) != 1:
        raise ModelFileError(f"checkpoints differ in input size {sorted(sizes)}; cannot ensemble them")
    height, width = sizes.pop()
    view = _view(models[0], paths[0], view, min(height, width))
    proto = _convert(models, (height, width), flip_tta, opset, view)
    metadata = {
        "labels": json.dumps(list(LABELS)),
        "input_size": json.dumps([height, width]),
        "version": version,
        "trained": max(_trained_date(path) for path in paths),
        "dataset": dataset,
        "val_accuracy": json.dumps(None if val_accuracy is None else round(float(val_accuracy), 4)),
        "flip_tta": json.dumps(flip_tta),
        "ensemble": json.dumps(len(models)),
        "view": json.dumps(view or min(height, width)),
        "checkpoint_sha256": ",".join(file_sha256(path)[:16] for path in paths),
    }
    _finish(proto, metadata)
    diff = _write_checked(proto, onnx_path, models, flip_tta, view)
    size = onnx_path.stat().st_size
    log.info("wrote %s (%.1f KiB), parity max |diff| %.2e", onnx_path, size / 1024, diff)
    return ExportResult(onnx_path, size, diff, metadata)


def load_keras(path: Path) -> keras.Model:
    """Load a .keras checkpoint for inference (no optimizer); errors name the file."""
    if not path.is_file():
        raise ModelFileError(f"checkpoint {path} does not exist; expected a .keras file (e.g. best.keras)")
    if path.suffix != ".keras":
        raise ModelFileError(f"checkpoint {path} is not a .keras file")
    import keras

    try:
        model = keras.models.load_model(path, compile=False)
    except Exception as error:  # Keras raises many types for a corrupt archive
        raise ModelFileError(f"checkpoint {path} cannot be loaded: {error}") from error
    return as_float32(model)


def as_float32(model: keras.Model) -> keras.Model:
    """The same network computing in float32: a mixed-bfloat16 checkpoint is rebuilt from its
    config with float32 layers and given its weights (onnxruntime's CPU kernels are float32)."""
    import keras

    if all(layer.dtype_policy.name == "float32" for layer in model.layers):
        return model
    config = _float32_config(model.get_config())
    rebuilt = model.__class__.from_config(config)
    rebuilt.set_weights(model.get_weights())
    return rebuilt if isinstance(rebuilt, keras.Model) else model


def _float32_config(node: object) -> object:
    """A layer config tree with every dtype policy set to float32."""
    if isinstance(node, dict):
        if node.get("class_name") == "DTypePolicy" or node.get("class_name") == "FloatDTypePolicy":
            return {**node, "config": {**node.get("config", {}), "name": "float32"}}
        return {key: _float32_config(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_float32_config(value) for value in node]
    return node


def _input_size(model: keras.Model, path: Path) -> tuple[int, int]:
    """The face size the exported graph takes: the model's own, or 48x48 for a fully
    convolutional model (trained on crops, input (None, None, None, 1))."""
    shape = tuple(model.input_shape)
    if len(shape) == 4 and shape[1] is None and shape[2] is None:
        shape = (shape[0], IMAGE_SIZE, IMAGE_SIZE, shape[3])
    if len(shape) != 4 or shape[3] != 1 or not all(isinstance(d, int) for d in shape[1:3]):
        raise ModelFileError(f"checkpoint {path}: input shape {shape}, expected (None, H, W, 1)")
    if tuple(model.output_shape) != (None, len(LABELS)):
        raise ModelFileError(
            f"checkpoint {path}: output shape {model.output_shape}, expected (None, {len(LABELS)})"
        )
    return int(shape[1]), int(shape[2])


def _view(model: keras.Model, path: Path, view: int | None, size: int) -> int:
    """The centre crop the graph cuts each face to; 0 for the whole face."""
    if view is None and tuple(model.input_shape)[1:3] == (None, None):  # fully convolutional
        view = crop_from_state(path)
        if view is None:  # guessing the whole face would export a far weaker reader
            raise ModelFileError(
                f"{path} takes faces of any size and no state.json beside it gives its training crop: "
                "give the view with --view (the training crop, e.g. 44; 0 for the whole face)"
            )
    if not view or view >= size:
        return 0
    if view < 8 or (size - view) % 2:
        raise ModelFileError(f"view {view} px: expected an even margin inside the {size} px face")
    return int(view)


def crop_from_state(checkpoint: Path) -> int | None:
    """The training crop recorded in the state.json beside a checkpoint, if any."""
    try:
        crop = json.loads(checkpoint.with_name("state.json").read_text())["config"]["crop"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return int(crop) if isinstance(crop, int) else None


def centre(pixels: np.ndarray, view: int) -> np.ndarray:
    """The centre view x view pixels of a [N, H, W, 1] batch (all of it for view 0)."""
    if not view:
        return pixels
    top, left = (pixels.shape[1] - view) // 2, (pixels.shape[2] - view) // 2
    return pixels[:, top : top + view, left : left + view]


def inference_function(
    models: keras.Model | Sequence[keras.Model], size: tuple[int, int], flip_tta: bool, view: int = 0
) -> tf.types.experimental.PolymorphicFunction:
    """The exported computation: the members' mean probabilities over the centre view, optionally
    also over its mirror."""
    import tensorflow as tf

    members = _members(models)
    spec = (tf.TensorSpec([None, *size, 1], tf.float32, name=INPUT_NAME),)

    def one(model: keras.Model, pixels: tf.Tensor) -> tf.Tensor:
        if not flip_tta:
            return model(pixels, training=False)
        # One pass over [x; mirror(x)] instead of two: same weights, better batching.
        both = tf.concat([pixels, tf.reverse(pixels, axis=[2])], axis=0)
        probs = model(both, training=False)
        count = tf.shape(pixels)[0]
        return (probs[:count] + probs[count:]) / 2.0

    @tf.function(input_signature=spec)
    def predict(pixels: tf.Tensor) -> tf.Tensor:
        if view:
            top, left = (size[0] - view) // 2, (size[1] - view) // 2
            pixels = pixels[:, top : top + view, left : left + view, :]
        outputs = [one(model, pixels) for model in members]
        return outputs[0] if len(outputs) == 1 else tf.add_n(outputs) / float(len(outputs))

    return predict


def _convert(
    models: Sequence[keras.Model], size: tuple[int, int], flip_tta: bool, opset: int, view: int = 0
) -> onnx.ModelProto:
    import tf2onnx

    logging.getLogger("tf2onnx").setLevel(logging.WARNING)
    function = inference_function(models, size, flip_tta, view)
    try:
        proto, _ = tf2onnx.convert.from_function(
            function, input_signature=function.input_signature, opset=opset
        )
    except Exception as error:  # tf2onnx surfaces converter failures as assorted types
        raise ExportError(f"tf2onnx could not convert the model: {error}") from error
    return proto


def _finish(proto: onnx.ModelProto, metadata: dict[str, str]) -> None:
    """Name the output, mark the batch dimension, attach metadata and run onnx's checker."""
    import onnx

    graph = proto.graph
    _rename_value(graph, graph.output[0].name, OUTPUT_NAME)
    for value in (graph.input[0], graph.output[0]):
        value.type.tensor_type.shape.dim[0].dim_param = "N"
    graph.name = "expression_cnn"
    proto.doc_string = "Facial-expression probabilities from raw 0-255 grayscale faces [N, H, W, 1]."
    onnx.helper.set_model_props(proto, metadata)
    try:
        onnx.checker.check_model(proto, full_check=True)
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError) as error:
        raise ExportError(f"the converted model fails onnx's checker: {error}") from error


def _rename_value(graph: onnx.GraphProto, old: str, new: str) -> None:
    for node in graph.node:
        node.output[:] = [new if name == old else name for name in node.output]
        node.input[:] = [new if name == old else name for name in node.input]
    for value in graph.output:
        if value.name == old:
            value.name = new


def _write_checked(
    proto: onnx.ModelProto,
    onnx_path: Path,
    model: keras.Model | Sequence[keras.Model],
    flip_tta: bool,
    view: int = 0,
) -> float:
    """Write to a temporary file, check parity, then replace onnx_path; never leave a bad file."""
    with replacing(onnx_path) as tmp:
        tmp.write_bytes(proto.SerializeToString())
        diff = parity(tmp, model, flip_tta, view=view)
        if not diff < PARITY_TOLERANCE:
            raise ExportError(
                f"parity check failed for {onnx_path}: onnxruntime differs from Keras by {diff:.3g} "
                f"(tolerance {PARITY_TOLERANCE:g}); nothing written"
            )
    return diff


def parity(
    onnx_path: Path,
    model: keras.Model | Sequence[keras.Model],
    flip_tta: bool,
    count: int = 8,
    seed: int = 0,
    view: int = 0,
) -> float:
    """Max |onnxruntime - Keras| on random 0-255 images, at batch `count` and batch 1."""
    onnx_model = load_onnx(onnx_path)
    x = random_faces(onnx_model.input_size, count, seed)
    expected = keras_probs(model, x, flip_tta, view)
    batched = onnx_model.predict(x)
    single = onnx_model.predict(x[:1], batch_size=1)
    if batched.shape != expected.shape:
        raise ExportError(f"{onnx_path}: output shape {batched.shape}, Keras gives {expected.shape}")
    sums = np.abs(batched.sum(axis=1) - 1.0).max()
    if sums > 1e-3:
        raise ExportError(f"{onnx_path}: output rows do not sum to 1 (off by {sums:.3g})")
    return float(max(np.abs(batched - expected).max(), np.abs(single - expected[:1]).max()))


def keras_probs(
    model: keras.Model | Sequence[keras.Model], x: np.ndarray, flip_tta: bool, view: int = 0
) -> np.ndarray:
    """The reference: Keras in inference mode; the view, mirror and ensemble averaging in numpy."""
    members = _members(model)
    x = np.ascontiguousarray(centre(x, view))
    total = np.zeros((len(x), len(LABELS)), dtype=np.float64)
    for member in members:
        probs = np.asarray(member(x, training=False))
        if flip_tta:
            mirrored = np.asarray(member(np.ascontiguousarray(x[:, :, ::-1]), training=False))
            probs = (probs + mirrored) / 2.0
        total += probs
    return (total / len(members)).astype(np.float32)


def _members(models: keras.Model | Sequence[keras.Model]) -> list[keras.Model]:
    """One model or an ensemble, as a list."""
    return list(models) if isinstance(models, Sequence) else [models]


def _trained_date(path: Path) -> str:
    """The checkpoint's modification date (UTC), i.e. when that epoch finished."""
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.timezone.utc)
    return stamp.date().isoformat()


def val_accuracy_from_state(checkpoint: Path) -> float | None:
    """The validation accuracy recorded for this checkpoint in a state.json beside it, if any."""
    path = checkpoint.with_name("state.json")
    try:
        state = json.loads(path.read_text())
        if checkpoint.name == "best.keras":
            return float(state["best_val_accuracy"])
        if checkpoint.name == "last.keras":
            return float(state["history"][-1]["val_accuracy"])
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        log.info("no validation accuracy from %s (%s)", path, error)
    return None
