"""The base of the settings dialog's pages, and the pieces they share.

Each page pairs `load(settings)` with `save(settings)`: it shows the draft's settings and hands
back the edited copy, and never saves anything itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.session.results import AnalysisResult
from kiosk.settings.model import KioskSettings
from kiosk.ui.common.i18n import translate
from kiosk.ui.settings.fields import FieldForm


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


def browse_button(on_clicked: Callable[[], None]) -> QPushButton:
    """A small "Browse…" button, for the row under a file or folder field."""
    button = QPushButton(translate("SettingsPage", "Browse…"))
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    button.clicked.connect(on_clicked)
    return button
