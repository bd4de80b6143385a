"""Faults an operator meets: a corrupt or read-only reaction database, a settings path that is a
folder, a read-only data folder, a broken PIN hash, no negative labels, no audio device."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.ui.analytics_hook import AnalyticsHook
from kiosk.ui.settings_dialog import SettingsDialog
from kiosk.ui.settings_store import SettingsStore


def _dialog(qtbot: QtBot, store: SettingsStore, hook: AnalyticsHook) -> SettingsDialog:
    dialog = SettingsDialog(store, reaction_store=hook.store, reaction_notice=hook.notice)
    qtbot.addWidget(dialog)
    return dialog


def test_the_reactions_page_says_where_a_corrupt_database_went(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "reactions.sqlite3"
    db.write_bytes(b"garbage" * 500)
    hook = AnalyticsHook(db, retention_days=30)
    try:
        assert hook.available  # recording goes on, into a fresh file
        copies = list(tmp_path.glob("reactions.sqlite3.corrupt-*"))
        assert len(copies) == 1
        store = SettingsStore(tmp_path / "settings.ini")
        store.load()
        dialog = _dialog(qtbot, store, hook)
        label = dialog.reactions_page.findChild(QLabel, "reactionsNotice")
        assert label is not None and not label.isHidden()
        assert copies[0].name in label.text() and "new, empty database" in label.text()
    finally:
        hook.close()


def test_a_read_only_database_is_explained_on_the_reactions_page(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "reactions.sqlite3"
    AnalyticsHook(db, retention_days=30).close()
    monkeypatch.setattr("kiosk.analytics.recovery.is_writable", lambda _path: False)
    hook = AnalyticsHook(db, retention_days=30)
    assert not hook.available
    store = SettingsStore(tmp_path / "settings.ini")
    store.load()
    dialog = _dialog(qtbot, store, hook)
    page = dialog.reactions_page
    assert isinstance(page, QLabel)
    assert "read-only" in page.text() and str(db) in page.text()
