"""Catalogues and photos made on the fly for the catalogue tests (no shipped or shared files)."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path
from typing import Any

import cv2
import numpy as np


def write_photo(
    path: Path, width: int = 640, height: int = 360, *, alpha: bool = False, hue: int = 0
) -> Path:
    """A car-ish picture: a coloured body on a plain ground, as JPEG, PNG or WebP (by suffix)."""
    hsv = np.zeros((height, width, 3), np.uint8)
    hsv[:, :] = (hue, 40, 60)
    hsv[height // 3 : height * 5 // 6, width // 8 : width * 7 // 8] = (hue, 220, 220)
    image = cv2.cvtColor(hsv, cv2.COLOR_HSV2BGR)
    if alpha:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2BGRA)
        image[: height // 4, :, 3] = 0  # a transparent sky
    path.parent.mkdir(parents=True, exist_ok=True)
    params = [cv2.IMWRITE_WEBP_QUALITY, 101] if path.suffix == ".webp" and alpha else []
    assert cv2.imwrite(str(path), image, params), path
    return path


def write_png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims `width`x`height` (no pixel data): what the size check reads."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk)
    return path


def car(car_id: str, image: str, **fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": car_id,
        "name": car_id.replace("-", " ").title(),
        "tagline": f"The {car_id}",
        "price": 39900,
        "currency": "EUR",
        "image": image,
        "accent": "#336699",
        "specs": [{"label": "Seats", "value": "5"}],
    }
    entry.update(fields)
    return entry


def write_catalog(folder: Path, cars: list[Any] | str, version: int = 2) -> Path:
    """catalog.json in `folder`: the cars given, or `cars` as the raw text of the file."""
    folder.mkdir(parents=True, exist_ok=True)
    text = cars if isinstance(cars, str) else json.dumps({"version": version, "cars": cars})
    (folder / "catalog.json").write_text(text, encoding="utf-8")
    return folder


def sample_catalog(folder: Path) -> Path:
    """Three good cars with a JPEG, a transparent PNG and a WebP photo."""
    write_photo(folder / "photos" / "alpha.jpg", 800, 450, hue=10)
    write_photo(folder / "photos" / "beta.png", 640, 360, alpha=True, hue=60)
    write_photo(folder / "photos" / "gamma.webp", 640, 360, hue=110)
    return write_catalog(
        folder,
        [
            car("alpha", "photos/alpha.jpg"),
            car("beta", "photos/beta.png", price=25990.5, currency="USD", cheerful=True),
            car("gamma", "photos/gamma.webp", price=None, uplift_to="alpha"),
        ],
    )
