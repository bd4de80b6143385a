"""Batch augmentation for the v2 recipe on uint8 faces, the same on every Keras backend.

One projective warp per face does the random crop, scale, rotation and mirror in a single
resampling (48x48 in, `crop`x`crop` out). Then brightness and contrast jitter, random
erasing and mixup. Every random number is drawn in numpy from a generator keyed by
(seed, step) (`draw`), and the pixel work is `keras.ops` (`augment_batch`), compiled where the
backend compiles (`compiled`: tf.function, jax.jit; torch runs it eagerly). So the batch of a
step is the same in every run, on resume, and on every backend up to the resampling's float
rounding (measured 5e-5 of the 0-255 range between TensorFlow and JAX).

The network is fully convolutional with global average pooling, so it takes any input size;
it is shown the centre `crop` pixels at validation and inside the exported graph
(training.train.centre_view, training.export), not the whole face.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

Tensor = Any  # a backend tensor (tf.Tensor, jax.Array, torch.Tensor) or a numpy array


@dataclass(frozen=True)
class AugmentConfig:
    crop: int = 44  # training crop (pixels); the face is 48x48
    scale: float = 0.10  # +-10 % zoom
    rotation_deg: float = 10.0  # +-10 degrees
    shift: float = 2.0  # extra +-px of translation beyond the crop's own freedom
    brightness: float = 0.10  # +- fraction of the 0-255 range
    contrast: float = 0.20  # contrast factor in [1 - c, 1 + c]
    erase_prob: float = 0.5
    erase_area: tuple[float, float] = (0.02, 0.20)  # fraction of the crop
    mixup_alpha: float = 0.2  # Beta(a, a); 0 turns mixup off


class Draws(NamedTuple):
    """The random part of one batch's augmentation, float32 numpy arrays (B faces)."""

    transforms: np.ndarray  # [B, 8] projective transforms, output (crop) pixels -> source pixels
    contrast: np.ndarray  # [B] contrast factors
    brightness: np.ndarray  # [B] offsets in 0-255 units
    erase: np.ndarray  # [B, 4] top, left, height, width of the erased box (0 x 0: none)
    noise: np.ndarray  # [B, crop, crop, 1] what an erased box is filled with, 0-255
    mix: np.ndarray  # [B] mixup weight of each face's own image and label, >= 0.5 (1: none)


def step_rng(seed: int, stream: int, number: int) -> np.random.Generator:
    """A generator keyed by (seed, stream, number) alone: stateless, so any step can be redrawn."""
    return np.random.default_rng([seed & 0xFFFFFFFFFFFFFFFF, stream, number])


def draw(batch: int, size: int, config: AugmentConfig, seed: int, step: int) -> Draws:
    """The draws of training step `step` for `batch` faces of `size` px."""
    rng = step_rng(seed, 1, step)
    transforms = warp_params(batch, size, config, rng)
    contrast = rng.uniform(1.0 - config.contrast, 1.0 + config.contrast, batch)
    brightness = rng.uniform(-config.brightness, config.brightness, batch) * 255.0
    erase = _erase_boxes(batch, config, rng)
    noise = rng.random((batch, config.crop, config.crop, 1), dtype=np.float32) * np.float32(255.0)
    mix = np.ones(batch)
    if config.mixup_alpha > 0:
        lam = rng.beta(config.mixup_alpha, config.mixup_alpha, batch)
        mix = np.maximum(lam, 1.0 - lam)  # each face's own label stays ahead
    parts = (transforms, contrast, brightness, erase, noise, mix)
    return Draws(*(part.astype(np.float32) for part in parts))


def warp_params(batch: int, size: int, config: AugmentConfig, rng: np.random.Generator) -> np.ndarray:
    """[batch, 8] projective transforms mapping crop pixels (x, y) to source pixels."""
    scale = rng.uniform(1.0 - config.scale, 1.0 + config.scale, batch)
    angle = rng.uniform(-1.0, 1.0, batch) * (config.rotation_deg * math.pi / 180)
    flip = np.where(rng.uniform(size=batch) < 0.5, -1.0, 1.0)
    room = (size - config.crop) / 2.0 + config.shift
    shift = rng.uniform(-room, room, (batch, 2))
    cos, sin = np.cos(angle) / scale, np.sin(angle) / scale
    a0, a1, b0, b1 = flip * cos, -sin, flip * sin, cos
    out_c = (config.crop - 1) / 2.0
    src_cx = (size - 1) / 2.0 + shift[:, 0]
    src_cy = (size - 1) / 2.0 + shift[:, 1]
    a2 = src_cx - (a0 + a1) * out_c
    b2 = src_cy - (b0 + b1) * out_c
    zeros = np.zeros(batch)
    return np.stack([a0, a1, a2, b0, b1, b2, zeros, zeros], axis=1)


def _erase_boxes(batch: int, config: AugmentConfig, rng: np.random.Generator) -> np.ndarray:
    """Random erasing (Zhong et al.): one box per chosen face, [batch, 4] top, left, height, width."""
    crop = float(config.crop)
    lo, hi = config.erase_area
    area = rng.uniform(lo, hi, batch) * crop * crop
    ratio = np.exp(rng.uniform(math.log(0.3), math.log(3.3), batch))
    height = np.minimum(np.sqrt(area * ratio), crop)
    width = np.minimum(np.sqrt(area / ratio), crop)
    top = rng.uniform(size=batch) * (crop - height)
    left = rng.uniform(size=batch) * (crop - width)
    chosen = rng.uniform(size=batch) < config.erase_prob
    return np.stack([top, left, np.where(chosen, height, 0.0), np.where(chosen, width, 0.0)], axis=1)


def augment_batch(images: Tensor, labels: Tensor, weights: Tensor, draws: Draws) -> tuple[Tensor, ...]:
    """uint8 [B, 48, 48] faces, one-hot labels [B, C], sample weights [B] -> the augmented float32
    batch [B, crop, crop, 1], its labels and weights, in keras.ops (any backend).

    Pixels stay in the 0-255 range the model's Rescaling layer expects.
    """
    from keras import ops

    crop = draws.noise.shape[1]
    draws = Draws(*(ops.convert_to_tensor(part, "float32") for part in draws))
    x = ops.expand_dims(ops.cast(images, "float32"), -1)
    # The warp's output has the input's size; its top-left crop x crop is the transformed crop.
    x = ops.image.affine_transform(
        x, draws.transforms, interpolation="bilinear", fill_mode="reflect", data_format="channels_last"
    )[:, :crop, :crop, :]
    per_face = (-1, 1, 1, 1)
    mean = ops.mean(x, axis=(1, 2, 3), keepdims=True)
    x = (x - mean) * ops.reshape(draws.contrast, per_face) + mean + ops.reshape(draws.brightness, per_face)
    x = ops.clip(x, 0.0, 255.0)
    x = ops.where(_inside(draws.erase, crop), draws.noise, x)
    mix, labels, weights = draws.mix, ops.cast(labels, "float32"), ops.cast(weights, "float32")
    x = ops.reshape(mix, per_face) * x + ops.reshape(1.0 - mix, per_face) * ops.flip(x, axis=0)
    labels = mix[:, None] * labels + (1.0 - mix[:, None]) * ops.flip(labels, axis=0)
    weights = mix * weights + (1.0 - mix) * ops.flip(weights, axis=0)
    return x, labels, weights


def _inside(boxes: Tensor, crop: int) -> Tensor:
    """[B, crop, crop, 1] True inside each face's erase box."""
    from keras import ops

    top, left, height, width = (ops.reshape(boxes[:, i], (-1, 1, 1, 1)) for i in range(4))
    rows = ops.reshape(ops.arange(crop, dtype="float32"), (1, crop, 1, 1))
    cols = ops.reshape(ops.arange(crop, dtype="float32"), (1, 1, crop, 1))
    return (rows >= top) & (rows < top + height) & (cols >= left) & (cols < left + width)


def compiled(function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` compiled for the Keras backend in use: jax.jit on JAX (one compilation per batch
    shape, run on the accelerator), tf.function on TensorFlow; as it is on torch (eager)."""
    import keras

    backend = keras.backend.backend()
    if backend == "jax":
        import jax

        return jax.jit(function)
    if backend == "tensorflow":
        import tensorflow as tf

        return tf.function(function, jit_compile=False, reduce_retracing=True)
    return function
