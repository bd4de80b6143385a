"""The privacy notice in each shipped language: a language menu above one text field.

Each language has its own setting (`settings.privacy_field`); an empty one shows that
language's standard notice, which the field shows greyed while it is empty.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.settings.model import DEFAULT_PRIVACY_TEXT, KioskSettings, privacy_field
from kiosk.ui.common.i18n import LANGUAGES, current_language, translate_in


class PrivacyEditor(QWidget):
    """Edits the privacy notices; `load`/`save` against KioskSettings like a settings page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.languages = QComboBox()
        self.languages.setObjectName("privacyLanguage")
        for code, name in LANGUAGES.items():
            self.languages.addItem(name, code)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("privacy_text")
        self.edit.setFixedHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.languages)
        layout.addWidget(self.edit)
        self._texts = dict.fromkeys(LANGUAGES, "")
        self._shown = current_language()
        self.languages.setCurrentIndex(max(0, self.languages.findData(self._shown)))
        self.languages.currentIndexChanged.connect(self._on_languages_current_index_changed)

    @property
    def language(self) -> str:
        """The language whose notice the field shows."""
        return self._shown

    def text(self, code: str) -> str:
        """The notice typed for `code` ("" for the standard one)."""
        self._keep()
        return self._texts[code].strip()

    def load(self, settings: KioskSettings) -> None:
        self._texts = {code: str(getattr(settings, privacy_field(code))) for code in LANGUAGES}
        self._show()

    def save(self, settings: KioskSettings) -> KioskSettings:
        self._keep()
        changes: dict[str, Any] = {privacy_field(code): text.strip() for code, text in self._texts.items()}
        return dataclasses.replace(settings, **changes)

    def _keep(self) -> None:
        self._texts[self._shown] = self.edit.toPlainText()

    def _show(self) -> None:
        self.edit.setPlaceholderText(translate_in(self._shown, "Settings", DEFAULT_PRIVACY_TEXT))
        self.edit.setPlainText(self._texts[self._shown])

    @Slot(int)
    def _on_languages_current_index_changed(self, row: int) -> None:
        self._keep()
        self._shown = str(self.languages.itemData(row))
        self._show()
