"""Car photos: what a file is (from its header), and the photo decoded at the size it is shown.

JPEG, PNG and WebP are accepted, recognised by their first bytes rather than the file name.
The size is read from the header before anything is decoded, so a photo that will not do is
refused at once with a message naming the file: one smaller than MIN_SIDE on a side, or a
PNG or WebP of more than MAX_DECODE_PIXELS (those formats cannot be decoded at a reduced size,
and 12000x9000 px would take over 400 MB). A JPEG of any size up to OpenCV's own limit is
decoded by libjpeg at 1/2, 1/4 or 1/8 of its size while it is read: the largest reduction that
still covers the size wanted. Files are read as bytes and decoded with `cv2.imdecode`, so
paths with any characters work on Windows too.

A photo with transparency (`is_cutout`) is a cut-out of the car, as the bundled renders are;
one without is a rectangular photo with its own background, which the showroom frames softly.
The dealer's logo may also be an SVG drawing (`logo_format`), and has no minimum size.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import cv2
import numpy as np

SCREEN_SIZE = (2560, 1440)  # the screen copy of a photo fits in this (a 1440p screen, or 4K at 2/3)
MIN_SIDE = 64  # pixels; a smaller photo cannot fill a showroom screen
MAX_DECODE_PIXELS = 40_000_000  # PNG and WebP are decoded whole: about 160 MB at this size
MAX_JPEG_PIXELS = 1 << 30  # OpenCV refuses larger images (OPENCV_IO_MAX_IMAGE_PIXELS)
FORMATS = ("JPEG", "PNG", "WebP")
SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "WebP": ".webp"}
_JPEG_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_JPEG_REDUCED = (
    (8, cv2.IMREAD_REDUCED_COLOR_8),
    (4, cv2.IMREAD_REDUCED_COLOR_4),
    (2, cv2.IMREAD_REDUCED_COLOR_2),
)


class PhotoError(ValueError):
    """A photo that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class PhotoInfo:
    format: str  # one of FORMATS
    width: int
    height: int


def photo_info(path: Path) -> PhotoInfo:
    """Format and size from the file's header, checked against the limits; PhotoError otherwise."""
    try:
        with open(path, "rb") as stream:
            info = _read_header(stream, Path(path))
    except FileNotFoundError:
        raise PhotoError(f"photo {path} not found") from None
    except IsADirectoryError:
        raise PhotoError(f"photo {path} is a folder, not a file") from None
    except OSError as exc:
        raise PhotoError(f"photo {path} cannot be read ({exc.strerror or exc})") from None
    _check_size(path, info)
    return info


def _read_header(stream: BinaryIO, path: Path) -> PhotoInfo:
    start = stream.read(32)
    if not start:
        raise PhotoError(f"photo {path} is empty (0 bytes)")
    reader: Callable[[BinaryIO, bytes], tuple[int, int]]
    if start.startswith(b"\xff\xd8"):
        kind, reader = "JPEG", _jpeg_size
    elif start.startswith(b"\x89PNG\r\n\x1a\n"):
        kind, reader = "PNG", _png_size
    elif start.startswith(b"RIFF") and start[8:12] == b"WEBP":
        kind, reader = "WebP", _webp_size
    else:
        raise PhotoError(f"photo {path} is not a JPEG, PNG or WebP image")
    try:
        width, height = reader(stream, start)
    except (struct.error, ValueError) as exc:
        raise PhotoError(f"photo {path}: the {kind} header is damaged ({exc})") from None
    return PhotoInfo(kind, width, height)


def _png_size(_stream: BinaryIO, start: bytes) -> tuple[int, int]:
    if start[12:16] != b"IHDR":
        raise ValueError("no IHDR chunk")
    width, height = struct.unpack(">II", start[16:24])
    return width, height


def _webp_size(stream: BinaryIO, start: bytes) -> tuple[int, int]:
    data = start + stream.read(32)
    chunk = data[12:16]
    if chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            raise ValueError("no VP8 start code")
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    raise ValueError(f"unknown chunk {chunk!r}")


def _jpeg_size(stream: BinaryIO, _start: bytes) -> tuple[int, int]:
    """Walk the JPEG's segments to its frame header (APP segments such as EXIF come first)."""
    stream.seek(2)
    for _ in range(10_000):
        if stream.read(1) != b"\xff":
            raise ValueError("a segment does not start with a marker")
        code = 0xFF
        while code == 0xFF:  # fill bytes before the marker's code
            marker = stream.read(1)
            if not marker:
                raise ValueError("the file ends before the frame header")
            code = marker[0]
        if code in (0xD9, 0xDA):  # end of image, or the scan, before any frame header
            raise ValueError("no frame header")
        if code == 0x01 or 0xD0 <= code <= 0xD8:  # markers without a length
            continue
        (length,) = struct.unpack(">H", stream.read(2))
        if code in _JPEG_SOF:
            _precision, height, width = struct.unpack(">BHH", stream.read(5))
            return width, height
        if length < 2:
            raise ValueError(f"segment length {length}")
        stream.seek(length - 2, os.SEEK_CUR)
    raise ValueError("too many segments")


def logo_format(path: Path) -> str:
    """ "PNG", "JPEG", "WebP" or "SVG", from the file's first bytes; PhotoError otherwise."""
    try:
        with open(path, "rb") as stream:
            start = stream.read(4096)
            stream.seek(0)
            if _is_svg(start):
                return "SVG"
            info = _read_header(stream, Path(path))
    except (FileNotFoundError, IsADirectoryError):
        raise PhotoError(f"logo {path} not found") from None
    except OSError as exc:
        raise PhotoError(f"logo {path} cannot be read ({exc.strerror or exc})") from None
    except PhotoError:
        raise PhotoError(f"logo {path} is not a PNG, JPEG, WebP or SVG picture") from None
    if info.format != "JPEG" and info.width * info.height > MAX_DECODE_PIXELS:
        raise PhotoError(f"logo {path} is {info.width}x{info.height} px: save it smaller")
    return info.format


def _is_svg(start: bytes) -> bool:
    text = start.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    return text.startswith(("<svg", "<?xml", "<!--", "<!DOCTYPE svg")) and "<svg" in text


def is_cutout(image: np.ndarray) -> bool:
    """A picture with transparency (as `read_photo` returns it: BGRA only where the alpha channel
    hides something): a cut-out of the car rather than a photo with its own background."""
    return image.ndim == 3 and image.shape[2] == 4


def _check_size(path: Path, info: PhotoInfo) -> None:
    width, height = info.width, info.height
    if min(width, height) < MIN_SIDE:
        raise PhotoError(
            f"photo {path} is {width}x{height} px; a car photo needs at least {MIN_SIDE}x{MIN_SIDE} px "
            f"(1920 px wide or more looks best)"
        )
    pixels = width * height
    if info.format != "JPEG" and pixels > MAX_DECODE_PIXELS:
        raise PhotoError(
            f"photo {path} is {width}x{height} px ({pixels / 1e6:.0f} megapixels); a {info.format} photo "
            f"may have at most {MAX_DECODE_PIXELS // 1_000_000} megapixels: save it smaller, or as a JPEG"
        )
    if pixels > MAX_JPEG_PIXELS:
        raise PhotoError(
            f"photo {path} is {width}x{height} px, more than any screen can use: save it smaller"
        )


def read_photo(path: Path, fit: tuple[int, int] = SCREEN_SIZE) -> np.ndarray:
    """The photo as uint8 BGR or BGRA (with transparency), scaled down to fit inside `fit`.

    PhotoError, naming the file, when it is missing, not an image, too small or too large, or
    its data cannot be decoded.
    """
    info = photo_info(path)
    try:
        data = np.frombuffer(Path(path).read_bytes(), np.uint8)
        image = cv2.imdecode(data, _decode_flags(info, fit))
    except OSError as exc:
        raise PhotoError(f"photo {path} cannot be read ({exc.strerror or exc})") from None
    except cv2.error as exc:
        raise PhotoError(f"photo {path}: the {info.format} data cannot be decoded ({exc.err})") from None
    if image is None or image.size == 0:
        raise PhotoError(f"photo {path}: the {info.format} data is damaged and cannot be decoded")
    return fit_within(as_bgr_or_bgra(image), fit)


def _decode_flags(info: PhotoInfo, fit: tuple[int, int]) -> int:
    if info.format != "JPEG":
        return cv2.IMREAD_UNCHANGED  # keeps transparency (car renders have it)
    scale = min(fit[0] / info.width, fit[1] / info.height)
    for reduction, flag in _JPEG_REDUCED:
        if scale * reduction <= 1.0:  # the reduced image still covers the size wanted
            return int(flag)
    return int(cv2.IMREAD_COLOR)


def as_bgr_or_bgra(image: np.ndarray) -> np.ndarray:
    """8 bits per channel, three channels (BGR) or four (BGRA), whatever the file held."""
    if image.dtype == np.uint16:
        image = (image >> 8).astype(np.uint8)
    elif image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4 and bool((image[:, :, 3] == 255).all()):
        return np.ascontiguousarray(image[:, :, :3])  # an alpha channel that hides nothing
    return np.ascontiguousarray(image)


def fit_within(image: np.ndarray, fit: tuple[int, int]) -> np.ndarray:
    height, width = image.shape[:2]
    scale = min(fit[0] / width, fit[1] / height)
    if scale >= 1.0:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def encode_screen_copy(image: np.ndarray) -> tuple[str, bytes]:
    """(suffix, bytes) of the copy shown on screen: PNG where transparent, else a JPEG."""
    transparent = image.ndim == 3 and image.shape[2] == 4
    suffix = ".png" if transparent else ".jpg"
    params = [cv2.IMWRITE_PNG_COMPRESSION, 3] if transparent else [cv2.IMWRITE_JPEG_QUALITY, 90]
    ok, encoded = cv2.imencode(suffix, image, params)
    if not ok:
        raise PhotoError(f"the screen copy ({image.shape[1]}x{image.shape[0]} px) could not be encoded")
    return suffix, encoded.tobytes()


def accent_of(image: np.ndarray, default: str) -> str:
    """An accent colour for the showroom's light: the photo's most colourful tones, else `default`."""
    small = fit_within(image, (160, 160))
    bgr = small[:, :, :3]
    hsv = cv2.cvtColor(np.ascontiguousarray(bgr), cv2.COLOR_BGR2HSV).reshape(-1, 3)
    pixels = bgr.reshape(-1, 3)
    visible = small[:, :, 3].reshape(-1) > 128 if small.shape[2] == 4 else np.ones(len(pixels), bool)
    colourful = visible & (hsv[:, 1] > 90) & (hsv[:, 2] > 60)
    if np.count_nonzero(colourful) < 0.02 * np.count_nonzero(visible):
        return default
    hue = int(np.bincount(hsv[colourful, 0] // 10).argmax()) * 10 + 5  # OpenCV hue: 0..179
    swatch = cv2.cvtColor(np.array([[[hue, 200, 225]]], np.uint8), cv2.COLOR_HSV2BGR)[0, 0]
    blue, green, red = (int(v) for v in swatch)
    return f"#{red:02x}{green:02x}{blue:02x}"
