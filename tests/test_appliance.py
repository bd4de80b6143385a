"""Start at sign-in, restart after a crash, the crash-loop guard and its notice's hand-over to a
systemd scope, resuming, opening hours."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.app import main
from kiosk.appliance import autostart
from kiosk.appliance.autostart import AutostartPlaces, install, remove
from kiosk.appliance.crashguard import (
    CrashLoopGuard,
    CrashLoopPolicy,
    hand_over,
    in_scope,
    notice_unit,
    scope_command,
)
from kiosk.appliance.hours import HoursError, OpeningHours
from kiosk.appliance.resume import load_car, save_car
from kiosk.appliance.supervise import supervise

COMMAND = ["/usr/bin/emotion-kiosk", "--data-dir", "/srv/showroom data"]


class Commands:
    """Records the commands run; `systemctl --user show-environment` answers `session`."""

    def __init__(self, session: bool) -> None:
        self.session = session
        self.seen: list[list[str]] = []

    def __call__(self, command: Sequence[str]) -> int:
        self.seen.append(list(command))
        if command[:3] == ["systemctl", "--user", "show-environment"]:
            return 0 if self.session else 1
        return 0


def test_autostart_with_a_systemd_user_session_installs_an_enabled_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(autostart.shutil, "which", lambda name: f"/usr/bin/{name}")
    places, run = AutostartPlaces(tmp_path), Commands(session=True)
    said = install("auto", COMMAND, places, run)
    assert said.startswith("systemd user unit") and str(places.unit) in said
    unit = places.unit.read_text()
    for line in (
        'ExecStart=/usr/bin/emotion-kiosk --data-dir "/srv/showroom data"',
        "Type=notify",  # READY=1 once the window runs (kiosk/appliance/sd_notify.py)
        "NotifyAccess=main",
        "WatchdogSec=30",  # a hung GUI thread stops pinging: killed and restarted
        "TimeoutStartSec=120",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "RestartPreventExitStatus=1 2 3",  # 3: the crash-loop guard stopped it: the unit ends failed
        "Restart=on-failure",
        "StartLimitBurst=6",
        "StartLimitIntervalSec=120",
        "After=graphical-session.target",
        "WantedBy=graphical-session.target",
    ):
        assert line in unit.splitlines()
    assert places.wants_link.resolve() == places.unit.resolve()  # what `systemctl --user enable` makes
    assert ["systemctl", "--user", "daemon-reload"] in run.seen
    assert not places.desktop.exists()


def test_autostart_without_systemd_installs_an_xdg_entry_that_supervises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(autostart.shutil, "which", lambda name: None)  # no systemctl at all
    places = AutostartPlaces(tmp_path)
    said = install("auto", COMMAND, places, Commands(session=False))
    assert said.startswith("XDG autostart entry")
    entry = places.desktop.read_text().splitlines()
    assert 'Exec=/usr/bin/emotion-kiosk --data-dir "/srv/showroom data" supervise' in entry
    assert not places.unit.exists()


def test_one_way_at_a_time_and_remove_takes_away_both(tmp_path: Path) -> None:
    places, run = AutostartPlaces(tmp_path), Commands(session=True)
    install("xdg", COMMAND, places, run)
    install("systemd", COMMAND, places, run)
    assert places.unit.exists() and not places.desktop.exists()  # never two kiosks at sign-in
    said = remove(places, run)
    assert str(places.unit) in said
    assert not places.unit.exists() and not places.wants_link.is_symlink()
    assert remove(places, run).startswith("no autostart")


def test_an_unknown_method_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="expected one of auto, systemd, xdg"):
        install("cron", COMMAND, AutostartPlaces(tmp_path), Commands(session=True))


def test_the_commands_say_which_way_they_chose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert main(["install-autostart", "--method", "xdg"]) == 0
    assert "XDG autostart entry" in capsys.readouterr().out
    assert (tmp_path / "autostart" / "emotion-kiosk.desktop").is_file()
    assert main(["remove-autostart"]) == 0
    assert "autostart removed" in capsys.readouterr().out
    assert not (tmp_path / "autostart" / "emotion-kiosk.desktop").exists()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    places = AutostartPlaces(tmp_path)
    install("systemd", [shutil.which("true") or "/bin/true"], places, Commands(session=False))
    done = subprocess.run(
        ["systemd-analyze", "--user", "verify", str(places.unit)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"XDG_RUNTIME_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _crash(folder: Path, clock: Clock) -> bool:
    """One start that never ends cleanly; True when the guard stopped it."""
    return CrashLoopGuard(folder, clock=clock).starting()


def test_five_crashes_within_two_minutes_stop_the_restarts(tmp_path: Path) -> None:
    clock = Clock()
    assert not _crash(tmp_path, clock)  # the first start: no crash yet
    for _ in range(4):
        clock.now += 20
        assert not _crash(tmp_path, clock)  # crashes 1 to 4
    clock.now += 20
    guard = CrashLoopGuard(tmp_path, clock=clock)
    assert guard.starting()  # the fifth crash within 100 s
    assert "5 crashes within 120 seconds" in guard.message()
    assert not guard.marker.exists()
    assert not CrashLoopGuard(tmp_path, clock=clock).starting()  # started by hand: a fresh try


def test_crashes_spread_over_more_than_two_minutes_keep_restarting(tmp_path: Path) -> None:
    clock = Clock()
    for _ in range(12):
        assert not _crash(tmp_path, clock)
        clock.now += 31  # four crashes fit in 120 s, never five


def test_clean_ends_are_not_crashes(tmp_path: Path) -> None:
    clock = Clock()
    for _ in range(10):
        guard = CrashLoopGuard(tmp_path, clock=clock)
        assert not guard.starting()
        guard.stopped_cleanly()
        clock.now += 1
    assert guard.crashes == []


def test_an_unreadable_history_starts_the_count_afresh(tmp_path: Path) -> None:
    (tmp_path / "crashes.json").write_text("{not json")
    (tmp_path / "running").write_text("1")
    guard = CrashLoopGuard(tmp_path, clock=Clock())
    assert not guard.starting() and len(guard.crashes) == 1


def test_the_policy_is_checked() -> None:
    with pytest.raises(ValueError, match="crashes >= 1"):
        CrashLoopPolicy(crashes=0)


def test_supervise_restarts_a_crashed_kiosk_and_stops_when_it_ends_cleanly() -> None:
    statuses = iter([70, -11, 0])  # an error the kiosk caught, a segfault, a clean end
    pauses: list[float] = []
    assert supervise(["kiosk"], run=lambda _: next(statuses), clock=Clock(), sleep=pauses.append) == 0
    assert len(pauses) == 2


def test_supervise_does_not_restart_a_second_kiosk_bad_settings_or_a_crash_loop() -> None:
    for status in (1, 2, 3):
        runs: list[Sequence[str]] = []

        def run(command: Sequence[str], status: int = status, runs: list[Sequence[str]] = runs) -> int:
            runs.append(command)
            return status

        assert supervise(["kiosk"], run=run, sleep=pytest.fail) == status
        assert len(runs) == 1


def test_supervise_gives_up_on_a_crash_loop() -> None:
    runs: list[int] = []

    def crashing(_: Sequence[str]) -> int:
        runs.append(1)
        return -11  # SIGSEGV

    clock = Clock()

    def pause(seconds: float) -> None:
        clock.now += seconds

    assert supervise(["kiosk"], run=crashing, clock=clock, sleep=pause) == -11
    assert len(runs) == 5


def _fake_systemd_run(folder: Path, body: str) -> list[str]:
    """A `systemd-run` that records its arguments in folder/argv and then runs `body` (sh)."""
    script = folder / "systemd-run"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{folder}/argv"\n{body}\n')
    script.chmod(0o755)
    return [str(script), "--user", "--scope"]


def test_the_notice_scope_command() -> None:
    unit = notice_unit(clock=lambda: 0.0)
    assert unit.startswith("emotion-kiosk-notice-") and unit.replace("-", "").isalnum()
    command = scope_command(unit, ["/usr/bin/emotion-kiosk", "crash-notice"])
    assert command == [
        "systemd-run",
        "--user",
        "--scope",
        "--collect",
        "--quiet",
        f"--unit={unit}",
        "--",
        "/usr/bin/emotion-kiosk",
        "crash-notice",
    ]


def test_hand_over_succeeds_when_systemd_run_does(tmp_path: Path) -> None:
    command = _fake_systemd_run(tmp_path, "exit 0")
    assert hand_over(command, "u", {"PATH": "/usr/bin:/bin"}, moved=lambda _pid, _unit: False)
    assert (tmp_path / "argv").read_text().split() == ["--user", "--scope"]


def test_hand_over_succeeds_once_the_process_runs_in_the_scope(tmp_path: Path) -> None:
    command = _fake_systemd_run(tmp_path, "exec sleep 30")  # the notice, still showing
    moved: list[int] = []

    def in_scope(pid: int, unit: str) -> bool:
        moved.append(pid)
        return unit == "u" and len(moved) >= 3  # after three looks

    try:
        assert hand_over(command, "u", {"PATH": "/usr/bin:/bin"}, moved=in_scope, sleep=lambda _s: None)
    finally:
        os.kill(moved[0], signal.SIGKILL)  # this test's stand-in for the notice
        os.waitpid(moved[0], 0)
    assert len(moved) == 3


def test_hand_over_fails_when_systemd_run_fails_is_missing_or_makes_no_scope(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin"}
    failing = _fake_systemd_run(tmp_path, "echo 'Failed to connect to bus' >&2; exit 1")
    assert not hand_over(failing, "u", env)
    assert not hand_over([str(tmp_path / "no-systemd-run")], "u", env)
    hanging = _fake_systemd_run(tmp_path, "exec sleep 30")
    assert not hand_over(hanging, "u", env, timeout_s=0.2, moved=lambda _pid, _unit: False)


def test_a_process_is_in_the_scope_its_cgroup_names() -> None:
    assert not in_scope(os.getpid(), "emotion-kiosk-notice-none")
    assert not in_scope(2**22 + 12345, "x")  # no such process


def test_the_car_shown_last_is_resumed(tmp_path: Path) -> None:
    assert load_car(tmp_path) is None
    save_car(tmp_path, "roadster")
    assert load_car(tmp_path) == "roadster"
    (tmp_path / "state.json").write_text("[1, 2]")
    assert load_car(tmp_path) is None


@pytest.mark.parametrize(
    ("text", "when", "open_"),
    [
        ("08:00-20:00", datetime(2026, 1, 1, 7, 59), False),
        ("08:00-20:00", datetime(2026, 1, 1, 8, 0), True),
        ("08:00-20:00", datetime(2026, 1, 1, 20, 0), False),
        ("18:00-02:00", datetime(2026, 1, 1, 1, 0), True),
        ("18:00-02:00", datetime(2026, 1, 1, 12, 0), False),
    ],
)
def test_opening_hours(text: str, when: datetime, open_: bool) -> None:
    hours = OpeningHours.parse(text)
    assert hours is not None and hours.is_open(when) is open_


@pytest.mark.parametrize("text", ["8-20", "08:00-24:00", "09:00-09:00", "closed"])
def test_bad_opening_hours_name_the_text(text: str) -> None:
    with pytest.raises(HoursError, match=text):
        OpeningHours.parse(text)


def test_no_opening_hours_means_always_on() -> None:
    assert OpeningHours.parse("  ") is None


def test_install_autostart_on_windows_points_to_the_installer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("kiosk.cli_autostart.sys.platform", "win32")
    assert main(["install-autostart"]) == 2
    assert "the installer's task" in capsys.readouterr().err
