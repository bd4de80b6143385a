"""Pin the exact packages the kiosk is tested and built with: requirements-lock.txt.

    python tools/lock.py              resolve pyproject.toml's ranges afresh (the newest releases
                                      that fit) and write the lock; `make lock` does this, then installs it
    python tools/lock.py --installed  lock what this environment has installed (the set the tests ran on)
    python tools/lock.py --check      fail unless resolving with the lock adds, drops or moves nothing
    python tools/lock.py --verify     fail unless every locked package installed here is at its locked
                                      version (offline; `make setup` runs it after installing)
    python tools/lock.py --platform windows
                                      requirements-lock-windows.txt: the Windows build's set (the project
                                      and its [build] extra) for CPython 3.11 on win_amd64, resolved from
                                      this machine at the versions requirements-lock.txt pins wherever
                                      Windows has them; `make lock-windows` does this

pyproject.toml keeps ranges, as a library does; the lock holds one version of every package,
transitive ones included, for one Python and platform (its header says which). `make setup`
installs with it as constraints (`pip install -c`), so the tests, the linters and the bundle use
the same set. The resolver is pip's own (`pip install --dry-run --report`): nothing else to install.

For another platform pip takes `--platform` for the wheels it picks, but it evaluates environment
markers (`sys_platform == "win32"`) for the machine it runs on. So the Windows lock walks the
requirements itself with Windows' markers: what only Linux needs (SecretStorage, jeepney, their
cryptography) is left out, and what only Windows needs (pywin32-ctypes, pefile, tzdata) is added
and resolved again, until the two agree.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-lock.txt"
PROJECT = "emotion-kiosk"
EXTRAS = "dev,train,build"
TOOLS = ("pip",)  # pinned too: `make setup` installs pip from the lock before anything else
WINDOWS_LOCK = ROOT / "requirements-lock-windows.txt"
WINDOWS_EXTRAS = "build"  # the Windows job builds the bundle: `pip install -e ".[build]"`
WINDOWS_PYTHON = (3, 11)
# What pip picks wheels for, and the markers of CPython 3.11 on 64-bit Windows; WINDOWS_TARGET is
# target() there, so that --verify on Windows also reports locked packages that are not installed.
WINDOWS_PIP = ("--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp")
WINDOWS_MARKERS = {
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "platform_release": "10",
    "platform_version": "10.0.20348",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
    "implementation_version": "3.11.9",
}
WINDOWS_TARGET = "cp311-win32-AMD64"
TARGET = re.compile(r"^# target: (\S+)$", re.M)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


class LockError(RuntimeError):
    pass


def canonical(name: str) -> str:
    """PEP 503 name: numpy, pyside6-essentials, opencv-python-headless."""
    return re.sub(r"[-_.]+", "-", name).lower()


def target() -> str:
    """The interpreter and platform a resolution is for, e.g. cp311-linux-x86_64."""
    version = sys.version_info
    return f"{sys.implementation.name[:2]}{version.major}{version.minor}-{sys.platform}-{platform.machine()}"


def resolve(extras: str, constraints: Path | None = None) -> dict[str, str]:
    """What pip would install into an empty environment for the project and its extras."""
    items = _pip_report([f"{ROOT}[{extras}]", *TOOLS], constraints)
    pins = {canonical(item["metadata"]["name"]): item["metadata"]["version"] for item in items}
    pins.pop(PROJECT, None)
    return pins


def _pip_report(
    requirements: Sequence[str], constraints: Path | None, options: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """The packages `pip install --dry-run --report` would install for `requirements`."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
            "--report", str(report), *options, *requirements,
        ]  # fmt: skip
        if constraints is not None:
            command += ["-c", str(constraints)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not report.is_file():
            raise LockError(f"pip could not resolve the packages:\n{done.stderr.strip()}")
        items: list[dict[str, Any]] = json.loads(report.read_text())["install"]
    return items


def project_requirements(extras: str) -> list[str]:
    """pyproject.toml's dependencies and those of `extras`, as written there."""
    import tomllib  # Python 3.11 on, as resolve_windows requires

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    chosen = [extra for extra in extras.split(",") if extra]
    unknown = sorted(set(chosen) - set(project.get("optional-dependencies", {})))
    if unknown:
        raise LockError(f"pyproject.toml has no extra {', '.join(unknown)}")
    return [
        *project["dependencies"],
        *(r for extra in chosen for r in project["optional-dependencies"][extra]),
    ]


def needed_on(
    roots: Sequence[str], found: Mapping[str, Sequence[str]], markers: Mapping[str, str]
) -> tuple[set[str], list[str]]:
    """The packages `roots` need where `markers` hold, walked through `found` (name -> the
    Requires-Dist of the version resolved): the names needed, and the requirements (markers
    dropped) of those needed but not in `found`, which pip left out on this machine."""
    from packaging.requirements import Requirement  # in the lock (pytest's, PyInstaller's)

    def applies(requirement: Requirement, extras: set[str]) -> bool:
        marker = requirement.marker
        return marker is None or any(marker.evaluate({**markers, "extra": e}) for e in extras | {""})

    seen: dict[str, set[str]] = {}
    missing: dict[str, str] = {}
    queue = [Requirement(text) for text in roots]
    queue = [requirement for requirement in queue if applies(requirement, set())]
    while queue:
        requirement = queue.pop()
        name = canonical(requirement.name)
        extras = set(requirement.extras)
        if name in seen and extras <= seen[name]:
            continue
        seen[name] = seen.get(name, set()) | extras
        if name not in found:
            with_extras = f"[{','.join(sorted(seen[name]))}]" if seen[name] else ""
            missing[name] = f"{requirement.name}{with_extras}{requirement.specifier}"
            continue
        for text in found[name]:
            dependency = Requirement(text)
            if applies(dependency, seen[name]):
                queue.append(dependency)
    return set(seen), [missing[name] for name in sorted(missing)]


def resolve_windows(extras: str, constraints: Path | None = None) -> dict[str, str]:
    """What pip would install on 64-bit Windows, CPython 3.11, for the project and its extras.

    pip picks Windows wheels (--platform) but keeps this machine's markers: the packages needed
    only on Windows are added to the request until nothing Windows needs is missing, and those
    needed only here are dropped."""
    if sys.version_info[:2] != WINDOWS_PYTHON:
        raise LockError(
            f"resolve the Windows lock with Python {'.'.join(map(str, WINDOWS_PYTHON))} (pip reads "
            f"python_version markers from the interpreter it runs on); this is {platform.python_version()}"
        )
    roots = [*project_requirements(extras), *TOOLS]
    options = [*WINDOWS_PIP, "--only-binary=:all:"]
    added: list[str] = []
    for _ in range(10):
        items = _pip_report([*roots, *added], constraints, options)
        found = {canonical(item["metadata"]["name"]): item["metadata"] for item in items}
        needed, missing = needed_on(
            roots, {n: m.get("requires_dist") or [] for n, m in found.items()}, WINDOWS_MARKERS
        )
        if not missing:
            pins = {name: found[name]["version"] for name in needed}
            pins.pop(PROJECT, None)
            return pins
        added += [requirement for requirement in missing if requirement not in added]
    raise LockError(f"the Windows set did not settle; still missing: {', '.join(missing)}")


def installed() -> dict[str, str]:
    """The distributions of this environment, the project itself left out."""
    pins = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions() if d.metadata["Name"]}
    pins.pop(PROJECT, None)
    return pins


def read_lock(path: Path) -> tuple[dict[str, str], str | None]:
    """The pins of a lock file and the target it was resolved for."""
    if not path.is_file():
        raise LockError(f"{path} does not exist: `make lock` writes it")
    text = path.read_text()
    pins: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.fullmatch(line)
        if not match:
            raise LockError(f"{path}:{number}: expected NAME==VERSION, found {line!r}")
        pins[canonical(match.group(1))] = match.group(2)
    found = TARGET.search(text)
    return pins, found.group(1) if found else None


def render(pins: Mapping[str, str], extras: str) -> str:
    header = [
        "# The exact packages the kiosk is tested and built with, transitive ones included.",
        f"# pyproject.toml's ranges with the extras [{extras}], resolved by tools/lock.py",
        f"# on {datetime.date.today().isoformat()} for this interpreter and platform:",
        f"# target: {target()}",
        "# `make setup` installs with this file as constraints (pip install -c).",
        "# Refresh: `make lock`, then run `make test` and `make selftest-dist` on the new set.",
    ]
    return "\n".join(header + [f"{name}=={pins[name]}" for name in sorted(pins)]) + "\n"


def render_windows(pins: Mapping[str, str], extras: str, like: Path | None) -> str:
    versions = (
        f"# at the versions {like.name} pins wherever Windows has them, the newest that fit otherwise."
        if like is not None
        else "# at the newest versions that fit."
    )
    header = [
        "# The exact packages the Windows bundle is built with, transitive ones included.",
        f"# pyproject.toml's ranges with the extras [{extras}], resolved by tools/lock.py --platform windows",
        f"# on {datetime.date.today().isoformat()} for CPython 3.11 on 64-bit Windows (win_amd64),",
        versions,
        f"# target: {WINDOWS_TARGET}",
        "# CI installs exactly this set: pip install --no-deps -r, pip check, tools/lock.py --verify.",
        "# Refresh: `make lock-windows` (after `make lock`); CI's Windows job builds and self-tests on it.",
    ]
    return "\n".join(header + [f"{name}=={pins[name]}" for name in sorted(pins)]) + "\n"


def differences(locked: Mapping[str, str], resolved: Mapping[str, str]) -> list[str]:
    """How a resolution departs from the lock: packages unpinned, stale or at another version."""
    out = [f"{name} {resolved[name]} is not in the lock" for name in sorted(resolved.keys() - locked.keys())]
    out += [
        f"{name}=={locked[name]} is locked but nothing needs it"
        for name in sorted(locked.keys() - resolved.keys())
    ]
    out += [
        f"{name} resolves to {resolved[name]}, locked {locked[name]}"
        for name in sorted(locked.keys() & resolved.keys())
        if resolved[name] != locked[name]
    ]
    return out


def verify(lock: Path) -> list[str]:
    """Locked packages installed here at another version (or missing, on the lock's own target)."""
    pins, locked_for = read_lock(lock)
    have = installed()
    problems = [
        f"{name} {have[name]} is installed, the lock says {version}"
        for name, version in sorted(pins.items())
        if name in have and have[name] != version
    ]
    if locked_for == target():
        problems += [
            f"{name}=={pins[name]} is locked but not installed" for name in sorted(pins.keys() - have.keys())
        ]
    elif locked_for is not None:
        print(f"note: {lock.name} was resolved for {locked_for}, this is {target()}", file=sys.stderr)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--installed", action="store_true", help="lock this environment's installed versions")
    mode.add_argument("--check", action="store_true", help="fail unless the lock is complete and current")
    mode.add_argument("--verify", action="store_true", help="fail unless this environment matches the lock")
    parser.add_argument(
        "--platform",
        choices=("here", "windows"),
        default="here",
        help="resolve for this machine (default) or for CPython 3.11 on 64-bit Windows",
    )
    parser.add_argument(
        "--lock", type=Path, help=f"the lock file (default {LOCK.name}; {WINDOWS_LOCK.name} for windows)"
    )
    parser.add_argument(
        "--extras", help=f"the project's extras to lock (default {EXTRAS}; {WINDOWS_EXTRAS} for windows)"
    )
    parser.add_argument(
        "--like",
        default=str(LOCK),
        help=f"windows: keep the versions this lock pins where Windows has them (default {LOCK.name}; "
        "'' for the newest that fit)",
    )
    args = parser.parse_args(argv)
    windows = args.platform == "windows"
    if windows and args.installed:
        parser.error("--installed locks this machine's environment: not with --platform windows")
    if args.lock is None:
        args.lock = WINDOWS_LOCK if windows else LOCK
    if args.extras is None:
        args.extras = WINDOWS_EXTRAS if windows else EXTRAS
    try:
        return _run(args)
    except LockError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    lock: Path = args.lock
    windows = args.platform == "windows"
    if args.verify or args.check:
        if args.verify:
            problems = verify(lock)
        elif windows:
            problems = differences(read_lock(lock)[0], resolve_windows(args.extras, constraints=lock))
        else:
            problems = differences(read_lock(lock)[0], resolve(args.extras, constraints=lock))
        for problem in problems:
            print(f"{lock.name}: {problem}", file=sys.stderr)
        print(f"{lock.name}: {'differs' if problems else 'ok'}")
        return 1 if problems else 0
    if args.installed:
        with tempfile.TemporaryDirectory() as folder:
            here = Path(folder) / "installed.txt"
            here.write_text("".join(f"{name}=={version}\n" for name, version in installed().items()))
            pins = resolve(args.extras, constraints=here)
    elif windows:
        like = Path(args.like) if args.like else None
        if like is not None and not like.is_file():
            raise LockError(f"{like} does not exist: `make lock` writes it (or pass --like '')")
        pins = resolve_windows(args.extras, constraints=like)
        lock.write_text(render_windows(pins, args.extras, like))
        print(f"{lock}: {len(pins)} packages for {WINDOWS_TARGET}")
        return 0
    else:
        pins = resolve(args.extras)
    lock.write_text(render(pins, args.extras))
    print(f"{lock}: {len(pins)} packages for {target()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
