"""The pages of the operator settings dialog; each pairs `load(settings)` with `save(settings)`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.session.results import AnalysisResult
from kiosk.settings.model import KioskSettings, check_field, field_specs
from kiosk.settings.pin import FOLDER_RESET_HINT, RESET_HINT
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from kiosk.ui.operator.pin import PinDialog
from kiosk.ui.settings.fields import FieldForm, PercentField, hint_label
from kiosk.ui.settings.file_dialog import choose_file, choose_folder
from kiosk.ui.settings.privacy_editor import PrivacyEditor
from kiosk.ui.settings.zone_editor import ZoneEditor
from kiosk.ui.showroom.images import Car
from kiosk.ui.showroom.level_meter import LevelMeter
from kiosk.ui.showroom.prices import price_text


class SettingsPage(QWidget):
    """One page: a title, a form of fields and its own extra widgets."""

    title = ""  # marked with QT_TRANSLATE_NOOP("SettingsPage", ...); shown as `title_text`

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(page_heading(self.title_text))
        self.form_layout = QFormLayout()
        self.body = QHBoxLayout()  # the form, and room beside it for a page's own widgets
        self.body.addLayout(self.form_layout, 1)
        self.outer.addLayout(self.body)
        self.form = FieldForm(names, self.form_layout)

    @property
    def title_text(self) -> str:
        """The page's title in the installed language."""
        return translate("SettingsPage", self.title)

    def forms(self) -> list[FieldForm]:
        """Every form of settings on the page (the dialog finds a setting's editor in them)."""
        return [self.form]

    def load(self, settings: KioskSettings) -> None:
        self.form.load(settings)

    def save(self, settings: KioskSettings) -> KioskSettings:
        return self.form.save(settings)

    def show_result(self, result: AnalysisResult) -> None:
        """A new live result (pages with a preview show it)."""


def page_heading(title: str) -> QLabel:
    heading = QLabel(title)
    heading.setObjectName("pageHeading")
    return heading


def _hint(text: str) -> QLabel:
    return hint_label(text)


def _browse_button(on_clicked: Callable[[], None]) -> QPushButton:
    button = QPushButton(translate("SettingsPage", "Browse…"))
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    button.clicked.connect(on_clicked)
    return button


class CameraPage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsPage", "Camera")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            ["camera_index", "camera_backend", "camera_resolution", "show_preview", "show_hud"], parent
        )
        self.devices = QComboBox()
        self.devices.setObjectName("cameraDevices")
        for index, device in enumerate(QMediaDevices.videoInputs()):
            self.devices.addItem(f"{index} — {device.description()}", index)
        if self.devices.count() == 0:
            self.devices.addItem(self.tr("No camera found on this PC"), -1)
        self.devices.activated.connect(self._on_devices_activated)
        self.form_layout.insertRow(0, self.tr("Cameras found"), self.devices)
        self.outer.addWidget(_hint(self.tr("The live picture below comes from the running kiosk.")))
        self.preview = ZoneEditor(editable=False)
        self.outer.addWidget(self.preview, 1)

    @Slot(int)
    def _on_devices_activated(self, row: int) -> None:
        index = self.devices.itemData(row)
        if isinstance(index, int) and index >= 0:
            self.form["camera_index"].set_value(index)

    def show_result(self, result: AnalysisResult) -> None:
        self.preview.show_result(result)


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
            _hint(self.tr("The bar shows the visitor in front of the camera now, against the levels below.")),
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
            "", _hint(self.tr("How the reaction is worked out, in detail: the defaults suit most showrooms."))
        )
        first = self.form_layout.rowCount()
        self.advanced_form = FieldForm(list(self.ADVANCED), self.form_layout)
        self._advanced_rows = range(first, self.form_layout.rowCount())
        self.show_advanced(False)

    def _build_zone(self) -> None:
        column = QVBoxLayout()
        column.addWidget(
            _hint(self.tr("Staff zone: drag a rectangle on the picture around where staff stand."))
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


class ShowroomPage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsPage", "Showroom")

    def __init__(self, cars: Sequence[Car] = (), parent: QWidget | None = None) -> None:
        super().__init__(["catalog_dir", "logo_file", "rotation_s", "transition_ms"], parent)
        edit = self.form["catalog_dir"].widget
        assert isinstance(edit, QLineEdit)
        edit.setPlaceholderText(self.tr("the cars that come with the kiosk"))
        self.form_layout.insertRow(1, "", _browse_button(self._on_browse_clicked))
        logo = self.form["logo_file"].widget
        assert isinstance(logo, QLineEdit)
        logo.setPlaceholderText(self.tr("none"))
        self.form_layout.insertRow(3, "", _browse_button(self._on_logo_browse_clicked))
        self.outer.addWidget(QLabel(self.tr("Cars shown now ({count})").format(count=len(cars))))
        self.car_list = QLabel("\n".join(_car_line(car) for car in cars) or self.tr("No cars are loaded."))
        self.car_list.setObjectName("carList")
        self.car_list.setWordWrap(True)
        self.car_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outer.addWidget(self.car_list)
        self.outer.addWidget(
            _hint(self.tr("They change when the catalog folder above changes (press Apply)."))
        )
        self.outer.addStretch(1)

    @Slot()
    def _on_browse_clicked(self) -> None:
        edit = self.form["catalog_dir"].widget
        assert isinstance(edit, QLineEdit)
        folder = choose_folder(self, self.form["catalog_dir"].spec.text, edit.text())
        if folder is not None:
            edit.setText(str(folder))

    @Slot()
    def _on_logo_browse_clicked(self) -> None:
        edit = self.form["logo_file"].widget
        assert isinstance(edit, QLineEdit)
        filters = self.tr("Logos (*.png *.svg *.jpg *.jpeg *.webp)")
        chosen = choose_file(self, self.form["logo_file"].spec.text, filters, edit.text() or None)
        if chosen is not None:
            edit.setText(str(chosen))


def _car_line(car: Car) -> str:
    details = " · ".join(part for part in (car.tagline, price_text(car)) if part)
    return f"{car.name}  —  {details}" if details else car.name


class FleetPage(SettingsPage):
    """Monitoring for the dealer group's IT and the optional central reaction store."""

    title = QT_TRANSLATE_NOOP("SettingsPage", "Fleet & monitoring")
    NAMES = (
        "health_port",
        "health_all_interfaces",
        "health_stale_s",
        "fleet_enabled",
        "fleet_dsn",
        "fleet_kiosk",
    )

    def __init__(self, kiosk_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(list(self.NAMES), parent)
        self.form_layout.addRow(
            "",
            _hint(
                self.tr(
                    "The central store's password is never kept here: store it in this PC's keyring with "
                    "`emotion-kiosk fleet password`, or in the PostgreSQL password file (see the README)."
                )
            ),
        )
        self.id_label = QLabel(kiosk_id or "–")
        self.id_label.setObjectName("kioskId")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_layout.addRow(self.tr("This kiosk's id in the fleet"), self.id_label)
        self.form_layout.addRow(
            "",
            _hint(
                self.tr(
                    "Made once on this PC: the central store tells kiosks apart by it, not by their names."
                )
            ),
        )
        self.outer.addStretch(1)


class KioskPage(SettingsPage):
    title = QT_TRANSLATE_NOOP("SettingsPage", "Kiosk")
    exit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["language", "hide_cursor", "screen_off_hours"], parent)
        self.screens = QComboBox()
        self.screens.setObjectName("screens")
        self.screens.addItem(self.tr("The primary screen"), "")
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            self.screens.addItem(f"{screen.name()} ({geometry.width()}x{geometry.height()})", screen.name())
        self.form_layout.insertRow(0, field_specs()["screen"].text, self.screens)
        self.privacy = PrivacyEditor()
        self.form_layout.addRow(field_specs()["privacy_text"].text, self.privacy)
        self.form_layout.addRow("", _hint(self.tr("Empty: the standard notice in that language.")))
        self._pin_hash = ""
        self.pin_dialog: PinDialog | None = None
        self.pin_status = QLabel("")
        self.pin_button = QPushButton(self.tr("Change PIN…"))
        self.pin_button.clicked.connect(self._on_pin_clicked)
        self.form_layout.addRow(self.pin_button, self.pin_status)
        self.form_layout.addRow(
            "",
            _hint(
                self.tr(
                    "Forgotten PIN: stop the kiosk and, on this PC, run `{command}` in a terminal "
                    "(or `{folder_command}` in the kiosk's folder). The kiosk then asks for a new PIN."
                ).format(command=RESET_HINT, folder_command=FOLDER_RESET_HINT)
            ),
        )
        self.exit_button = QPushButton(self.tr("Exit the kiosk"))
        self.exit_button.setObjectName("exitKiosk")
        self.exit_button.clicked.connect(self.exit_requested)
        self.outer.addStretch(1)
        self.outer.addWidget(self.exit_button, 0, Qt.AlignmentFlag.AlignRight)

    def load(self, settings: KioskSettings) -> None:
        super().load(settings)
        row = self.screens.findData(settings.screen)
        if row < 0:
            self.screens.addItem(
                self.tr("{screen} (not connected)").format(screen=settings.screen), settings.screen
            )
            row = self.screens.count() - 1
        self.screens.setCurrentIndex(row)
        self.privacy.load(settings)
        self._pin_hash = settings.pin_hash
        self.pin_status.setText("")

    def save(self, settings: KioskSettings) -> KioskSettings:
        settings = self.privacy.save(super().save(settings))
        return dataclasses.replace(
            settings, screen=str(self.screens.currentData() or ""), pin_hash=self._pin_hash
        )

    @Slot()
    def _on_pin_clicked(self) -> None:
        self.pin_dialog = PinDialog(purpose="change", parent=self)
        self.pin_dialog.accepted.connect(self._on_pin_dialog_accepted)
        self.pin_dialog.open()

    @Slot()
    def _on_pin_dialog_accepted(self) -> None:
        assert self.pin_dialog is not None
        self._pin_hash = self.pin_dialog.new_hash
        self.pin_status.setText(self.tr("New PIN chosen: press Apply or OK to keep it."))
