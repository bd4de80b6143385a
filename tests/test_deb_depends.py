"""tools/deb_depends.py: Depends from a bundle's ELF files, carried libraries left out."""

from __future__ import annotations

import shutil
from pathlib import Path

import deb_depends
import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("dpkg") is None or shutil.which("readelf") is None, reason="needs dpkg and readelf"
)


def _bundle(folder: Path) -> Path:
    true = Path(shutil.which("true") or "/bin/true").resolve()
    shutil.copy(true, folder / "app")  # an ELF program that needs libc.so.6
    return folder


def test_a_system_library_the_bundle_needs_becomes_its_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deb_depends, "DLOPENED", ())
    bundle = _bundle(tmp_path)
    assert deb_depends.system_needs(bundle) == {"libc.so.6"}
    assert deb_depends.depends(bundle) == ["libc6"]


def test_a_library_the_bundle_carries_is_not_a_dependency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deb_depends, "DLOPENED", ())
    bundle = _bundle(tmp_path)
    (bundle / "libc.so.6").write_bytes(b"not really")
    assert deb_depends.system_needs(bundle) == set()


def test_a_library_missing_here_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deb_depends, "DLOPENED", ("libnot-there.so.9",))
    with pytest.raises(deb_depends.DependsError, match=r"libnot-there\.so\.9"):
        deb_depends.depends(_bundle(tmp_path))
