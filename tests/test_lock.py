"""requirements-lock.txt and tools/lock.py: the pinned set the tests and the bundle run on.

Offline: resolving needs the package index, so these tests check the lock file itself against
pyproject.toml, and the tool's parsing, comparing and verifying on made-up sets.
"""

from __future__ import annotations

from pathlib import Path

import lock
import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def _project_requirements() -> list[Requirement]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 on, as the lock's target
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = lock.EXTRAS.split(",")
    listed = project["dependencies"] + [
        r for extra in extras for r in project["optional-dependencies"][extra]
    ]
    return [Requirement(text) for text in listed]


def test_the_lock_pins_every_requirement_within_its_range() -> None:
    pins, target = lock.read_lock(lock.LOCK)
    assert target is not None and target.startswith("cp3")
    for requirement in _project_requirements():
        name = lock.canonical(requirement.name)
        assert name in pins, f"{name} is not in {lock.LOCK.name}: run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{name}=={pins[name]} is outside pyproject.toml's {requirement.specifier}: run make lock"
        )
        for extra in requirement.extras:  # psycopg[binary] -> psycopg-binary
            assert lock.canonical(f"{name}-{extra}") in pins
    assert "pip" in pins  # make setup installs pip from the lock first
    assert "emotion-kiosk" not in pins


def test_this_environment_is_the_locked_set() -> None:
    """What `make setup` installed (and `tools/lock.py --verify` checked) is what the tests run on."""
    assert lock.verify(lock.LOCK) == []


def test_a_lock_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "lock.txt"
    path.write_text(lock.render({"numpy": "2.4.6", "pyside6-essentials": "6.11.3"}, "dev,build"))
    pins, target = lock.read_lock(path)
    assert pins == {"numpy": "2.4.6", "pyside6-essentials": "6.11.3"}
    assert target == lock.target()
    assert "extras [dev,build]" in path.read_text()


def test_a_malformed_lock_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "lock.txt"
    path.write_text("# header\nnumpy==2.4.6\nPySide6>=6.7\n")
    with pytest.raises(lock.LockError, match=r"lock\.txt:3: expected NAME==VERSION, found 'PySide6>=6\.7'"):
        lock.read_lock(path)
    with pytest.raises(lock.LockError, match="does not exist: `make lock` writes it"):
        lock.read_lock(tmp_path / "missing.txt")


def test_names_are_compared_in_their_canonical_form() -> None:
    assert lock.canonical("PySide6_Essentials") == "pyside6-essentials"
    assert lock.canonical("jaraco.classes") == "jaraco-classes"


def test_differences_name_unpinned_stale_and_moved_packages() -> None:
    locked = {"numpy": "2.4.6", "six": "1.17.0", "ruff": "0.17.6"}
    resolved = {"numpy": "2.4.6", "ruff": "0.18.0", "wrapt": "2.5.2"}
    assert lock.differences(locked, resolved) == [
        "wrapt 2.5.2 is not in the lock",
        "six==1.17.0 is locked but nothing needs it",
        "ruff resolves to 0.18.0, locked 0.17.6",
    ]
    assert lock.differences(locked, dict(locked)) == []


def test_verify_names_packages_at_another_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lock.txt"
    path.write_text(lock.render({"numpy": "2.4.6", "six": "1.17.0", "wrapt": "2.5.2"}, "dev"))
    monkeypatch.setattr(lock, "installed", lambda: {"numpy": "2.5.0", "six": "1.17.0", "extra-tool": "1.0"})
    assert lock.verify(path) == [
        "numpy 2.5.0 is installed, the lock says 2.4.6",
        "wrapt==2.5.2 is locked but not installed",
    ]
    monkeypatch.setattr(lock, "target", lambda: "cp399-linux-riscv64")  # another platform: versions only
    assert lock.verify(path) == ["numpy 2.5.0 is installed, the lock says 2.4.6"]
