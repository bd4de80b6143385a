"""Load FER-2013 from its original CSV, from image folders or packed (training.packed) into numpy arrays.

Every form gives uint8 images of shape [N, 48, 48] and int labels indexing LABELS.
Bad rows and unreadable images are skipped and counted, never fatal.
"""

from __future__ import annotations

import csv
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from kiosk.vision.labels import EMOTION_LABELS

log = logging.getLogger(__name__)

# Output order of the shipped model (alphabetical, as the class folders are named): the kiosk's own.
LABELS: tuple[str, ...] = EMOTION_LABELS
IMAGE_SIZE = 48
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp"}
PACKED_META = "meta.json"  # a packed data set's description (training.packed)

# The original CSV's label numbers: angry=0, disgust=1, fear=2, happy=3, sad=4, surprise=5, neutral=6.
_CSV_LABELS = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
_CSV_USAGE = {"training": "train", "publictest": "val", "privatetest": "test"}

_ALIASES = {
    "anger": "angry",
    "angry": "angry",
    "mad": "angry",
    "disgust": "disgust",
    "disgusted": "disgust",
    "fear": "fear",
    "fearful": "fear",
    "afraid": "fear",
    "scared": "fear",
    "happy": "happy",
    "happiness": "happy",
    "joy": "happy",
    "neutral": "neutral",
    "sad": "sad",
    "sadness": "sad",
    "surprise": "surprise",
    "surprised": "surprise",
}
_SPLIT_ALIASES = {
    "train": "train",
    "training": "train",
    "val": "val",
    "valid": "val",
    "validation": "val",
    "publictest": "val",
    "test": "test",
    "privatetest": "test",
}


class DataError(ValueError):
    """The data set is missing or unusable; the message says what and where."""


@dataclass
class Split:
    """One split of the data set: images [N, 48, 48] uint8 and labels [N] int64."""

    images: np.ndarray
    labels: np.ndarray
    skipped: int = 0
    unknown_classes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found = Counter(int(i) for i in self.labels)
        return {name: found.get(i, 0) for i, name in enumerate(LABELS)}


def canonical_label(name: str) -> str | None:
    """Map a class-folder name such as 'Fearful' or 'happiness' to a label, or None."""
    return _ALIASES.get(name.strip().lower())


def load_dataset(root: Path) -> dict[str, Split]:
    """Load every split found at root: a FER-2013 CSV file or a folder of split folders."""
    root = Path(root)
    if not root.exists():
        raise DataError(f"data not found: {root} does not exist")
    if root.is_file():
        return load_csv(root)
    if is_packed(root):
        return load_packed(root)
    csvs = sorted(root.glob("*.csv"))
    splits = split_folders(root)
    if splits:
        return {name: load_folder(path) for name, path in splits.items()}
    if csvs:
        return load_csv(csvs[0])
    folders = sorted(p.name for p in root.iterdir() if p.is_dir())
    if any(canonical_label(name) for name in folders):
        return {"train": load_folder(root)}
    found = f"only unknown folders: {', '.join(folders)}" if folders else "no sub-folders"
    raise DataError(
        f"no FER-2013 data in {root} ({found}): expected a CSV file, split folders "
        f"(train/, val/ or test/), class folders ({', '.join(LABELS)}) or a packed data set ({PACKED_META})"
    )


def split_folders(root: Path) -> dict[str, Path]:
    """The split folders under root by canonical name ('train', 'val', 'test'); empty if none."""
    return {
        _SPLIT_ALIASES[p.name.lower()]: p
        for p in sorted(Path(root).iterdir())
        if p.is_dir() and p.name.lower() in _SPLIT_ALIASES
    }


def load_folder(folder: Path) -> Split:
    """Load <folder>/<class>/*.png|jpg; unknown class folders are skipped and reported."""
    images: list[np.ndarray] = []
    labels: list[int] = []
    skipped = 0
    unknown: list[str] = []
    for class_dir in sorted(p for p in Path(folder).iterdir() if p.is_dir()):
        label = canonical_label(class_dir.name)
        if label is None:
            unknown.append(class_dir.name)
            continue
        for path in sorted(class_dir.iterdir()):
            if path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
                continue
            image = read_image(path)
            if image is None:
                skipped += 1
                continue
            images.append(image)
            labels.append(LABELS.index(label))
    if unknown:
        log.warning("%s: skipped unknown class folders %s", folder, ", ".join(unknown))
    if skipped:
        log.warning("%s: skipped %d unreadable images", folder, skipped)
    if not images:
        found = f" (unknown class folders: {', '.join(unknown)})" if unknown else ""
        raise DataError(
            f"no images found in {folder}{found}: expected <class>/*.png with classes {', '.join(LABELS)}"
        )
    return Split(np.stack(images), np.asarray(labels, dtype=np.int64), skipped, unknown)


def read_image(path: Path) -> np.ndarray | None:
    """Read one image as 48x48 grayscale uint8, resizing odd sizes; None if unreadable."""
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as error:  # permissions, a vanished file: skip it like a corrupt one
        log.debug("cannot read %s: %s", path, error)
        return None
    image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    if image is None or image.size == 0:
        log.debug("unreadable image %s", path)
        return None
    return to_model_size(image)


def to_model_size(image: np.ndarray) -> np.ndarray:
    if image.shape == (IMAGE_SIZE, IMAGE_SIZE):
        return image
    return cv2.resize(image, (IMAGE_SIZE, IMAGE_SIZE), interpolation=cv2.INTER_AREA)


def load_csv(path: Path) -> dict[str, Split]:
    """Load the original fer2013.csv (columns emotion, pixels, Usage); bad rows are counted."""
    try:
        rows, skipped = _read_csv_rows(path)
    except (UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"{path}: not a readable FER-2013 CSV ({error})") from error
    if skipped:
        log.warning("%s: skipped %d malformed rows", path, skipped)
    if not rows:
        raise DataError(f"{path}: no usable rows")
    return {
        split: Split(np.stack(images), np.asarray(labels, dtype=np.int64), skipped)
        for split, (images, labels) in rows.items()
    }


def _read_csv_rows(path: Path) -> tuple[dict[str, tuple[list[np.ndarray], list[int]]], int]:
    rows: dict[str, tuple[list[np.ndarray], list[int]]] = {}
    skipped = 0
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"emotion", "pixels"} <= set(reader.fieldnames):
            raise DataError(f"{path}: not a FER-2013 CSV (expected columns emotion,pixels,Usage)")
        for row in reader:
            parsed = _parse_csv_row(row)
            if parsed is None:
                skipped += 1
                continue
            split, image, label = parsed
            images, labels = rows.setdefault(split, ([], []))
            images.append(image)
            labels.append(label)
    return rows, skipped


def _parse_csv_row(row: dict[str, str]) -> tuple[str, np.ndarray, int] | None:
    try:
        emotion = int(row["emotion"])
        pixels = np.array(row["pixels"].split(), dtype=np.float64)
    except (TypeError, ValueError, AttributeError):
        return None
    side = round(float(np.sqrt(pixels.size)))
    if not 0 <= emotion < len(_CSV_LABELS) or side < 8 or side * side != pixels.size:
        return None
    if not np.isfinite(pixels).all() or pixels.min() < 0 or pixels.max() > 255:
        return None
    image = to_model_size(pixels.reshape(side, side).astype(np.uint8))
    usage = (row.get("Usage") or "Training").strip().lower()
    split = _CSV_USAGE.get(usage, "train")
    return split, image, LABELS.index(_CSV_LABELS[emotion])


def is_packed(root: Path) -> bool:
    """True for a folder holding a packed data set (a meta.json that lists splits)."""
    meta = Path(root) / PACKED_META
    if not meta.is_file():
        return False
    try:
        return "splits" in json.loads(meta.read_text())
    except (OSError, ValueError):
        return False


def load_packed(root: Path) -> dict[str, Split]:
    """Every split of a packed data set; errors name the file and what was expected."""
    root = Path(root)
    meta = _read_meta(root)
    order = _label_order(root, meta)
    tiles: dict[str, np.ndarray] = {}  # each mosaic decoded once, also when splits share it
    return {name: _load_split(root, name, spec, order, tiles) for name, spec in meta["splits"].items()}


def _read_meta(root: Path) -> dict:
    path = root / PACKED_META
    try:
        meta = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise DataError(f"{path}: unreadable packed data set description ({error})") from error
    if not isinstance(meta, dict) or not isinstance(meta.get("splits"), dict) or meta.get("face", 48) != 48:
        raise DataError(f"{path}: expected 'splits' and 48 px faces")
    return meta


def _label_order(root: Path, meta: dict) -> np.ndarray:
    """For each label index of the pack, the index of that class in LABELS."""
    names = meta.get("labels", list(LABELS))
    known = [canonical_label(str(name)) for name in names]
    if None in known:
        raise DataError(f"{root / PACKED_META}: unknown labels {names}; expected {', '.join(LABELS)}")
    return np.array([LABELS.index(name) for name in known if name is not None], dtype=np.int64)


def _load_split(root: Path, name: str, spec: dict, order: np.ndarray, tiles: dict[str, np.ndarray]) -> Split:
    """A split's faces: the first `images` tiles of its mosaic, or, where the split has an `index`
    (a pack that keeps each distinct face once, training.packed), the tiles it names."""
    try:
        count, columns = int(spec["images"]), int(spec["columns"])
        image_path, label_path = root / spec["file"], root / spec["labels"]
        index_path = root / spec["index"] if "index" in spec else None
        stored = int(spec.get("tiles", count))
    except (KeyError, TypeError, ValueError) as error:
        raise DataError(
            f"{root / PACKED_META}: split {name!r} lacks images, columns, file or labels"
        ) from error
    if spec["file"] not in tiles:
        tiles[spec["file"]] = _read_mosaic(image_path, stored, columns)
    faces = tiles[spec["file"]]
    index = np.arange(count) if index_path is None else _read_indices(index_path, count, len(faces), "tile")
    labels = _read_indices(label_path, count, len(order), "label")
    return Split(np.ascontiguousarray(faces[index]), order[labels])


def _read_mosaic(path: Path, count: int, columns: int) -> np.ndarray:
    mosaic = None
    if path.is_file():
        mosaic = cv2.imdecode(np.fromfile(str(path), np.uint8), cv2.IMREAD_GRAYSCALE)
    if mosaic is None:
        raise DataError(f"{path}: missing or not an image")
    rows = -(-count // columns)
    if mosaic.shape != (rows * IMAGE_SIZE, columns * IMAGE_SIZE):
        raise DataError(
            f"{path}: {mosaic.shape[1]}x{mosaic.shape[0]} px, expected "
            f"{columns * IMAGE_SIZE}x{rows * IMAGE_SIZE} for {count} faces {columns} to a row"
        )
    return unmosaic(mosaic, columns)[:count]


def _read_indices(path: Path, count: int, limit: int, what: str) -> np.ndarray:
    try:
        values = np.load(path, allow_pickle=False).astype(np.int64)
    except (OSError, ValueError) as error:
        raise DataError(f"{path}: unreadable {what} indices ({error})") from error
    if values.shape != (count,) or values.min(initial=0) < 0 or values.max(initial=0) >= limit:
        raise DataError(f"{path}: expected {count} {what} indices below {limit}")
    return values


def unmosaic(image: np.ndarray, columns: int) -> np.ndarray:
    """The faces of a mosaic, padding included: [rows * columns, 48, 48]."""
    rows = image.shape[0] // IMAGE_SIZE
    grid = image.reshape(rows, IMAGE_SIZE, columns, IMAGE_SIZE).transpose(0, 2, 1, 3)
    return grid.reshape(-1, IMAGE_SIZE, IMAGE_SIZE)
