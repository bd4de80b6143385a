"""`emotion-kiosk --self-test`: check every part an installed kiosk needs, print a JSON summary.

Headless: no camera, display or audio device is needed (QT_QPA_PLATFORM=offscreen is fine).
The checks, in order:

- `model`: the shipped ONNX model loads and honours the model contract.
- `cascade`: the Haar cascade loads and is not empty; in a frozen build it must be the copy
  inside the bundle (PyInstaller's OpenCV hook does not collect it, and an empty cascade
  finds nothing without any error).
- `demo_clip`: the bundled demo clip decodes from start to end (OpenCV's FFmpeg).
- `no_face_when_empty`, `face_when_present`, `visitor_arrived`, `switch_when_negative`,
  `visitor_left`: the whole pipeline and the reaction engine over the clip, judged against
  DEMO_CLIP, what the clip shows and when (kiosk.selftest_vision).
- `audio`: the uplift track through QtMultimedia's FFmpeg backend: QMediaPlayer loads it,
  plays, and plays to its end (it does so silently when there is no audio device).
- `opencv_lapack`: OpenCV's matrix routines give numpy's answers. The Linux bundle serves
  OpenCV's BLAS/LAPACK from numpy's OpenBLAS (tools/cv2_blas_shim.c); this proves it is wired.
- `health`: the /health and /metrics server answers on loopback (kiosk.selftest_health).
- `translations`: German loads from the shipped .qm and answers in German (kiosk.ui.common.i18n).

Every check runs even when an earlier one failed (those that need a failed one are
skipped and say so). The summary goes to stdout and to `<data dir>/self-test.json` (a
windowed Windows build has no console); exit status 0 only when every check passed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.paths import (
    app_root,
    bundled_music_path,
    data_dir,
    default_model_path,
    demo_clip_path,
)
from kiosk.selftest_checks import Check, failed, passed
from kiosk.selftest_vision import DEMO_CLIP, ClipExpectation, run_vision_checks

EXIT_PASSED, EXIT_FAILED = 0, 1
SUMMARY_FILE = "self-test.json"


@dataclass(frozen=True)
class SelfTestInputs:
    model: Path
    cascade: Path
    clip: Path
    audio: Path
    expectation: ClipExpectation = DEMO_CLIP

    @classmethod
    def shipped(cls) -> SelfTestInputs:
        """The files the installed kiosk uses."""
        from kiosk.vision.detector import default_cascade_path

        return cls(
            model=default_model_path(),
            cascade=default_cascade_path(),  # what the kiosk itself would load
            clip=demo_clip_path(),
            audio=bundled_music_path(),
        )


def run_self_test(args: argparse.Namespace, inputs: SelfTestInputs | None = None) -> int:
    """Run every check, print the JSON summary; 0 when all passed, else 1 (failures on stderr).

    `args` is the parsed command line (`--data-dir` has been applied by then); `inputs`
    replaces the shipped files (the tests use a tiny model and a clip of their own).
    """
    inputs = inputs or SelfTestInputs.shipped()
    checks, startup_s = run_vision_checks(inputs.model, inputs.cascade, inputs.clip, inputs.expectation)
    checks.append(_timed(_audio_check, inputs.audio))
    checks.append(_timed(_lapack_check))
    checks.append(_timed(_health_check))
    checks.append(_timed(_translations_check))
    summary = _summary(checks, startup_s)
    text = json.dumps(summary, indent=2)
    print(text, flush=True)
    _save(text)
    if summary["failed"]:
        print(_failure_line(checks), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_PASSED


def _timed(check: Any, *args: Any) -> Check:
    started = time.perf_counter()
    result: Check = check(*args)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _audio_check(path: Path) -> Check:
    # Before Qt loads: Qt probes for optional VA-API and PipeWire libraries and would list each
    # one it does not find on stderr; the check itself reports what matters.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")
    try:
        from kiosk.ui.app.selftest_audio import check_audio
    except ImportError as error:
        return failed("audio", f"QtMultimedia cannot be imported: {error}")
    return check_audio(path)


def _health_check() -> Check:
    from kiosk.selftest_health import check_health

    ok, detail, document = check_health()
    return passed("health", detail, **document) if ok else failed("health", detail, **document)


def _translations_check() -> Check:
    from kiosk.ui.common.i18n import check_german

    ok, detail = check_german()
    return passed("translations", detail) if ok else failed("translations", detail)


def _lapack_check() -> Check:
    """Sizes above OpenCV's small-matrix cut-offs, so that the work goes to LAPACK and BLAS."""
    import cv2
    import numpy as np

    rng = np.random.default_rng(0)
    a = rng.normal(size=(128, 128)) + 128 * np.eye(128)
    b = rng.normal(size=(128, 2))
    ok, x = cv2.solve(a, b, flags=cv2.DECOMP_LU)
    errors = {
        "solve": float(np.abs(x - np.linalg.solve(a, b)).max()) if ok else float("inf"),
        "gemm": float(np.abs(cv2.gemm(a, a, 1.0, np.zeros_like(a), 0.0) - a @ a).max()),
        "svd": float(np.abs(cv2.SVDecomp(a)[0].ravel() - np.linalg.svd(a, compute_uv=False)).max()),
    }
    worst = max(errors, key=lambda name: errors[name])
    if errors[worst] > 1e-6:
        return failed("opencv_lapack", f"cv2 {worst} differs from numpy by {errors[worst]:.3g}", **errors)
    return passed("opencv_lapack", "cv2 solve, gemm and SVD agree with numpy", **errors)


def _summary(checks: list[Check], startup_s: float | None) -> dict[str, Any]:
    return {
        "ok": all(check.ok for check in checks),
        "failed": [check.name for check in checks if check.ok is False],
        "skipped": [check.name for check in checks if check.ok is None],
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "root": str(app_root()),
        "platform": sys.platform,
        "startup_s": startup_s,  # process start to the first analysed frame of the clip
        "checks": [asdict(check) for check in checks],
    }


def _failure_line(checks: list[Check]) -> str:
    problems = [f"{check.name}: {check.detail}" for check in checks if check.ok is False]
    skipped_names = [check.name for check in checks if check.ok is None]
    line = "self-test FAILED\n  " + "\n  ".join(problems)
    return line + (f"\n  skipped: {', '.join(skipped_names)}" if skipped_names else "")


def _save(text: str) -> None:
    """A copy of the summary in the data folder (best effort: stdout has it already)."""
    try:
        path = data_dir() / SUMMARY_FILE
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        print(f"note: the summary could not be saved: {error}", file=sys.stderr)
