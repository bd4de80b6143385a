"""The expression vocabulary, written once: the model's labels and which of them count as
negative or positive. The classifier checks the model's own labels against these at load
time; the reaction engine, the settings, the analytics and training import them from here."""

from __future__ import annotations

from typing import Final

# The order is the model's output order (FER-2013's classes, alphabetical).
EMOTION_LABELS: Final[tuple[str, ...]] = ("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise")
NEGATIVE_LABELS: Final[frozenset[str]] = frozenset({"angry", "disgust", "fear", "sad"})
POSITIVE_LABELS: Final[frozenset[str]] = frozenset({"happy", "surprise"})
