"""Editors for settings, made from their FieldSpec: the bounds and labels are never repeated.

Levels and fractions (0..1) are shown as percentages, as the HUD shows them; the reaction
levels also get a slider. Each field may have a one-line hint (`hints.HINTS`) under it.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
    QWidget,
)

from kiosk.settings.hints import hint
from kiosk.settings.model import FieldSpec, KioskSettings, field_specs, field_type
from kiosk.ui.common.i18n import emotion_name, translate

SpinBox = TypeVar("SpinBox", QSpinBox, QDoubleSpinBox)
SLIDER_FIELDS = frozenset({"trigger_level", "release_level", "baseline_margin", "weak_weight"})
PERCENT_FIELDS = SLIDER_FIELDS | {"ignore_x", "ignore_y", "ignore_w", "ignore_h"}


class PercentField(QWidget):
    """A 0..1 setting shown as a percentage: a spin box, with a slider beside it for levels."""

    def __init__(self, spec: FieldSpec, *, slider: bool) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        low, high = round(100 * (spec.minimum or 0.0)), round(100 * (spec.maximum or 1.0))
        self.spin = _compact(QDoubleSpinBox())
        self.spin.setDecimals(0 if slider else 1)
        self.spin.setRange(low, high)
        self.spin.setSuffix(" %")
        self.spin.setSingleStep(1.0)
        self.slider: QSlider | None = None
        if slider:
            self.slider = QSlider(Qt.Orientation.Horizontal)
            self.slider.setRange(low, high)
            self.slider.setMinimumWidth(140)
            self.slider.valueChanged.connect(self._on_slider_value_changed)
            self.spin.valueChanged.connect(self._on_spin_value_changed)
            layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)

    def set_fraction(self, value: float) -> None:
        self.spin.setValue(100.0 * value)

    def fraction(self) -> float:
        return round(self.spin.value() / 100.0, 4)

    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        if round(self.spin.value()) != value:
            self.spin.setValue(value)

    @Slot(float)
    def _on_spin_value_changed(self, value: float) -> None:
        if self.slider is not None and self.slider.value() != round(value):
            self.slider.setValue(round(value))


class FieldEditor:
    """One widget editing one setting."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.spec: FieldSpec = field_specs()[name]
        self.kind = field_type(name)
        self.widget = self._make_widget()
        self.widget.setObjectName(name)

    def _make_widget(self) -> QWidget:
        spec, kind = self.spec, self.kind
        if self.name in PERCENT_FIELDS:
            return PercentField(spec, slider=self.name in SLIDER_FIELDS)
        if kind is bool:
            return QCheckBox(spec.text)
        if kind is tuple:
            return _CheckGroup(spec.choices)
        if spec.choices:
            combo = QComboBox()
            labels = spec.choice_labels or spec.choices
            for choice, label in zip(spec.choices, labels, strict=True):
                combo.addItem(translate("Settings", label), choice)
            return combo
        if kind is int:
            spin = QSpinBox()
            spin.setRange(int(spec.minimum or 0), int(spec.maximum or 1_000_000))
            return _compact(spin)
        if kind is float:
            double = _compact(QDoubleSpinBox())
            double.setDecimals(2 if (spec.maximum or 0) <= 10 else 1)
            double.setRange(float(spec.minimum or 0.0), float(spec.maximum or 1e6))
            double.setSingleStep(0.05 if (spec.maximum or 0) <= 1 else 0.5)
            return double
        return QLineEdit()

    def set_value(self, value: Any) -> None:
        widget = self.widget
        if isinstance(widget, PercentField):
            widget.set_fraction(float(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, _CheckGroup):
            widget.set_checked(tuple(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(str(value))))
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            widget.setValue(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))

    def value(self) -> Any:
        widget = self.widget
        if isinstance(widget, PercentField):
            return widget.fraction()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, _CheckGroup):
            return widget.checked()
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        if isinstance(widget, QSpinBox):
            return int(widget.value())
        if isinstance(widget, QDoubleSpinBox):
            return round(float(widget.value()), 4)
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()


def hint_label(text: str) -> QLabel:
    """A muted line of explanation under a field."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def _compact(spin: SpinBox) -> SpinBox:
    """A number field as wide as its numbers need, not the whole form."""
    spin.setMaximumWidth(160)
    return spin


class _CheckGroup(QWidget):
    """A checkbox per choice (the negative expressions)."""

    def __init__(self, choices: tuple[str, ...]) -> None:
        super().__init__()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = {choice: QCheckBox(emotion_name(choice)) for choice in choices}
        for i, (choice, box) in enumerate(self.boxes.items()):
            box.setObjectName(f"label_{choice}")
            layout.addWidget(box, i // 4, i % 4)

    def set_checked(self, values: tuple[str, ...]) -> None:
        for choice, box in self.boxes.items():
            box.setChecked(choice in values)

    def checked(self) -> tuple[str, ...]:
        return tuple(choice for choice, box in self.boxes.items() if box.isChecked())


class FieldForm:
    """Editors for a set of fields laid out as a form; `load`/`save` against KioskSettings."""

    def __init__(self, names: list[str], layout: QFormLayout, *, hints: bool = True) -> None:
        self.editors = {name: FieldEditor(name) for name in names}
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, editor in self.editors.items():
            layout.addRow("" if editor.kind is bool else editor.spec.text, editor.widget)
            if hints and hint(name):
                layout.addRow("", hint_label(hint(name)))

    def __getitem__(self, name: str) -> FieldEditor:
        return self.editors[name]

    def load(self, settings: KioskSettings) -> None:
        for name, editor in self.editors.items():
            editor.set_value(getattr(settings, name))

    def save(self, settings: KioskSettings) -> KioskSettings:
        return dataclasses.replace(settings, **{name: e.value() for name, e in self.editors.items()})
