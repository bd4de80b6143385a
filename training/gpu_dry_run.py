"""`python -m training gpu-dry-run`: the whole GPU run, here on the CPU, on tiny data, in a minute.

pack (a tiny synthetic packed set, no wheels: Keras is installed here) -> the device's own
entry, `python -m training gpu-run`, as its own process with JAX on the CPU (--allow-cpu, two
tiny members, three epochs each) -> import-weights -> export (TensorFlow and tf2onnx, the parity
check included) -> evaluate, as the kiosk runs the file. What differs from the GPU call is only
what the members are and where JAX computes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from training.gpu_pack import pack
from training.gpu_preflight import REPO, Member

MEMBERS = (Member("tiny-a", (8, 16), 1), Member("tiny-b", (8, 16, 32), 2))
EPOCHS = 8
BATCH = 16  # 13 steps an epoch on 210 faces: enough for the tiny nets to learn the bands


def dry_run(work: Path, members: tuple[Member, ...] = MEMBERS, epochs: int = EPOCHS) -> dict[str, Any]:
    """Run it all in `work` (a new folder); returns what each step gave (see format_dry_run)."""
    from training.synthetic import write_packed

    work.mkdir(parents=True, exist_ok=False)
    source = write_packed(work / "source", {"train": 30, "val": 6})
    pack(source, work / "gpu-pack", wheels=False)
    out = work / "out"
    command = [
        sys.executable, "-m", "training", "gpu-run", "--pack", str(work / "gpu-pack"), "--out", str(out),
        "--allow-cpu", "--float32", "--time-budget-s", "300", "--max-epochs", str(epochs),
        "--batch-size", str(BATCH), "--work", str(work / "device"),
        *(arg for m in members for arg in ("--member", f"{m.name}:{','.join(map(str, m.widths))}:{m.seed}")),
    ]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    result: dict[str, Any] = {
        "returncode": done.returncode,
        "output": (done.stdout + done.stderr)[-6000:],
        "files": sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
        if out.is_dir()
        else [],
        "members": {},
    }
    if done.returncode == 0:
        result["members"] = {m.name: _bring_back(out / m.name, work, source) for m in members}
    return result


def _bring_back(files: Path, work: Path, data: Path) -> dict[str, Any]:
    """What the CPU side does with a member's files: import, export, evaluate."""
    from training.evaluate import evaluate
    from training.export import export, val_accuracy_from_state
    from training.import_run import import_weights

    run = work / "runs" / files.name
    imported = import_weights(files, run)
    best = run / "best.keras"
    model = work / "models" / f"{files.name}.onnx"
    exported = export(best, model, val_accuracy=val_accuracy_from_state(best))
    report = evaluate(model, data, out_dir=work / "evaluations" / files.name)
    return {
        "run": str(run),
        "epochs": imported.epochs,
        "best_val_accuracy": imported.best_val_accuracy,
        "onnx": str(model),
        "parity": exported.max_abs_diff,
        "view": exported.metadata["view"],
        "accuracy": report["accuracy"],
        "n": report["n"],
    }


def format_dry_run(result: dict[str, Any]) -> str:
    lines = [
        result["output"].rstrip(),
        f"gpu-run exit {result['returncode']}; $OUT: {', '.join(result['files'])}",
    ]
    for name, member in result["members"].items():
        lines.append(
            f"{name}: {member['epochs']} epochs, imported to {member['run']}; {member['onnx']} "
            f"(parity {member['parity']:.1e}, view {member['view']} px) scores {member['accuracy']:.4f} "
            f"on {member['n']} faces (Keras on the GPU side: {member['best_val_accuracy']:.4f})"
        )
    return "\n".join(lines)
