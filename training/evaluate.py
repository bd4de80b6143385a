"""Score an exported ONNX model on labelled faces, exactly as the kiosk runs it.

Images go in as float32 [N, H, W, 1] raw 0-255, in batches, through onnxruntime with one
thread. The model's labels (its metadata) are mapped onto the data's classes by name, so a
model with another output order, or alias names, is scored correctly. Writes
`<stem>_report.json` and `<stem>_confusion.png`.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

from training.data import (
    LABELS,
    DataError,
    Split,
    canonical_label,
    is_packed,
    load_dataset,
    load_folder,
    split_folders,
)
from training.onnx_model import OnnxModel, load_onnx

log = logging.getLogger(__name__)

Report = dict[str, Any]


def evaluate(
    model_path: Path,
    data_dir: Path,
    *,
    out_dir: Path | None = None,
    threads: int = 1,
    batch_size: int = 256,
) -> Report:
    """Evaluate, write the JSON report and the confusion-matrix figure, return the report."""
    model = load_onnx(Path(model_path), threads=threads)
    split_name, split = load_eval_split(Path(data_dir))
    report, confusion = score(model, Path(data_dir), split_name, split, batch_size=batch_size)
    report["timing"] = {**report["timing"], **latency(model)}
    out = out_dir or default_report_dir(Path(data_dir))
    _write_outputs(report, confusion, report["labels"], model.path, out)
    return report


def score(
    model: OnnxModel, data: Path, split_name: str, split: Split, *, batch_size: int = 256
) -> tuple[Report, np.ndarray]:
    """The report (without files or latency) and the confusion matrix of one model on one split."""
    classes = class_names(model.labels)
    truth = split.labels  # indices into LABELS, which are the first entries of classes
    started = time.perf_counter()
    probs = model.classify(split.images, batch_size=batch_size)  # resized as the kiosk resizes crops
    seconds = time.perf_counter() - started
    predicted = _model_to_class_index(model.labels, classes)[probs.argmax(axis=1)]
    confusion = confusion_matrix(truth, predicted, len(classes))
    report = _report(model, data, split_name, split, classes, confusion)
    report["timing"] = {"images_per_s": round(len(truth) / max(seconds, 1e-9), 1)}
    return report, confusion


def default_report_dir(data_dir: Path) -> Path:
    """Where reports go without --out: `evaluations/<data set>/` in the working folder, named
    after the data (its folder, or the split folder's parent), never beside the model, so a
    model card's figures are only replaced when someone says so with --out."""
    data_dir = data_dir.resolve()
    if data_dir.name.lower() in _SPLIT_NAMES:  # e.g. fer2013/val -> evaluations/fer2013-val
        return Path("evaluations") / f"{data_dir.parent.name}-{data_dir.name}"
    return Path("evaluations") / data_dir.stem


_SPLIT_NAMES = {"train", "val", "test", "publictest", "privatetest", "validation"}


def load_eval_split(data: Path) -> tuple[str, Split]:
    """The split to score: val (else test) of a split-folder root or CSV, or a plain class folder
    (named after the folder)."""
    if not data.exists():
        raise DataError(f"data not found: {data} does not exist")
    folders = split_folders(data) if data.is_dir() else {}
    if data.is_dir() and not folders and not any(data.glob("*.csv")) and not is_packed(data):
        return data.name, load_folder(data)  # a plain <class>/*.png folder, e.g. fer2013/val
    for name in ("val", "test"):
        if name in folders:
            return name, load_folder(folders[name])
    if folders:  # only train/: scoring on training data is allowed, but say so
        log.warning("%s has no val/ or test/ folder: scoring on train/", data)
        return "train", load_folder(folders["train"])
    splits = load_dataset(data)
    name = next(name for name in ("val", "test", "train") if name in splits)
    if name == "train":
        log.warning("%s has no validation or test rows: scoring on training rows", data)
    return name, splits[name]


def class_names(model_labels: tuple[str, ...]) -> list[str]:
    """The data's classes (LABELS), then any model labels that are no known class."""
    extra = [label for label in model_labels if canonical_label(label) is None]
    return [*LABELS, *extra]


def _model_to_class_index(model_labels: tuple[str, ...], classes: list[str]) -> np.ndarray:
    """For each model output, the index of its class in `classes`."""
    return np.array([classes.index(canonical_label(label) or label) for label in model_labels])


def confusion_matrix(truth: np.ndarray, predicted: np.ndarray, count: int) -> np.ndarray:
    """Counts [true class, predicted class]."""
    matrix = np.zeros((count, count), dtype=np.int64)
    np.add.at(matrix, (truth, predicted), 1)
    return matrix


def per_class_metrics(confusion: np.ndarray, classes: list[str]) -> dict[str, dict[str, float | int | None]]:
    """Precision, recall, F1 and support per class; None where a ratio is undefined (0/0)."""
    metrics: dict[str, dict[str, float | int | None]] = {}
    for i, name in enumerate(classes):
        hits, support, predicted = int(confusion[i, i]), int(confusion[i].sum()), int(confusion[:, i].sum())
        precision = hits / predicted if predicted else None
        recall = hits / support if support else None
        f1 = None
        if precision is not None and recall is not None:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        metrics[name] = {
            "precision": _round(precision),
            "recall": _round(recall),
            "f1": _round(f1),
            "support": support,
        }
    return metrics


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _report(
    model: OnnxModel, data: Path, split_name: str, split: Split, classes: list[str], confusion: np.ndarray
) -> Report:
    n = int(confusion.sum())
    per_class = per_class_metrics(confusion, classes)
    present = [m for m in per_class.values() if m["support"]]
    f1s = [m["f1"] or 0.0 for m in present]
    return {
        "model": str(model.path),
        "model_version": model.metadata.get("version"),
        "model_labels": list(model.labels),
        "data": str(data),
        "split": split_name,
        "n": n,
        "accuracy": round(float(np.trace(confusion)) / n, 4),
        "macro_f1": round(float(np.mean(f1s)), 4),
        "labels": classes,
        "per_class": per_class,
        "confusion": confusion.tolist(),
        "skipped": split.skipped,
        "unknown_classes": list(split.unknown_classes),
    }


def latency(model: OnnxModel, runs: int = 30) -> dict[str, float]:
    """Median and 90th-percentile milliseconds for one face (batch 1), after a warm-up run."""
    height, width = model.input_size
    x = np.full((1, height, width, 1), 128.0, dtype=np.float32)
    model.predict(x)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        model.predict(x)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "batch1_ms_median": round(float(np.median(times)), 3),
        "batch1_ms_p90": round(float(np.percentile(times, 90)), 3),
    }


def _write_outputs(
    report: Report, confusion: np.ndarray, classes: list[str], model_path: Path, out: Path
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    json_path = out / f"{model_path.stem}_report.json"
    png_path = out / f"{model_path.stem}_confusion.png"
    report["report_path"], report["confusion_path"] = str(json_path), str(png_path)
    json_path.write_text(json.dumps(report, indent=2) + "\n")
    plot_confusion(
        confusion,
        classes,
        png_path,
        title=f"{model_path.name}: accuracy {report['accuracy']:.1%}, n={report['n']}",
    )


def plot_confusion(confusion: np.ndarray, classes: list[str], path: Path, title: str = "") -> None:
    """Rows normalised to recall (colour and percentage), with the raw count under each."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = confusion.sum(axis=1, keepdims=True)
    normalised = np.divide(confusion, rows, out=np.zeros(confusion.shape), where=rows > 0)
    fig, ax = plt.subplots(figsize=(1.1 * len(classes) + 2, 1.0 * len(classes) + 1.5))
    image = ax.imshow(normalised, cmap="Blues", vmin=0.0, vmax=1.0)
    for (i, j), count in np.ndenumerate(confusion):
        colour = "white" if normalised[i, j] > 0.5 else "black"
        ax.text(j, i, f"{normalised[i, j]:.0%}\n{count}", ha="center", va="center", color=colour, fontsize=8)
    ax.set_xticks(range(len(classes)), classes, rotation=45, ha="right")
    ax.set_yticks(range(len(classes)), [f"{c} ({int(n)})" for c, n in zip(classes, rows[:, 0], strict=True)])
    ax.set_xlabel("predicted")
    ax.set_ylabel("true (support)")
    ax.set_title(title, fontsize=10)
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="share of the true class")
    fig.tight_layout()
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)


def format_report(report: Report) -> str:
    """A short human-readable summary for the terminal."""
    lines = [
        f"{report['model']} on {report['data']} ({report['split']}): "
        f"accuracy {report['accuracy']:.4f}, macro F1 {report['macro_f1']:.4f}, n={report['n']}",
        f"{'class':>10} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}",
    ]
    for name, m in report["per_class"].items():
        cells = [f"{m[k]:.4f}" if m[k] is not None else "-" for k in ("precision", "recall", "f1")]
        lines.append(f"{name:>10} {cells[0]:>9} {cells[1]:>7} {cells[2]:>7} {m['support']:>8}")
    timing = report["timing"]
    lines.append(
        f"one face: median {timing['batch1_ms_median']} ms; batched: {timing['images_per_s']} images/s"
    )
    lines.append(f"wrote {report['report_path']} and {report['confusion_path']}")
    return "\n".join(lines)
