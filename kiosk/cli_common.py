"""What the command-line subcommands share: the model check, the error type and console logging."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.paths import default_model_path

MISSING_MODEL_HELP = """\
the emotion model models/emotion.onnx is missing (looked for {path}).
Train it on FER-2013 and export it to ONNX, then run the kiosk again:
  python -m training train --data FER2013_FOLDER --out runs/NAME
  python -m training export --checkpoint runs/NAME/best.keras --out models/emotion.onnx
or give another model file with --model PATH."""


class CliError(Exception):
    """A problem with the user's input: printed as one `error: ...` line, exit status 2."""


def resolve_model(model: Path | None) -> Path:
    """The model to use: --model if given (checked when loaded), else the shipped one."""
    if model is not None:
        return model
    path = default_model_path()
    if not path.is_file():
        raise CliError(MISSING_MODEL_HELP.format(path=path))
    return path


def setup_console_logging() -> None:
    """Warnings and errors to the terminal, for the commands that run without the window."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
