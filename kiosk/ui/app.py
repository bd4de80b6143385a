"""`run_gui(args)`: start the kiosk window (called by `python -m kiosk` / `emotion-kiosk`).

Order: one instance per data folder (lock), logging to stderr and `logs/kiosk.log`, the
settings (a corrupt file is set aside), then the window and the analysis thread. The
unattended PC boots straight into the showroom: nothing here waits for an operator.

For the documentation screenshot, `KIOSK_SCREENSHOT=FILE` (and optionally
`KIOSK_SCREENSHOT_AFTER_MS`, default 5000) grabs the window to FILE and quits.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.appliance.crashguard import CrashLoopGuard
from kiosk.appliance.hours import HoursError, OpeningHours
from kiosk.paths import APP_NAME, data_dir, resource_path
from kiosk.ui.crash_notice import crash_loop_text, show_crash_notice
from kiosk.ui.i18n import QT_TRANSLATE_NOOP, apply_language, configured_language, translate
from kiosk.ui.kiosk import Kiosk, LaunchOptions
from kiosk.ui.runtime import InstanceLock, KioskLogging, data_folder_problem
from kiosk.ui.screensaver import ScreenKeeper
from kiosk.ui.settings_store import SettingsError, SettingsStore, settings_path_problem

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ALREADY_RUNNING, EXIT_USAGE = 0, 1, 2
READ_ONLY_CONSEQUENCES = QT_TRANSLATE_NOOP(
    "KioskApp", "the showroom runs, but settings are not saved and reactions are not recorded"
)
WAKE_INTERVAL_MS = 500  # the fallback wake-up for a pending signal


def run_gui(args: argparse.Namespace) -> int:
    """Run the kiosk until the operator ends it; returns the exit status."""
    folder = data_dir()
    settings = Path(args.settings) if getattr(args, "settings", None) else folder / "settings.ini"
    refused = settings_path_problem(settings)
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        return EXIT_USAGE
    _application()  # first: the language (of the messages below too) needs it
    apply_language(getattr(args, "language", None) or configured_language(settings))
    problem = data_folder_problem(folder)
    lock = None if problem else InstanceLock(folder)
    if lock is not None and not lock.acquire():
        if lock.held_elsewhere:
            text = translate(
                "KioskApp",
                "The kiosk is already running ({holder}) with the data folder {folder}. "
                "Only one kiosk can run at a time; this one exits.",
            )
            print(text.format(holder=lock.holder_text(), folder=folder), file=sys.stderr)
            return EXIT_ALREADY_RUNNING
        text = translate("KioskApp", "the lock file {file} cannot be created (is the data folder read-only?)")
        problem, lock = text.format(file=lock.path), None
    if problem:
        print(f"warning: {problem}: {translate('KioskApp', READ_ONLY_CONSEQUENCES)}", file=sys.stderr)
    logs = KioskLogging(folder, to_file=not problem)
    guard = CrashLoopGuard(folder) if lock is not None else None  # after the lock: not a 2nd kiosk
    try:
        if guard is not None and guard.starting():
            return _show_crash_loop(args, crash_loop_text(guard))
        status = _run(args, settings, problem)
        if guard is not None:
            guard.stopped_cleanly()
        return status
    finally:
        logs.close()
        if lock is not None:
            lock.release()


def _run(args: argparse.Namespace, settings: Path, data_problem: str) -> int:
    app = _application()
    store = SettingsStore(settings, owned=not getattr(args, "settings", None))
    try:
        store.load()
    except SettingsError as refused:  # not a file the kiosk wrote: never renamed or overwritten
        print(f"error: {refused}", file=sys.stderr)
        return EXIT_USAGE
    video = getattr(args, "video", None)
    model = getattr(args, "model", None)
    options = LaunchOptions(
        windowed=bool(getattr(args, "windowed", False)),
        camera=getattr(args, "camera", None),
        video=str(video) if video is not None else None,
        model_path=Path(model) if model is not None else None,
        records=not data_problem,
        monitoring=True,
        data_problem=_sentence(f"{data_problem}: {translate('KioskApp', READ_ONLY_CONSEQUENCES)}")
        if data_problem
        else "",
        language=getattr(args, "language", None),
    )
    kiosk = Kiosk(store, options)
    kiosk.finished.connect(app.quit)
    interrupts = _InterruptHandler(kiosk)
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the kiosk quits once its thread has stopped
    kiosk.start()
    keeper = ScreenKeeper(_opening_hours(store.settings.screen_off_hours), parent=kiosk)
    keeper.start()
    store.settings_changed.connect(lambda s: keeper.set_hours(_opening_hours(s.screen_off_hours)))
    _schedule_screenshot(kiosk)
    status = app.exec()
    keeper.stop()
    kiosk.controller.wait_stopped()  # normally stopped already; the window is gone by now
    app.setQuitOnLastWindowClosed(quit_on_close)
    interrupts.restore()
    kiosk.dispose()
    log.info("event kiosk_stopped status=%d", status)
    return EXIT_OK if status == 0 else status


def _show_crash_loop(args: argparse.Namespace, message: str) -> int:
    """Status 0, so that systemd (Restart=on-failure) or `supervise` does not start it again."""
    app = _application()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # closing the notice must not quit a later event loop
    notice = show_crash_notice(app, message, windowed=bool(getattr(args, "windowed", False)))
    app.exec()
    notice.close()
    notice.deleteLater()
    app.setQuitOnLastWindowClosed(quit_on_close)
    return EXIT_OK


def _opening_hours(text: str) -> OpeningHours | None:
    try:
        return OpeningHours.parse(text)
    except HoursError as error:  # validated with the settings; an edited file may still hold one
        log.warning("event opening_hours_ignored %s", error)
        return None


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resource_path("resources", "icons", "kiosk.png")
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


class _InterruptHandler(QObject):
    """SIGINT, SIGTERM and SIGHUP end the kiosk cleanly, also while no frame ever arrives.

    Python runs a signal handler only when the main thread next executes Python code, and the
    GUI thread can sit in Qt's event loop for hours (a failed video, no camera). So the C-level
    handler writes to a socket (`signal.set_wakeup_fd`) that a QSocketNotifier watches, whose
    slot lets Python run the handler; a slow timer with a no-op slot is the fallback.
    """

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._previous = {sig: signal.signal(sig, self._handle) for sig in stop_signals()}
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(WAKE_INTERVAL_MS)

    def _handle(self, signum: int, _frame: object) -> None:
        log.info("event signal_received signal=%s", signal.Signals(signum).name)
        QTimer.singleShot(0, self._kiosk, self._kiosk.quit)

    @Slot()
    def _on_notifier_activated(self) -> None:
        with contextlib.suppress(OSError):  # drained; the handler runs as this slot returns
            while self._reader.recv(512):
                pass

    @Slot()
    def _on_timer_timeout(self) -> None:
        """Nothing to do: running any Python code lets a pending signal handler run."""

    def restore(self) -> None:
        self._timer.stop()
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        self._reader.close()
        self._writer.close()


def stop_signals() -> tuple[signal.Signals, ...]:
    """The signals that stop the kiosk cleanly (SIGHUP only where the platform has it)."""
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


def _schedule_screenshot(kiosk: Kiosk) -> None:
    path = os.environ.get("KIOSK_SCREENSHOT")
    if not path:
        return
    delay = int(os.environ.get("KIOSK_SCREENSHOT_AFTER_MS", "5000"))
    grabber = _ScreenshotGrabber(kiosk, Path(path))
    QTimer.singleShot(delay, grabber, grabber._on_timer_timeout)


class _ScreenshotGrabber(QObject):
    def __init__(self, kiosk: Kiosk, path: Path) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._path = path

    @Slot()
    def _on_timer_timeout(self) -> None:
        saved = self._kiosk.window.grab().save(str(self._path))
        log.info("event screenshot file=%s saved=%s", self._path, saved)
        self._kiosk.quit()
