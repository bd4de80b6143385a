"""Symbol tables dropped from wheel libraries (tools/elf_symtab.py) leave libraries that still work.

The real case is a library auditwheel rewrote with patchelf: numpy's own OpenBLAS, which binutils'
strip breaks. Its trimmed copy must be smaller, lose .symtab and .strtab only, and serve numpy in a
fresh interpreter (preloaded under its SONAME, so numpy links to it) with the same results. A
library gcc builds here covers the plain layout, and a rewrite that moved a segment off its
alignment must be refused by the tool's own check.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from pathlib import Path

import blas_shim
import bundle_steps as steps
import elf_symtab
import numpy as np
import pytest
from fakes import run_python_json

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="ELF libraries: the Linux bundle"
)

PROBE = r"""
import json, sys
import numpy as np
rng = np.random.default_rng(11)
a = rng.normal(size=(300, 300)); b = rng.normal(size=(300, 40))
mapped = [p for p in open("/proc/self/maps").read().split() if "scipy_openblas" in p]
json.dump({"product": (a @ b).ravel()[:2000].tolist(), "solve": np.linalg.solve(a, b).ravel()[:2000].tolist(),
           "mapped": sorted(set(mapped))}, sys.stdout)
"""

SOURCE = r"""
static int table[4096] = {1, 2, 3};
static int helper(int x) { return x * 3 + table[x & 3]; }
int kiosk_probe(int x) { return helper(x) + 1; }
"""


def _sections(path: Path) -> list[str]:
    parsed = elf_symtab._parse(path.read_bytes())
    assert parsed is not None
    return [s.name for s in parsed[2] if s.type != elf_symtab.SHT_NULL]


def _dynamic_symbols(path: Path) -> str:
    done = subprocess.run(["nm", "-D", str(path)], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.skipif(shutil.which("nm") is None, reason="binutils' nm lists the dynamic symbols")
def test_numpys_openblas_loses_its_symbol_tables_and_still_serves_numpy(tmp_path: Path) -> None:
    original = blas_shim.numpy_openblas()
    libs = tmp_path / "numpy.libs"
    shutil.copytree(original.parent, libs)
    trimmed = libs / original.name
    assert ".symtab" in _sections(trimmed), "numpy's OpenBLAS has no symbol table to drop any more"

    saved = elf_symtab.trim_file(trimmed)

    assert saved > 200_000 and trimmed.stat().st_size == original.stat().st_size - saved
    names = _sections(trimmed)
    assert ".symtab" not in names and ".strtab" not in names
    assert {".text", ".dynsym", ".dynstr", ".dynamic", ".shstrtab"} <= set(names)
    assert _dynamic_symbols(trimmed) == _dynamic_symbols(original)
    assert elf_symtab.trim_file(trimmed) == 0  # nothing left to drop

    reference = run_python_json(PROBE)
    served = run_python_json(PROBE, LD_PRELOAD=str(trimmed))
    assert served["mapped"] == [str(trimmed)], "numpy did not link to the trimmed copy"
    for key in ("product", "solve"):
        np.testing.assert_allclose(
            np.asarray(served[key]), np.asarray(reference[key]), rtol=1e-12, atol=1e-12
        )


def _built(tmp_path: Path) -> Path:
    source = tmp_path / "probe.c"
    source.write_text(SOURCE)
    library = tmp_path / "libprobe.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O1", "-o", str(library), str(source)], check=True)
    return library


@pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc builds the library (make setup installs it)")
def test_a_plain_library_loses_its_symbol_tables_and_still_runs(tmp_path: Path) -> None:
    library = _built(tmp_path)
    before = library.stat().st_size
    assert ctypes.CDLL(str(library)).kiosk_probe(5) == 18

    saved = elf_symtab.trim_file(library)

    assert saved > 0 and library.stat().st_size == before - saved
    assert ".symtab" not in _sections(library)
    copy = tmp_path / "libprobe2.so"  # a new name: this process still has the first one loaded
    shutil.copy(library, copy)
    assert ctypes.CDLL(str(copy)).kiosk_probe(5) == 18


@pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc builds the library (make setup installs it)")
def test_a_rewrite_that_breaks_alignment_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = _built(tmp_path)
    data = library.read_bytes()
    parsed = elf_symtab._parse(data)
    assert parsed is not None
    loads = [s for s in parsed[1] if s[0] == elf_symtab.PT_LOAD]
    start = loads[1][2]  # cut 16 bytes just before the second LOAD: it would move off its page
    monkeypatch.setattr(elf_symtab, "_cuts", lambda needed, points, align: [(start - 16, start)])
    with pytest.raises(elf_symtab.ElfError, match=r"no longer aligned|changed"):
        elf_symtab.trimmed(data)
    assert library.read_bytes() == data


def test_other_files_are_left_as_they_are(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_bytes(b"not an ELF file")
    assert elf_symtab.trim_file(text) == 0
    assert text.read_bytes() == b"not an ELF file"


@pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc builds the library (make setup installs it)")
def test_strip_runtime_trims_wheel_libraries(tmp_path: Path) -> None:
    contents = tmp_path / "_internal"
    (contents / "pkg.libs").mkdir(parents=True)
    library = _built(tmp_path)
    shutil.copy(library, contents / "pkg.libs" / "libprobe.so")
    source = f"{tmp_path}/venv/lib/python3.11/site-packages/pkg.libs/libprobe.so"

    saved = steps.strip_runtime(contents, [("pkg.libs/libprobe.so", source, "BINARY")])

    assert saved > 0
    assert (contents / "pkg.libs" / "libprobe.so").stat().st_size == library.stat().st_size - saved
