"""The command line: `python -m kiosk` / `emotion-kiosk`.

No subcommand starts the kiosk window. `analyze` writes per-frame results of a video or a
camera as JSON Lines, `bench` times each stage of the pipeline, `report` summarises the
exposure records, `set-pin` / `reset-pin` set or clear the operator PIN, `install-autostart` /
`remove-autostart` start the kiosk at sign-in (and again after a crash), `supervise` runs it,
restarting it after a crash, `catalog import|export DIR` installs or writes out the dealer's
cars. Bad input gives one `error: ...` line and exit status 2, never a traceback (see
EXIT_STATUS).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.cli_autostart import add_autostart_parsers
from kiosk.cli_catalog import add_catalog_parser
from kiosk.cli_common import CliError, resolve_model, setup_console_logging
from kiosk.cli_fleet import add_fleet_parser
from kiosk.languages import LANGUAGE_CHOICES
from kiosk.paths import set_data_dir
from kiosk.session.launch import GuiRequest
from kiosk.vision.types import VISITOR_MIN_FACE

PROG = "emotion-kiosk"
DESCRIPTION = "Emotion-aware car showroom kiosk. Without a COMMAND it opens the kiosk window."
EXIT_OK, EXIT_USAGE, EXIT_INTERRUPTED = 0, 2, 130
EXIT_STATUS = """exit status:
  0    done (the kiosk window: it was closed, or stopped by SIGINT or SIGTERM; SIGHUP
       does not stop it: it reopens its log file and reloads the settings file)
  1    the kiosk window: another kiosk is already running with this data folder
  2    bad input: an option, or a file that cannot be used (model, video, settings path,
       reaction database, CSV target); one 'error: ...' line says which and why
  3    the kiosk window: stopped by its crash-loop guard (5 crashes within 2 minutes),
       after its notice; not restarted
  70   the kiosk window: stopped on an unexpected error (in the log); a crash, restarted
  130  interrupted (Ctrl+C) in analyze or bench"""
MODEL_ENV = "KIOSK_MODEL"  # the kiosk window's model when --model is not given


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (argparse's own exits included)."""
    parser = _parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra and args.command != "report":  # the report's own options are parsed by its handler
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as stop:  # --help, --version, usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    args.data_dir = getattr(args, "data_dir", None)
    if args.data_dir is not None:
        set_data_dir(args.data_dir)
    handler: Callable[[argparse.Namespace, list[str]], int] = args.handler
    try:
        return handler(args, extra)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `emotion-kiosk analyze clip.mp4 | head`: the reader has what it wanted
        _detach_stdout()
        return EXIT_OK
    except CliError as error:
        return fail(str(error))
    except Exception as error:
        if _is_input_error(error):
            return fail(str(error))
        raise


def _detach_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _is_input_error(error: Exception) -> bool:
    """A broken model or cascade file is the user's input, not a bug: no traceback for it."""
    from kiosk.vision.classifier import ModelError
    from kiosk.vision.detector import CascadeError

    return isinstance(error, ModelError | CascadeError)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="folder for settings, logs and data",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=DESCRIPTION,
        parents=[common],
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_gui_options(parser)
    parser.set_defaults(command=None, handler=_run_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_analyze(
        commands.add_parser("analyze", parents=[common], help="per-frame emotions of a video or camera")
    )
    _add_bench(commands.add_parser("bench", parents=[common], help="time each stage of the pipeline"))
    report = commands.add_parser(
        "report", parents=[common], add_help=False, allow_abbrev=False, help="exposure report (see report -h)"
    )
    report.set_defaults(handler=_run_report)
    set_pin = commands.add_parser(
        "set-pin",
        parents=[common],
        help="set the operator PIN, typed twice at the terminal (before the first start, or to change it)",
        description="Set the operator PIN: it is read twice from the terminal (not echoed), or as two "
        "lines from a pipe, never from the command line. The kiosk must not be running.",
    )
    set_pin.add_argument("--settings", type=Path, default=None, metavar="FILE", help="settings file to use")
    set_pin.set_defaults(handler=_run_set_pin)
    reset = commands.add_parser(
        "reset-pin",
        parents=[common],
        help="clear a forgotten or damaged operator PIN (the kiosk then shows its set-up screen)",
        description="Clear the operator PIN in the settings file, for a forgotten or damaged PIN. At its "
        "next start the kiosk shows its set-up screen, where a new PIN is chosen (or use set-pin). "
        "The kiosk must not be running.",
    )
    reset.add_argument("--settings", type=Path, default=None, metavar="FILE", help="settings file to use")
    reset.set_defaults(handler=_run_reset_pin)
    add_autostart_parsers(commands, common)
    add_catalog_parser(commands, common)
    add_fleet_parser(commands, common)
    _add_crash_notice(commands, common)
    return parser


def _add_crash_notice(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Hidden (no help=: Python 3.11 lists help=SUPPRESS as "==SUPPRESS=="): the crash-loop
    notice on its own, which the kiosk starts in a systemd scope when its guard stops it."""
    notice = commands.add_parser("crash-notice", parents=[common])
    notice.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    notice.add_argument("--language", choices=LANGUAGE_CHOICES, default=None, help="the notice's language")
    notice.set_defaults(handler=_run_crash_notice)


def _add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model", type=Path, default=None, metavar="PATH", help="ONNX model (default: shipped)"
    )


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    gui = parser.add_argument_group("kiosk window (no COMMAND)")
    gui.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    gui.add_argument(
        "--camera",
        type=_camera,
        default=None,
        metavar="N|URL",
        help="camera index, or a network camera's stream URL (rtsp://, http://)",
    )
    gui.add_argument(
        "--video", type=Path, default=None, metavar="FILE", help="play a video file instead of a camera"
    )
    gui.add_argument("--settings", type=Path, default=None, metavar="FILE", help="settings file to use")
    gui.add_argument(
        "--model",
        type=Path,
        default=None,
        metavar="PATH",
        help=f"ONNX model (default: ${MODEL_ENV} if set, else the shipped models/emotion.onnx)",
    )
    gui.add_argument(
        "--language",
        choices=LANGUAGE_CHOICES,
        default=None,
        help="the kiosk's language for this run (default: the settings' choice; auto: the system's)",
    )
    gui.add_argument("--self-test", action="store_true", help="start, check every part, and exit")


def _add_analyze(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", help="video file, or camera index (0, 1, ...)")
    _add_model_option(parser)
    parser.add_argument(
        "--output", type=Path, default=None, metavar="FILE", help="JSON Lines file (default: stdout)"
    )
    parser.add_argument(
        "--min-face",
        type=_positive_int,
        default=VISITOR_MIN_FACE,
        metavar="N",
        help=f"visitor minimum face size, px (default {VISITOR_MIN_FACE})",
    )
    parser.add_argument("--frames", type=_positive_int, default=None, metavar="N", help="stop after N frames")
    parser.set_defaults(handler=_run_analyze)


def _add_bench(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--video", type=Path, default=None, metavar="FILE", help="frames from this video (looped)"
    )
    parser.add_argument(
        "--frames", type=_positive_int, default=300, metavar="N", help="frames to time (default 300)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    _add_model_option(parser)
    parser.set_defaults(handler=_run_bench)


def _camera(text: str) -> int | str:
    from kiosk.vision.capture import is_stream_url

    if text.strip().isdigit():
        return int(text)
    if is_stream_url(text.strip()):
        return text.strip()
    raise argparse.ArgumentTypeError(
        f"expected a camera index (0, 1, ...) or an rtsp:// or http:// URL, got {text!r}"
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return value


def _run_gui(args: argparse.Namespace, extra: list[str]) -> int:
    if args.self_test:  # headless; it reports a missing model itself, as one of its checks
        from kiosk.selftest import run_self_test

        return run_self_test(args)
    if args.model is None and os.environ.get(MODEL_ENV):
        args.model = Path(os.environ[MODEL_ENV])
    try:
        resolve_model(args.model)
    except CliError as missing:  # the showroom still runs, with expression analysis off
        print(f"warning: {missing}", file=sys.stderr)
    if args.model is not None and not args.model.is_file():
        print(f"warning: the model file {args.model} does not exist; expressions are off", file=sys.stderr)
    noted, previous = _note_stop_signals()  # while Qt and the window's modules load
    try:
        try:
            from kiosk.ui.app.gui import run_gui
        except ImportError as error:
            raise CliError(f"the kiosk window cannot start: {error}") from error
        return run_gui(GuiRequest.from_args(args), pending_stop=noted)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _note_stop_signals() -> tuple[list[int], dict[int, Any]]:
    """SIGINT and SIGTERM are only noted from here until the window takes them over (`run_gui`
    delivers what was noted), so a systemd stop during start-up never kills the process.
    Returns the list they are noted in, and the handlers they had."""
    noted: list[int] = []
    previous = {int(sig): signal.getsignal(sig) for sig in STOP_SIGNALS}
    for sig in STOP_SIGNALS:
        signal.signal(sig, lambda signum, _frame: noted.append(signum))
    return noted, previous


def _run_crash_notice(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.ui.app.gui import run_crash_notice

    return run_crash_notice(GuiRequest.from_args(args))


def _run_reset_pin(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.cli_pin import reset_pin

    return reset_pin(args.settings)


def _run_set_pin(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.cli_pin import set_pin

    return set_pin(args.settings)


def _run_analyze(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.cli_analyze import run_analyze

    setup_console_logging()
    return run_analyze(args)


def _run_bench(args: argparse.Namespace, extra: list[str]) -> int:
    from kiosk.cli_bench import run_bench

    setup_console_logging()
    return run_bench(args)


def _run_report(args: argparse.Namespace, extra: list[str]) -> int:
    """`report` options belong to kiosk.analytics.report, imported only when it is asked for;
    kiosk.cli_report adds the cars' names and checks the data folder."""
    try:
        from kiosk.analytics.report import add_report_arguments
        from kiosk.cli_report import run_report_command
    except ImportError as error:
        raise CliError(f"the report is not available: {error}") from error
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=None, metavar="DIR", help="the kiosk's data folder (its database)"
    )
    parser = argparse.ArgumentParser(prog=f"{PROG} report", parents=[common], allow_abbrev=False)
    add_report_arguments(parser)
    try:
        report_args = parser.parse_args(extra)
    except SystemExit as stop:  # report --help, or a bad report option
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if report_args.data_dir is not None:
        set_data_dir(report_args.data_dir)
    else:
        report_args.data_dir = args.data_dir
    setup_console_logging()
    return run_report_command(report_args)
