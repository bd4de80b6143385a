"""The operator's Reactions page, offscreen: table, chart, CSV export, retention, erase-all, and
dates in the kiosk's language's own form. (Its counts: tests/test_ui_plurals.py.)"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kiosk.analytics import Exposure, ReactionStore
from kiosk.ui.common.i18n import apply_language, remove_translations
from kiosk.ui.settings.reactions_page import ReactionsPage, short_date_format

NOW = datetime(2025, 3, 10, 12, 0).astimezone()


def exposure(car_id: str, days_ago: int, happy: float, sad: float, *, negative: bool = False) -> Exposure:
    started = NOW - timedelta(days=days_ago)
    return Exposure(
        car_id=car_id,
        started_at=started,
        ended_at=started + timedelta(seconds=30),
        visitor_seconds=30.0,
        mean_probs={"happy": happy, "sad": sad, "neutral": 1 - happy - sad},
        peak_negative=sad,
        ended_by_negative=negative,
        audio_played=False,
        uplift_success=None,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReactionStore]:
    with ReactionStore.open(tmp_path / "reactions.sqlite3", now=lambda: NOW) as opened:
        opened.record(exposure("coupe", 0, happy=0.7, sad=0.1))
        opened.record(exposure("suv", 1, happy=0.2, sad=0.6, negative=True))
        opened.record(exposure("suv", 10, happy=0.4, sad=0.2))
        assert opened.flush(timeout=10)
        yield opened


@pytest.fixture
def page(qtbot: QtBot, store: ReactionStore) -> ReactionsPage:
    widget = ReactionsPage(store)
    qtbot.addWidget(widget)
    widget.since_edit.setDate(QDate(2025, 2, 1))
    widget.until_edit.setDate(QDate(2025, 3, 31))
    widget.show()
    return widget


def table_text(page: ReactionsPage) -> list[list[str]]:
    table = page.table
    items = [[table.item(r, c) for c in range(table.columnCount())] for r in range(table.rowCount())]
    return [[item.text() if item else "" for item in row] for row in items]


def bar_values(page: ReactionsPage) -> tuple[list[float], list[float]]:
    """The chart's positive and negative bars, in percent."""
    (series,) = page.chart_view.chart().series()
    assert isinstance(series, QBarSeries)
    positive, negative = series.barSets()
    return [positive.at(i) for i in range(positive.count())], [
        negative.at(i) for i in range(negative.count())
    ]


def test_page_shows_a_row_and_bars_per_car(page: ReactionsPage) -> None:
    assert table_text(page) == [
        ["coupe", "1", "0:30", "70%", "10%", "0", "–"],
        ["suv", "2", "1:00", "30%", "40%", "1", "–"],
    ]
    positive, negative = bar_values(page)
    assert positive == pytest.approx([70.0, 30.0])
    assert negative == pytest.approx([10.0, 40.0])
    assert "3 exposures of 2 cars" in page.status_label.text()


def test_cars_show_by_name_and_each_column_is_explained(qtbot: QtBot, store: ReactionStore) -> None:
    named = ReactionsPage(store, car_names={"coupe": "Aurora Coupé"})
    qtbot.addWidget(named)
    named.since_edit.setDate(QDate(2025, 2, 1))
    named.until_edit.setDate(QDate(2025, 3, 31))
    named.show()
    assert [row[0] for row in table_text(named)] == ["Aurora Coupé", "suv"]  # an unknown id as it is
    lower = ReactionsPage(store, car_names={"coupe": "Zephyr"})
    qtbot.addWidget(lower)
    lower.since_edit.setDate(QDate(2025, 2, 1))
    lower.until_edit.setDate(QDate(2025, 3, 31))
    assert [row[0] for row in table_text(lower)] == ["suv", "Zephyr"]  # by name, whatever the case
    headers = [named.table.horizontalHeaderItem(c) for c in range(named.table.columnCount())]
    assert all(h is not None and h.toolTip() for h in headers)
    legend = named.legend.text()
    assert "100 %" in legend and "neutral" in legend  # why positive + negative is not 100 %
    assert "–" in legend and "no music played" in legend  # why Uplift success shows a dash


def test_columns_sort_by_number_not_text(page: ReactionsPage, store: ReactionStore) -> None:
    store.record(exposure("nine", 0, happy=0.09, sad=0.0))
    store.record(exposure("ten", 0, happy=0.10, sad=0.0))
    store.flush(timeout=10)
    page.refresh()
    page.table.sortItems(3)  # Positive, ascending: "9%" before "10%", as numbers
    assert [row[0] for row in table_text(page)] == ["nine", "ten", "suv", "coupe"]


def test_date_range_filters_rows(page: ReactionsPage) -> None:
    page.since_edit.setDate(QDate(2025, 3, 9))
    assert [row[:2] for row in table_text(page)] == [["coupe", "1"], ["suv", "1"]]
    page.since_edit.setDate(QDate(2025, 4, 1))  # after the end date
    assert page.table.rowCount() == 0
    assert "after the end date" in page.status_label.text()


def test_export_button_writes_the_csv(
    page: ReactionsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reactions.csv"

    def choose_file(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        return str(target), "CSV files (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
    page.export_button.click()
    with open(target, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(row["car_id"], row["exposures"]) for row in rows] == [("coupe", "1"), ("suv", "2")]
    assert float(rows[1]["negative_share"]) == pytest.approx(0.4)
    assert str(target) in page.status_label.text()


def answer(button: QMessageBox.StandardButton) -> Any:
    def ask(*_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        return button

    return ask


def test_erase_all_needs_confirmation(
    page: ReactionsPage, store: ReactionStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    page.erase_button.click()
    assert page.table.rowCount() == 2 and len(store.summary()) == 2

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.data_erased, timeout=5000):
        page.erase_button.click()
    assert page.table.rowCount() == 0
    assert store.summary() == []
    assert bar_values(page) == ([], [])


def test_the_retention_is_part_of_the_draft_and_purges_nothing_before_it_is_committed(
    page: ReactionsPage, store: ReactionStore
) -> None:
    assert page.retention_spin.value() == 30
    before = table_text(page)
    page.retention_spin.setValue(5)  # what the operator's edit does
    page.set_retention_days(7)  # what loading other settings does
    assert page.retention_spin.value() == 7
    assert store.retention_days == 30  # the kiosk applies (and purges) once the dialog commits
    page.refresh()
    assert table_text(page) == before


@pytest.fixture
def english_after() -> Iterator[None]:
    """Translators and the default locale are global to the application: leave English behind."""
    yield
    remove_translations()


@pytest.mark.parametrize(
    ("language", "picker", "shown"),
    [
        ("de", "dd.MM.yyyy", ("01.02.2025", "01.04.2030", "02.04.2030")),
        ("fr", "dd/MM/yyyy", ("01/02/2025", "01/04/2030", "02/04/2030")),
    ],
)
def test_dates_are_in_the_languages_own_form(
    qtbot: QtBot,
    store: ReactionStore,
    english_after: None,
    language: str,
    picker: str,
    shown: tuple[str, ...],
) -> None:
    apply_language(language)
    page = ReactionsPage(store)  # the dialog is built anew in the language chosen
    qtbot.addWidget(page)
    page.since_edit.setDate(QDate(2025, 2, 1))
    assert page.since_edit.displayFormat() == picker and page.until_edit.displayFormat() == picker
    assert page.since_edit.text() == shown[0]
    page.until_edit.setDate(QDate(2030, 4, 2))
    page.since_edit.setDate(QDate(2030, 4, 1))  # nothing recorded then: the status line names the dates
    status = page.status_label.text()
    assert shown[1] in status and shown[2] in status and "2030-04" not in status


def test_a_two_digit_year_is_shown_in_full() -> None:
    assert short_date_format(QLocale("de")) == "dd.MM.yyyy"  # Qt's own: dd.MM.yy
    assert short_date_format(QLocale("en_US")) == "M/d/yyyy"  # Qt's own: M/d/yy
    assert short_date_format(QLocale("fr")) == "dd/MM/yyyy"
    assert short_date_format(QLocale.c()) == "yyyy-MM-dd"
