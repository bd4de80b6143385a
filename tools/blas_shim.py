"""Build the library that serves OpenCV's BLAS/LAPACK calls from numpy's OpenBLAS (Linux).

    python tools/blas_shim.py OUT_DIR    -> OUT_DIR/<OpenCV's OpenBLAS file name>

build.spec puts the result in the bundle in place of the OpenBLAS that the opencv-python wheel
carries (38 MB, plus libgfortran and libquadmath): see tools/cv2_blas_shim.c. Needs gcc.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().with_name("cv2_blas_shim.c")


class ShimError(RuntimeError):
    pass


def _site_folder(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ShimError(f"{package} is not installed")
    return Path(next(iter(spec.submodule_search_locations))).parent


def opencv_openblas() -> Path:
    """The OpenBLAS file that the installed cv2 links to."""
    found = sorted((_site_folder("cv2") / "opencv_python_headless.libs").glob("libopenblas*.so*"))
    if len(found) != 1:
        raise ShimError(f"expected one OpenBLAS in opencv_python_headless.libs, found {found}")
    return found[0]


def numpy_openblas() -> Path:
    """numpy's ILP64 OpenBLAS (scipy_openblas64_), which the shim forwards to."""
    found = sorted((_site_folder("numpy") / "numpy.libs").glob("libscipy_openblas64_*.so"))
    if len(found) != 1:
        raise ShimError(f"expected one scipy_openblas64_ library in numpy.libs, found {found}")
    return found[0]


def build(out_dir: Path) -> Path:
    """Compile the shim under the name (and SONAME) of OpenCV's OpenBLAS; returns its path."""
    gcc = shutil.which("gcc")
    if gcc is None:
        raise ShimError("gcc is needed to build the OpenBLAS shim (apt install gcc)")
    name, target = opencv_openblas().name, numpy_openblas()
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / name
    command = [
        gcc, "-O2", "-shared", "-fPIC", "-Wall", "-Werror", "-o", str(out), str(SOURCE),
        f"-Wl,-soname,{name}", f"-L{target.parent}", f"-l:{target.name}",
        "-Wl,-rpath,$ORIGIN/../numpy.libs", "-Wl,--no-undefined",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ShimError(f"building the OpenBLAS shim failed:\n{done.stderr.strip()}")
    _check_exports(out)
    return out


def _dynamic_symbols(path: Path, defined: bool) -> set[str]:
    flag = "--defined-only" if defined else "--undefined-only"
    out = subprocess.run(["nm", "-D", flag, str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}


def _check_exports(shim: Path) -> None:
    """Every symbol cv2 takes from OpenBLAS must be in the shim, or cv2 would not load."""
    cv2_lib = next((_site_folder("cv2") / "cv2").glob("cv2*.so"))
    wanted = _dynamic_symbols(cv2_lib, defined=False) & _dynamic_symbols(opencv_openblas(), defined=True)
    missing = wanted - _dynamic_symbols(shim, defined=True)
    if missing:
        raise ShimError(f"the OpenBLAS shim lacks what cv2 needs: {', '.join(sorted(missing))}")
    if not re.search(r"scipy_", " ".join(_dynamic_symbols(shim, defined=False))):
        raise ShimError("the OpenBLAS shim does not forward to numpy's OpenBLAS")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    try:
        print(build(Path(sys.argv[1])))
    except ShimError as error:
        raise SystemExit(f"error: {error}") from error
