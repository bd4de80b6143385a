"""Quantize an exported float model to int8 (QDQ) for the kiosk's one-core latency budget.

Static quantization, per-channel int8 weights and uint8 activations, calibrated on real
training faces. The contract does not change: float32 raw 0-255 pixels in, probabilities
out, the same metadata_props (plus `quantized`). The float export is checked against Keras
to 1e-4; int8 cannot match that, so this step checks it against the float model instead,
on faces it was not calibrated on: top-1 agreement and the mean probability difference.

`reduce_range` (the default) keeps the weights to 7 bits. CPUs without VNNI (AVX2 only) multiply
uint8 activations by int8 weights with an instruction that saturates pairs of products at 16
bits; with full-range weights that saturation cost the shipped v1 model 0.8 points of accuracy
on such a CPU (65.14 % against 65.95 %). Seven-bit weights cannot saturate, so the model reads
the same on every CPU the kiosk may be installed on.

An int8 file can be quantized again: `quantize --model models/emotion.onnx` rebuilds its float
graph from the int8 weights (training/dequantize.py) and quantizes that with 7-bit weights.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from training.data import load_dataset
from training.dequantize import dequantize, is_quantized
from training.errors import ExportError
from training.model_files import replacing
from training.onnx_model import OnnxModel, load_onnx

log = logging.getLogger(__name__)

MIN_AGREEMENT = 0.95  # top-1 agreement with the float model
MAX_MEAN_DIFF = 0.03  # mean absolute probability difference
# The convolutions carry the cost; the head (softmax, flip averaging) stays float so rows sum to 1.
QUANTIZED_OPS = ["Conv", "MaxPool", "Relu", "GlobalAveragePool"]


@dataclass(frozen=True)
class QuantizeResult:
    path: Path
    size_bytes: int
    agreement: float
    mean_abs_diff: float


def quantize(
    float_path: Path,
    out_path: Path,
    data: Path,
    samples: int = 600,
    seed: int = 0,
    *,
    reduce_range: bool = True,
) -> QuantizeResult:
    """Calibrate on `samples` training faces, check on as many others, then move into place.

    An int8 file is accepted too: its float rebuild (training/dequantize.py) is quantized
    again, and the check compares against that rebuild."""
    float_path, out_path = Path(float_path), Path(out_path)
    with tempfile.TemporaryDirectory() as folder:
        if is_quantized(float_path):  # an int8 file: quantize its float rebuild again
            float_path = dequantize(float_path, Path(folder) / "float.onnx")
        return _quantize_checked(float_path, out_path, data, samples, seed, reduce_range)


def _quantize_checked(
    float_path: Path, out_path: Path, data: Path, samples: int, seed: int, reduce_range: bool
) -> QuantizeResult:
    reference = load_onnx(float_path)
    calibration, check = _sample_faces(data, samples, seed)
    with replacing(out_path) as tmp:
        _quantize_static(float_path, tmp, reference, calibration, reduce_range)
        _copy_metadata(reference, tmp)
        agreement, mean_diff = _compare(reference, load_onnx(tmp), check)
        if agreement < MIN_AGREEMENT or mean_diff > MAX_MEAN_DIFF:
            raise ExportError(
                f"int8 model disagrees with {float_path}: top-1 agreement {agreement:.3f} "
                f"(need >= {MIN_AGREEMENT}), mean |diff| {mean_diff:.4f} (need <= {MAX_MEAN_DIFF})"
            )
    log.info("wrote %s: agreement %.4f, mean |diff| %.4f", out_path, agreement, mean_diff)
    return QuantizeResult(out_path, out_path.stat().st_size, agreement, mean_diff)


def _sample_faces(data: Path, samples: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    splits = load_dataset(data)
    images = splits["train"].images if "train" in splits else next(iter(splits.values())).images
    order = np.random.default_rng(seed).permutation(len(images))
    picked = images[order[: 2 * samples]][..., None].astype(np.float32)
    if len(picked) < 2:
        raise ExportError(f"{data}: too few faces to calibrate and check the int8 model")
    half = len(picked) // 2
    return picked[:half], picked[half:]


def _quantize_static(
    float_path: Path, out: Path, reference: OnnxModel, faces: np.ndarray, reduce_range: bool
) -> None:
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    class Faces(CalibrationDataReader):
        def __init__(self) -> None:
            self.batches: Iterator[np.ndarray] = iter(np.array_split(faces, max(1, len(faces) // 32)))

        def get_next(self) -> dict[str, np.ndarray] | None:
            batch = next(self.batches, None)
            return None if batch is None else {reference.input_name: batch}

    with tempfile.TemporaryDirectory() as folder:
        prepared = Path(folder) / "prepared.onnx"
        quant_pre_process(str(float_path), str(prepared), skip_symbolic_shape=True)
        quantize_static(
            str(prepared),
            str(out),
            Faces(),
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            op_types_to_quantize=QUANTIZED_OPS,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            reduce_range=reduce_range,
        )


def _copy_metadata(reference: OnnxModel, path: Path) -> None:
    import onnx

    proto = onnx.load(str(path))
    del proto.metadata_props[:]
    for key, value in {**reference.metadata, "quantized": "int8"}.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(proto, str(path))


def _compare(reference: OnnxModel, candidate: OnnxModel, faces: np.ndarray) -> tuple[float, float]:
    expected, got = reference.predict(faces), candidate.predict(faces)
    agreement = float(np.mean(expected.argmax(1) == got.argmax(1)))
    return agreement, float(np.abs(expected - got).mean())
