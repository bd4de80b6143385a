"""Batch augmentation for the v2 recipe, run in the tf.data pipeline on uint8 faces.

One projective warp per face does the random crop, scale, rotation and mirror in a single
resampling (48x48 in, `crop`x`crop` out). Then brightness and contrast jitter, random
erasing and mixup. The network sees the full 48x48 face at inference: it is fully
convolutional with global average pooling, so the crop size is a training-only choice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tensorflow as tf


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


def warp_params(batch: int, size: int, config: AugmentConfig, seed: tf.Tensor) -> tf.Tensor:
    """[batch, 8] projective transforms mapping crop pixels to source pixels."""
    import tensorflow as tf

    seeds = tf.random.experimental.stateless_split(seed, 5)
    scale = tf.random.stateless_uniform([batch], seeds[0], 1.0 - config.scale, 1.0 + config.scale)
    angle = tf.random.stateless_uniform([batch], seeds[1], -1.0, 1.0) * (config.rotation_deg * math.pi / 180)
    flip = tf.where(tf.random.stateless_uniform([batch], seeds[2]) < 0.5, -1.0, 1.0)
    room = (size - config.crop) / 2.0 + config.shift
    shift = tf.random.stateless_uniform([batch, 2], seeds[3], -room, room)
    cos, sin = tf.cos(angle) / scale, tf.sin(angle) / scale
    a0, a1, b0, b1 = flip * cos, -sin, flip * sin, cos
    out_c = (config.crop - 1) / 2.0
    src_cx = (size - 1) / 2.0 + shift[:, 0]
    src_cy = (size - 1) / 2.0 + shift[:, 1]
    a2 = src_cx - (a0 + a1) * out_c
    b2 = src_cy - (b0 + b1) * out_c
    zeros = tf.zeros([batch])
    return tf.stack([a0, a1, a2, b0, b1, b2, zeros, zeros], axis=1)


def augment_batch(
    images: tf.Tensor, labels: tf.Tensor, weights: tf.Tensor, config: AugmentConfig, seed: tf.Tensor
) -> tuple[tf.Tensor, tf.Tensor, tf.Tensor]:
    """uint8 [B, 48, 48] faces, one-hot labels [B, C], sample weights [B] -> augmented float32 batch.

    Pixels stay in the 0-255 range the model's Rescaling layer expects.
    """
    import tensorflow as tf

    batch, size = tf.shape(images)[0], images.shape[1]
    seeds = tf.random.experimental.stateless_split(seed, 5)
    x = tf.cast(images, tf.float32)[..., None]
    x = tf.raw_ops.ImageProjectiveTransformV3(
        images=x,
        transforms=warp_params(batch, size, config, seeds[0]),
        output_shape=tf.constant([config.crop, config.crop], tf.int32),
        fill_value=0.0,
        interpolation="BILINEAR",
        fill_mode="REFLECT",
    )
    x = _jitter(x, batch, config, seeds[1])
    x = _erase(x, batch, config, seeds[2])
    if config.mixup_alpha > 0:
        x, labels, weights = _mixup(x, labels, weights, config.mixup_alpha, seeds[3])
    return x, labels, weights


def _jitter(x: tf.Tensor, batch: tf.Tensor, config: AugmentConfig, seed: tf.Tensor) -> tf.Tensor:
    import tensorflow as tf

    seeds = tf.random.experimental.stateless_split(seed, 2)
    shape = [batch, 1, 1, 1]
    contrast = tf.random.stateless_uniform(shape, seeds[0], 1.0 - config.contrast, 1.0 + config.contrast)
    brightness = tf.random.stateless_uniform(shape, seeds[1], -config.brightness, config.brightness) * 255.0
    mean = tf.reduce_mean(x, axis=[1, 2, 3], keepdims=True)
    return tf.clip_by_value((x - mean) * contrast + mean + brightness, 0.0, 255.0)


def _erase(x: tf.Tensor, batch: tf.Tensor, config: AugmentConfig, seed: tf.Tensor) -> tf.Tensor:
    """Random erasing (Zhong et al.): one rectangle of noise per chosen face."""
    import tensorflow as tf

    crop = float(config.crop)
    seeds = tf.random.experimental.stateless_split(seed, 6)
    lo, hi = config.erase_area
    area = tf.random.stateless_uniform([batch], seeds[0], lo, hi) * crop * crop
    log_ratio = tf.random.stateless_uniform([batch], seeds[1], math.log(0.3), math.log(3.3))
    ratio = tf.exp(log_ratio)
    height = tf.minimum(tf.sqrt(area * ratio), crop)
    width = tf.minimum(tf.sqrt(area / ratio), crop)
    top = tf.random.stateless_uniform([batch], seeds[2]) * (crop - height)
    left = tf.random.stateless_uniform([batch], seeds[3]) * (crop - width)
    chosen = tf.random.stateless_uniform([batch], seeds[4]) < config.erase_prob
    rows = tf.range(crop)[None, :, None]
    cols = tf.range(crop)[None, None, :]
    inside = (
        (rows >= top[:, None, None])
        & (rows < (top + height)[:, None, None])
        & (cols >= left[:, None, None])
        & (cols < (left + width)[:, None, None])
        & chosen[:, None, None]
    )
    noise = tf.random.stateless_uniform(tf.shape(x), seeds[5], 0.0, 255.0)
    return tf.where(inside[..., None], noise, x)


def _mixup(
    x: tf.Tensor, labels: tf.Tensor, weights: tf.Tensor, alpha: float, seed: tf.Tensor
) -> tuple[tf.Tensor, tf.Tensor, tf.Tensor]:
    """Mix each face with its partner in the reversed batch; lambda >= 0.5 keeps its own label ahead."""
    import tensorflow as tf

    seeds = tf.random.experimental.stateless_split(seed, 2)
    batch = tf.shape(x)[0]
    # Beta(a, a) from two Gammas (stateless_gamma needs no generator state).
    g1 = tf.random.stateless_gamma([batch], seeds[0], alpha)
    g2 = tf.random.stateless_gamma([batch], seeds[1], alpha)
    lam = g1 / tf.maximum(g1 + g2, 1e-12)
    lam = tf.maximum(lam, 1.0 - lam)
    other = tf.reverse(tf.range(batch), axis=[0])
    lam_x = lam[:, None, None, None]
    lam_y = lam[:, None]
    x = lam_x * x + (1.0 - lam_x) * tf.gather(x, other)
    labels = lam_y * labels + (1.0 - lam_y) * tf.gather(labels, other)
    weights = lam * weights + (1.0 - lam) * tf.gather(weights, other)
    return x, labels, weights
