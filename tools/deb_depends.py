"""The Debian packages a one-folder bundle needs from the system, worked out from its ELF files.

Every ELF file in the bundle names the libraries it links to (DT_NEEDED, read with readelf).
Those the bundle carries itself are left out; each of the others is found where the dynamic
linker would find it (`ldconfig -p`) and traced to its package with `dpkg -S`. A few libraries
are opened with dlopen rather than linked, so no ELF names them: DLOPENED adds them.

    python tools/deb_depends.py dist/EmotionKiosk        # prints "libc6, libegl1, ..."
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

# Opened at run time, named by no DT_NEEDED entry: QtDBus loads libdbus-1 itself; the screen
# keep-alive (kiosk.ui.app.screensaver) loads libX11 and libXext through ctypes.
DLOPENED = ("libdbus-1.so.3", "libX11.so.6", "libXext.so.6")
ELF_MAGIC = b"\x7fELF"


class DependsError(RuntimeError):
    """A library the bundle needs is not on this system, or belongs to no package."""


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def system_needs(folder: Path) -> set[str]:
    """Library names needed by the bundle and not carried in it."""
    carried = {p.name for p in folder.rglob("*")}
    names = {name for path in elf_files(folder) for name in needed(path)}
    return {name for name in names | set(DLOPENED) if name not in carried}


def linker_paths() -> dict[str, str]:
    """soname -> path, for this machine's architecture, from `ldconfig -p`."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for name, flags, path in re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", out, re.MULTILINE):
        if "x86-64" in flags or "64" in flags or "x86-64" not in out:
            paths.setdefault(name, path)
    return paths


def owner(path: str) -> str:
    """The package owning `path` (tries the path as given, then resolved, then /usr-merged)."""
    real = os.path.realpath(path)
    candidates = [path, real, re.sub(r"^/usr/lib", "/lib", real), re.sub(r"^/lib", "/usr/lib", real)]
    for candidate in dict.fromkeys(candidates):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].split(",")[0].strip()
    raise DependsError(f"{path} belongs to no installed package (dpkg -S found nothing)")


def depends(folder: Path) -> list[str]:
    paths = linker_paths()
    missing = sorted(name for name in system_needs(folder) if name not in paths)
    if missing:
        raise DependsError(f"the bundle needs libraries this system does not have: {', '.join(missing)}")
    return sorted({owner(paths[name]) for name in system_needs(folder)})


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("bundle", type=Path, help="the one-folder build, e.g. dist/EmotionKiosk")
    args = parser.parse_args()
    if not args.bundle.is_dir():
        print(f"error: {args.bundle} is not a folder", file=sys.stderr)
        return 2
    try:
        print(", ".join(depends(args.bundle)))
    except DependsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
