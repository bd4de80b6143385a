"""QThreads and QTimers a test leaves running, and where each was started (napari's
`dangling_qthreads` / `dangling_qtimers` check, as one recorder).

`QtLeakRecorder.install(monkeypatch)` wraps `QThread.start`, `QTimer.start` and the static
`QTimer.singleShot` so that every start made from Python remembers the calls that made it (a
static single shot becomes an inspectable QTimer, parented to its context object as Qt's own
is bound to it). After the test, `leaks()` lists each thread still running and each timer still
active; `stop()` ends them so that the next test starts clean.

conftest.py's autouse fixture `qt_leak_check` runs this around every test and fails the test
(an error in teardown) with the start places. What it cannot see: threads and timers that Qt
starts in C++ (QMediaPlayer's decoder threads, a timer started by a queued `start` slot).
QThreadPool and animations are not checked: the kiosk uses no thread pool, and its fades end
by themselves.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
THIS_FILE = Path(__file__).resolve()
STACK_DEPTH = 4  # project frames shown for each start, innermost first
STOP_WAIT_MS = 2000


@dataclass(frozen=True)
class Leak:
    kind: str  # "QThread", "QTimer" or "QTimer.singleShot"
    name: str  # objectName, else the type
    started_at: str  # the project's calls that started it, innermost first

    def describe(self) -> str:
        return f"{self.kind} {self.name!r} started at\n    {self.started_at}"


def start_place(frame: FrameType | None) -> str:
    """The calls on the stack that are not Python's, pytest's or another library's: the
    project's own (kiosk/, tests/, tools/), innermost first."""
    places: list[str] = []
    while frame is not None and len(places) < STACK_DEPTH:
        path = Path(frame.f_code.co_filename)
        if _own_code(path):
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            places.append(f"{shown}:{frame.f_lineno} in {frame.f_code.co_name}")
        frame = frame.f_back
    return "\n    ".join(places) or "(not started from Python code outside the libraries)"


def _own_code(path: Path) -> bool:
    if path == THIS_FILE or not path.is_absolute():  # "<frozen ...>", "<string>"
        return False
    libraries = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix)}
    return not any(path.is_relative_to(folder) for folder in libraries)


class QtLeakRecorder:
    """Remembers where QThreads and QTimers were started while installed (weakly: an object
    Python lets go of is no longer this test's business)."""

    def __init__(self) -> None:
        self._started: dict[int, tuple[weakref.ref[Any], str, str]] = {}
        self._single_shots: list[Any] = []  # context-less single shots: kept until they fire

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from PySide6.QtCore import QThread, QTimer

        thread_start, timer_start, single_shot = QThread.start, QTimer.start, QTimer.singleShot
        recorder = self

        def start_thread(self: QThread, *args: Any) -> None:
            recorder.record(self, "QThread", sys._getframe(1))
            thread_start(self, *args)

        def start_timer(self: QTimer, *args: Any) -> None:
            recorder.record(self, "QTimer", sys._getframe(1))
            timer_start(self, *args)

        def start_single_shot(msec: int, *args: Any) -> None:
            timer = recorder.single_shot_timer(args)
            if timer is None:
                single_shot(msec, *args)  # a receiver and a SLOT() name, or another thread's context
                return
            recorder.record(timer, "QTimer.singleShot", sys._getframe(1))
            timer_start(timer, msec)

        monkeypatch.setattr(QThread, "start", start_thread)
        monkeypatch.setattr(QTimer, "start", start_timer)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(start_single_shot))

    def record(self, thing: Any, kind: str, frame: FrameType | None) -> None:
        self._started[id(thing)] = (weakref.ref(thing), kind, start_place(frame))

    def single_shot_timer(self, args: tuple[Any, ...]) -> Any:
        """A QTimer standing in for QTimer.singleShot(msec, [timerType,] [context,] functor), or
        None where Qt's own must do (a SLOT() name; a context living in another thread)."""
        from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer

        timer_type = args[0] if args and isinstance(args[0], Qt.TimerType) else None
        rest = args[1:] if timer_type is not None else args
        if len(rest) == 1:
            context, functor = None, rest[0]
        elif len(rest) == 2 and isinstance(rest[0], QObject):
            context, functor = rest
        else:
            return None
        app = QCoreApplication.instance()
        owner = context if context is not None else app
        if not callable(functor) or owner is None or owner.thread() != QThread.currentThread():
            return None
        timer = QTimer(context)  # deleted with its context, which cancels it, as Qt does
        timer.setSingleShot(True)
        if timer_type is not None:
            timer.setTimerType(timer_type)
        timer.timeout.connect(functor)
        timer.timeout.connect(timer.deleteLater)
        if context is None:
            self._single_shots.append(timer)
        return timer

    def _alive(self) -> Iterator[tuple[Any, str, str]]:
        for ref, kind, place in list(self._started.values()):
            thing = ref()
            if thing is not None:
                yield thing, kind, place

    def leaks(self) -> list[Leak]:
        """Threads still running and timers still active (in a thread that still runs)."""
        return [
            Leak(kind, thing.objectName() or type(thing).__name__, place)
            for thing, kind, place in self._alive()
            if _still_running(thing, kind)
        ]

    def stop(self) -> None:
        """End what leaked: quit and wait for threads, then stop the timers of this thread."""
        from PySide6.QtCore import QThread

        for thing, kind, _ in self._alive():
            if kind == "QThread" and _still_running(thing, kind):
                thing.quit()
                thing.wait(STOP_WAIT_MS)
        here = QThread.currentThread()
        for thing, kind, _ in self._alive():
            if kind != "QThread" and _still_running(thing, kind) and thing.thread() == here:
                thing.stop()
        self._started.clear()
        self._single_shots.clear()


def _still_running(thing: Any, kind: str) -> bool:
    """isRunning / isActive; False for an object whose C++ side is already gone."""
    try:
        if kind == "QThread":
            return bool(thing.isRunning())
        return bool(thing.isActive() and thing.thread().isRunning())
    except RuntimeError:  # "Internal C++ object (...) already deleted."
        return False


def leak_report(leaks: list[Leak]) -> str:
    lines = "\n".join(leak.describe() for leak in leaks)
    return (
        f"{len(leaks)} Qt thread(s) or timer(s) still running after the test (stopped now):\n{lines}\n"
        "Stop them where they belong (the object's close/stop), or in the test "
        "(qtbot.waitSignal(controller.stopped), widget.close())."
    )


def check_for_leaks(monkeypatch: pytest.MonkeyPatch, body: Callable[[], None]) -> list[Leak]:
    """Run `body` with a recorder installed; what it left running (already stopped again)."""
    recorder = QtLeakRecorder()
    with monkeypatch.context() as patch:
        recorder.install(patch)
        body()
        leaks = recorder.leaks()
        recorder.stop()
    return leaks


@pytest.fixture(autouse=True)
def qt_leak_check(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a QThread running or a QTimer active (see the module docstring).

    Every test gets it, not only the Qt modules: it costs nothing where Qt is never used, and
    a test that reaches Qt through the code it calls is checked too. Without PySide6 (an
    environment for training only) it does nothing."""
    try:
        import PySide6.QtCore  # noqa: F401 - the classes the recorder wraps
    except ImportError:
        yield
        return
    recorder = QtLeakRecorder()
    recorder.install(monkeypatch)
    yield
    leaks = recorder.leaks()
    recorder.stop()
    if leaks:
        pytest.fail(leak_report(leaks), pytrace=False)
