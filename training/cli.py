"""`python -m training train|evaluate|export`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from training.data import DataError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m training", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train", help="train the expression network")
    train.add_argument("--data", type=Path, required=True, help="FER-2013 CSV file or folder of split folders")
    train.add_argument("--out", type=Path, required=True, help="folder for checkpoints, state and curves")
    train.add_argument("--epochs", type=int, default=None)
    train.add_argument("--resume", action="store_true", help="continue the run saved in --out")
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    try:
        if args.command == "train":
            from training.train import train

            state = train(args.data, args.out, epochs=args.epochs, resume=args.resume)
            print(f"best validation accuracy {state['best_val_accuracy']:.4f} at epoch {state['best_epoch']}")
            return 0
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 1
