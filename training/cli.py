"""`python -m training train|export|quantize|merge|average|evaluate|compare|import-weights|bench`,
and `gpu-pack|gpu-run|gpu-dry-run` (training/gpu_run.py)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from training.data import DataError
from training.errors import ExportError, ModelFileError
from training.gpu_run import GpuRunError, add_gpu_commands

BACKENDS = ("tensorflow", "jax", "torch")

EXIT_USAGE = 2  # bad input: missing or unusable data or model files
EXIT_FAILED = 1  # the work itself failed (e.g. an export that does not match Keras)
EXIT_INTERRUPTED = 130


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a fraction between 0 and 1, got {text!r}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, got {text!r}")
    return value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return int(text)


def _widths(text: str) -> tuple[int, ...]:
    parts = text.split(",")
    if not all(part.strip().isdigit() and int(part) > 0 for part in parts):
        raise argparse.ArgumentTypeError(f"expected channels per stage such as 40,80,160,320, got {text!r}")
    return tuple(int(part) for part in parts)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m training", description=__doc__)
    parser.set_defaults(backend=None, run=None)  # the gpu-* commands name their own `run`
    sub = parser.add_subparsers(dest="command", required=True)

    train = sub.add_parser("train", help="train the expression network")
    train.add_argument(
        "--data", type=Path, required=True, help="FER-2013 CSV file or folder of split folders"
    )
    train.add_argument("--out", type=Path, required=True, help="folder for checkpoints, state and curves")
    train.add_argument("--epochs", type=_positive, default=None)
    train.add_argument("--resume", action="store_true", help="continue the run saved in --out")
    train.add_argument(
        "--init-from", type=Path, default=None, help="fine-tune: start from this .keras checkpoint's weights"
    )
    train.add_argument("--peak-lr", type=float, default=None, help="peak learning rate (default 0.05)")
    train.add_argument("--warmup-epochs", type=int, default=None, help="linear warm-up epochs (default 3)")
    train.add_argument(
        "--aug-strength", type=float, default=None, help="scale of the augmentation ranges (default 1.0)"
    )
    train.add_argument("--seed", type=int, default=None, help="random seed (default 2013)")
    train.add_argument(
        "--patience", type=_positive, default=None, help="early stop after N epochs without gain (default 20)"
    )
    train.add_argument(
        "--widths",
        type=_widths,
        default=None,
        help="channels per stage, e.g. 40,80,160,320 (default 48,96,192,384)",
    )
    train.add_argument("--crop", type=_positive, default=None, help="training crop in pixels (default 44)")
    train.add_argument("--batch-size", type=_positive, default=None, help="faces per step (default 128)")
    train.add_argument(
        "--mixup-alpha", type=float, default=None, help="mixup Beta(a, a); 0 is off (default 0.2)"
    )
    train.add_argument(
        "--ema-momentum",
        type=_fraction,
        default=None,
        help="weight average momentum; 0 is off (default 0.999)",
    )
    precision = train.add_mutually_exclusive_group()
    precision.add_argument(
        "--no-bf16",
        action="store_true",
        help="compute in float32 even where the CPU has bfloat16 units (default: bf16 where available)",
    )
    precision.add_argument(
        "--bf16", action="store_true", help="compute in mixed bfloat16 whatever the CPU (e.g. on a GPU)"
    )
    _add_backend(train)
    train.add_argument(
        "--checkpoints",
        choices=("keras", "npz"),
        default="keras",
        help="keras: last.keras (resumable) and best.keras every epoch, curves.png; npz: best.npz and "
        "last.npz, weights only, no h5py (a GPU run; rebuild with import-weights)",
    )
    train.add_argument(
        "--time-budget-s",
        type=_seconds,
        default=None,
        help="wall-clock seconds: the schedule is sized from the first epochs to end within them "
        "(--epochs is then the most), and the run stops at an epoch's end when the next would not fit",
    )
    train.add_argument(
        "--class-weight-power",
        type=_fraction,
        default=None,
        help="0 ignores class imbalance, 1 weighs by full inverse frequency (default 0.5)",
    )

    export = sub.add_parser("export", help="export a .keras checkpoint to the kiosk's ONNX model")
    export.add_argument(
        "--checkpoint",
        type=Path,
        nargs="+",
        required=True,
        help="e.g. runs/fer-v1/best.keras; several: export their ensemble (averaged probabilities)",
    )
    export.add_argument("--out", type=Path, required=True, help="the .onnx file to write")
    export.add_argument("--no-flip", action="store_true", help="no mirrored test-time averaging in the graph")
    export.add_argument(
        "--val-accuracy",
        type=_fraction,
        default=None,
        help="metadata; default: from state.json beside the checkpoint",
    )
    export.add_argument("--model-version", default=None, help="metadata 'version' (default 1.0.0)")
    export.add_argument("--dataset", default="FER-2013", help="metadata 'dataset'")
    export.add_argument(
        "--view",
        type=int,
        default=None,
        help="centre crop (px) each face is cut to inside the graph; default: the training crop "
        "from state.json for a fully convolutional net; 0: the whole face",
    )

    quantize = sub.add_parser("quantize", help="int8-quantize an exported model, checked against it")
    quantize.add_argument(
        "--model",
        type=Path,
        required=True,
        help="the float .onnx file from export, or an int8 file to quantize again",
    )
    quantize.add_argument("--data", type=Path, required=True, help="training faces for calibration")
    quantize.add_argument("--out", type=Path, required=True, help="the int8 .onnx file to write")
    quantize.add_argument(
        "--samples", type=_positive, default=600, help="calibration faces (and as many to check)"
    )
    quantize.add_argument(
        "--full-range",
        action="store_true",
        help="8-bit weights (default 7: no int16 saturation on CPUs without VNNI, see training/quantize.py)",
    )

    evaluate = sub.add_parser("evaluate", help="score an ONNX model on labelled faces, as the kiosk runs it")
    evaluate.add_argument("--model", type=Path, required=True, help="the .onnx file")
    evaluate.add_argument(
        "--data", type=Path, required=True, help="<class>/*.png folder, split folders or CSV"
    )
    evaluate.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for the report (default: evaluations/<data set>/; never beside the model unless given)",
    )
    evaluate.add_argument("--json", action="store_true", help="print the report as one JSON object")
    evaluate.add_argument(
        "--threads", type=_positive, default=1, help="onnxruntime threads (the kiosk uses 1)"
    )
    merge = sub.add_parser("merge", help="merge finished model files into one that averages them")
    merge.add_argument("--model", type=Path, nargs="+", required=True, help="two or more .onnx files")
    merge.add_argument(
        "--weights", type=float, nargs="+", default=None, help="one per model, normalised (default: equal)"
    )
    merge.add_argument("--out", type=Path, required=True, help="the .onnx file to write")
    merge.add_argument("--model-version", default=None, help="metadata 'version' (default: the members')")
    merge.add_argument("--val-accuracy", type=_fraction, default=None, help="metadata 'val_accuracy'")

    average = sub.add_parser(
        "average", help="average the weights of checkpoints of one network into one (cost of one)"
    )
    average.add_argument("--checkpoint", type=Path, nargs="+", required=True, help="two or more .keras files")
    average.add_argument(
        "--weights",
        type=float,
        nargs="+",
        default=None,
        help="one per checkpoint, normalised (default: equal)",
    )
    average.add_argument("--out", type=Path, required=True, help="the .keras file to write")

    compare = sub.add_parser(
        "compare", help="should a candidate replace the shipped model? both scored and timed side by side"
    )
    compare.add_argument("--old", type=Path, required=True, help="the shipped .onnx file")
    compare.add_argument("--new", type=Path, required=True, help="the candidate .onnx file")
    compare.add_argument(
        "--data", type=Path, required=True, help="<class>/*.png folder, split folders or CSV"
    )
    compare.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for compare.json and compare.md (default: evaluations/<data set>/)",
    )
    compare.add_argument("--json", action="store_true", help="print the comparison as one JSON object")

    imported = sub.add_parser(
        "import-weights", help="a GPU run's member (best.npz, last.npz) as a run folder with .keras files"
    )
    imported.add_argument(
        "--from", dest="source", type=Path, required=True, help="the member's folder, e.g. <files>/w48-s1"
    )
    imported.add_argument("--out", type=Path, required=True, help="the run folder to write, e.g. runs/w48-s1")

    bench = sub.add_parser("bench", help="time training steps of the recipe on this machine (prints figures)")
    bench.add_argument("--data", type=Path, required=True, help="the data set (any form train takes)")
    bench.add_argument(
        "--widths", type=_widths, default=None, help="channels per stage (default the recipe's)"
    )
    bench.add_argument("--steps", type=_positive, default=100, help="timed steps (after a warm-up)")
    bench.add_argument("--bf16", action="store_true", help="mixed bfloat16 (default float32)")
    _add_backend(bench)
    add_gpu_commands(sub)
    return parser


def _add_backend(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default=None,
        help="Keras backend (default: $KERAS_BACKEND, else tensorflow); the files are the same on each",
    )


def _run_train(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from training.train import TrainConfig, train

    overrides = {
        "init_from": str(args.init_from) if args.init_from else None,
        "peak_lr": args.peak_lr,
        "warmup_epochs": args.warmup_epochs,
        "aug_strength": args.aug_strength,
        "class_weight_power": args.class_weight_power,
        "seed": args.seed,
        "patience": args.patience,
        "widths": args.widths,
        "crop": args.crop,
        "batch_size": args.batch_size,
        "mixup_alpha": args.mixup_alpha,
        "ema_momentum": args.ema_momentum,
    }
    given = {k: v for k, v in overrides.items() if v is not None}
    if args.no_bf16 or args.bf16:
        given["bf16"] = args.bf16
    if given and args.resume:
        print(
            "error: --resume takes its settings from the saved run; drop "
            + ", ".join(
                "--" + ("no-" if k == "bf16" and not v else "") + k.replace("_", "-")
                for k, v in given.items()
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    bf16 = given.pop("bf16", None)
    config = replace(TrainConfig(), **given) if given else None
    state = train(
        args.data,
        args.out,
        epochs=args.epochs,
        resume=args.resume,
        config=config,
        bf16=bf16,
        checkpoints=args.checkpoints,
        time_budget_s=args.time_budget_s,
    )
    print(f"best validation accuracy {state['best_val_accuracy']:.4f} at epoch {state['best_epoch']}")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from training.export import MODEL_VERSION, export, val_accuracy_from_state

    val_accuracy = args.val_accuracy
    if val_accuracy is None and len(args.checkpoint) == 1:
        val_accuracy = val_accuracy_from_state(args.checkpoint[0])
    result = export(
        args.checkpoint,
        args.out,
        flip_tta=not args.no_flip,
        val_accuracy=val_accuracy,
        dataset=args.dataset,
        version=args.model_version or MODEL_VERSION,
        view=args.view,
    )
    print(
        f"wrote {result.path}: {result.size_bytes / 1024:.1f} KiB, "
        f"parity max |onnx - keras| = {result.max_abs_diff:.2e}, "
        f"flip TTA {'on' if not args.no_flip else 'off'}, view {result.metadata['view']} px, "
        f"val_accuracy {result.metadata['val_accuracy']}"
    )
    return 0


def _run_quantize(args: argparse.Namespace) -> int:
    from training.quantize import quantize

    result = quantize(args.model, args.out, args.data, samples=args.samples, reduce_range=not args.full_range)
    print(
        f"wrote {result.path}: {result.size_bytes / 1024:.1f} KiB, top-1 agreement with the float model "
        f"{result.agreement:.4f}, mean |diff| {result.mean_abs_diff:.4f}"
    )
    return 0


def _run_evaluate(args: argparse.Namespace) -> int:
    from training.evaluate import evaluate, format_report

    report = evaluate(args.model, args.data, out_dir=args.out, threads=args.threads)
    print(json.dumps(report) if args.json else format_report(report))
    return 0


def _run_merge(args: argparse.Namespace) -> int:
    from training.merge import merge

    result = merge(
        args.model, args.out, args.weights, version=args.model_version, val_accuracy=args.val_accuracy
    )
    weights = ", ".join(f"{w:.3f}" for w in result.weights)
    print(
        f"wrote {result.path}: {result.size_bytes / 1024:.1f} KiB, weights {weights}, "
        f"max |merged - members| = {result.max_abs_diff:.2e}"
    )
    return 0


def _run_average(args: argparse.Namespace) -> int:
    from training.average import average

    result = average(args.checkpoint, args.out, args.weights)
    weights = ", ".join(f"{w:.3f}" for w in result.weights)
    print(
        f"wrote {result.path}: {result.variables} variables averaged, weights {weights}; "
        "export it with --view (the members' training crop)"
    )
    return 0


def _run_compare(args: argparse.Namespace) -> int:
    from training.compare import compare, format_table

    result = compare(args.old, args.new, args.data, out_dir=args.out)
    print(json.dumps(result) if args.json else format_table(result))
    return 0 if result["ship"] else EXIT_FAILED


def _run_import_weights(args: argparse.Namespace) -> int:
    from training.import_run import import_weights

    result = import_weights(args.source, args.out)
    print(
        f"wrote {', '.join(result.written)} in {result.out}: {result.epochs} epochs, best validation "
        f"accuracy {result.best_val_accuracy:.4f} at epoch {result.best_epoch}; export it with "
        f"`python -m training export --checkpoint {result.out / 'best.keras'} --out FILE.onnx`"
    )
    return 0


def _run_bench(args: argparse.Namespace) -> int:
    from training.bench import bench, format_bench

    print(format_bench(bench(args.data, widths=args.widths, steps=args.steps, bf16=args.bf16)))
    return 0


_COMMANDS = {
    "train": _run_train,
    "export": _run_export,
    "quantize": _run_quantize,
    "evaluate": _run_evaluate,
    "merge": _run_merge,
    "average": _run_average,
    "compare": _run_compare,
    "import-weights": _run_import_weights,
    "bench": _run_bench,
}


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    try:
        _use_backend(args.backend)
        return (_COMMANDS.get(args.command) or args.run)(args)
    except (DataError, ModelFileError, GpuRunError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        hint = "; `train --resume` continues from the last finished epoch" if args.command == "train" else ""
        print(f"interrupted{hint}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED


def _use_backend(name: str | None) -> None:
    """Choose the Keras backend before Keras is first imported (it reads KERAS_BACKEND once)."""
    if name is None:
        return
    keras = sys.modules.get("keras")
    if keras is not None and keras.backend.backend() != name:
        raise DataError(f"--backend {name}: Keras already runs on {keras.backend.backend()} in this process")
    os.environ["KERAS_BACKEND"] = name
