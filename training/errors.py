"""Errors the command line turns into one `error: ...` line (no TensorFlow or onnxruntime here)."""

from __future__ import annotations


class ModelFileError(ValueError):
    """A model file is missing or breaks the model contract; the message names the file."""


class ExportError(RuntimeError):
    """The conversion failed or its result does not match the Keras model; nothing was written."""
