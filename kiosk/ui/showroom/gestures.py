"""Staff's presses on the showroom: a tap on the left or right half, or a swipe, asks for
another car; a 2 s press in the top-left corner asks for the operator settings, with a ring
filling while it is held (`hold_progress`, painted by the view).

`StaffGestures` reads the presses its view forwards (`press`, `release`, `cancel`) and says
what they ask for as signals; it keeps no state of the showroom's.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QPointF, QTimer, QVariantAnimation, Signal, Slot
from PySide6.QtWidgets import QWidget

LONG_PRESS_MS = 2000
CORNER_FRACTION = 0.1  # the top-left corner that opens the settings on a long press
SWIPE_FRACTION = 0.06  # a horizontal drag longer than this (of the width) is a swipe


class StaffGestures(QObject):
    """The presses on `view` (its size decides the corner, the halves and a swipe's length)."""

    step_requested = Signal(int)  # +1: the next car, -1: the one before
    settings_requested = Signal()
    hold_changed = Signal()  # the ring filled on, or went: the view repaints it

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self._press: QPoint | None = None
        self._long_press = QTimer(self)
        self._long_press.setSingleShot(True)
        self._long_press.setInterval(LONG_PRESS_MS)
        self._long_press.timeout.connect(self._on_long_press_timeout)
        self._hold = QVariantAnimation(self)  # the ring that fills while the corner is held
        self._hold.setStartValue(0.0)
        self._hold.setEndValue(1.0)
        self._hold.setDuration(LONG_PRESS_MS)
        self._hold.valueChanged.connect(self._on_hold_value_changed)

    @property
    def hold_progress(self) -> float:
        """0..1 while the top-left corner is held (1: the PIN prompt opens); 0 otherwise."""
        if self._hold.state() != QVariantAnimation.State.Running:
            return 0.0
        value = self._hold.currentValue()
        return float(value) if isinstance(value, float) else 0.0

    def press(self, pos: QPoint) -> None:
        self._press = pos
        if self._in_corner(pos):
            self._long_press.start()
            self._hold.start()

    def release(self, pos: QPointF) -> None:
        """A tap or a swipe asks for a step; a press in the corner, long or short, for none."""
        press, self._press = self._press, None
        self._long_press.stop()
        self._stop_hold()
        if press is None or self._in_corner(press):
            return
        dx = pos.x() - press.x()
        if abs(dx) > self._view.width() * SWIPE_FRACTION:
            self.step_requested.emit(1 if dx < 0 else -1)
        else:
            self.step_requested.emit(-1 if press.x() < self._view.width() / 2 else 1)

    def cancel(self) -> None:
        """Forget a press in progress (the view was hidden): no step, no settings."""
        self._long_press.stop()
        self._press = None
        self._stop_hold()

    def _in_corner(self, pos: QPoint) -> bool:
        side = max(64.0, self._view.height() * CORNER_FRACTION)
        return pos.x() < side and pos.y() < side

    @Slot(object)
    def _on_hold_value_changed(self, _value: object) -> None:
        self.hold_changed.emit()

    @Slot()
    def _on_long_press_timeout(self) -> None:
        self._stop_hold()
        if self._press is not None and self._in_corner(self._press):
            self.settings_requested.emit()

    def _stop_hold(self) -> None:
        if self._hold.state() == QVariantAnimation.State.Running:
            self._hold.stop()
            self.hold_changed.emit()
