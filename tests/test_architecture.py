"""The house rules that keep the code navigable (issue #32), checked on the source tree itself:
no module of the kiosk over 400 lines, and `kiosk/ui` holding only modules that use Qt (the
Qt-free pieces live in `kiosk.session` and `kiosk.settings`, where the import contracts keep Qt
out). The import contracts themselves run in `make lint`."""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk

KIOSK = Path(kiosk.__file__).resolve().parent
MAX_LINES = 400


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imports_qt(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("PySide6", "shiboken6"):
            return True
        if isinstance(node, ast.Import) and any(
            a.name.split(".")[0] in ("PySide6", "shiboken6") for a in node.names
        ):
            return True
    return False


def test_no_kiosk_module_is_over_400_lines() -> None:
    long = {
        str(p.relative_to(KIOSK)): n
        for p in _modules(KIOSK)
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these by concern: {long}"


def test_every_ui_module_uses_qt_itself() -> None:
    qt_free = [
        str(p.relative_to(KIOSK))
        for p in _modules(KIOSK / "ui")
        if p.name != "__init__.py" and not _imports_qt(p)
    ]
    assert qt_free == [], f"Qt-free modules belong in kiosk.session or kiosk.settings: {qt_free}"


def test_the_ui_is_split_by_room() -> None:
    rooms = {p.name for p in (KIOSK / "ui").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert rooms == {"app", "common", "operator", "settings", "showroom"}
    assert [p.name for p in (KIOSK / "ui").glob("*.py")] == ["__init__.py"]  # every module has a room
