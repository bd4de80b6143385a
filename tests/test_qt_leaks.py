"""The leak check of every test (tests/qt_leaks.py) finds a forgotten QThread or QTimer, says
where it was started, and lets what was stopped in time pass."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_leaks import check_for_leaks

TESTS = Path(__file__).resolve().parent
HERE = "tests/test_qt_leaks.py"


def _line_of(marker: str, source: str = Path(__file__).read_text(encoding="utf-8")) -> int:
    """The number of the line that ends with `marker` (a comment)."""
    return next(n for n, line in enumerate(source.splitlines(), start=1) if line.endswith(marker))


def test_a_running_qthread_is_reported_with_where_it_was_started(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    thread = QThread()
    thread.setObjectName("forgotten")

    def body() -> None:
        thread.start()  # START-THREAD

    try:
        leaks = check_for_leaks(monkeypatch, body)
    finally:
        thread.quit()
        thread.wait()
    assert [(leak.kind, leak.name) for leak in leaks] == [("QThread", "forgotten")]
    assert f"{HERE}:{_line_of('# START-THREAD')} in body" in leaks[0].started_at
    assert f"{HERE}:" in leaks[0].started_at.splitlines()[-1]  # and the calls that led there
    assert not thread.isRunning()  # the check ended it, so that the next test starts clean


def test_a_thread_that_was_quit_and_waited_for_passes(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    thread = QThread()

    def body() -> None:
        thread.start()
        thread.quit()
        thread.wait()

    assert check_for_leaks(monkeypatch, body) == []


def test_an_active_qtimer_is_reported_and_stopped(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    owner = QObject()
    ticking, stopped = QTimer(owner), QTimer(owner)
    ticking.setObjectName("ticking")

    def body() -> None:
        ticking.start(60_000)  # START-TIMER
        stopped.start(60_000)
        stopped.stop()

    leaks = check_for_leaks(monkeypatch, body)
    assert [(leak.kind, leak.name) for leak in leaks] == [("QTimer", "ticking")]
    assert f"{HERE}:{_line_of('# START-TIMER')} in body" in leaks[0].started_at
    assert not ticking.isActive()


def test_a_pending_single_shot_is_reported_unless_it_fired_or_its_context_went(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    fired: list[str] = []
    context = QObject()
    gone = QObject()

    def body() -> None:
        QTimer.singleShot(60_000, context, lambda: fired.append("late"))  # START-SINGLE-SHOT
        QTimer.singleShot(60_000, gone, lambda: fired.append("gone"))
        QTimer.singleShot(0, lambda: fired.append("now"))
        gone.deleteLater()
        qtbot.waitUntil(lambda: fired == ["now"])
        qtbot.wait(50)  # deleteLater has been processed

    leaks = check_for_leaks(monkeypatch, body)
    assert [leak.kind for leak in leaks] == ["QTimer.singleShot"]
    assert f"{HERE}:{_line_of('# START-SINGLE-SHOT')} in body" in leaks[0].started_at
    assert fired == ["now"]


def test_the_autouse_fixture_fails_a_test_that_leaks(pytester: pytest.Pytester) -> None:
    """The conftest fixture itself, in a pytest run of its own: leaks error, clean tests pass."""
    pytester.makeconftest(
        f"import sys\nsys.path.insert(0, {str(TESTS)!r})\nfrom qt_leaks import qt_leak_check  # noqa: F401\n"
    )
    leaky = textwrap.dedent(
        """\
        from PySide6.QtCore import QThread, QTimer

        KEEP = []

        def test_leaves_a_thread_running(qapp):
            thread = QThread(objectName="left-running")
            KEEP.append(thread)
            thread.start()  # THREAD

        def test_leaves_a_timer_active(qapp):
            timer = QTimer(qapp, objectName="left-active")
            KEEP.append(timer)
            timer.start(60_000)  # TIMER

        def test_stops_what_it_started(qtbot):
            thread, timer = QThread(), QTimer()
            KEEP.extend((thread, timer))
            thread.start()
            timer.start(60_000)
            timer.stop()
            thread.quit()
            thread.wait()
        """
    )
    pytester.makepyfile(test_leaky=leaky)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_leaves_a_thread_running*",
            "*QThread 'left-running' started at",
            f"*test_leaky.py:{_line_of('# THREAD', leaky)} in test_leaves_a_thread_running",
            "*ERROR at teardown of test_leaves_a_timer_active*",
            "*QTimer 'left-active' started at",
            f"*test_leaky.py:{_line_of('# TIMER', leaky)} in test_leaves_a_timer_active",
        ],
        consecutive=False,
    )
