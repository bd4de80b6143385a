"""The expression network: rescaling and augmentation are layers, so they travel with the graph.

A compact VGG-style CNN with batch norm. Augmentation layers are active only in training;
at inference the model sees raw 0-255 grayscale pixels and returns class probabilities.
"""

from __future__ import annotations

import keras
from keras import layers


def make_augmentation(strength: float = 1.0) -> keras.Sequential:
    """Geometric and photometric jitter a showroom camera produces; identity at inference.

    `strength` scales every range: 1.0 for training from scratch, less for fine-tuning a
    trained network, which then fits the faces more closely.
    """
    k = strength
    return keras.Sequential(
        [
            layers.RandomFlip("horizontal"),
            layers.RandomRotation(0.04 * k, fill_mode="reflect"),  # about +-14 degrees at 1.0
            layers.RandomZoom((-0.15 * k, 0.1 * k), fill_mode="reflect"),
            layers.RandomTranslation(0.1 * k, 0.1 * k, fill_mode="reflect"),
            layers.RandomBrightness(0.2 * k, value_range=(0.0, 1.0)),
            layers.RandomContrast(0.3 * k, value_range=(0.0, 1.0)),
            layers.RandomErasing(factor=0.5 * k, scale=(0.02, 0.15), fill_value=0.5, value_range=(0.0, 1.0)),
        ],
        name="augmentation",
    )


def _conv_bn(x: keras.KerasTensor, filters: int, name: str) -> keras.KerasTensor:
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"{name}_conv")(x)
    x = layers.BatchNormalization(name=f"{name}_bn")(x)
    return layers.ReLU(name=f"{name}_relu")(x)


def make_model(
    input_shape: tuple[int | None, int | None, int] = (48, 48, 1),
    num_classes: int = 7,
    widths: tuple[int, ...] = (32, 64, 128, 256),
    dropout: float = 0.4,
    augment: bool = True,
    aug_strength: float = 1.0,
) -> keras.Model:
    """Build the classifier: raw pixels in [0, 255] -> softmax probabilities.

    `augment=False` leaves augmentation to the input pipeline (training.augment), and an
    input shape of (None, None, 1) lets the network train on crops and run on full faces.
    The softmax is always float32, also under a mixed-precision policy.
    """
    inputs = keras.Input(shape=input_shape, name="pixels")
    x = layers.Rescaling(1.0 / 255.0, name="rescale")(inputs)
    if augment:
        x = make_augmentation(aug_strength)(x)
    for stage, filters in enumerate(widths):
        x = _conv_bn(x, filters, f"s{stage}a")
        x = _conv_bn(x, filters, f"s{stage}b")
        x = layers.MaxPooling2D(2, name=f"s{stage}_pool")(x)
        if stage >= 1:
            x = layers.SpatialDropout2D(0.1, name=f"s{stage}_drop")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    x = layers.Dropout(dropout, name="head_drop")(x)
    x = layers.Dense(widths[-1], use_bias=False, name="head_fc")(x)
    x = layers.BatchNormalization(name="head_bn")(x)
    x = layers.ReLU(name="head_relu")(x)
    x = layers.Dropout(dropout / 2, name="head_drop2")(x)
    outputs = layers.Dense(num_classes, activation="softmax", dtype="float32", name="probs")(x)
    return keras.Model(inputs, outputs, name="expression_cnn")


def copy_weights(source: keras.Model, target: keras.Model) -> int:
    """Copy every trained layer of `source` into the same-named layer of `target`.

    Augmentation layers carry only random-generator state and are skipped. Raises ValueError
    when a layer is missing or its shapes differ (a checkpoint of another architecture).
    Returns how many layers were copied.
    """
    copied = 0
    for layer in target.layers:
        if layer.name == "augmentation" or not layer.weights:
            continue
        try:
            src = source.get_layer(layer.name)
        except ValueError as error:
            raise ValueError(f"layer {layer.name!r} is not in the checkpoint") from error
        src_shapes = [tuple(w.shape) for w in src.weights]
        dst_shapes = [tuple(w.shape) for w in layer.weights]
        if src_shapes != dst_shapes:
            raise ValueError(f"layer {layer.name!r}: checkpoint shapes {src_shapes} != {dst_shapes}")
        layer.set_weights(src.get_weights())
        copied += 1
    return copied
