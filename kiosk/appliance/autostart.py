"""`emotion-kiosk install-autostart` / `remove-autostart`: start at sign-in, restart on a crash.

Two ways, chosen for the current user:
- systemd: a user unit `~/.config/systemd/user/emotion-kiosk.service` (Type=notify: the kiosk
  says when it is up, reloads on `systemctl --user reload` (SIGHUP) and pings the watchdog from
  its GUI thread, so a hung kiosk is killed and restarted; Restart=on-failure, a start limit,
  After=graphical-session.target), enabled by the same link `systemctl --user enable` makes,
  so it works even when no user manager is reachable at install time;
- xdg: where there is no systemd user session, an XDG autostart entry
  `~/.config/autostart/emotion-kiosk.desktop` that runs `emotion-kiosk supervise`, which
  restarts the kiosk after a crash (see supervise.py).
Either way the kiosk's own crash-loop guard stops the restarts after 5 crashes in 2 minutes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

UNIT_NAME = "emotion-kiosk.service"
DESKTOP_NAME = "emotion-kiosk.desktop"
WANTED_BY = "graphical-session.target"
LAUNCHER = "emotion-kiosk"
RESTART_SEC = 3
# systemd's own limit is the backstop for a kiosk that dies before its guard runs: 6 starts
# (the first and 5 restarts) in 120 s; the 6th start finds 5 crashes and stops by itself.
START_LIMIT_BURST = 6
START_LIMIT_INTERVAL_S = 120
# READY=1 comes once the window's event loop runs; a first start after boot (cold caches,
# a font cache to build) can take far longer than the usual few seconds.
START_TIMEOUT_S = 120
# The GUI thread pings every WATCHDOG_S / 3 (kiosk/ui/app/watchdog.py); one that hangs this long
# is killed (SIGABRT) and restarted like a crash.
WATCHDOG_S = 30
METHODS = ("auto", "systemd", "xdg")
MARKER = "X-Emotion-Kiosk-Autostart"  # how the package's prerm knows the files it may remove

Runner = Callable[[Sequence[str]], int]


@dataclass(frozen=True)
class AutostartPlaces:
    config_home: Path  # $XDG_CONFIG_HOME or ~/.config

    @classmethod
    def for_user(cls) -> AutostartPlaces:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return cls(Path(base))

    @property
    def unit(self) -> Path:
        return self.config_home / "systemd" / "user" / UNIT_NAME

    @property
    def wants_link(self) -> Path:
        return self.config_home / "systemd" / "user" / f"{WANTED_BY}.wants" / UNIT_NAME

    @property
    def desktop(self) -> Path:
        return self.config_home / "autostart" / DESKTOP_NAME


def kiosk_command() -> list[str]:
    """How to start this kiosk: the /usr/bin launcher when installed, else this executable."""
    if getattr(sys, "frozen", False):
        launcher = shutil.which(LAUNCHER)
        return [launcher] if launcher else [sys.executable]
    return [sys.executable, "-m", "kiosk"]


def unit_text(command: Sequence[str]) -> str:
    return f"""# {MARKER}=1 (written by emotion-kiosk install-autostart)
[Unit]
Description=Emotion Kiosk (car showroom)
Documentation=file:///usr/share/doc/emotion-kiosk/README.md
After={WANTED_BY}
PartOf={WANTED_BY}
StartLimitIntervalSec={START_LIMIT_INTERVAL_S}
StartLimitBurst={START_LIMIT_BURST}

[Service]
Type=notify
NotifyAccess=main
ExecStart={_quote(command)}
ExecReload=/bin/kill -HUP $MAINPID
TimeoutStartSec={START_TIMEOUT_S}
WatchdogSec={WATCHDOG_S}
Restart=on-failure
RestartSec={RESTART_SEC}
# 1: another kiosk runs with this data folder; 2: bad settings or options; 3: stopped by its
# crash-loop guard (the unit ends failed, its notice stays on screen). A restart cannot help.
RestartPreventExitStatus=1 2 3

[Install]
WantedBy={WANTED_BY}
"""


def desktop_text(command: Sequence[str]) -> str:
    return f"""[Desktop Entry]
Type=Application
Name=Emotion Kiosk
Comment=Car showroom kiosk, restarted after a crash
Exec={_quote([*command, "supervise"])}
Icon=emotion-kiosk
Terminal=false
X-GNOME-Autostart-enabled=true
{MARKER}=1
"""


def _quote(command: Sequence[str]) -> str:
    """Both formats take double quotes around an argument with spaces, and %% for %."""
    return " ".join(f'"{arg}"' if " " in arg else arg for arg in command).replace("%", "%%")


def has_systemd_user_session(run: Runner) -> bool:
    """A user manager answers: `systemctl --user show-environment` exits 0."""
    if shutil.which("systemctl") is None:
        return False
    return run(["systemctl", "--user", "show-environment"]) == 0


def quiet_run(command: Sequence[str]) -> int:
    try:
        done = subprocess.run(list(command), capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return 127
    return done.returncode


def install(
    method: str = "auto",
    command: Sequence[str] | None = None,
    places: AutostartPlaces | None = None,
    run: Runner = quiet_run,
) -> str:
    """Set up autostart; returns a sentence saying which way and where."""
    places = places or AutostartPlaces.for_user()
    command = list(command or kiosk_command())
    if method == "auto":
        method = "systemd" if has_systemd_user_session(run) else "xdg"
    if method == "systemd":
        places.unit.parent.mkdir(parents=True, exist_ok=True)
        places.unit.write_text(unit_text(command), encoding="utf-8")
        places.wants_link.parent.mkdir(parents=True, exist_ok=True)
        places.wants_link.unlink(missing_ok=True)
        places.wants_link.symlink_to(Path("..") / UNIT_NAME)
        _remove(places.desktop)  # one way at a time: never two kiosks at sign-in
        run(["systemctl", "--user", "daemon-reload"])  # fine to fail: no manager running now
        return (
            f"systemd user unit {places.unit} installed and enabled: the kiosk starts with the "
            f"graphical session and restarts after a crash"
        )
    if method == "xdg":
        places.desktop.parent.mkdir(parents=True, exist_ok=True)
        places.desktop.write_text(desktop_text(command), encoding="utf-8")
        _remove_unit(places, run)
        return (
            f"XDG autostart entry {places.desktop} installed (no systemd user session): the kiosk "
            f"starts at sign-in under `{LAUNCHER} supervise`, which restarts it after a crash"
        )
    raise ValueError(f"autostart method {method!r}: expected one of {', '.join(METHODS)}")


def remove(places: AutostartPlaces | None = None, run: Runner = quiet_run) -> str:
    places = places or AutostartPlaces.for_user()
    removed = [str(p) for p in (places.unit, places.desktop) if p.exists()]
    _remove_unit(places, run)
    _remove(places.desktop)
    if not removed:
        return "no autostart was set up for this user; nothing to remove"
    return "autostart removed: " + ", ".join(removed)


def _remove_unit(places: AutostartPlaces, run: Runner) -> None:
    existed = places.unit.exists()
    _remove(places.wants_link)
    _remove(places.unit)
    if existed:
        run(["systemctl", "--user", "daemon-reload"])


def _remove(path: Path) -> None:
    if path.is_symlink() or path.exists():
        path.unlink()
