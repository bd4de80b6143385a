"""The showroom view: the current car full screen, crossfading to the next one.

Each car's picture is rendered once per window size (`scene.render_layers`) and cached, so
a transition only blends pixmaps and the HUD's repaints above it stay cheap. In a
transition the light crossfades, the cars glide and crossfade, and the old text fades out
before the new text fades in (two texts on top of each other would be hard to read). Staff step
through the cars with a click or tap on the left or right half, or a swipe; a 2 s press in
the top-left corner asks for the operator settings instead (`gestures.py` tells them apart).

The cars' texts are shown in the kiosk's language (`Car.in_language`), and change with it. A
dealer's rectangular photo is kept clear of the HUD card (`set_keep_clear`, from the window);
the dealer's logo (`set_logo`, `overlays.CornerLogo`) sits in the top-left corner above the text
column, under the corner-hold ring, which keeps a dark ground of its own so it always reads.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk.ui.common import theme
from kiosk.ui.common.i18n import current_language
from kiosk.ui.showroom.gestures import StaffGestures
from kiosk.ui.showroom.images import Car, PhotoError, photo_image, placeholder_image
from kiosk.ui.showroom.overlays import CornerLogo, paint_attention, paint_hold, paint_notice
from kiosk.ui.showroom.scene import SceneLayers, paint_dots, render_layers, trim_transparent

log = logging.getLogger(__name__)


class ShowroomView(QWidget):
    """Shows the car the showroom model chose (`kiosk.session.showroom`), crossfading; staff's taps
    and swipes only ask for another (`step_requested(+1 or -1)`): the model decides."""

    step_requested = Signal(int)
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("showroom")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._cars: tuple[Car, ...] = ()
        self._index = 0
        self._images: dict[str, QImage] = {}
        self._scenes: dict[tuple[str, int, int, str], SceneLayers] = {}
        self._keep_clear: QRectF | None = None  # the HUD card, which a dealer's photo stays out of
        self._logo = CornerLogo()
        self._previous: tuple[SceneLayers, QColor] | None = None  # what the transition leaves
        self._progress = 1.0
        self._notice = ""
        self._attention = ""  # "", "warning" or "error": the operator's discreet indicator
        self._fade = QVariantAnimation(self)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.setDuration(1200)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._fade.valueChanged.connect(self._on_fade_value_changed)
        self._fade.finished.connect(self._on_fade_finished)
        self._gestures = StaffGestures(self)
        self._gestures.step_requested.connect(self.step_requested)
        self._gestures.settings_requested.connect(self.settings_requested)
        self._gestures.hold_changed.connect(self.update)
        self._warm_up = QTimer(self)
        self._warm_up.setSingleShot(True)
        self._warm_up.setInterval(300)
        self._warm_up.timeout.connect(self._on_warm_up_timeout)

    # -- content -------------------------------------------------------------------------

    @property
    def cars(self) -> tuple[Car, ...]:
        return self._cars

    @property
    def current_car(self) -> Car | None:
        return self._cars[self._index] if self._cars else None

    @property
    def is_fading(self) -> bool:
        return self._fade.state() == QVariantAnimation.State.Running

    def set_cars(self, cars: tuple[Car, ...], index: int = 0) -> None:
        """Show these cars, car `index` at once (a new catalogue, or the start)."""
        self._cars = cars
        self._images.clear()
        self._scenes.clear()
        self._index = index if 0 <= index < len(cars) else 0
        self._previous = None
        self._progress = 1.0
        self.update()
        self._start_warm_up()

    def set_transition_ms(self, ms: int) -> None:
        self._fade.setDuration(max(1, ms))

    def set_keep_clear(self, rect: QRectF | None) -> None:
        """The area (the HUD card) that a rectangular photo is laid out clear of; None: none."""
        if rect != self._keep_clear:
            self._keep_clear = QRectF(rect) if rect is not None else None
            self._forget_pictures()

    @property
    def keep_clear(self) -> QRectF | None:
        return self._keep_clear

    def set_logo(self, image: QImage | None) -> None:
        """The dealer's logo, painted small in the top-left corner; None: no logo."""
        self._logo.set_image(image)
        self.update()

    @property
    def logo_rect(self) -> QRectF:
        """Where the logo is painted (empty without one): above the text column, left-aligned with it."""
        return self._logo.rect(QSizeF(self.size()))

    def set_notice(self, text: str) -> None:
        self._notice = text
        self.update()

    def set_attention(self, level: str) -> None:
        """The operator's discreet indicator: a small dot in the bottom-right corner, amber for
        "warning", red for "error", none for "". Staff know to look for it (the Status page of
        the settings says what it is about); visitors are never shown a technical message."""
        if level != self._attention:
            self._attention = level
            self.update()

    @property
    def attention(self) -> str:
        return self._attention

    def show_index(self, index: int) -> None:
        """Crossfade to car `index` of the cars shown."""
        if not 0 <= index < len(self._cars) or index == self._index:
            return
        self._previous = (self._scene(self._index), QColor(self._cars[self._index].accent))
        self._index = index
        self._progress = 0.0
        self._fade.stop()
        self._fade.start()

    # -- images --------------------------------------------------------------------------

    def _image(self, car: Car) -> QImage:
        """The car's photo scaled for the screen (decoded once); a placeholder when it cannot be shown."""
        if car.id not in self._images:
            try:
                self._images[car.id] = trim_transparent(photo_image(car.image))
            except PhotoError as error:
                log.warning("event catalog_photo_unusable car=%s %s", car.id, error)
                self._images[car.id] = placeholder_image()
        return self._images[car.id]

    def _scene(self, index: int) -> SceneLayers:
        car = self._cars[index]
        language = current_language()
        key = (car.id, self.width(), self.height(), language)
        if key not in self._scenes:
            if len(self._scenes) > 8:
                self._scenes.clear()
            size = QSize(max(1, self.width()), max(1, self.height()))
            self._scenes[key] = render_layers(
                car.in_language(language),
                self._image(car),
                size,
                index=index,
                count=len(self._cars),
                dpr=self.devicePixelRatioF(),
                keep_clear=self._keep_clear,
            )
        return self._scenes[key]

    def _forget_pictures(self) -> None:
        """The cached pictures no longer fit (another size, language or HUD place): paint anew."""
        self._scenes.clear()
        self._previous = None
        self._progress = 1.0
        self.update()

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setClipRect(event.rect())
        if not self._cars:
            painter.fillRect(event.rect(), theme.BACKGROUND)
            self._paint_empty(painter)
        elif self._previous is not None and self._progress < 1.0:
            self._paint_transition(painter, self._previous[0], self._scene(self._index), self._progress)
        else:
            self._paint_layers(painter, self._scene(self._index), 0.0, 1.0, 1.0)
        self._paint_overlays(painter)
        painter.end()

    def _paint_transition(self, painter: QPainter, old: SceneLayers, new: SceneLayers, p: float) -> None:
        glide = self.width() * 0.04
        painter.drawPixmap(0, 0, old.backdrop)
        painter.setOpacity(p)
        painter.drawPixmap(0, 0, new.backdrop)
        self._paint_layers(painter, old, -glide * p, 1.0 - p, max(0.0, 1.0 - 2.0 * p), backdrop=False)
        self._paint_layers(painter, new, glide * (1.0 - p), p, max(0.0, 2.0 * p - 1.0), backdrop=False)

    def _paint_layers(
        self,
        painter: QPainter,
        layers: SceneLayers,
        car_dx: float,
        car_alpha: float,
        text_alpha: float,
        *,
        backdrop: bool = True,
    ) -> None:
        if backdrop:
            painter.setOpacity(1.0)
            painter.drawPixmap(0, 0, layers.backdrop)
        if layers.car is not None and car_alpha > 0.0:
            painter.setOpacity(car_alpha)
            painter.drawPixmap(layers.car_at + QPointF(car_dx, 0.0), layers.car)
        if text_alpha > 0.0:
            painter.setOpacity(text_alpha)
            painter.drawPixmap(QPointF(0.0, self._s(14) * (1.0 - text_alpha)), layers.text)
        painter.setOpacity(1.0)

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(theme.TEXT_MUTED)
        painter.setFont(theme.font(self._s(30), weight=QFont.Weight.Light, display=True))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No cars to show"))

    def _s(self, value: float) -> float:
        return value * self.height() / 1080.0

    def _paint_overlays(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._logo.paint(painter, QSizeF(self.size()), self.devicePixelRatioF())
        self._paint_notice(painter)
        self._paint_dots(painter)
        self._paint_hold(painter)
        self._paint_attention(painter)

    @property
    def hold_progress(self) -> float:
        """0..1 while the top-left corner is held (1: the PIN prompt opens); 0 otherwise."""
        return self._gestures.hold_progress

    def _paint_hold(self, painter: QPainter) -> None:
        if self.hold_progress > 0.0:
            paint_hold(painter, self._s(1), self.hold_progress, self.tr("Hold for settings…"))

    def _paint_dots(self, painter: QPainter) -> None:
        if not self._cars:
            return
        accent = QColor(self._cars[self._index].accent)
        if self._previous is not None and self._progress < 1.0:
            accent = theme.mix(self._previous[1], accent, self._progress)
        paint_dots(painter, QRectF(self.rect()), self._s(1), accent, self._index, len(self._cars))

    def _paint_notice(self, painter: QPainter) -> None:
        if self._notice:
            paint_notice(painter, QSizeF(self.size()), self._s(1), self._notice)

    def _paint_attention(self, painter: QPainter) -> None:
        if self._attention:
            paint_attention(painter, QSizeF(self.size()), self._s(1), self._attention == "error")

    # -- animation -----------------------------------------------------------------------

    @Slot(object)
    def _on_fade_value_changed(self, value: object) -> None:
        if isinstance(value, float):
            self._progress = value
            self.update()

    @Slot()
    def _on_fade_finished(self) -> None:
        self._progress = 1.0
        self._previous = None
        self.update()
        self._start_warm_up()

    def _start_warm_up(self) -> None:
        if self.isVisible():  # a hidden view is warmed up when it is shown (showEvent)
            self._warm_up.start()

    @Slot()
    def _on_warm_up_timeout(self) -> None:
        """Render the neighbours' pictures while nothing moves, so the next switch starts at once."""
        if self._cars and not self.is_fading and self.isVisible():
            for step in (1, -1):
                self._scene((self._index + step) % len(self._cars))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._forget_pictures()  # they hold translated words ("Price") and the cars' texts
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._forget_pictures()
        self._start_warm_up()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self._warm_up.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """Hidden (the window closed): a fade ends where it was going, and no warm-up or held
        press is left pending for an unseen view."""
        if self.is_fading:
            self._fade.stop()
            self._progress = 1.0
            self._previous = None
        self._warm_up.stop()
        self._gestures.cancel()
        super().hideEvent(event)

    # -- staff input (StaffGestures says what a press asks for) ----------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self._gestures.press(event.position().toPoint())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self._gestures.release(event.position())
