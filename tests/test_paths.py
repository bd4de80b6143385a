from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk import paths


def test_source_root_is_the_project_folder() -> None:
    root = paths.app_root()
    assert (root / "pyproject.toml").is_file()
    assert (root / "kiosk" / "paths.py").is_file()
    assert paths.resource_path("resources", "x.png") == root / "resources" / "x.png"


def test_frozen_build_uses_meipass(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.app_root() == tmp_path
    assert (
        paths.resource_path("resources", "demo", "demo.mp4") == tmp_path / "resources" / "demo" / "demo.mp4"
    )
    assert paths.default_model_path() == tmp_path / "models" / "emotion.onnx"


def test_default_model_path_from_source() -> None:
    assert paths.default_model_path() == paths.app_root() / "models" / "emotion.onnx"


def test_set_data_dir_overrides_and_creates(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "data"
    paths.set_data_dir(target)
    assert paths.data_dir() == target.resolve()
    assert target.is_dir()


def test_set_data_dir_none_restores_platform_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    paths.set_data_dir(tmp_path / "elsewhere")
    paths.set_data_dir(None)
    assert paths.data_dir() == tmp_path / "xdg" / paths.APP_NAME
    assert (tmp_path / "xdg" / paths.APP_NAME).is_dir()
