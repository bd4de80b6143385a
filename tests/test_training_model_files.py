"""training.model_files: the checked, all-or-nothing write that export, quantize and merge share."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest

from training.model_files import file_sha256, random_faces, replacing


def test_a_finished_block_replaces_the_file_readable_by_all(tmp_path: Path) -> None:
    out = tmp_path / "models" / "emotion.onnx"
    with replacing(out) as tmp:
        assert tmp.parent == out.parent and tmp.name.startswith(".emotion.onnx.") and tmp.suffix == ".tmp"
        tmp.write_bytes(b"new")
        assert not out.exists()  # nothing in place until the block is done
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in out.parent.iterdir()] == ["emotion.onnx"]


def test_a_failed_check_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "emotion.onnx"
    out.write_bytes(b"old")
    with pytest.raises(ValueError, match="parity"), replacing(out) as tmp:
        tmp.write_bytes(b"bad")
        raise ValueError("parity check failed")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["emotion.onnx"]


def test_digest_and_random_faces(tmp_path: Path) -> None:
    path = tmp_path / "blob"
    path.write_bytes(b"x" * (3 << 20))
    assert file_sha256(path) == hashlib.sha256(b"x" * (3 << 20)).hexdigest()
    faces = random_faces((48, 40), count=3)
    assert faces.shape == (3, 48, 40, 1) and faces.dtype.name == "float32"
    assert faces.min() >= 0 and faces.max() <= 255 and (random_faces((48, 40), count=3) == faces).all()
