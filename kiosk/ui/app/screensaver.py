"""The screen never blanks while the kiosk runs (and may sleep outside opening hours).

First choice: the desktop's `org.freedesktop.ScreenSaver.Inhibit` on the session bus, through
QtDBus (GNOME, KDE, Xfce and others offer it; it holds off the screensaver and display power
management). The inhibit is made on a connection of its own and released by closing that
connection: the services drop a client's inhibits when it leaves the bus, which also covers a
crash. (`UnInhibit` takes a D-Bus uint32, which PySide6 cannot send: a Python int goes out as
`i` or `q`, and the services check the type.)

On Windows: SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED) from the GUI thread.

Fallback, where no such service answers: an X11 keep-alive, `XResetScreenSaver` through
ctypes/libX11 every 50 seconds, which resets the screensaver and DPMS idle timers.

Outside the opening hours (the `screen_off_hours` setting) the inhibit is released, and on
X11 the display is switched off through DPMS; it comes back on when the showroom opens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import itertools
import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from kiosk.appliance.hours import OpeningHours

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
APP = "Emotion Kiosk"
REASON = "Showroom display"
CALL_TIMEOUT_MS = 3000
KEEPALIVE_MS = 50_000  # below the shortest screensaver timeout X11 allows to be useful (60 s)
HOURS_CHECK_MS = 60_000
_names = itertools.count(1)
ES_CONTINUOUS, ES_DISPLAY_REQUIRED = 0x80000000, 0x00000002  # SetThreadExecutionState (Windows)


def _windows_execution_state(flags: int) -> None:
    if sys.platform == "win32":
        ctypes.windll.kernel32.SetThreadExecutionState(ctypes.c_uint(flags))


def session_bus_expected() -> bool:
    """A session bus is announced ($DBUS_SESSION_BUS_ADDRESS) or at systemd's usual place.

    A runtime folder this user may not look into (root's, kept by `su` without `-`) means no
    session bus here: one warning naming the path, never an exception.
    """
    if not sys.platform.startswith("linux"):
        return False
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if not runtime:
        return False
    bus = Path(runtime, "bus")
    try:
        return bus.exists()
    except OSError as error:  # EACCES on another user's 0700 folder
        _warn_unreachable(bus, error.strerror or error)
        return False


_unreachable_reported: set[tuple[str, str]] = set()


def _warn_unreachable(where: object, why: object) -> None:
    """One warning per place and cause: the keeper asks again every minute while nothing holds."""
    key = (str(where), str(why))
    if key in _unreachable_reported:
        return
    _unreachable_reported.add(key)
    log.warning("event session_bus_unreachable %s: %s; taken as no session bus here", where, why)


def _ask_inhibit(bus: QDBusConnection) -> bool:
    """Ask the screensaver service on `bus` to inhibit; False where none answers."""
    call = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "Inhibit")
    call.setArguments([APP, REASON])
    reply = bus.call(call, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
    if reply.type() == QDBusMessage.MessageType.ReplyMessage:
        log.info("event dbus_inhibit cookie=%s", reply.arguments()[0])
        return True
    log.info("event dbus_inhibit_unavailable %s", reply.errorMessage())
    return False


def _xext() -> ctypes.CDLL | None:
    """libXext, for DPMS; None where it is missing or does not load."""
    name = ctypes.util.find_library("Xext")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


class X11Display:
    """libX11 (and libXext for DPMS) through ctypes; `open()` is None without a display."""

    def __init__(self, x11: ctypes.CDLL, display: int, xext: ctypes.CDLL | None) -> None:
        self._x11, self._display, self._xext = x11, ctypes.c_void_p(display), xext

    @classmethod
    def open(cls) -> X11Display | None:
        name = ctypes.util.find_library("X11")
        if name is None:
            return None
        try:
            x11 = ctypes.CDLL(name)
        except OSError:
            return None
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        display = x11.XOpenDisplay(None)
        if not display:
            return None
        for fn in ("XResetScreenSaver", "XFlush", "XCloseDisplay"):
            getattr(x11, fn).argtypes = [ctypes.c_void_p]
        return cls(x11, display, _xext())

    def reset_screensaver(self) -> None:
        self._x11.XResetScreenSaver(self._display)
        self._x11.XFlush(self._display)

    def set_display_on(self, on: bool) -> bool:
        """DPMS on or off; False where the server has no DPMS."""
        if self._xext is None or not self._xext.DPMSCapable(self._display):
            return False
        if not on:
            self._xext.DPMSEnable(self._display)
        self._xext.DPMSForceLevel(self._display, ctypes.c_ushort(0 if on else 3))  # DPMSModeOn / Off
        self._x11.XFlush(self._display)
        return True

    def close(self) -> None:
        self._x11.XCloseDisplay(self._display)


class ScreenKeeper(QObject):
    """`start()` keeps the screen on, `stop()` lets it go; `method` says how ("dbus", "x11", "")."""

    state_changed = Signal(str)  # "inhibited", "released", "unavailable"

    def __init__(
        self,
        hours: OpeningHours | None = None,
        *,
        bus_address: str | None = None,  # None: the session bus
        x11: Callable[[], X11Display | None] = X11Display.open,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hours, self._bus_address, self._open_x11, self._now = hours, bus_address, x11, now
        self._connection = ""  # the name of the connection holding the inhibit
        self._x11: X11Display | None = None
        self.method = ""
        self.held = False
        self._unavailable = False  # nothing kept the screen on at the last try
        self._keepalive = QTimer(self)
        self._keepalive.timeout.connect(self._on_keepalive_timeout)
        self._hours_timer = QTimer(self)
        self._hours_timer.timeout.connect(self._on_hours_timer_timeout)

    def start(self) -> None:
        self._apply()
        self._hours_timer.start(HOURS_CHECK_MS)

    def stop(self) -> None:
        self._hours_timer.stop()
        self._release()
        if self._x11 is not None:
            self._x11.close()
            self._x11 = None

    def set_hours(self, hours: OpeningHours | None) -> None:
        self._hours = hours
        self._apply()

    def is_open(self) -> bool:
        return self._hours is None or self._hours.is_open(self._now())

    def _apply(self) -> None:
        if self.is_open() and not self.held:
            if self.method == "x11" and self._x11 is not None:
                self._x11.set_display_on(True)
            self._hold()
        elif not self.is_open() and self.held:
            self._release()
            log.info("event screen_may_sleep outside opening hours %s", self._hours)
            if self._x11 is not None and self._x11.set_display_on(False):
                log.info("event display_off dpms")

    def _hold(self) -> None:
        if sys.platform == "win32":  # the display stays on while this thread asks for it
            _windows_execution_state(ES_CONTINUOUS | ES_DISPLAY_REQUIRED)
            self.method = "windows"
        elif self._inhibit_dbus():
            self.method = "dbus"
        else:
            self._x11 = self._x11 or self._open_x11()
            if self._x11 is None:
                if not self._unavailable:  # tried again every minute: said once, until it works
                    text = "event screen_keepalive_unavailable no %s service and no X11 display"
                    log.warning(text, SERVICE)
                    self.state_changed.emit("unavailable")
                self._unavailable = True
                return
            self.method = "x11"
            self._x11.reset_screensaver()
            self._keepalive.start(KEEPALIVE_MS)
        self.held = True
        self._unavailable = False
        log.info("event screen_inhibited method=%s", self.method)
        self.state_changed.emit("inhibited")

    def _inhibit_dbus(self) -> bool:
        if self._bus_address is None and not session_bus_expected():
            return False  # no bus to ask: and libdbus must not autolaunch one
        name = f"emotion-kiosk-screensaver-{next(_names)}"
        if self._bus_address is None:
            bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        else:
            bus = QDBusConnection.connectToBus(self._bus_address, name)
        if bus.isConnected() and _ask_inhibit(bus):
            self._connection = name
            return True
        if not bus.isConnected():  # e.g. a socket in a folder this user may not enter
            where = self._bus_address or os.environ.get("DBUS_SESSION_BUS_ADDRESS") or "the session bus"
            _warn_unreachable(where, bus.lastError().message() or "no connection")
        del bus  # the last reference: the connection closes with disconnectFromBus
        QDBusConnection.disconnectFromBus(name)
        return False

    def _release(self) -> None:
        if not self.held:
            return
        self._keepalive.stop()
        if self.method == "windows":
            _windows_execution_state(ES_CONTINUOUS)
        if self._connection:
            QDBusConnection.disconnectFromBus(self._connection)  # the service drops our inhibit
            self._connection = ""
        self.held = False
        log.info("event screen_released method=%s", self.method)
        self.state_changed.emit("released")

    @Slot()
    def _on_keepalive_timeout(self) -> None:
        if self._x11 is not None:
            self._x11.reset_screensaver()

    @Slot()
    def _on_hours_timer_timeout(self) -> None:
        self._apply()
