"""Train several members side by side on one GPU within one short call of the device tool.

Here (CPU): `python -m training gpu-pack --data ../shared/datasets/fer2013-packed` fills
`gpu-pack/` (ignored through .git/info/exclude, never committed): the packed data set, the
wheels the GPU machine lacks (Keras, namex and optree for its CPython 3.12; it has JAX, numpy,
OpenCV and Keras's other needs, but no TensorFlow and no Keras) and manifest.json (each file's
size and SHA-256). It prints the working tree's size against the 64 MiB a call carries, and the
call to make.
There (GPU, nothing can be downloaded): `python3 -m training gpu-run --out "$OUT"` checks
everything before it starts (training/gpu_preflight.py), then runs each member as its own
`python -m training train --backend jax --checkpoints npz --time-budget-s ...` process, JAX's
memory share limited so they fit side by side; ends any still running at the budget plus a
grace; and copies each member's best.npz and last.npz to $OUT/<member>/ (2 files a member, 8
at most, each under 16 MiB).
Back here: `python -m training import-weights --from <files>/<member> --out runs/<member>`, then
`export` and `evaluate` as for any run. `gpu-dry-run` runs all of it on this CPU on tiny data.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from training.gpu_pack import add_pack_command
from training.gpu_preflight import (
    DEFAULT_MEMBERS,
    MAX_FILE_BYTES,
    GpuRunError,
    Member,
    member_env,
    parse_member,
    preflight,
)

__all__ = ["GpuRunError", "add_gpu_commands", "run"]

REPO = Path(__file__).resolve().parent.parent
PACK = "gpu-pack"
BUDGET_S = 420.0
GRACE_S = 45.0  # after the budget: a member's last epoch and files, then it is stopped
STATUS_EVERY_S = 60.0


@dataclass(frozen=True)
class Outcome:
    member: Member
    returncode: int | None  # None: stopped at the deadline
    state: dict[str, Any] | None
    files: tuple[Path, ...]


def run(
    pack: Path,
    out: Path,
    members: Sequence[Member] = DEFAULT_MEMBERS,
    budget_s: float = BUDGET_S,
    max_epochs: int = 400,
    *,
    allow_cpu: bool = False,
    bf16: bool = True,
    batch_size: int = 128,
    work: Path | None = None,
) -> int:
    """The device side: check, train the members side by side, collect their files in `out`.
    Returns 0 when every member brought back its files."""
    started = time.monotonic()
    work = work or Path("/tmp/gpu-run-work")
    site = work / "site"
    probe = preflight(pack, out, members, site, allow_cpu=allow_cpu)
    print(f"preflight passed in {time.monotonic() - started:.0f} s: {probe}", flush=True)
    env = member_env(site, len(members), probe_gpu=not allow_cpu)
    processes = {m.name: _start(m, pack, work, budget_s, max_epochs, bf16, batch_size, env) for m in members}
    returncodes = _wait(processes, members, work, budget_s + GRACE_S)
    outcomes = [_collect(m, returncodes[m.name], work, out) for m in members]
    print(format_outcomes(outcomes, time.monotonic() - started), flush=True)
    return 0 if all(outcome.files for outcome in outcomes) else 1


def _start(
    member: Member,
    pack: Path,
    work: Path,
    budget_s: float,
    max_epochs: int,
    bf16: bool,
    batch_size: int,
    env: dict[str, str],
) -> subprocess.Popen[bytes]:
    folder = work / member.name
    shutil.rmtree(folder, ignore_errors=True)  # nothing of an earlier call on the same machine
    folder.mkdir(parents=True)
    command = [
        sys.executable, "-m", "training", "train", "--backend", env["KERAS_BACKEND"],
        "--data", str(pack / "data"), "--out", str(folder), "--widths", ",".join(map(str, member.widths)),
        "--seed", str(member.seed), "--epochs", str(max_epochs), "--time-budget-s", str(budget_s),
        "--patience", str(max_epochs),  # no early stop: the budget is spent either way, the cosine ends
        "--checkpoints", "npz", "--bf16" if bf16 else "--no-bf16", "--batch-size", str(batch_size),
    ]  # fmt: skip
    log = open(folder / "train.log", "wb")  # noqa: SIM115 - the child writes it; closed with the run
    print(f"{member.name}: {' '.join(command[2:])}", flush=True)
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)


def _wait(
    processes: dict[str, subprocess.Popen[bytes]], members: Sequence[Member], work: Path, limit_s: float
) -> dict[str, int | None]:
    """Wait for the members, printing their progress now and then; stop the ones past `limit_s`."""
    deadline = time.monotonic() + limit_s
    next_status = time.monotonic() + STATUS_EVERY_S
    while any(p.poll() is None for p in processes.values()) and time.monotonic() < deadline:
        time.sleep(1.0)
        if time.monotonic() >= next_status:
            print(" | ".join(_progress(m, work) for m in members), flush=True)
            next_status += STATUS_EVERY_S
    codes: dict[str, int | None] = {}
    for name, process in processes.items():
        if process.poll() is None:
            print(f"{name}: past the budget and its grace, stopped", flush=True)
            process.send_signal(signal.SIGINT)  # KeyboardInterrupt: its best.npz stays
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            codes[name] = None
        else:
            codes[name] = process.returncode
    return codes


def _progress(member: Member, work: Path) -> str:
    state = _read_state(work / member.name)
    if not state or not state.get("history"):
        return f"{member.name}: starting"
    row = state["history"][-1]
    return (
        f"{member.name}: epoch {state['epoch']}/{state['config']['epochs']} ({row['seconds']:.1f} s), "
        f"best {state['best_val_accuracy']:.4f}"
    )


def _read_state(folder: Path) -> dict[str, Any] | None:
    try:
        state: dict[str, Any] = json.loads((folder / "state.json").read_text())
    except (OSError, ValueError):
        return None
    return state


def _collect(member: Member, returncode: int | None, work: Path, out: Path) -> Outcome:
    folder = work / member.name
    if returncode not in (0, None):
        tail = (folder / "train.log").read_text(errors="replace").splitlines()[-25:]
        print(f"{member.name} failed (exit {returncode}); its log ends:\n  " + "\n  ".join(tail), flush=True)
    copied = []
    for name in ("best.npz", "last.npz"):
        source = folder / name
        if source.is_file() and source.stat().st_size <= MAX_FILE_BYTES:
            (out / member.name).mkdir(parents=True, exist_ok=True)
            copied.append(Path(shutil.copy2(source, out / member.name / name)))
        elif source.is_file():
            print(
                f"{member.name}: {name} is {source.stat().st_size} bytes, over the limit; left out",
                flush=True,
            )
    return Outcome(member, returncode, _read_state(folder), tuple(copied))


def format_outcomes(outcomes: Sequence[Outcome], seconds: float) -> str:
    lines = [f"gpu-run: {seconds:.0f} s in all", "member  widths  seed  epochs  best (epoch)  s/epoch  files"]
    for outcome in outcomes:
        member, state = outcome.member, outcome.state or {}
        history = state.get("history", [])
        median = sorted(row["seconds"] for row in history)[len(history) // 2] if history else float("nan")
        lines.append(
            f"{member.name}  {','.join(map(str, member.widths))}  {member.seed}  "
            f"{state.get('epoch', 0)}/{state.get('config', {}).get('epochs', '?')}  "
            f"{state.get('best_val_accuracy', 0.0):.4f} ({state.get('best_epoch', 0)})  {median:.1f}  "
            + (", ".join(f"{p.parent.name}/{p.name} {p.stat().st_size}" for p in outcome.files) or "none")
            + (f"  [{state['stopped']}]" if state.get("stopped") else "")
        )
    lines.append(
        "back on the CPU: python -m training import-weights --from <files_at>/<member> --out runs/<member>"
    )
    return "\n".join(lines)


def add_gpu_commands(sub: Any) -> None:
    """The gpu-pack, gpu-run and gpu-dry-run commands of `python -m training`."""
    add_pack_command(sub, PACK)
    device = sub.add_parser(
        "gpu-run", help="on the GPU machine: train the members side by side, files to --out"
    )
    device.add_argument(
        "--pack", type=Path, default=Path(PACK), help=f"what gpu-pack filled (default {PACK})"
    )
    device.add_argument("--out", type=Path, required=True, help='where the files go back from ("$OUT")')
    _add_run_options(device)
    device.add_argument("--allow-cpu", action="store_true", help="run without a GPU (the dry run)")
    device.add_argument("--work", type=Path, default=None, help="scratch folder (default /tmp/gpu-run-work)")
    device.set_defaults(run=_run_device)
    dry = sub.add_parser(
        "gpu-dry-run", help="here, on the CPU: pack, gpu-run, import, export, evaluate, tiny"
    )
    dry.add_argument("--work", type=Path, required=True, help="a new folder for everything it writes")
    dry.set_defaults(run=_run_dry, backend="tensorflow")


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--member",
        type=parse_member,
        action="append",
        default=None,
        help="NAME:WIDTHS:SEED, e.g. w48-s1:48,96,192,384:2043; repeat (default: "
        + " ".join(f"{m.name}:{','.join(map(str, m.widths))}:{m.seed}" for m in DEFAULT_MEMBERS)
        + ")",
    )
    parser.add_argument(
        "--time-budget-s", type=float, default=BUDGET_S, help=f"each member's (default {BUDGET_S:.0f})"
    )
    parser.add_argument("--max-epochs", type=int, default=400, help="the longest schedule (default 400)")
    parser.add_argument("--batch-size", type=int, default=128, help="faces per step (default 128)")
    parser.add_argument("--float32", action="store_true", help="compute in float32 (default mixed bfloat16)")


def _run_device(args: argparse.Namespace) -> int:
    return run(
        args.pack,
        args.out,
        args.member or DEFAULT_MEMBERS,
        args.time_budget_s,
        args.max_epochs,
        allow_cpu=args.allow_cpu,
        bf16=not args.float32,
        batch_size=args.batch_size,
        work=args.work,
    )


def _run_dry(args: argparse.Namespace) -> int:
    from training.gpu_dry_run import dry_run, format_dry_run

    result = dry_run(args.work)
    print(format_dry_run(result))
    return 0 if result["returncode"] == 0 else 1
