"""The emotion HUD: a corner card with the camera preview, the expression and the negative meter.

It paints itself from the newest `AnalysisResult`; the preview arrives as an owned RGB
array and is turned into a pixmap here, on the GUI thread. Faces the pipeline found in the
staff zone (`Analysis.ignored`) are drawn grey and marked "not analysed"; the zone itself is
never outlined here (visitors see the HUD), only in the operator's settings.

The card explains itself to the visitor: the expression is what the camera reads in this
frame, with how sure the model is of it ("Sad", seen now, 37 % sure); the meter is the share of
all unhappy expressions together (angry, disgust, fear, sad: the engine's smoothed negative
score, see `kiosk.reaction.engine`), over the last seconds. Its legend names the two marks: the
visitor's resting face and the level where the showroom reacts. No text is drawn below
MIN_TEXT_PX: on a small screen the card keeps its proportions at HUD_MIN_SCALE.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from kiosk.reaction.engine import ReactionConfig
from kiosk.session.results import AnalysisResult, SourceMode, WorkerStatus
from kiosk.session.status_text import source_text
from kiosk.ui.common import theme
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, emotion_name, translate
from kiosk.ui.showroom.emoji import paint_emoji
from kiosk.vision.source import SourceState
from kiosk.vision.types import Box, FaceResult

_MODE_TEXT = {  # translated where shown
    SourceMode.CAMERA: QT_TRANSLATE_NOOP("EmotionHud", "Live"),
    SourceMode.VIDEO: QT_TRANSLATE_NOOP("EmotionHud", "Video"),
    SourceMode.DEMO: QT_TRANSLATE_NOOP("EmotionHud", "Demo mode"),
    SourceMode.NONE: QT_TRANSLATE_NOOP("EmotionHud", "No camera"),
}
REACTION = ReactionConfig()  # the engine's default levels
BASE_WIDTH = 330  # card width at 1080 lines
NO_SCORE = "–"  # the meter's figure while nobody is there
BASELINE_COLOR = QColor(120, 200, 255, 200)  # the mark of the visitor's resting face
REACTS_COLOR = QColor(theme.TEXT)  # the mark of the level where the showroom reacts
PAD, HEADER, EXPRESSION, METER = 16, 22, 62, 58  # the card's rows, pixels at 1080 lines
SMALLEST_TEXT = 11.5  # the smallest type at 1080 lines (the meter's caption, legend, face labels)
MIN_TEXT_PX = 10.0  # no HUD text is smaller than this, whatever the screen
HUD_MIN_SCALE = MIN_TEXT_PX / SMALLEST_TEXT  # the card never shrinks further (about 0.87)
METER_CAPTION = QT_TRANSLATE_NOOP("EmotionHud", "Negative, last seconds")
RESTING_LEGEND = QT_TRANSLATE_NOOP("EmotionHud", "resting face")
REACTS_LEGEND = QT_TRANSLATE_NOOP("EmotionHud", "showroom reacts")


def preview_pixmap(result: AnalysisResult) -> QPixmap | None:
    """A pixmap of the result's preview, built on the GUI thread (QPixmap copies the pixels)."""
    array = result.preview
    if array is None:
        return None
    height, width = array.shape[:2]
    image = QImage(array.data, width, height, array.strides[0], QImage.Format.Format_RGB888)
    return QPixmap.fromImage(image)


def _mapped(box: Box, target: QRectF, scale: float) -> QRectF:
    """A frame-pixel box in the preview's on-screen rectangle."""
    return QRectF(target.x() + box.x * scale, target.y() + box.y * scale, box.w * scale, box.h * scale)


class EmotionHud(QWidget):
    """The corner card. Feed it with `show_result()` and `set_status()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emotionHud")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._scale = 1.0
        self._accent = QColor(theme.WARN)
        self._result: AnalysisResult | None = None
        self._pixmap: QPixmap | None = None
        self._status = WorkerStatus()
        self._trigger = REACTION.trigger_level  # until the settings say otherwise (set_levels)
        self._release = REACTION.release_level
        self._margin = REACTION.baseline_margin
        self._preview_visible = True

    # -- inputs --------------------------------------------------------------------------

    def show_result(self, result: AnalysisResult) -> None:
        self._result = result
        self._pixmap = preview_pixmap(result) if self._preview_visible else None
        self.update()

    def set_status(self, status: WorkerStatus) -> None:
        self._status = status
        if status.source_state != SourceState.LIVE:
            self._pixmap = None
        self.update()

    def set_levels(self, trigger: float, release: float, margin: float = REACTION.baseline_margin) -> None:
        """The reaction's levels: trigger and release, and the margin above a visitor's resting
        face (ReactionConfig.baseline_margin) that raises the trigger for them."""
        self._trigger, self._release, self._margin = trigger, release, margin
        self.update()

    def set_preview_visible(self, visible: bool) -> None:
        self._preview_visible = visible
        if not visible:
            self._pixmap = None
        self.resize(self.sizeHint())
        self.update()

    def set_accent(self, accent: QColor) -> None:
        self._accent = QColor(accent)
        self.update()

    def set_scale(self, scale: float) -> None:
        """The screen's scale (height / 1080); below HUD_MIN_SCALE the card keeps that size, so
        its texts stay readable on a small screen."""
        self._scale = max(scale, HUD_MIN_SCALE)
        self.resize(self.sizeHint())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # every text is translated as it is painted
        super().changeEvent(event)

    # -- layout --------------------------------------------------------------------------

    def _s(self, value: float) -> float:
        return value * self._scale

    def _preview_height(self) -> float:
        return self._s(BASE_WIDTH - 32) * 9 / 16 if self._preview_visible else 0.0

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        rows = PAD + HEADER + 10 + EXPRESSION + 8 + METER + PAD - 2
        preview = self._preview_height() + self._s(14) if self._preview_visible else 0.0
        return QSize(round(self._s(BASE_WIDTH)), round(self._s(rows) + preview))

    def _font(
        self,
        size: float,
        *,
        weight: QFont.Weight = QFont.Weight.Normal,
        spacing: float = 0.0,
        caps: bool = False,
    ) -> QFont:
        """The theme's font at `size` (pixels at 1080 lines) on this card, never below MIN_TEXT_PX."""
        return theme.font(max(self._s(size), MIN_TEXT_PX), weight=weight, spacing=spacing, caps=caps)

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        card = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(theme.HAIRLINE, 1))
        painter.setBrush(theme.SURFACE)
        painter.drawRoundedRect(card, self._s(18), self._s(18))
        pad, inner = self._s(PAD), card.width() - 2 * self._s(PAD)
        y = self._paint_header(painter, QRectF(pad, pad, inner, self._s(HEADER)))
        if self._preview_visible:
            preview = QRectF(pad, y + self._s(10), inner, self._preview_height())
            self._paint_preview(painter, preview)
            y = preview.bottom() + self._s(4)
        y = self._paint_expression(painter, QRectF(pad, y + self._s(10), inner, self._s(EXPRESSION)))
        self._paint_meter(painter, QRectF(pad, y + self._s(8), inner, self._s(METER)))
        painter.end()

    def _paint_header(self, painter: QPainter, rect: QRectF) -> float:
        status = self._status
        color = {
            SourceMode.CAMERA: theme.GOOD,
            SourceMode.VIDEO: theme.GOOD,
            SourceMode.DEMO: theme.WARN,
        }.get(status.mode, theme.BAD)
        if status.mode == SourceMode.CAMERA and status.source_state != SourceState.LIVE:
            color = theme.WARN
        if self._fault():
            color = theme.BAD
        radius = self._s(4.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(rect.left() + radius, rect.center().y()), radius, radius)
        painter.setPen(theme.TEXT_MUTED)
        painter.setFont(self._font(12.5, weight=QFont.Weight.DemiBold, spacing=12, caps=True))
        text_rect = rect.adjusted(radius * 2 + self._s(8), 0, 0, 0)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.tr("Expression")
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, self._mode_text()
        )
        return rect.bottom()

    def _fault(self) -> str | None:
        """The analysis keeps failing (see Pipeline.fault): the card says it is paused, in the
        visitor's words; what failed goes to the operator status (the Status page, the log)."""
        return self._result.fault if self._result is not None else None

    def _mode_text(self) -> str:
        status = self._status
        if self._fault():
            return self.tr("Paused")
        if status.mode == SourceMode.CAMERA and status.source_state == SourceState.RECONNECTING:
            return self.tr("Reconnecting")
        return translate("EmotionHud", _MODE_TEXT[status.mode])

    def _paint_preview(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        clip = QPainterPath()
        clip.addRoundedRect(rect, self._s(10), self._s(10))
        painter.setClipPath(clip)
        painter.fillRect(rect, QColor("#06080a"))
        pixmap, result = self._pixmap, self._result
        if pixmap is None or result is None:
            self._paint_preview_placeholder(painter, rect)
        else:
            target = _cover(QRectF(pixmap.rect()), rect)
            painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
            self._paint_faces(painter, target, result)
        painter.restore()

    def _paint_preview_placeholder(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(theme.TEXT_FAINT)
        painter.setFont(self._font(13))
        text = source_text(self._status) or self.tr("No picture")
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(rect.adjusted(self._s(16), 0, -self._s(16), 0), flags, text)

    def _paint_faces(self, painter: QPainter, target: QRectF, result: AnalysisResult) -> None:
        analysis = result.analysis
        if analysis is None:
            return
        scale = target.width() / max(1, result.frame_size[0])
        for box in analysis.ignored:
            self._paint_box(
                painter, _mapped(box, target, scale), self.tr("not analysed"), QColor(150, 150, 150, 170), 1
            )
        for index, face in enumerate(analysis.faces):
            visitor = index == analysis.visitor
            color = self._accent if visitor else QColor(255, 255, 255, 150)
            label = f"{emotion_name(face.label)} {face.confidence:.0%}"
            self._paint_box(painter, _mapped(face.box, target, scale), label, color, 2 if visitor else 1)

    def _paint_box(self, painter: QPainter, box: QRectF, label: str, color: QColor, width: float) -> None:
        painter.setPen(QPen(color, self._s(width)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, self._s(4), self._s(4))
        painter.setFont(self._font(SMALLEST_TEXT, weight=QFont.Weight.DemiBold))
        chip = QRectF(painter.fontMetrics().boundingRect(label)).adjusted(-4, -2, 4, 2)
        chip.moveBottomLeft(box.topLeft() - QPointF(0, self._s(3)))
        if chip.top() < 0:
            chip.moveTopLeft(box.bottomLeft() + QPointF(0, self._s(3)))
        painter.fillRect(chip, color)
        painter.setPen(QColor("#101214"))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)

    def _visitor_face(self) -> FaceResult | None:
        result = self._result
        if result is None or result.analysis is None:
            return None
        return result.analysis.visitor_face

    def _paint_expression(self, painter: QPainter, rect: QRectF) -> float:
        face = self._visitor_face()
        emoji = QRectF(rect.left(), rect.top(), rect.height(), rect.height())
        paint_emoji(painter, emoji, face.label if face else None, opacity=1.0 if face else 0.6)
        text = rect.adjusted(rect.height() + self._s(14), 0, 0, 0)
        title, detail = self._expression_text(face)
        painter.setPen(theme.TEXT if face else theme.TEXT_MUTED)
        painter.setFont(self._font(25, weight=QFont.Weight.Medium))
        top = QRectF(text.left(), text.top() + self._s(4), text.width(), text.height() * 0.55)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title)
        painter.setPen(theme.TEXT_MUTED)
        painter.setFont(self._font(13.5))
        bottom = QRectF(text.left(), top.bottom() + self._s(2), text.width(), text.height() * 0.4)
        detail = painter.fontMetrics().elidedText(detail, Qt.TextElideMode.ElideRight, round(bottom.width()))
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, detail)
        return rect.bottom()

    def _expression_text(self, face: FaceResult | None) -> tuple[str, str]:
        if self._fault():
            return self.tr("Analysis paused"), self.tr("Back in a moment")
        if face is not None:  # this frame's reading, not the meter's seconds
            percent = f"{face.confidence:.0%}"
            return emotion_name(face.label).capitalize(), self.tr("Seen now, {percent} sure").format(
                percent=percent
            )
        if not self._status.model_loaded and self._status.model_message:
            return self.tr("Analysis off"), self.tr("No emotion model loaded")
        return self.tr("No visitor"), self.tr("Waiting for someone to look")

    def _paint_meter(self, painter: QPainter, rect: QRectF) -> None:
        """The caption and figure, the bar with its marks, and the marks' legend beneath."""
        result = self._result
        negative = result.negative if result is not None and self._visitor_face() else None
        painter.setFont(self._font(SMALLEST_TEXT, weight=QFont.Weight.DemiBold, spacing=10, caps=True))
        painter.setPen(theme.TEXT_MUTED)
        label = QRectF(rect.left(), rect.top(), rect.width(), self._s(16))
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        figure, metrics = self.meter_text(), painter.fontMetrics()
        room = round(label.width() - metrics.horizontalAdvance(figure) - self._s(8))
        caption = metrics.elidedText(self.meter_caption(), Qt.TextElideMode.ElideRight, room)  # never over it
        painter.drawText(label, left | Qt.AlignmentFlag.AlignVCenter, caption)
        painter.drawText(label, right | Qt.AlignmentFlag.AlignVCenter, figure)
        track = QRectF(rect.left(), label.bottom() + self._s(10), rect.width(), self._s(8))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 28))
        painter.drawRoundedRect(track, track.height() / 2, track.height() / 2)
        if negative is not None:
            self._paint_meter_fill(painter, track, negative)
        ticks = self.meter_ticks()
        for level, color, _text in ticks:
            self._paint_tick(painter, track, level, color)
        top = track.bottom() + self._s(9)
        self._paint_legend(painter, QRectF(rect.left(), top, rect.width(), rect.bottom() - top), ticks)

    def meter_caption(self) -> str:
        return translate("EmotionHud", METER_CAPTION)

    def meter_text(self) -> str:
        """The meter's figure: the visitor's score, "learning…" while their baseline is learnt."""
        result = self._result
        if result is None or result.negative is None or not self._visitor_face():
            return NO_SCORE
        return self.tr("learning…") if result.learning else f"{result.negative:.0%}"

    def reaction_level(self) -> float:
        """Where the showroom reacts for this visitor: the trigger level, raised by the margin above
        their resting face once it is learnt. It mirrors ReactionEngine._levels (a test holds them
        together), as the result does not carry the engine's own figure."""
        result = self._result
        resting = result.baseline if result is not None else None
        if resting is None or self.meter_text() == NO_SCORE:
            return self._trigger
        return max(self._trigger, resting + self._margin * (1.0 - resting))

    def meter_ticks(self) -> list[tuple[float, QColor, str]]:
        """(level, colour, legend) of the meter's marks: the visitor's resting face once it is
        learnt, and where the showroom reacts."""
        ticks = [(self.reaction_level(), REACTS_COLOR, translate("EmotionHud", REACTS_LEGEND))]
        result = self._result
        if result is not None and result.baseline is not None and self.meter_text() != NO_SCORE:
            ticks.insert(0, (result.baseline, BASELINE_COLOR, translate("EmotionHud", RESTING_LEGEND)))
        return ticks  # the resting face first: it is the lower mark

    def _paint_meter_fill(self, painter: QPainter, track: QRectF, negative: float) -> None:
        paint_meter_fill(painter, track, negative, self._release, self._trigger)

    def _paint_tick(self, painter: QPainter, track: QRectF, level: float, color: QColor) -> None:
        x = track.left() + track.width() * max(0.0, min(1.0, level))
        painter.setPen(QPen(color, self._s(2)))
        painter.drawLine(QPointF(x, track.top() - self._s(4)), QPointF(x, track.bottom() + self._s(4)))

    def _paint_legend(self, painter: QPainter, rect: QRectF, ticks: list[tuple[float, QColor, str]]) -> None:
        """A short bar in each mark's colour and what the mark means, side by side."""
        painter.setFont(self._font(SMALLEST_TEXT))
        metrics = painter.fontMetrics()
        x = rect.left()
        for _level, color, text in ticks:
            bar = QRectF(x, rect.top() + self._s(1), self._s(2), self._s(12))
            painter.fillRect(bar, color)
            painter.setPen(theme.TEXT_MUTED)
            width = metrics.horizontalAdvance(text) + 2
            label = QRectF(bar.right() + self._s(6), rect.top(), width, self._s(14))
            painter.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x = label.right() + self._s(16)


def paint_meter_fill(
    painter: QPainter, track: QRectF, negative: float, release: float, trigger: float
) -> None:
    """The meter's bar up to `negative`: green, amber at the release level, red at the trigger."""
    fill = QRectF(track.left(), track.top(), max(track.height(), track.width() * negative), track.height())
    gradient = QLinearGradient(track.topLeft(), track.topRight())
    gradient.setColorAt(0.0, theme.GOOD)
    gradient.setColorAt(max(0.05, release), theme.WARN)
    gradient.setColorAt(min(1.0, max(release + 0.05, trigger)), theme.BAD)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(fill, track.height() / 2, track.height() / 2)


def _cover(source: QRectF, bounds: QRectF) -> QRectF:
    """`source`'s aspect ratio, centred, just large enough to cover `bounds` (the rest is clipped)."""
    if source.width() <= 0 or source.height() <= 0:
        return bounds
    scale = max(bounds.width() / source.width(), bounds.height() / source.height())
    fitted = QRectF(0, 0, source.width() * scale, source.height() * scale)
    fitted.moveCenter(bounds.center())
    return fitted
