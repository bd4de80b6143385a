"""What a GPU run checks before it starts, and the limits it works within (training/gpu_run.py).

The device tool brings back at most 8 files of at most 16 MiB each, 64 MiB together, no more
than 2 folders down, named in letters, digits, '.', '_' and '-'; and nothing can be downloaded
on its machine. So before any member starts: each member's two weight files (sized from its
widths) fit those limits; every packed file is there with its SHA-256 (manifest.json); the
wheels the machine lacks are installed for its Python into a folder of the run's own; and Keras
imports there on JAX, with the training code, and sees a GPU. Needs neither Keras nor JAX itself.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from training.model_files import file_sha256

REPO = Path(__file__).resolve().parent.parent
MAX_FILES = 8
MAX_FILE_BYTES = 16 * 2**20
MAX_RETURN_BYTES = 64 * 2**20
STATE_BYTES = 512 * 2**10  # a weights file's state.json (400 epochs of history) and zip headers, at most
NAME = re.compile(r"[A-Za-z0-9._-]+")
MANIFEST = "manifest.json"
# Keras's needs that the GPU machine lacks (the device tool's KINDS.md lists what it has).
CARRIED = ("keras", "namex", "optree")
DEVICE_HAS = frozenset({"absl-py", "h5py", "ml-dtypes", "numpy", "packaging", "rich", "typing-extensions"})


class GpuRunError(RuntimeError):
    """Something a GPU run needs is missing or does not fit; the message names it."""


@dataclass(frozen=True)
class Member:
    name: str
    widths: tuple[int, ...]
    seed: int


# The 2.2.0 net with two seeds and the wide net with two, as in the runs issue #29 reports.
DEFAULT_MEMBERS = (
    Member("w40-s1", (40, 80, 160, 320), 2041),
    Member("w40-s2", (40, 80, 160, 320), 2042),
    Member("w48-s1", (48, 96, 192, 384), 2043),
    Member("w48-s2", (48, 96, 192, 384), 2044),
)


def parse_member(text: str) -> Member:
    """NAME:WIDTHS:SEED, e.g. w48-s1:48,96,192,384:2043 (an argparse type)."""
    name, _, rest = text.partition(":")
    widths, _, seed = rest.partition(":")
    try:
        member = Member(name, tuple(int(w) for w in widths.split(",")), int(seed))
    except ValueError:
        member = Member("", (), 0)
    if not NAME.fullmatch(member.name) or not member.widths or min(member.widths) < 1:
        raise argparse.ArgumentTypeError(
            f"expected NAME:WIDTHS:SEED such as w48-s1:48,96,192,384:2043, got {text!r}"
        )
    return member


def parameter_count(widths: tuple[int, ...], classes: int = 7) -> int:
    """The values in training.model's network: each stage's two 3x3 convolutions and their
    BatchNorms (4 vectors), the head's dense layer and BatchNorm, and the classifier."""
    count, previous = 0, 1
    for width in widths:
        count += 9 * previous * width + 9 * width * width + 8 * width
        previous = width
    return count + previous * previous + 4 * previous + previous * classes + classes


def planned_bytes(member: Member) -> tuple[int, int]:
    """The most best.npz (float32) and last.npz (kernels in float16) can take."""
    values = parameter_count(member.widths)
    return 4 * values + STATE_BYTES, 2 * values + 4 * 4 * sum(member.widths) + STATE_BYTES


def check_members(members: Sequence[Member]) -> None:
    """The members' files fit what the device tool brings back."""
    names = [m.name for m in members]
    if not members or len(set(names)) != len(names) or not all(NAME.fullmatch(n) for n in names):
        raise GpuRunError(f"members {names}: expected distinct names of letters, digits, '.', '_', '-'")
    if 2 * len(members) > MAX_FILES:
        raise GpuRunError(
            f"{len(members)} members write {2 * len(members)} files; {MAX_FILES} come back at most"
        )
    sizes = {m.name: planned_bytes(m) for m in members}
    big = [name for name, (best, last) in sizes.items() if max(best, last) > MAX_FILE_BYTES]
    total = sum(best + last for best, last in sizes.values())
    if big or total > MAX_RETURN_BYTES:
        raise GpuRunError(
            f"weight files too large: {big or 'none'} over {MAX_FILE_BYTES} bytes a file, "
            f"{total} bytes in all (at most {MAX_RETURN_BYTES})"
        )


def verify_manifest(pack: Path) -> dict[str, Any]:
    """The pack's manifest, every file it lists present with its size and SHA-256."""
    try:
        manifest: dict[str, Any] = json.loads((pack / MANIFEST).read_text())
        files = manifest["files"]
    except (OSError, ValueError, KeyError) as error:
        raise GpuRunError(
            f"{pack / MANIFEST}: no readable manifest ({error}); run gpu-pack here first"
        ) from error
    problems = []
    for relative, facts in files.items():
        path = pack / relative
        if not path.is_file():
            problems.append(f"{path} is missing")
        elif path.stat().st_size != facts["bytes"] or file_sha256(path) != facts["sha256"]:
            problems.append(f"{path} differs from the manifest (size or SHA-256)")
    if problems:
        raise GpuRunError("the pack is incomplete: " + "; ".join(problems))
    return manifest


def compatible(wheel: str) -> bool:
    """Whether this interpreter can install the wheel file `wheel` (by its name's tags)."""
    from packaging.tags import sys_tags
    from packaging.utils import parse_wheel_filename

    ours = set(sys_tags())
    return bool(parse_wheel_filename(wheel)[3] & ours)


def wheels_to_install(pack: Path, manifest: dict[str, Any]) -> list[Path]:
    """The carried wheels this Python needs: one per distribution that is not already installed at
    the packed version."""
    from packaging.utils import canonicalize_name, parse_wheel_filename

    wanted: dict[str, str] = manifest.get("wheels", {})
    files = [pack / name for name in manifest["files"] if name.endswith(".whl")]
    chosen = []
    for dist, version in wanted.items():
        if _installed(dist) == version:
            continue
        fits = [
            path for path in files
            if canonicalize_name(parse_wheel_filename(path.name)[0]) == canonicalize_name(dist)
            and compatible(path.name)
        ]  # fmt: skip
        if not fits:
            raise GpuRunError(
                f"{dist} {version} is not installed here and {pack} carries no wheel of it for "
                f"{sys.implementation.name} {sys.version_info.major}.{sys.version_info.minor}"
            )
        chosen.append(fits[0])
    return chosen


def _installed(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def install_wheels(pack: Path, manifest: dict[str, Any], site: Path) -> list[str]:
    """Install the wheels this Python needs into `site`, offline; returns their file names."""
    # h5py only writes .keras files, which a GPU run does not (train --checkpoints npz).
    missing = sorted(name for name in DEVICE_HAS - {"h5py"} if _installed(name) is None)
    if missing and manifest.get("wheels"):
        raise GpuRunError(
            f"Keras needs {', '.join(missing)}, which this machine lacks and the pack does not carry"
        )
    wheels = wheels_to_install(pack, manifest)
    if wheels:
        site.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--no-compile",
            "--no-cache-dir", "--upgrade", "--target", str(site), *map(str, wheels),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise GpuRunError(
                f"pip could not install {[w.name for w in wheels]}: {done.stderr.strip()[-800:]}"
            )
    return [w.name for w in wheels]


def member_env(site: Path, members: int, probe_gpu: bool = True) -> dict[str, str]:
    """The environment of each member process: the installed wheels and the checkout importable,
    Keras on JAX, and each process's share of the GPU's memory taken up front (0.9 / members)."""
    env = dict(os.environ)
    paths = [str(site), str(REPO), env.get("PYTHONPATH", "")]
    env.update(
        PYTHONPATH=os.pathsep.join(p for p in paths if p),
        KERAS_BACKEND="jax",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONUNBUFFERED="1",
    )
    if probe_gpu:
        env["XLA_PYTHON_CLIENT_MEM_FRACTION"] = f"{0.9 / members:.2f}"
    return env


PROBE = """
import json, keras, jax
import training.train
devices = jax.devices()
print(json.dumps({"keras": keras.__version__, "backend": keras.backend.backend(), "jax": jax.__version__,
                  "platform": devices[0].platform, "device": devices[0].device_kind, "count": len(devices)}))
"""


def probe(env: dict[str, str], allow_cpu: bool) -> dict[str, Any]:
    """Import Keras, JAX and the training code as a member will, and ask JAX for its devices."""
    quiet = {**env, "XLA_PYTHON_CLIENT_PREALLOCATE": "false"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=quiet,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError) as error:
        raise GpuRunError(f"Keras or JAX does not import here: {done.stderr.strip()[-1500:]}") from error
    if found["backend"] != "jax":
        raise GpuRunError(f"Keras runs on {found['backend']}, expected jax")
    if found["platform"] != "gpu" and not allow_cpu:
        raise GpuRunError(f"JAX sees no GPU (its devices: {found['device']} on {found['platform']})")
    return found


def preflight(
    pack: Path, out: Path, members: Sequence[Member], site: Path, allow_cpu: bool
) -> dict[str, Any]:
    """Everything gpu-run needs, checked in order of cost; raises GpuRunError naming what is wrong."""
    check_members(members)
    manifest = verify_manifest(pack)
    out.mkdir(parents=True, exist_ok=True)
    if not os.access(out, os.W_OK):
        raise GpuRunError(f"{out} is not writable")
    installed = install_wheels(pack, manifest, site)
    found = probe(member_env(site, len(members)), allow_cpu)
    return {**found, "installed": installed}
