"""Ogg Vorbis in and out through the system's libsndfile (ctypes; Debian's libsndfile1, which
PulseAudio's client library libpulse0 already pulls in). Used by tools/synth_music.py to write
the shipped music and by the tests to read it back; the kiosk itself plays it with QtMultimedia.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from pathlib import Path

import numpy as np

_FORMAT_OGG_VORBIS = 0x200000 | 0x0060  # SF_FORMAT_OGG | SF_FORMAT_VORBIS
_READ, _WRITE = 0x10, 0x20  # SFM_READ, SFM_WRITE
_SET_VBR_QUALITY = 0x1300  # SFC_SET_VBR_ENCODING_QUALITY: 0.0 (best) .. 1.0 (smallest)


class SoundFileError(RuntimeError):
    pass


class _Info(ctypes.Structure):
    _fields_ = [
        ("frames", ctypes.c_int64),
        ("samplerate", ctypes.c_int),
        ("channels", ctypes.c_int),
        ("format", ctypes.c_int),
        ("sections", ctypes.c_int),
        ("seekable", ctypes.c_int),
    ]


@cache
def _lib() -> ctypes.CDLL:
    name = ctypes.util.find_library("sndfile") or "libsndfile.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError as error:
        hint = "libsndfile is needed for Ogg Vorbis (apt install libsndfile1)"
        raise SoundFileError(f"{hint}: {error}") from error
    lib.sf_open.restype = ctypes.c_void_p
    lib.sf_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(_Info)]
    lib.sf_strerror.restype = ctypes.c_char_p
    lib.sf_strerror.argtypes = [ctypes.c_void_p]
    lib.sf_command.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
    for name in ("sf_writef_short", "sf_readf_short"):
        function = getattr(lib, name)
        function.restype = ctypes.c_int64
        function.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
    lib.sf_close.argtypes = [ctypes.c_void_p]
    return lib


def _open(path: Path, mode: int, info: _Info) -> ctypes.c_void_p:
    lib = _lib()
    handle = lib.sf_open(str(path).encode(), mode, ctypes.byref(info))
    if not handle:
        raise SoundFileError(f"{path}: {lib.sf_strerror(None).decode(errors='replace')}")
    return ctypes.c_void_p(handle)


def write_ogg(path: Path, pcm: np.ndarray, rate: int, quality: float = 0.4) -> None:
    """Write int16 samples shaped (frames, channels) as Ogg Vorbis; quality 0 (best)..1 (smallest)."""
    pcm = np.ascontiguousarray(pcm, dtype=np.int16)
    if pcm.ndim != 2:
        raise ValueError(f"expected (frames, channels) samples, got shape {pcm.shape}")
    info = _Info(0, rate, pcm.shape[1], _FORMAT_OGG_VORBIS, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = _open(path, _WRITE, info)
    lib = _lib()
    try:
        setting = ctypes.c_double(quality)
        lib.sf_command(handle, _SET_VBR_QUALITY, ctypes.byref(setting), ctypes.sizeof(setting))
        written = lib.sf_writef_short(handle, pcm.ctypes.data_as(ctypes.c_void_p), pcm.shape[0])
    finally:
        lib.sf_close(handle)
    if written != pcm.shape[0]:
        raise SoundFileError(f"{path}: wrote {written} of {pcm.shape[0]} frames")


def read(path: Path) -> tuple[int, np.ndarray]:
    """(sample rate, int16 samples shaped (frames, channels)) of any file libsndfile reads."""
    info = _Info()
    handle = _open(path, _READ, info)
    try:
        out = np.zeros((info.frames, info.channels), dtype=np.int16)
        got = _lib().sf_readf_short(handle, out.ctypes.data_as(ctypes.c_void_p), info.frames)
    finally:
        _lib().sf_close(handle)
    return info.samplerate, out[:got]
