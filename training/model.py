"""The expression network: rescaling and augmentation are layers, so they travel with the graph.

A compact VGG-style CNN with batch norm. Augmentation layers are active only in training;
at inference the model sees raw 0-255 grayscale pixels and returns class probabilities.
"""

from __future__ import annotations

import keras
from keras import layers


def make_augmentation() -> keras.Sequential:
    """Geometric and photometric jitter a showroom camera produces; identity at inference."""
    return keras.Sequential(
        [
            layers.RandomFlip("horizontal"),
            layers.RandomRotation(0.04, fill_mode="reflect"),  # about +-14 degrees
            layers.RandomZoom((-0.15, 0.1), fill_mode="reflect"),
            layers.RandomTranslation(0.1, 0.1, fill_mode="reflect"),
            layers.RandomBrightness(0.2, value_range=(0.0, 1.0)),
            layers.RandomContrast(0.3, value_range=(0.0, 1.0)),
            layers.RandomErasing(factor=0.5, scale=(0.02, 0.15), fill_value=0.5, value_range=(0.0, 1.0)),
        ],
        name="augmentation",
    )


def _conv_bn(x: keras.KerasTensor, filters: int, name: str) -> keras.KerasTensor:
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"{name}_conv")(x)
    x = layers.BatchNormalization(name=f"{name}_bn")(x)
    return layers.ReLU(name=f"{name}_relu")(x)


def make_model(
    input_shape: tuple[int, int, int] = (48, 48, 1),
    num_classes: int = 7,
    widths: tuple[int, ...] = (32, 64, 128, 256),
    dropout: float = 0.4,
    augment: bool = True,
) -> keras.Model:
    """Build the classifier: raw pixels in [0, 255] -> softmax probabilities."""
    inputs = keras.Input(shape=input_shape, name="pixels")
    x = layers.Rescaling(1.0 / 255.0, name="rescale")(inputs)
    if augment:
        x = make_augmentation()(x)
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
    outputs = layers.Dense(num_classes, activation="softmax", name="probs")(x)
    return keras.Model(inputs, outputs, name="expression_cnn")
