"""`python -m training gpu-pack`: what a GPU run needs that the checkout lacks, in one folder of the
checkout that .git/info/exclude ignores, so the device tool carries it (`carry`) and git never
takes it (training/gpu_run.py).

The folder holds `data/` (the data set packed, each distinct face once: training.packed),
`wheels/` (Keras, namex and optree at this environment's versions, optree built for the GPU
machine's CPython 3.12 on manylinux x86_64, each 0.5 MB of the call's 64 MiB; every other need
of Keras is on the GPU machine, which this checks) and manifest.json (each file's size and
SHA-256, which gpu-run verifies).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

from training.data import load_dataset
from training.gpu_preflight import CARRIED, DEVICE_HAS, MANIFEST, REPO, GpuRunError
from training.model_files import file_sha256

MAX_TRAVEL_BYTES = 64 * 2**20  # the working tree a device call carries, the carried folders included
PYTHONS = ("3.12",)  # the GPU machine's (the device tool's KINDS.md: Python 3.12.3); --python adds others
PLATFORMS = ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64")
TIMEOUT_S = 570  # the device call's: the budget, the checks before it, the grace after it


def pack(data: Path, folder: Path, wheels: bool = True, pythons: tuple[str, ...] = PYTHONS) -> dict[str, Any]:
    """Fill `folder` for a GPU run from the data set `data` (any form train reads)."""
    from training.packed import write_packed

    target = folder / "data"
    shutil.rmtree(target, ignore_errors=True)
    splits = load_dataset(data)
    splits = {name: splits[name] for name in ("train", "val", "test") if name in splits}
    write_packed(target, splits)  # each distinct face once: 2.5 MB less than the shared pack
    counts = {name: len(split.labels) for name, split in load_dataset(target).items()}
    if "train" not in counts or not {"val", "test"} & counts.keys():
        raise GpuRunError(
            f"{data}: a GPU run needs a train split and a val (or test) split, found {sorted(counts)}"
        )
    versions = {dist: metadata.version(dist) for dist in CARRIED} if wheels else {}
    shutil.rmtree(folder / "wheels", ignore_errors=True)
    if wheels:
        download_wheels(folder / "wheels", versions, pythons)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)
    manifest = {
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "HEAD").strip(),
        "data": counts,
        "wheels": versions,
        "files": {
            str(p.relative_to(folder)): {"bytes": p.stat().st_size, "sha256": file_sha256(p)} for p in files
        },
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def download_wheels(folder: Path, versions: dict[str, str], pythons: tuple[str, ...] = PYTHONS) -> None:
    """The carried distributions' wheels for each CPython of `pythons` (pip download, no deps),
    then a check that everything else they require is on the GPU machine."""
    for python in pythons:
        platforms = [arg for name in PLATFORMS for arg in ("--platform", name)]
        command = [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
            "--implementation", "cp", "--python-version", python, *platforms, "-d", str(folder),
            *(f"{dist}=={version}" for dist, version in versions.items()),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise GpuRunError(
                f"pip could not download the wheels for CPython {python}: {done.stderr.strip()[-800:]}"
            )
    lacking = sorted(
        {need for wheel in folder.glob("*.whl") for need in requirements(wheel)} - DEVICE_HAS - set(CARRIED)
    )
    if lacking:
        raise GpuRunError(
            f"the carried wheels need {', '.join(lacking)}, which the GPU machine lacks: carry it too"
        )


def requirements(wheel: Path) -> set[str]:
    """The distributions a wheel requires (its METADATA's Requires-Dist, extras left out)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(name).decode().splitlines()
    needs: set[str] = set()
    for line in lines:
        if line.startswith("Requires-Dist:"):
            requirement = Requirement(line.partition(":")[2].strip())
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                needs.add(str(canonicalize_name(requirement.name)))
    return needs


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout if done.returncode == 0 else ""


def ensure_ignored(folder: Path) -> bool:
    """Add the folder to .git/info/exclude (local, never committed) unless git ignores it already;
    True when the line was added."""
    if subprocess.run(["git", "check-ignore", "-q", str(folder)], cwd=REPO, check=False).returncode == 0:
        return False
    exclude = REPO / _git("rev-parse", "--git-path", "info/exclude").strip()
    exclude.parent.mkdir(parents=True, exist_ok=True)
    with open(exclude, "a") as handle:
        handle.write(f"/{folder.resolve().relative_to(REPO)}/\n")
    return True


def travel_bytes(folder: Path) -> int:
    """What a device call carries: the tracked and untracked-not-ignored files, and `folder`."""
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    tree = sum((REPO / name).lstat().st_size for name in listed if name and (REPO / name).exists())
    return tree + sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def device_command(folder: str) -> str:
    """The `command` of the device call: one script call, well under its 2,000 characters."""
    return f'PYTHONUNBUFFERED=1 python3 -m training gpu-run --pack {folder} --out "$OUT"'


def add_pack_command(sub: Any, default: str) -> None:
    parser = sub.add_parser("gpu-pack", help="pack the data set and wheels a GPU run carries, here")
    parser.add_argument(
        "--data", type=Path, required=True, help="the data set, e.g. ../shared/datasets/fer2013-packed"
    )
    parser.add_argument("--pack", type=Path, default=Path(default), help=f"the folder (default {default})")
    parser.add_argument("--no-wheels", action="store_true", help="carry no wheels (Keras is there already)")
    parser.add_argument(
        "--python",
        action="append",
        default=None,
        help="the CPython (e.g. 3.13) to carry optree for; repeat (default: 3.12, the GPU machine's)",
    )
    parser.set_defaults(run=_run_pack)


def _run_pack(args: argparse.Namespace) -> int:
    folder = args.pack.resolve()
    if not folder.is_relative_to(REPO):
        raise GpuRunError(
            f"{args.pack} is outside the checkout {REPO}: the device call carries only its folders"
        )
    manifest = pack(args.data, folder, wheels=not args.no_wheels, pythons=tuple(args.python or PYTHONS))
    added = ensure_ignored(folder)
    size = travel_bytes(folder)
    relative = folder.relative_to(REPO)
    wheels = manifest["wheels"] or "none"
    print(
        f"{relative}: {len(manifest['files'])} files, data {manifest['data']}, wheels {wheels}"
        + (f"; added /{relative}/ to .git/info/exclude" if added else "")
    )
    print(f"the call carries {size} bytes of at most {MAX_TRAVEL_BYTES} ({size / MAX_TRAVEL_BYTES:.1%})")
    command = json.dumps(device_command(str(relative)))
    print(f'device run: command {command}, carry ["{relative}"], timeout_s {TIMEOUT_S}')
    return 0 if size <= MAX_TRAVEL_BYTES else 1
