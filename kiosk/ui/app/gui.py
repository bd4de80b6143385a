"""`run_gui(request)`: start the kiosk window (called by `python -m kiosk` / `emotion-kiosk`).

Order: the stop and reload signals first (a stop at any moment of start-up ends the kiosk
cleanly, never as a crash), one instance per data folder (lock), logging to stderr and
`logs/kiosk.log`, the settings (a corrupt file is set aside), then the window and the analysis
thread. The unattended PC boots straight into the showroom: nothing here waits for an operator.

SIGINT and SIGTERM stop it cleanly (status 0); SIGHUP reloads: the log file is reopened
(logrotate) and the settings file read again and applied live when it changed. Under systemd
(a `Type=notify` unit, see kiosk/appliance/autostart.py) it says READY=1 once its event loop
runs, RELOADING=1/READY=1 around a reload, STOPPING=1 when it quits, and pings the watchdog
from the GUI thread (kiosk/ui/app/watchdog.py). An error while it runs is logged and ends it with
status 70, after the analysis thread has stopped: a crash, restarted. When the crash-loop guard
stops it, it exits 3 after its notice: under systemd the notice is handed to a scope of its
own (`crash-notice`, see `run_crash_notice`) so that the unit can end "failed".

For the documentation screenshot, `KIOSK_SCREENSHOT=FILE` (and optionally
`KIOSK_SCREENSHOT_AFTER_MS`, default 5000) grabs the window to FILE and quits.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.appliance import sd_notify
from kiosk.appliance.autostart import kiosk_command
from kiosk.appliance.crashguard import CrashLoopGuard, hand_over, notice_unit, scope_command
from kiosk.appliance.hours import HoursError, OpeningHours
from kiosk.paths import APP_NAME, data_dir, resource_path
from kiosk.session.launch import GuiRequest, LaunchOptions
from kiosk.settings.model import KioskSettings
from kiosk.ui.app.crash_notice import RestartWatch, crash_loop_text, show_crash_notice
from kiosk.ui.app.kiosk import Kiosk
from kiosk.ui.app.process_signals import ProcessSignals
from kiosk.ui.app.runtime import InstanceLock, KioskLogging, data_disk_full, data_folder_problem
from kiosk.ui.app.screensaver import ScreenKeeper
from kiosk.ui.app.watchdog import ServiceWatchdog
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, apply_language, configured_language, translate
from kiosk.ui.common.settings_store import SettingsError, SettingsStore, settings_path_problem

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ALREADY_RUNNING, EXIT_USAGE = 0, 1, 2
EXIT_CRASH_LOOP = 3  # stopped by the crash-loop guard: neither systemd nor `supervise` restarts it
EXIT_FAILED = 70  # an error the kiosk did not expect (EX_SOFTWARE): logged, a crash, restarted
DISK_FULL_CONSEQUENCES = QT_TRANSLATE_NOOP(
    "KioskApp", "the showroom runs; reactions wait in memory and are written once there is room"
)
READ_ONLY_CONSEQUENCES = QT_TRANSLATE_NOOP(
    "KioskApp", "the showroom runs, but settings are not saved and reactions are not recorded"
)
RUNNING_STATUS = "Showroom running"
SETUP_STATUS = "Waiting for the operator PIN on the set-up screen (or emotion-kiosk set-pin)"
CRASH_LOOP_STATUS = "Stopped by the crash-loop guard"


def run_gui(request: GuiRequest, pending_stop: Sequence[int] = ()) -> int:
    """Run the kiosk until the operator or a stop signal ends it; returns the exit status.
    `pending_stop`: stop signals that came while this module was loading (kiosk.app notes them)."""
    signals = ProcessSignals()  # first: a stop during start-up is a clean stop, never a crash
    for signum in pending_stop[:1]:
        signal.raise_signal(signum)  # handled as if it came now
    try:
        return _run_gui(request, signals)
    finally:
        signals.restore()


def _run_gui(request: GuiRequest, signals: ProcessSignals) -> int:
    folder = data_dir()
    settings = request.settings or folder / "settings.ini"
    refused = settings_path_problem(settings)
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        return EXIT_USAGE
    _application()  # first: the language (of the messages below too) needs it
    signals.watch()
    language = apply_language(request.language or configured_language(settings))
    problem = data_folder_problem(folder)
    full = bool(problem) and data_disk_full(folder)
    lock: InstanceLock | None = InstanceLock(folder)  # holds on a full or read-only disk too
    if lock is not None and not lock.acquire():
        if lock.held_elsewhere:
            return _already_running(lock, folder)
        problem, lock, full = problem or lock.problem, None, False
    if problem:
        consequences = DISK_FULL_CONSEQUENCES if full else READ_ONLY_CONSEQUENCES
        print(f"warning: {problem}: {translate('KioskApp', consequences)}", file=sys.stderr)
    if full:
        problem = ""  # passing: the log, the records and the crash guard stay on and wait for room
    logs = KioskLogging(folder, to_file=not problem)
    try:
        return _guarded(request, settings, problem, signals, logs, language)
    finally:
        logs.close()
        if lock is not None:
            lock.release()


def _already_running(lock: InstanceLock, folder: Path) -> int:
    text = translate(
        "KioskApp",
        "The kiosk is already running ({holder}) with the data folder {folder}. "
        "Only one kiosk can run at a time; this one exits.",
    )
    print(text.format(holder=lock.holder_text(), folder=folder), file=sys.stderr)
    return EXIT_ALREADY_RUNNING


def _guarded(
    request: GuiRequest,
    settings: Path,
    data_problem: str,
    signals: ProcessSignals,
    logs: KioskLogging,
    language: str,
) -> int:
    """The run under the crash-loop guard (none without a writable data folder)."""
    guard = CrashLoopGuard(data_dir()) if not data_problem else None  # after the lock: not a 2nd kiosk
    try:
        if guard is not None and guard.starting():
            return _crash_loop(request, guard, signals, language)
        status = _run(request, settings, data_problem, signals, logs)
    except Exception:  # a bug: its traceback in the log, the marker left (a crash), no Qt abort
        log.exception("event kiosk_failed status=%d: the kiosk stopped on an error", EXIT_FAILED)
        return EXIT_FAILED
    if guard is not None:
        guard.stopped_cleanly()
    return status


def _run(
    request: GuiRequest, settings: Path, data_problem: str, signals: ProcessSignals, logs: KioskLogging
) -> int:
    store = SettingsStore(settings, owned=request.settings is None)
    try:
        store.load()
    except SettingsError as refused:  # not a file the kiosk wrote: never renamed or overwritten
        print(f"error: {refused}", file=sys.stderr)
        return EXIT_USAGE
    if signals.stop_requested:  # stopped while starting: nothing runs yet
        log.info("event kiosk_stopped status=0 while_starting signal=%s", signals.stop_requested)
        return EXIT_OK
    kiosk = Kiosk(store, _launch_options(request, data_problem))
    service = ServiceWatchdog(kiosk)
    try:
        status = _serve(kiosk, signals, service, functools.partial(_reload, store, logs))
    finally:  # also after an error: the analysis thread must stop before the kiosk is deleted
        service.stopping()
        service.stop()
        _tear_down(kiosk)
    log.info("event kiosk_stopped status=%d", status)
    return EXIT_OK if status == 0 else status


def _launch_options(request: GuiRequest, data_problem: str) -> LaunchOptions:
    return LaunchOptions(
        windowed=request.windowed,
        camera=request.camera,
        video=str(request.video) if request.video is not None else None,
        model_path=request.model,
        records=not data_problem,
        monitoring=True,
        data_problem=_sentence(f"{data_problem}: {translate('KioskApp', READ_ONLY_CONSEQUENCES)}")
        if data_problem
        else "",
        language=request.language,
    )


def _serve(
    kiosk: Kiosk, signals: ProcessSignals, service: ServiceWatchdog, reload: Callable[[], None]
) -> int:
    """Start the kiosk and run the event loop until it has finished; returns the loop's status."""
    app = _application()
    kiosk.finished.connect(app.quit)
    kiosk.finished.connect(service.stopping)  # also when the operator ends it
    with contextlib.ExitStack() as undo:
        undo.callback(app.setQuitOnLastWindowClosed, app.quitOnLastWindowClosed())
        app.setQuitOnLastWindowClosed(False)  # the kiosk quits once its thread has stopped
        undo.callback(signals.serve, None)
        signals.serve(stop=functools.partial(_stop, kiosk, service), reload=reload)
        kiosk.showroom_started.connect(functools.partial(sd_notify.status, RUNNING_STATUS))
        kiosk.start()
        undo.enter_context(_screen_kept(kiosk))
        _schedule_screenshot(kiosk)
        service.start(SETUP_STATUS if kiosk.setting_up else RUNNING_STATUS)
        return app.exec()


def _stop(kiosk: Kiosk, service: ServiceWatchdog) -> None:
    service.stopping()
    kiosk.quit()


def _reload(store: SettingsStore, logs: KioskLogging) -> None:
    """SIGHUP (`systemctl --user reload`, logrotate): reopen the log file, read the settings again."""
    sd_notify.reloading("Reloading the settings and the log file")
    try:
        logs.reopen()  # first: what follows goes to the new file
        changed = store.reload()
        log.info("event reloaded settings=%s log=%s", "changed" if changed else "unchanged", logs.path)
    finally:
        sd_notify.ready(RUNNING_STATUS)


@contextlib.contextmanager
def _screen_kept(kiosk: Kiosk) -> Iterator[None]:
    """The screen stays on (outside the opening hours, off) while the kiosk runs."""
    store = kiosk.store
    keeper = ScreenKeeper(_opening_hours(store.settings.screen_off_hours), parent=kiosk)

    def follow(settings: KioskSettings) -> None:
        keeper.set_hours(_opening_hours(settings.screen_off_hours))

    store.settings_changed.connect(follow)
    keeper.state_changed.connect(kiosk.report_screen_keeper)  # nothing keeps it on: for staff and IT
    try:
        keeper.start()
        yield
    finally:
        store.settings_changed.disconnect(follow)
        keeper.stop()


def _tear_down(kiosk: Kiosk) -> None:
    """However the run ended (the event loop, or an error while starting): quit, wait for the
    analysis thread, delete. Qt aborts the process when a running QThread is deleted."""
    try:
        kiosk.quit()  # after a normal end it has quit already: then this does nothing
    finally:
        if kiosk.controller.wait_stopped():  # normally stopped already; the window is gone by now
            kiosk.dispose()
        else:
            log.error("event analysis_thread_busy: the kiosk is left to the process's end")


def _crash_loop(request: GuiRequest, guard: CrashLoopGuard, signals: ProcessSignals, language: str) -> int:
    """Exit 3 after the notice: under systemd once a scope of its own shows it (so that the unit
    can end "failed" while it stays on screen), else (or when that fails) once it is stopped here."""
    windowed = request.windowed
    if sd_notify.under_systemd() and _hand_over_notice(windowed, language):
        return EXIT_CRASH_LOOP
    _show_notice(crash_loop_text(guard), windowed=windowed, signals=signals, marker=guard.marker)
    return EXIT_CRASH_LOOP


def _hand_over_notice(windowed: bool, language: str) -> bool:
    unit = notice_unit()
    options = ["--data-dir", str(data_dir()), "--language", language, *(["--windowed"] if windowed else [])]
    command = scope_command(unit, [*kiosk_command(), "crash-notice", *options])
    if not hand_over(command, unit, sd_notify.without_service_variables()):
        return False
    log.info("event crash_notice_handed_over unit=%s.scope", unit)
    sd_notify.ready(f"{CRASH_LOOP_STATUS}; its notice is shown by {unit}.scope")
    sd_notify.barrier()  # systemd has read it before this process ends
    return True


def run_crash_notice(request: GuiRequest) -> int:
    """`emotion-kiosk crash-notice` (hidden; the crash-loop guard starts it in a scope of its own):
    the notice, full screen, until SIGTERM or SIGINT (status 0), or until a kiosk starts again
    with the data folder."""
    signals = ProcessSignals()
    logs = KioskLogging(data_dir(), to_file=False)  # stderr (the journal): the kiosk owns the file
    try:
        _application()
        signals.watch()
        folder = data_dir()
        apply_language(request.language or configured_language(folder / "settings.ini"))
        guard = CrashLoopGuard(folder)
        log.info("event crash_notice_shown data_dir=%s", folder)
        _show_notice(crash_loop_text(guard), windowed=request.windowed, signals=signals, marker=guard.marker)
        log.info("event crash_notice_closed")
        return EXIT_OK
    finally:
        logs.close()
        signals.restore()


def _show_notice(text: str, *, windowed: bool, signals: ProcessSignals, marker: Path) -> None:
    """The notice until a stop signal, or until a kiosk starts again with the data folder."""
    app = _application()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # closing the notice must not quit a later event loop
    notice = show_crash_notice(app, text, windowed=windowed)
    service = ServiceWatchdog(notice)  # the notice's loop answers the watchdog, if any
    restart = RestartWatch(marker, notice)
    restart.restarted.connect(app.quit)
    signals.serve(stop=app.quit)
    try:
        service.start(f"{CRASH_LOOP_STATUS}; its notice is on screen")
        restart.start()
        app.exec()
    finally:
        signals.serve(None)
        service.stopping()
        service.stop()
        restart.stop()
        notice.close()
        notice.deleteLater()
        app.setQuitOnLastWindowClosed(quit_on_close)


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
