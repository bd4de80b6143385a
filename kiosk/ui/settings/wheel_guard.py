"""The mouse wheel scrolls a settings page; it changes a value only in the field being edited.

Scrolling a long page with the wheel used to change whatever drop-down, number box or slider
passed under the pointer (scrolling the Cars page turned a car's "when unhappy, show" from
Automatic to Ironbark). `WheelGuard(root)` watches the application's events, so it also covers
the widgets that pages make later and the pages other modules own: a wheel turned over a value
widget inside `root` that does not have the keyboard focus goes to the nearest scroll area that
can scroll that way (or nowhere), never to the widget. A widget that has the focus (clicked, or
reached with Tab) takes the wheel as usual. Such widgets also stop taking the focus from the
wheel itself (Qt's WheelFocus), which would otherwise hand them the very turn that passes over.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDial,
    QScrollBar,
    QSlider,
    QWidget,
)

# Widgets whose value the wheel changes (QAbstractSpinBox: number, date and time boxes).
# Not QScrollBar, although it is a QAbstractSlider too: it is what the wheel should move.
GUARDED = (QComboBox, QAbstractSpinBox, QSlider, QDial)


def is_guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED)


def without_wheel_focus(widget: QWidget) -> None:
    """Focus by click or Tab only: a wheel turn passing over must not give the widget the focus."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def scroll_bar_for(widget: QWidget, event: QWheelEvent) -> QScrollBar | None:
    """The scroll bar of the nearest scroll area around `widget` that can move the wheel's way."""
    delta = event.angleDelta() if not event.angleDelta().isNull() else event.pixelDelta()
    vertical = abs(delta.y()) >= abs(delta.x())
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            bar = parent.verticalScrollBar() if vertical else parent.horizontalScrollBar()
            if bar.maximum() > bar.minimum():
                return bar
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """Installed on the application for as long as `root` lives (it is `root`'s child)."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self._root = root
        for widget in root.findChildren(QWidget):
            if is_guarded(widget):
                without_wheel_focus(widget)
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication is needed first"
        app.installEventFilter(self)  # removed by Qt when this object is deleted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Polish and is_guarded(watched):  # made after the guard was installed
            assert isinstance(watched, QWidget)
            if self._root.isAncestorOf(watched):
                without_wheel_focus(watched)
            return False
        if kind != QEvent.Type.Wheel or not is_guarded(watched):
            return False
        assert isinstance(watched, QWidget) and isinstance(event, QWheelEvent)
        if watched.hasFocus() or not self._root.isAncestorOf(watched):
            return False
        bar = scroll_bar_for(watched, event)
        if bar is not None:
            QCoreApplication.sendEvent(bar, event)
        event.accept()  # handled here: Qt passes it on to no parent
        return True  # the value stays as it was, scrolled or not
