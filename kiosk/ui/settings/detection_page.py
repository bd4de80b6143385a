"""The Detection & reaction page of the settings dialog: when the showroom reacts to a visitor,
and the staff zone it ignores; a level meter shows the visitor in front of the camera now
against the levels set, and the staff zone is drawn on the live picture."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFormLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.session.results import AnalysisResult
from kiosk.settings.model import KioskSettings, check_field
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.settings.fields import FieldForm, PercentField, hint_label
from kiosk.ui.settings.page import SettingsPage, page_heading
from kiosk.ui.settings.zone_editor import ZoneEditor
from kiosk.ui.showroom.level_meter import LevelMeter


class DetectionPage(SettingsPage):
    """What a dealer sets (how unhappy before the car changes, the pause between changes, how
    near a visitor must be, the staff zone), with the fine-tuning of the reaction below it
    under Advanced, folded away until opened (each time the dialog opens)."""

    title = QT_TRANSLATE_NOOP("SettingsPage", "Detection & reaction")
    SIMPLE = ("trigger_level", "cooldown_s", "min_face_size")
    ADVANCED = (
        "negative_labels",
        "release_level",
        "smoothing_s",
        "dwell_s",
        "baseline_enabled",
        "baseline_s",
        "baseline_margin",
        "weak_labels",
        "weak_weight",
        "weak_window_s",
    )
    ZONE = ("ignore_x", "ignore_y", "ignore_w", "ignore_h")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(list(self.SIMPLE), parent)
        self.meter = LevelMeter()
        self.outer.insertWidget(1, self.meter)
        self.outer.insertWidget(
            2,
            hint_label(
                self.tr("The bar shows the visitor in front of the camera now, against the levels below.")
            ),
        )
        self._build_advanced()
        for form, name in ((self.form, "trigger_level"), (self.advanced_form, "release_level")):
            self._percent(form, name).spin.valueChanged.connect(self._on_level_value_changed)
        self._build_zone()
        self.outer.addStretch(1)

    def _build_advanced(self) -> None:
        """A toggle row, then the advanced fields in the same form (so their columns line up)."""
        self.advanced_button = QPushButton()
        self.advanced_button.setObjectName("advancedToggle")
        self.advanced_button.setCheckable(True)
        self.advanced_button.toggled.connect(self._on_advanced_toggled)
        self.form_layout.addRow("", self.advanced_button)
        self.form_layout.addRow(
            "",
            hint_label(
                self.tr("How the reaction is worked out, in detail: the defaults suit most showrooms.")
            ),
        )
        first = self.form_layout.rowCount()
        self.advanced_form = FieldForm(list(self.ADVANCED), self.form_layout)
        self._advanced_rows = range(first, self.form_layout.rowCount())
        self.show_advanced(False)

    def _build_zone(self) -> None:
        column = QVBoxLayout()
        column.addWidget(
            hint_label(self.tr("Staff zone: drag a rectangle on the picture around where staff stand."))
        )
        self.zone_editor = ZoneEditor(editable=True)
        self.zone_editor.zone_edited.connect(self._on_zone_edited)
        column.addWidget(self.zone_editor, 1)
        zone_layout = QFormLayout()
        self.zone_form = FieldForm(list(self.ZONE), zone_layout, hints=False)
        column.addLayout(zone_layout)
        self.clear_button = QPushButton(self.tr("Clear the staff zone"))
        self.clear_button.clicked.connect(self._on_clear_clicked)
        column.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.zone_editor.setMinimumHeight(240)
        self.zone_editor.setMaximumHeight(360)
        self.outer.addSpacing(12)
        self.outer.addWidget(page_heading(self.tr("Staff zone")))
        self.outer.addLayout(column)  # below the form, so the page scrolls down, never sideways
        for name in self.ZONE:
            self._percent(self.zone_form, name).spin.valueChanged.connect(self._on_zone_value_changed)

    @staticmethod
    def _percent(form: FieldForm, name: str) -> PercentField:
        widget = form[name].widget
        assert isinstance(widget, PercentField)
        return widget

    def forms(self) -> list[FieldForm]:
        return [self.form, self.advanced_form, self.zone_form]

    @property
    def advanced_shown(self) -> bool:
        return self.advanced_button.isChecked()

    def show_advanced(self, shown: bool) -> None:
        """Unfold (or fold away) the advanced fields."""
        self.advanced_button.setChecked(shown)
        self._on_advanced_toggled(shown)

    def reveal_problems(self, settings: KioskSettings) -> None:
        """Unfold Advanced when a problem of `settings` lies there, so the field named is in view."""
        if advanced_problem(settings):
            self.show_advanced(True)

    def load(self, settings: KioskSettings) -> None:
        super().load(settings)
        self.advanced_form.load(settings)
        self.zone_form.load(settings)
        self.zone_editor.set_zone(settings.ignore_zone)
        self._on_level_value_changed(0.0)

    def save(self, settings: KioskSettings) -> KioskSettings:
        return self.zone_form.save(self.advanced_form.save(super().save(settings)))

    @Slot(bool)
    def _on_advanced_toggled(self, shown: bool) -> None:
        arrow = "▾" if shown else "▸"  # not words: the same in every language
        label = self.tr("Advanced settings")  # outside the f-string: lupdate only finds it there
        self.advanced_button.setText(f"{arrow}  {label}")
        for row in self._advanced_rows:
            self.form_layout.setRowVisible(row, shown)

    @Slot(object)
    def _on_zone_edited(self, zone: tuple[float, float, float, float] | None) -> None:
        for name, value in zip(self.ZONE, zone or (0.0, 0.0, 0.0, 0.0), strict=True):
            spin = self._percent(self.zone_form, name).spin
            spin.blockSignals(True)
            self.zone_form[name].set_value(value)
            spin.blockSignals(False)

    @Slot()
    def _on_clear_clicked(self) -> None:
        self.zone_editor.set_zone(None)
        self._on_zone_edited(None)

    @Slot(float)
    def _on_level_value_changed(self, _value: float) -> None:
        self.meter.set_levels(self.form["trigger_level"].value(), self.advanced_form["release_level"].value())

    @Slot(float)
    def _on_zone_value_changed(self, _value: float) -> None:
        x, y, w, h = (float(self.zone_form[name].value()) for name in self.ZONE)
        self.zone_editor.set_zone((x, y, w, h) if w > 0 and h > 0 else None)

    def show_result(self, result: AnalysisResult) -> None:
        self.zone_editor.show_result(result)
        self.meter.show_result(result)


def advanced_problem(settings: KioskSettings) -> bool:
    """A problem the simple view of the Detection page cannot show: a bad advanced value, or the
    release level not below the trigger level (the one rule between a simple and an advanced
    field, `settings.cross_field_problems`)."""
    if any(check_field(name, getattr(settings, name)) for name in DetectionPage.ADVANCED):
        return True
    return settings.release_level >= settings.trigger_level
