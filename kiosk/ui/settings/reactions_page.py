"""The operator's "Reactions" page: which cars people liked, per car, over a date range.

Reads aggregates from a `ReactionStore` (a few small queries on their own connection, so
the GUI thread never waits on the writer queue) and shows them in a table (its columns and
rows: `reactions_table`) and a chart; exports the table as CSV; sets the
retention (part of the dialog's draft: the kiosk applies it, and purges, once it is committed)
and erases everything on request.
The page does not own the store: whoever opened it closes it. Counts are Qt numerus
translations (`self.tr(text, disambiguation, n)`: each language's plural forms), dates are in
the kiosk's language's own short form (the default QLocale, which `apply_language` sets).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QLocale, QMargins, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.analytics import (
    DEFAULT_RETENTION_DAYS,
    CarSummary,
    ReactionStore,
    SchemaError,
    StoreUnavailableError,
)
from kiosk.analytics.summary import format_min_s, write_csv
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from kiosk.ui.settings.reactions_table import COLUMNS, TABLE_LEGEND, row_items, summary_table

POSITIVE_COLOR = QColor("#6fcf97")
CHART_TEXT = "#c9ccd1"
NEGATIVE_COLOR = QColor("#eb5757")
MAX_RETENTION_DAYS = 3650
PRIVACY_NOTE = QT_TRANSLATE_NOOP(
    "ReactionsPage",
    "Only per-showing totals are kept: no images, no faces, nothing that identifies a visitor.",
)


class ReactionsPage(QWidget):
    """Per-car table and chart over a date range, CSV export, retention and erase-all."""

    data_erased = Signal()  # the operator erased every exposure

    def __init__(
        self,
        store: ReactionStore,
        notice: str = "",
        parent: QWidget | None = None,
        *,
        car_names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._car_names = dict(car_names or {})  # id -> display name; unknown ids show as they are
        self._summaries: list[CarSummary] = []
        self.notice_label = QLabel(notice)  # e.g. a corrupt database set aside, and where it is
        self.notice_label.setObjectName("reactionsNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(bool(notice))
        self._build_controls()
        self._build_chart()
        self._build_layout()
        self._connect()

    # -- public ----------------------------------------------------------------------------

    @property
    def summaries(self) -> list[CarSummary]:
        """What the table shows now."""
        return list(self._summaries)

    def set_retention_days(self, days: int) -> None:
        """Show the retention of the settings loaded (it is applied when the settings are)."""
        self.retention_spin.setValue(days)
        self._show_days_suffix()

    def date_range(self) -> tuple[date, date]:
        return _to_date(self.since_edit.date()), _to_date(self.until_edit.date())

    @Slot()
    def refresh(self) -> None:
        """Query the store for the chosen dates and show the result."""
        since, until = self.date_range()
        if since > until:
            self._show([], self.tr("The start date is after the end date."))
            return
        try:
            summaries = self._store.summary(since, until)
        except (sqlite3.Error, SchemaError, OSError) as exc:
            self._show([], self.tr("Could not read the reaction database: {error}").format(error=exc))
            return
        self._show(summaries, self._status_text(summaries, since, until))

    def export_csv(self, path: Path) -> bool:
        """Write the chosen date range's per-car summary to `path`; the status line says how it went."""
        self.refresh()
        try:
            with open(path, "w", encoding="utf-8", newline="") as out:
                write_csv(self._summaries, out)
        except OSError as exc:
            text = self.tr("Could not write {file}: {error}")
            self.status_label.setText(text.format(file=path, error=exc.strerror or exc))
            return False
        text = self.tr("Exported %n cars to {file}", "", len(self._summaries))
        self.status_label.setText(text.format(file=path))
        return True

    # -- building --------------------------------------------------------------------------

    def _build_controls(self) -> None:
        today = QDate.currentDate()
        retention = self._store.retention_days or DEFAULT_RETENTION_DAYS
        self.since_edit = _date_edit(today.addDays(1 - retention))
        self.until_edit = _date_edit(today)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.erase_button = QPushButton(self.tr("Erase all…"))
        self.retention_spin = QSpinBox()
        self.retention_spin.setRange(1, MAX_RETENTION_DAYS)
        self.retention_spin.setKeyboardTracking(False)  # typing "365" must not purge at "3"
        self.retention_spin.setValue(retention)
        self._show_days_suffix()
        self.table = summary_table()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

    def _build_chart(self) -> None:
        self._positive_set = QBarSet(translate("ReactionsPage", COLUMNS[3]))
        self._positive_set.setColor(POSITIVE_COLOR)
        self._negative_set = QBarSet(translate("ReactionsPage", COLUMNS[4]))
        self._negative_set.setColor(NEGATIVE_COLOR)
        self._series = QBarSeries()
        self._series.append([self._positive_set, self._negative_set])
        chart = QChart()
        chart.setBackgroundVisible(False)  # sits on the dialog; text colours follow its palette
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.addSeries(self._series)
        self._axis_x = QBarCategoryAxis()
        self._axis_y = QValueAxis()
        self._axis_y.setRange(0, 100)
        self._axis_y.setLabelFormat("%d%%")
        chart.addAxis(self._axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._axis_y, Qt.AlignmentFlag.AlignLeft)
        self._series.attachAxis(self._axis_x)
        self._series.attachAxis(self._axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart_view = QChartView(chart)
        self.chart_view.setObjectName("reactionsChart")
        self.chart_view.setBackgroundBrush(QColor("#14171c"))
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)

    def _build_layout(self) -> None:
        range_row = _row_layout(
            QLabel(self.tr("From")),
            self.since_edit,
            QLabel(self.tr("to")),
            self.until_edit,
            self.refresh_button,
        )
        range_row.addStretch(1)
        range_row.addWidget(self.export_button)
        retention_row = _row_layout(QLabel(self.tr("Keep reactions for")), self.retention_spin)
        retention_row.addStretch(1)
        retention_row.addWidget(self.erase_button)
        note = QLabel(translate("ReactionsPage", PRIVACY_NOTE))
        note.setWordWrap(True)
        note.setObjectName("hint")
        heading = QLabel(self.tr("Reactions"))
        heading.setObjectName("pageHeading")
        self.legend = QLabel(translate("ReactionsPage", TABLE_LEGEND))
        self.legend.setObjectName("hint")
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.notice_label)
        layout.addLayout(range_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.chart_view, 1)
        layout.addLayout(retention_row)
        layout.addWidget(note)
        layout.addWidget(self.status_label)

    def _connect(self) -> None:
        self.since_edit.dateChanged.connect(self._on_date_changed)
        self.until_edit.dateChanged.connect(self._on_date_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.erase_button.clicked.connect(self._on_erase_clicked)
        self.retention_spin.valueChanged.connect(self._on_retention_value_changed)

    # -- handlers --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._follow_palette()  # polished by now: a dialog style sheet has set the palette
        self.refresh()

    @Slot(QDate)
    def _on_date_changed(self, _date: QDate) -> None:
        self.refresh()

    @Slot(int)
    def _on_retention_value_changed(self, _days: int) -> None:
        self._show_days_suffix()

    @Slot()
    def _on_export_clicked(self) -> None:
        since, until = self.date_range()
        suggested = Path.home() / f"reactions-{since.isoformat()}-to-{until.isoformat()}.csv"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export reactions"), str(suggested), self.tr("CSV files (*.csv)")
        )
        if chosen:
            self.export_csv(Path(chosen))

    @Slot()
    def _on_erase_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Erase all reactions"),
            self.tr("Delete every recorded exposure, for all cars and dates? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            deleted = self._store.erase_all()
        except (sqlite3.Error, StoreUnavailableError) as exc:  # its message names the file and why
            self.status_label.setText(self.tr("Could not erase the reactions: {error}").format(error=exc))
            return
        self.refresh()
        self.status_label.setText(self.tr("Exposures erased: {count}.").format(count=deleted))
        self.data_erased.emit()

    # -- showing ---------------------------------------------------------------------------

    def _follow_palette(self) -> None:
        text = QColor(CHART_TEXT)  # the dialog is dark whatever the system palette says
        grid = QColor(text)
        grid.setAlphaF(0.2)
        for axis in (self._axis_x, self._axis_y):
            axis.setLabelsColor(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
        self.chart_view.chart().legend().setLabelColor(text)

    def _show_days_suffix(self) -> None:
        days = self.retention_spin.value()
        self.retention_spin.setSuffix(self.tr(" days", "after the number of days to keep reactions", days))

    def _show(self, summaries: Sequence[CarSummary], status: str) -> None:
        self._summaries = list(summaries)
        self._fill_table(summaries)
        self._fill_chart(summaries)
        self.status_label.setText(status)

    def _fill_table(self, summaries: Sequence[CarSummary]) -> None:
        self.table.setSortingEnabled(False)  # rows would move while being filled
        self.table.setRowCount(len(summaries))
        for row, summary in enumerate(summaries):
            for column, item in enumerate(row_items(summary, self.car_name(summary.car_id))):
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)

    def _fill_chart(self, summaries: Sequence[CarSummary]) -> None:
        for bar_set in (self._positive_set, self._negative_set):
            bar_set.remove(0, bar_set.count())
        self._positive_set.append([100 * (s.positive_share or 0.0) for s in summaries])
        self._negative_set.append([100 * (s.negative_share or 0.0) for s in summaries])
        self._axis_x.clear()
        self._axis_x.append([self.car_name(s.car_id) for s in summaries])

    def car_name(self, car_id: str) -> str:
        return self._car_names.get(car_id, car_id)

    def _status_text(self, summaries: Sequence[CarSummary], since: date, until: date) -> str:
        if not summaries:
            text = self.tr("No exposures recorded from {since} to {until}.")
            return text.format(since=local_date(since), until=local_date(until))
        exposures = sum(s.exposures for s in summaries)
        seconds = sum(s.visitor_seconds for s in summaries)
        return self.tr("{exposures} of {cars}, {time} (min:s) of visitor time.").format(
            exposures=self.tr("%n exposures", "the first count of: 3 exposures of 2 cars", exposures),
            cars=self.tr("%n cars", "the second count, after 'of': 3 exposures of 2 cars", len(summaries)),
            time=format_min_s(seconds),
        )


def _row_layout(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


def _date_edit(initial: QDate) -> QDateEdit:
    edit = QDateEdit(initial)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(short_date_format(QLocale()))
    return edit


def short_date_format(locale: QLocale) -> str:
    """The locale's short date form with the year in full, which a date picker can edit without
    guessing the century: 09.03.2025 (German), 09/03/2025 (French), 3/9/2025 (US English); ISO
    2025-03-09 for the C locale, which has no form of its own."""
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    form = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return form if "yyyy" in form else form.replace("yy", "yyyy")


def local_date(day: date) -> str:
    """`day` as the date pickers show it, in the kiosk's language (the default QLocale)."""
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), short_date_format(locale))


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
