"""Tiny FER-like data sets, in every on-disk form, for tests and smoke runs of the commands.

Class k is drawn as a bright horizontal band at rows [6k, 6k+6) over dim noise, so a linear
model can separate the classes and a mirror image keeps its class. The writers add the
faults real downloads have: a malformed CSV row, a corrupt file, an odd-sized image, a
folder that is no class. Needs no TensorFlow.
"""

from __future__ import annotations

import csv
from pathlib import Path

import cv2
import numpy as np

from training.data import IMAGE_SIZE, LABELS, Split

# The original CSV's numbering (angry=0, ..., sad=4, surprise=5, neutral=6).
CSV_NUMBERS = {"angry": 0, "disgust": 1, "fear": 2, "happy": 3, "sad": 4, "surprise": 5, "neutral": 6}
# Folder names as other exports of the data set spell them.
FOLDER_NAMES = {
    "angry": "Angry",
    "disgust": "disgusted",
    "fear": "Fearful",
    "happy": "happiness",
    "neutral": "Neutral",
    "sad": "sadness",
    "surprise": "surprised",
}
BAND = 6  # rows per class band


def face(label: str, rng: np.random.Generator, size: int = IMAGE_SIZE) -> np.ndarray:
    """One uint8 [size, size] image of class `label`."""
    image = rng.integers(0, 40, size=(size, size), dtype=np.uint8)
    start = LABELS.index(label) * BAND * size // IMAGE_SIZE
    image[start : start + BAND * size // IMAGE_SIZE] = 255
    return image


def write_csv(path: Path, per_class: dict[str, int], seed: int = 0) -> int:
    """fer2013.csv with `per_class` = {Usage: images per class}; returns the malformed rows added."""
    rng = np.random.default_rng(seed)
    rows: list[dict[str, object]] = [
        {
            "emotion": CSV_NUMBERS[label],
            "pixels": " ".join(map(str, face(label, rng).ravel())),
            "Usage": usage,
        }
        for usage, count in per_class.items()
        for label in LABELS
        for _ in range(count)
    ]
    bad: list[dict[str, object]] = [
        {"emotion": "x", "pixels": "1 2 3", "Usage": "Training"},  # not a number, not square
        {"emotion": 9, "pixels": " ".join(["7"] * IMAGE_SIZE**2), "Usage": "Training"},  # no such class
        {"emotion": 3, "pixels": " ".join(["nan"] * IMAGE_SIZE**2), "Usage": "Training"},  # not pixels
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["emotion", "pixels", "Usage"])
        writer.writeheader()
        writer.writerows(rows[:2] + bad + rows[2:])
    return len(bad)


def write_folder(root: Path, per_class: int, seed: int = 0, faults: bool = True) -> dict[str, int]:
    """<root>/<alias class name>/*.png; with faults, also a corrupt PNG, an odd-sized image,
    a text file and an unknown class folder. Returns what the loader should report."""
    rng = np.random.default_rng(seed)
    for label in LABELS:
        folder = root / FOLDER_NAMES[label]
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            cv2.imwrite(str(folder / f"{i:03d}.png"), face(label, rng))
    if not faults:
        return {"images": per_class * len(LABELS), "skipped": 0}
    (root / FOLDER_NAMES["angry"] / "corrupt.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    (root / FOLDER_NAMES["happy"] / "notes.txt").write_text("not an image")
    cv2.imwrite(str(root / FOLDER_NAMES["sad"] / "odd.jpg"), face("sad", rng, size=96)[:, 8:88])
    (root / "contempt").mkdir(exist_ok=True)
    cv2.imwrite(str(root / "contempt" / "000.png"), face("angry", rng))
    return {"images": per_class * len(LABELS) + 1, "skipped": 1}


def split(per_class: int, seed: int = 0) -> Split:
    """`per_class` faces of each class, in class order, as a Split."""
    rng = np.random.default_rng(seed)
    images = [face(label, rng) for label in LABELS for _ in range(per_class)]
    return Split(np.stack(images), np.repeat(np.arange(len(LABELS)), per_class))


def write_packed(root: Path, per_class: dict[str, int], seed: int = 0) -> Path:
    """A packed data set (training.packed) with `per_class` = {split: faces per class}; returns root."""
    from training.packed import write_packed as pack

    return pack(root, {name: split(count, seed + i) for i, (name, count) in enumerate(per_class.items())})
