"""Should a candidate model replace the shipped one? Both scored on the same faces, as the kiosk
runs them, and timed side by side in one process.

    python -m training compare --old models/emotion.onnx --new build/v2/emotion.onnx \\
        --data /path/to/fer2013/val

The candidate replaces the old model only when it is better overall *and* in every class:

- higher accuracy and higher macro F1;
- no class's F1 below the old model's by more than `f1_tolerance` (0.01: one disgust face of
  PublicTest's 56 moves that class's recall by 0.018, so a stricter rule would judge noise);
- disgust and fear recall, the rare and the hard negative classes the kiosk acts on, not below the
  old model's by more than `recall_drop` (0.03): neither may collapse;
- at most `max_ratio` (2.0) times the old model's time per face, both timed on one face at a time
  (the kiosk's case), alternating in blocks so that whatever else the machine does weighs on both.

Prints a Markdown table (the model card's "v1 against v2"), writes `compare.json` and
`compare.md` into --out, and exits 0 when the candidate should ship, 1 when not.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from training.evaluate import Report, default_report_dir, load_eval_split, score
from training.onnx_model import OnnxModel, load_onnx

GUARDED_RECALL = ("disgust", "fear")


@dataclass(frozen=True)
class Gate:
    """What "better" means; see the module docstring."""

    f1_tolerance: float = 0.01
    recall_drop: float = 0.03
    max_ratio: float = 2.0


def compare(
    old_path: Path,
    new_path: Path,
    data_dir: Path,
    *,
    out_dir: Path | None = None,
    gate: Gate | None = None,
    timing_rounds: int = 20,
) -> dict[str, Any]:
    """Score and time both models; write compare.json and compare.md; return the comparison."""
    gate = gate or Gate()
    old, new = load_onnx(Path(old_path)), load_onnx(Path(new_path))
    split_name, split = load_eval_split(Path(data_dir))
    old_report, _ = score(old, Path(data_dir), split_name, split)
    new_report, _ = score(new, Path(data_dir), split_name, split)
    old_ms, new_ms = time_side_by_side(old, new, split.images, rounds=timing_rounds)
    result: dict[str, Any] = {
        "data": str(data_dir),
        "split": split_name,
        "n": old_report["n"],
        "old": _summary(old_report, Path(old_path), old_ms),
        "new": _summary(new_report, Path(new_path), new_ms),
        "time_ratio": round(new_ms / old_ms, 3),
        "gate": asdict(gate),
    }
    result["reasons"] = verdict(old_report, new_report, result["time_ratio"], gate)
    result["ship"] = not result["reasons"]
    out = out_dir or default_report_dir(Path(data_dir))
    out.mkdir(parents=True, exist_ok=True)
    (out / "compare.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "compare.md").write_text(format_table(result) + "\n")
    result["paths"] = [str(out / "compare.json"), str(out / "compare.md")]
    return result


def verdict(old: Report, new: Report, time_ratio: float, gate: Gate) -> list[str]:
    """Why the new model should not replace the old one; empty when it should."""
    reasons = []
    if new["accuracy"] <= old["accuracy"]:
        reasons.append(f"accuracy {new['accuracy']:.4f} is not above {old['accuracy']:.4f}")
    if new["macro_f1"] <= old["macro_f1"]:
        reasons.append(f"macro F1 {new['macro_f1']:.4f} is not above {old['macro_f1']:.4f}")
    for name, before in old["per_class"].items():
        after = new["per_class"].get(name)
        if not before["support"] or after is None:
            continue
        if (after["f1"] or 0.0) < (before["f1"] or 0.0) - gate.f1_tolerance:
            reasons.append(
                f"{name} F1 {after['f1']} is below {before['f1']} by more than {gate.f1_tolerance}"
            )
        if name in GUARDED_RECALL and (after["recall"] or 0.0) < (before["recall"] or 0.0) - gate.recall_drop:
            reasons.append(
                f"{name} recall {after['recall']} is below {before['recall']} by more than {gate.recall_drop}"
            )
    if time_ratio > gate.max_ratio:
        reasons.append(f"time per face is {time_ratio:.2f}x the old model's (limit {gate.max_ratio}x)")
    return reasons


def time_side_by_side(
    old: OnnxModel, new: OnnxModel, faces: np.ndarray, *, rounds: int = 20, per_block: int = 10
) -> tuple[float, float]:
    """Median milliseconds per face (batch 1, prepared as the kiosk prepares a crop) for each model,
    timed in alternating blocks that swap order every round."""
    sample = [faces[i % len(faces)] for i in range(per_block)]
    times: dict[int, list[float]] = {0: [], 1: []}
    models = (old, new)
    for model in models:  # warm-up: first runs allocate
        model.classifier.predict(sample[:1])
    for round_ in range(rounds):
        order = (0, 1) if round_ % 2 == 0 else (1, 0)
        for which in order:
            for face in sample:
                started = time.perf_counter()
                models[which].classifier.predict([face])
                times[which].append((time.perf_counter() - started) * 1000)
    return float(np.median(times[0])), float(np.median(times[1]))


def _summary(report: Report, path: Path, ms: float) -> dict[str, Any]:
    return {
        "model": str(path),
        "version": report["model_version"],
        "size_kib": round(path.stat().st_size / 1024, 1),
        "accuracy": report["accuracy"],
        "macro_f1": report["macro_f1"],
        "per_class": report["per_class"],
        "ms_per_face": round(ms, 3),
    }


def format_table(result: dict[str, Any]) -> str:
    """The comparison as Markdown: overall, per class (recall and F1), time, size, verdict."""
    old, new = result["old"], result["new"]
    head = [_name(old) + " (old)", _name(new) + " (new)"]
    lines = [
        f"Scored on {result['data']} ({result['split']}, n = {result['n']:,}), as the kiosk runs the models.",
        "",
        f"| | {head[0]} | {head[1]} | change |",
        "|---|---|---|---|",
        _row("accuracy", old["accuracy"], new["accuracy"], percent=True),
        _row("macro F1", old["macro_f1"], new["macro_f1"]),
    ]
    for name, before in old["per_class"].items():
        after = new["per_class"].get(name)
        if after is None or not before["support"]:
            continue
        lines.append(_row(f"{name}: recall", before["recall"], after["recall"]))
        lines.append(_row(f"{name}: F1", before["f1"], after["f1"]))
    lines += [
        f"| time per face (one thread, side by side) | {old['ms_per_face']:.2f} ms | "
        f"{new['ms_per_face']:.2f} ms | {result['time_ratio']:.2f}x |",
        f"| file | {old['size_kib']:,.0f} KiB | {new['size_kib']:,.0f} KiB | |",
        "",
    ]
    if result["ship"]:
        lines.append("Verdict: the new model is better overall and in every class; it replaces the old one.")
    else:
        lines.append("Verdict: keep the old model: " + "; ".join(result["reasons"]) + ".")
    return "\n".join(lines)


def _name(side: dict[str, Any]) -> str:
    return str(side["version"] or Path(side["model"]).name)


def _row(name: str, before: float | None, after: float | None, *, percent: bool = False) -> str:
    if before is None or after is None:
        return f"| {name} | {before} | {after} | |"
    if percent:
        return f"| {name} | {before:.2%} | {after:.2%} | {100 * (after - before):+.2f} points |"
    return f"| {name} | {before:.3f} | {after:.3f} | {after - before:+.3f} |"
