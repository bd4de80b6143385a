"""The Reactions page's table: its columns, a line on what each one counts, and one sortable row
per car (`row_items`); numbers sort as numbers, and a share that is undefined sorts below 0 %."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.analytics import CarSummary
from kiosk.analytics.summary import format_min_s, format_percent
from kiosk.ui.common.i18n import QT_TRANSLATE_NOOP, translate

COLUMNS = (
    QT_TRANSLATE_NOOP("ReactionsPage", "Car"),
    QT_TRANSLATE_NOOP("ReactionsPage", "Exposures"),
    QT_TRANSLATE_NOOP("ReactionsPage", "Visitor time"),
    QT_TRANSLATE_NOOP("ReactionsPage", "Positive"),
    QT_TRANSLATE_NOOP("ReactionsPage", "Negative"),
    QT_TRANSLATE_NOOP("ReactionsPage", "Reaction switches"),
    QT_TRANSLATE_NOOP("ReactionsPage", "Uplift success"),
)
COLUMN_NOTES = (  # one short line per column: the header's tooltip and the legend under the table
    QT_TRANSLATE_NOOP("ReactionsPage", "The car, by the name the showroom shows."),
    QT_TRANSLATE_NOOP("ReactionsPage", "How many times the car was shown."),
    QT_TRANSLATE_NOOP("ReactionsPage", "How long visitors watched it (min:s)."),
    QT_TRANSLATE_NOOP("ReactionsPage", "Share of that time visitors looked happy or surprised."),
    QT_TRANSLATE_NOOP("ReactionsPage", "Share of that time visitors looked angry, disgusted, afraid or sad."),
    QT_TRANSLATE_NOOP("ReactionsPage", "How often the car was changed because the visitor looked unhappy."),
    QT_TRANSLATE_NOOP(
        "ReactionsPage", "After the music played: how often the visitor looked less unhappy 10 s later."
    ),
)
TABLE_LEGEND = QT_TRANSLATE_NOOP(
    "ReactionsPage",
    "<b>Positive</b> and <b>Negative</b> need not add up to 100 %: the rest of the time visitors "
    "looked neutral. <b>Uplift success</b> shows – when no music played while that car was shown "
    "(music off, or nobody looked unhappy enough). <b>Reaction switches</b>: the car changed "
    "because the visitor looked unhappy. Hover over a column title for more.",
)


def summary_table() -> QTableWidget:
    """An empty, read-only table of the COLUMNS, each title's tooltip its note, sorted by car."""
    table = QTableWidget(0, len(COLUMNS))
    table.setHorizontalHeaderLabels([translate("ReactionsPage", column) for column in COLUMNS])
    for column, note in enumerate(COLUMN_NOTES):
        header = table.horizontalHeaderItem(column)
        if header is not None:
            header.setToolTip(translate("ReactionsPage", note))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # by car at first
    return table


class _SortableItem(QTableWidgetItem):
    """A read-only cell that sorts by a number (or text) kept beside what it shows."""

    def __init__(self, text: str, key: float | str) -> None:
        super().__init__(text)
        self.setData(Qt.ItemDataRole.UserRole, key)
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if not isinstance(key, str):
            self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if isinstance(mine, str) or isinstance(theirs, str):
            return str(mine).casefold() < str(theirs).casefold()  # "retired-suv" before "Testa"
        return float(mine) < float(theirs)


def row_items(s: CarSummary, name: str) -> list[QTableWidgetItem]:
    """The cells of one car's row, in the order of COLUMNS; `name` is the car as shown."""
    rate = s.uplift_success_rate
    uplift = "–" if rate is None else f"{format_percent(rate)} ({s.uplift_successes}/{s.audio_plays})"
    return [
        _SortableItem(name, name),
        _SortableItem(str(s.exposures), s.exposures),
        _SortableItem(format_min_s(s.visitor_seconds), s.visitor_seconds),
        _SortableItem(format_percent(s.positive_share, "–"), _key(s.positive_share)),
        _SortableItem(format_percent(s.negative_share, "–"), _key(s.negative_share)),
        _SortableItem(str(s.negative_switches), s.negative_switches),
        _SortableItem(uplift, _key(rate)),
    ]


def _key(value: float | None) -> float:
    return -1.0 if value is None else value  # undefined sorts below 0%
