"""Shared fixtures. Test doubles live in fakes.py (`from fakes import ...`); the scripts in
tools/ import by name (`import blas_shim`). Every test runs under qt_leaks.qt_leak_check, which
fails it when it leaves a QThread running or a QTimer active, naming where each was started."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import pytest
from fakes import VideoFactory, build_tiny_model, write_face_video
from pg_cluster import PgCluster, require_bin_dir
from qt_leaks import qt_leak_check  # noqa: F401 - autouse: no test leaves a QThread or QTimer running

from kiosk import paths

pytest_plugins = ["pytester"]  # tests/test_qt_leaks.py runs the leak check in a pytest of its own

NEUTRAL_ENVIRONMENT = {"TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
# A desktop's display settings, which Qt applies on the offscreen platform too.
DESKTOP_QT_VARIABLES = (
    "QT_SCALE_FACTOR",
    "QT_SCREEN_SCALE_FACTORS",
    "QT_AUTO_SCREEN_SCALE_FACTOR",
    "QT_ENABLE_HIGHDPI_SCALING",
    "QT_SCALE_FACTOR_ROUNDING_POLICY",
    "QT_USE_PHYSICAL_DPI",
    "QT_FONT_DPI",
    "QT_QPA_PLATFORMTHEME",
    "QT_STYLE_OVERRIDE",
)


def pytest_configure(config: pytest.Config) -> None:
    """The machine's time zone, language and display are not the tests' (issue #27): every test,
    and every process a test starts, runs in UTC with the C.UTF-8 locale (LANGUAGE and the other
    LC_* dropped) on Qt's offscreen platform without the desktop's scaling, theme or style, set
    before any test and so before Qt first reads them (it keeps the system locale it sees first).

    Local dates are then the same on every machine: the reports count local days, and in
    Pacific/Kiritimati (UTC+14) a fleet test's 10:01 UTC is already the next day. The kiosk's
    "auto" language is English, as the tests' strings are: under LANG=de_DE.UTF-8, 51 UI tests
    read German. Windows are laid out in the pixels the tests give them: under QT_SCALE_FACTOR=2
    a window grabbed at 1920x1080 is 3840x2160. And `pytest` without `make test`'s
    QT_QPA_PLATFORM=offscreen neither aborts on a machine without a display nor opens windows on
    a developer's screen. A test about another zone, language or platform sets it itself
    (QLocale(...), apply_language(...), or the environment of a process it starts)."""
    for name in [name for name in os.environ if name.startswith("LC_") or name == "LANGUAGE"]:
        del os.environ[name]
    for name in DESKTOP_QT_VARIABLES:
        os.environ.pop(name, None)
    os.environ.update(NEUTRAL_ENVIRONMENT)
    time.tzset()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test gets its own data folder; nothing touches the user's real one."""
    folder = tmp_path_factory.mktemp("data")
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def no_bf16_from_the_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """training.train.bf16_available() answers False in every test, whatever the CPU's flags.

    Left to itself, train(bf16=None) and `python -m training train` (without --no-bf16) turn
    mixed bfloat16 on where /proc/cpuinfo lists amx_bf16 or avx512_bf16, so the same test would
    train in bfloat16 on one machine and in float32 on another, and its numbers would differ
    (issue #27). Tests choose their precision (tests/test_training_model.py runs each training
    test with bf16 forced off and forced on); a test that needs the CPU's answer patches it
    itself. bf16_available's own test imports the function by name, so it tests the real one.
    Only when training.train is imported: the test modules that train import it at collection,
    and the kiosk's tests never load it."""
    module = sys.modules.get("training.train")
    if module is not None:
        monkeypatch.setattr(module, "bf16_available", lambda cpuinfo=None: False)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny brightness model of fakes.build_tiny_model, written once per session."""
    return build_tiny_model(tmp_path_factory.mktemp("model") / "tiny.onnx")


@pytest.fixture(scope="session")
def face_video(tmp_path_factory: pytest.TempPathFactory) -> VideoFactory:
    """Write (once per session and phase list) a video of fakes.write_face_video."""
    folder = tmp_path_factory.mktemp("videos")
    made: dict[tuple[tuple[str, float], ...], Path] = {}

    def make(phases: Sequence[tuple[str, float]]) -> Path:
        key = tuple(phases)
        if key not in made:
            made[key] = write_face_video(folder / f"clip{len(made)}.mp4", phases)
        return made[key]

    return make


@pytest.fixture(scope="session")
def visitor_video(face_video: VideoFactory) -> Path:
    """4.5 s: empty, a neutral visitor, clearly sad for 2 s, neutral again."""
    return face_video([("none", 0.5), ("neutral", 1.5), ("sad", 2.0), ("neutral", 0.5)])


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throw-away PostgreSQL server for the session (tests/pg_cluster.py); stopped and removed after."""
    cluster = PgCluster(require_bin_dir())
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.stop_if_running()
        cluster.remove()
