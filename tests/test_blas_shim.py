"""The bundle's OpenBLAS shim (tools/cv2_blas_shim.c) gives cv2 the same answers as its own OpenBLAS.

A subprocess loads cv2 with the shim preloaded, so every BLAS/LAPACK call OpenCV makes goes to
the shim and on to numpy's OpenBLAS; this process computes the same with the wheel's OpenBLAS.
The matrices are large enough that OpenCV hands them to LAPACK rather than its own small-matrix
code, and the shim's call counter proves that it did.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import blas_shim
import numpy as np
import pytest
from fakes import run_python_json

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shim is for the Linux bundle"),
    pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc builds the shim (make setup installs it)"),
]

# Runs with or without the shim; prints the results and the shim's call count as JSON.
PROBE = r"""
import ctypes, json, sys
import numpy as np, cv2
rng = np.random.default_rng(7)
n = 160
a = rng.normal(size=(n, n)); b = rng.normal(size=(n, 3))
tall = rng.normal(size=(3 * n, n)); tall_b = rng.normal(size=(3 * n, 3))  # well conditioned
spd = a @ a.T + n * np.eye(n)
out = {}
for dtype in (np.float32, np.float64):
    key = np.dtype(dtype).name
    A, B, S = a.astype(dtype), b.astype(dtype), spd.astype(dtype)
    out[f"lu_{key}"] = cv2.solve(A, B, flags=cv2.DECOMP_LU)[1].tolist()
    out[f"cholesky_{key}"] = cv2.solve(S, B, flags=cv2.DECOMP_CHOLESKY)[1].tolist()
    out[f"qr_{key}"] = cv2.solve(tall.astype(dtype), tall_b.astype(dtype), flags=cv2.DECOMP_QR)[1].tolist()
    out[f"svd_{key}"] = cv2.SVDecomp(A)[0].ravel().tolist()
    out[f"gemm_{key}"] = cv2.gemm(A, A, 1.0, None, 0.0).ravel()[:500].tolist()
    out[f"det_{key}"] = float(cv2.determinant(A))
out["eigen"] = sorted(np.abs(cv2.eigenNonSymmetric(a)[0].ravel()).tolist())
shim = None
for path in open("/proc/self/maps").read().split():
    if path.endswith("SHIM_NAME") and "SHIM_DIR" in path:
        shim = ctypes.CDLL(path)
out["calls"] = ctypes.c_long.in_dll(shim, "kiosk_blas_shim_calls").value if shim else None
json.dump(out, sys.stdout)
"""


def _probe(shim: Path, **env: str) -> dict[str, object]:
    return run_python_json(PROBE.replace("SHIM_NAME", shim.name).replace("SHIM_DIR", str(shim.parent)), **env)


def test_shim_matches_opencvs_own_openblas(tmp_path: Path) -> None:
    shim = blas_shim.build(tmp_path)
    assert shim.name == blas_shim.opencv_openblas().name
    reference = _probe(shim)
    # In the bundle numpy.libs sits beside the shim's folder ($ORIGIN/../numpy.libs); here it does not.
    numpy_libs = str(blas_shim.numpy_openblas().parent)
    shimmed = _probe(shim, LD_PRELOAD=str(shim), LD_LIBRARY_PATH=numpy_libs)
    assert reference.pop("calls") is None
    calls = shimmed.pop("calls")
    assert isinstance(calls, int) and calls >= 10, f"cv2 did not go through the shim ({calls} calls)"
    assert reference.keys() == shimmed.keys()
    for key, want in reference.items():
        tolerance = 2e-3 if "float32" in key else 1e-8
        np.testing.assert_allclose(
            np.asarray(shimmed[key]), np.asarray(want), rtol=tolerance, atol=tolerance, err_msg=key
        )


def test_build_fails_clearly_without_gcc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blas_shim.shutil, "which", lambda name: None)
    with pytest.raises(blas_shim.ShimError, match="gcc is needed"):
        blas_shim.build(tmp_path)


# ---- a wheel laid out otherwise: the message names the step, the file, the wheel and what to do ----


@pytest.fixture
def fake_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty site-packages in which cv2 and numpy are found."""
    (tmp_path / "cv2").mkdir()
    (tmp_path / "numpy.libs").mkdir()
    monkeypatch.setattr(blas_shim, "_site_folder", lambda package, distribution: tmp_path)
    return tmp_path


def test_opencvs_libs_folder_renamed(fake_site: Path) -> None:
    with pytest.raises(blas_shim.ShimError) as caught:
        blas_shim.opencv_openblas()
    message = str(caught.value)
    assert message.startswith(
        f"step 'OpenBLAS shim': expected the folder opencv_python_headless.libs/ beside cv2/ in {fake_site} "
        "in the opencv-python-headless "
    )
    assert message.endswith(
        "wheel, found numpy.libs; install the versions in requirements-lock.txt (make setup), "
        "or adapt tools/blas_shim.py to the new layout"
    )


def test_two_openblas_files_in_opencvs_libs(fake_site: Path) -> None:
    libs = fake_site / "opencv_python_headless.libs"
    libs.mkdir()
    for name in ("libopenblas-a.so", "libopenblas-b.so", "libavcodec.so"):
        (libs / name).write_bytes(b"")
    with pytest.raises(
        blas_shim.ShimError,
        match=r"expected one libopenblas\*\.so\* in opencv_python_headless\.libs/ in the "
        r"opencv-python-headless \S+ wheel, found libavcodec\.so, libopenblas-a\.so, libopenblas-b\.so;",
    ):
        blas_shim.opencv_openblas()


def test_numpy_1_openblas_layout(fake_site: Path) -> None:
    (fake_site / "numpy.libs" / "libopenblas64_p-r0-0cf96a72.3.23.dev.so").write_bytes(b"")
    with pytest.raises(
        blas_shim.ShimError,
        match=r"^step 'OpenBLAS shim': expected one libscipy_openblas64_\*\.so in numpy\.libs/ in the "
        r"numpy \S+ wheel, found libopenblas64_p-r0-0cf96a72\.3\.23\.dev\.so;",
    ):
        blas_shim.numpy_openblas()


def test_no_cv2_extension_module(fake_site: Path) -> None:
    with pytest.raises(
        blas_shim.ShimError, match=r"expected one extension module cv2\*\.so in cv2/ .* found nothing;"
    ):
        blas_shim.cv2_extension()


def test_numpy_openblas_without_a_routine_the_shim_calls(tmp_path: Path) -> None:
    source = tmp_path / "fake.c"
    source.write_text("void scipy_cblas_sgemm64_(void) {}\n")
    library = tmp_path / "libscipy_openblas64_-fake.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    wanted = {"scipy_cblas_sgemm64_", "scipy_dgesv_64_", "malloc"}
    with pytest.raises(blas_shim.ShimError) as caught:
        blas_shim.check_forwarded(wanted, library)
    message = str(caught.value)
    assert message.startswith(
        "step 'OpenBLAS shim': expected the 2 ILP64 OpenBLAS routines the shim forwards to (scipy_*64_) in "
        "numpy.libs/libscipy_openblas64_-fake.so in the numpy "
    )
    assert "found 1 missing: scipy_dgesv_64_; install the versions in requirements-lock.txt" in message
    blas_shim.check_forwarded({"scipy_cblas_sgemm64_"}, library)  # all there: no error
