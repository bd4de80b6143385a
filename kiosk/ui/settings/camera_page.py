"""The Camera page of the settings dialog: which camera the kiosk reads and how, whether the
preview and the HUD are shown, with the live picture of the running kiosk below."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QComboBox, QWidget

from kiosk.session.results import AnalysisResult
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.settings.fields import hint_label
from kiosk.ui.settings.page import SettingsPage
from kiosk.ui.settings.zone_editor import ZoneEditor


class CameraPage(SettingsPage):
    """The camera settings, a menu of the cameras found on this PC, and a live preview."""

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
        self.outer.addWidget(hint_label(self.tr("The live picture below comes from the running kiosk.")))
        self.preview = ZoneEditor(editable=False)
        self.outer.addWidget(self.preview, 1)

    @Slot(int)
    def _on_devices_activated(self, row: int) -> None:
        index = self.devices.itemData(row)
        if isinstance(index, int) and index >= 0:
            self.form["camera_index"].set_value(index)

    def show_result(self, result: AnalysisResult) -> None:
        self.preview.show_result(result)
