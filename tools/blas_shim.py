"""Build the library that serves OpenCV's BLAS/LAPACK calls from numpy's OpenBLAS (Linux).

    python tools/blas_shim.py OUT_DIR    -> OUT_DIR/<OpenCV's OpenBLAS file name>

build.spec puts the result in the bundle in place of the OpenBLAS that the opencv-python wheel
carries (38 MB, plus libgfortran and libquadmath): see tools/cv2_blas_shim.c. Needs gcc.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import tempfile
from pathlib import Path

from bundle_steps import StepError, describe, relock, run_tool, wheel

SOURCE = Path(__file__).resolve().with_name("cv2_blas_shim.c")
STEP = "OpenBLAS shim"
# What build.spec replaces: the OpenBLAS that PyInstaller collected from the opencv-python wheel.
BUNDLED = r"(^|/)opencv_python_headless\.libs/libopenblas[^/]*\.so[^/]*$"
OPENCV, NUMPY = "opencv-python-headless", "numpy"
OPENCV_LIBS, NUMPY_LIBS = "opencv_python_headless.libs", "numpy.libs"
FORWARDED = re.compile(r"^scipy_\w+64_$")  # numpy's ILP64 OpenBLAS: scipy_dgesv_64_, scipy_cblas_sgemm64_


class ShimError(StepError):
    def __init__(self, problem: str, todo: str = relock("tools/blas_shim.py")) -> None:
        super().__init__(STEP, problem, todo)


def _layout(expected: str, distribution: str, found: str) -> ShimError:
    """A wheel that is not laid out as the shim expects (the todo: the lock, or adapt this file)."""
    return ShimError(f"expected {expected} in {wheel(distribution)}, found {found}")


def _site_folder(package: str, distribution: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ShimError(f"{package} is not installed ({distribution})", "make setup installs it")
    return Path(next(iter(spec.submodule_search_locations))).parent


def _one_library(package: str, distribution: str, folder_name: str, pattern: str) -> Path:
    site = _site_folder(package, distribution)
    folder = site / folder_name
    if not folder.is_dir():
        others = sorted(p.name for p in site.glob("*.libs"))
        raise _layout(
            f"the folder {folder_name}/ beside {package}/ in {site}", distribution, describe(others)
        )
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        raise _layout(
            f"one {pattern} in {folder_name}/",
            distribution,
            describe(p.name for p in sorted(folder.iterdir())),
        )
    return found[0]


def opencv_openblas() -> Path:
    """The OpenBLAS file that the installed cv2 links to."""
    return _one_library("cv2", OPENCV, OPENCV_LIBS, "libopenblas*.so*")


def numpy_openblas() -> Path:
    """numpy's ILP64 OpenBLAS (scipy_openblas64_), which the shim forwards to."""
    return _one_library("numpy", NUMPY, NUMPY_LIBS, "libscipy_openblas64_*.so")


def build(out_dir: Path) -> Path:
    """Compile the shim under the name (and SONAME) of OpenCV's OpenBLAS; returns its path."""
    gcc = shutil.which("gcc")
    if gcc is None:
        raise ShimError("gcc is needed to build the OpenBLAS shim", "apt install gcc (make setup does)")
    name, target = opencv_openblas().name, numpy_openblas()
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / name
    with tempfile.TemporaryDirectory() as folder:
        obj = Path(folder) / "cv2_blas_shim.o"
        _compile([gcc, "-O2", "-fPIC", "-Wall", "-Werror", "-c", "-o", str(obj), str(SOURCE)], "compiling")
        check_forwarded(_dynamic_symbols(obj, defined=False, dynamic=False), target)
        _compile(
            [
                gcc, "-shared", "-o", str(out), str(obj), f"-Wl,-soname,{name}", f"-L{target.parent}",
                f"-l:{target.name}", "-Wl,-rpath,$ORIGIN/../numpy.libs", "-Wl,--no-undefined",
            ],
            "linking",
        )  # fmt: skip
    _check_exports(out)
    return out


def _compile(command: list[str], what: str) -> None:
    done = run_tool(STEP, command)
    if done.returncode != 0:
        raise ShimError(f"{what} tools/cv2_blas_shim.c failed:\n{done.stderr.strip()}", "see gcc's message")


def check_forwarded(wanted: set[str], library: Path) -> None:
    """numpy's OpenBLAS must define every scipy_*64_ routine the shim calls."""
    calls = {symbol for symbol in wanted if FORWARDED.match(symbol)}
    if not calls:
        raise ShimError("tools/cv2_blas_shim.c calls no scipy_*64_ routine: it would forward nothing")
    missing = sorted(calls - _dynamic_symbols(library, defined=True))
    if missing:
        raise _layout(
            f"the {len(calls)} ILP64 OpenBLAS routines the shim forwards to (scipy_*64_) in "
            f"{NUMPY_LIBS}/{library.name}",
            NUMPY,
            f"{len(missing)} missing: {describe(missing)}",
        )


def _dynamic_symbols(path: Path, defined: bool, dynamic: bool = True) -> set[str]:
    command = ["nm", "--defined-only" if defined else "--undefined-only", str(path)]
    if dynamic:
        command.insert(1, "-D")
    done = run_tool(STEP, command)
    if done.returncode != 0:
        raise ShimError(f"nm could not read {path}: {done.stderr.strip()}", "check that the file is intact")
    return {line.split()[-1] for line in done.stdout.splitlines() if line.strip()}


def cv2_extension() -> Path:
    found = sorted((_site_folder("cv2", OPENCV) / "cv2").glob("cv2*.so"))
    if len(found) != 1:
        raise _layout("one extension module cv2*.so in cv2/", OPENCV, describe(p.name for p in found))
    return found[0]


def _check_exports(shim: Path) -> None:
    """Every symbol cv2 takes from OpenBLAS must be in the shim, or cv2 would not load."""
    wanted = _dynamic_symbols(cv2_extension(), defined=False) & _dynamic_symbols(
        opencv_openblas(), defined=True
    )
    missing = sorted(wanted - _dynamic_symbols(shim, defined=True))
    if missing:
        raise ShimError(
            f"expected the shim to define every BLAS/LAPACK routine cv2 takes from OpenBLAS "
            f"({wheel(OPENCV)}), found {len(missing)} missing: {describe(missing)}",
            "add them to tools/cv2_blas_shim.c, or install the locked versions (make setup)",
        )
    if not any(FORWARDED.match(symbol) for symbol in _dynamic_symbols(shim, defined=False)):
        raise ShimError("the built shim does not forward to numpy's OpenBLAS (no scipy_*64_ import)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    try:
        print(build(Path(sys.argv[1])))
    except StepError as error:
        raise SystemExit(f"error: {error}") from error
