"""Writing FER-2013 packed small enough to travel: lossless WebP mosaics of the faces, and labels.

The form of `../shared/datasets/fer2013-packed/` (its README): `<split>.webp`, 48x48 faces
`columns` to a row in the order of `<split>_labels.npy` (uint8 indices into meta.json's
`labels`), the last row padded with black faces; `meta.json` names the splits, their files and
how many faces each holds. 32,298 faces are 52 MB this way against 1 GB as PNG files. This
writer adds one thing, which `training.data.load_dataset` reads as well: each distinct face is
stored once (a split's `index` names its faces' tiles, its `tiles` how many the mosaic holds),
which makes 49.9 MB, so the data set and Keras fit the 64 MiB a GPU machine's call carries
beside the checkout (training/gpu_run.py). Needs no TensorFlow.
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np

from training.data import IMAGE_SIZE, LABELS, PACKED_META, DataError, Split

COLUMNS = 128


def mosaic(images: np.ndarray, columns: int = COLUMNS) -> np.ndarray:
    """uint8 faces [N, 48, 48] as one image, `columns` to a row, the last row padded with black."""
    rows = -(-len(images) // columns)
    padded = np.zeros((rows * columns, IMAGE_SIZE, IMAGE_SIZE), np.uint8)
    padded[: len(images)] = images
    grid = padded.reshape(rows, columns, IMAGE_SIZE, IMAGE_SIZE).transpose(0, 2, 1, 3)
    return grid.reshape(rows * IMAGE_SIZE, columns * IMAGE_SIZE)


def write_packed(root: Path, splits: dict[str, Split], columns: int = COLUMNS) -> Path:
    """Pack `splits` into `root`: every distinct face once, in one mosaic (`faces.webp`, lossless
    WebP, checked by decoding it again), and for each split the tile of each of its faces
    (`<split>_index.npy`) and its labels. FER-2013 repeats faces (1,236 of train's 28,709; 280 of
    val's 3,589 are train faces), so this is 2.5 MB smaller than a mosaic a split. Returns root."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    tile_of: dict[bytes, int] = {}
    indices = {
        name: np.array([tile_of.setdefault(face.tobytes(), len(tile_of)) for face in split.images])
        for name, split in splits.items()
    }
    faces = np.frombuffer(b"".join(tile_of), np.uint8).reshape(-1, IMAGE_SIZE, IMAGE_SIZE)
    image = mosaic(faces, columns)
    ok, encoded = cv2.imencode(".webp", image, [cv2.IMWRITE_WEBP_QUALITY, 101])  # > 100: lossless
    decoded = cv2.imdecode(encoded, cv2.IMREAD_GRAYSCALE) if ok else None
    if decoded is None or not np.array_equal(decoded, image):
        raise DataError(f"{root}: OpenCV did not encode the faces losslessly as WebP")
    encoded.tofile(str(root / "faces.webp"))
    meta: dict = {"labels": list(LABELS), "face": IMAGE_SIZE, "splits": {}}
    index_type = np.uint16 if len(faces) <= 1 << 16 else np.uint32
    for name, split in splits.items():
        np.save(root / f"{name}_index.npy", indices[name].astype(index_type))
        np.save(root / f"{name}_labels.npy", split.labels.astype(np.uint8))
        meta["splits"][name] = {
            "images": len(split.labels),
            "columns": columns,
            "tiles": len(faces),
            "file": "faces.webp",
            "index": f"{name}_index.npy",
            "labels": f"{name}_labels.npy",
        }
    (root / PACKED_META).write_text(json.dumps(meta, indent=1) + "\n")
    return root
