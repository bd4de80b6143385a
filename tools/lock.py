"""Pin the exact packages the kiosk is tested and built with: requirements-lock.txt.

    python tools/lock.py              resolve pyproject.toml's ranges afresh (the newest releases
                                      that fit) and write the lock; `make lock` does this, then installs it
    python tools/lock.py --installed  lock what this environment has installed (the set the tests ran on)
    python tools/lock.py --check      fail unless resolving with the lock adds, drops or moves nothing
    python tools/lock.py --verify     fail unless every locked package installed here is at its locked
                                      version (offline; `make setup` runs it after installing)

pyproject.toml keeps ranges, as a library does; the lock holds one version of every package,
transitive ones included, for one Python and platform (its header says which). `make setup`
installs with it as constraints (`pip install -c`), so the tests, the linters and the bundle use
the same set. The resolver is pip's own (`pip install --dry-run --report`): nothing else to install.
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

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-lock.txt"
PROJECT = "emotion-kiosk"
EXTRAS = "dev,train,build"
TOOLS = ("pip",)  # pinned too: `make setup` installs pip from the lock before anything else
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
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
            "--report", str(report), f"{ROOT}[{extras}]", *TOOLS,
        ]  # fmt: skip
        if constraints is not None:
            command += ["-c", str(constraints)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not report.is_file():
            raise LockError(f"pip could not resolve the packages:\n{done.stderr.strip()}")
        items = json.loads(report.read_text())["install"]
    pins = {canonical(item["metadata"]["name"]): item["metadata"]["version"] for item in items}
    pins.pop(PROJECT, None)
    return pins


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
    parser.add_argument("--lock", type=Path, default=LOCK, help=f"the lock file (default {LOCK.name})")
    parser.add_argument("--extras", default=EXTRAS, help=f"the project's extras to lock (default {EXTRAS})")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except LockError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    lock: Path = args.lock
    if args.verify or args.check:
        if args.verify:
            problems = verify(lock)
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
    else:
        pins = resolve(args.extras)
    lock.write_text(render(pins, args.extras))
    print(f"{lock}: {len(pins)} packages for {target()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
