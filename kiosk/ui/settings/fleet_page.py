"""The Fleet & monitoring page of the settings dialog: monitoring for the dealer group's IT
(the health endpoint) and the optional central reaction store, with this kiosk's id in the fleet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP
from kiosk.ui.settings.fields import hint_label
from kiosk.ui.settings.page import SettingsPage


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
            hint_label(
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
            hint_label(
                self.tr(
                    "Made once on this PC: the central store tells kiosks apart by it, not by their names."
                )
            ),
        )
        self.outer.addStretch(1)
