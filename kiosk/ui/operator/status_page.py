"""The settings dialog's Status page: every current problem, in full, with what to do.

It shows what `OperatorStatus` holds (the same list as /health, the log and the showroom's
discreet indicator), all of it: one card per problem with its title and advice in the kiosk's
language, since when, and the technical details (English, as in the log). It follows the
status live while the dialog is open, and says where the log and /health are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.health.problems import Problem
from kiosk.ui.operator.problem_text import problem_advice, problem_since, problem_title
from kiosk.ui.operator.status import OperatorStatus


class StatusPage(QWidget):
    """The problems of `status`, refreshed on its `changed`."""

    def __init__(
        self,
        status: OperatorStatus,
        *,
        log_file: Path | None = None,
        health_url: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusPage")
        self._status = status
        self._log_file = log_file
        self._health_url = health_url
        self.summary = QLabel()
        self.summary.setObjectName("statusSummary")
        self.summary.setWordWrap(True)
        self.cards = QVBoxLayout()
        self.cards.setSpacing(10)
        self.where = QLabel()
        self.where.setObjectName("statusWhere")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.cards)
        layout.addStretch(1)
        layout.addWidget(self.where)
        status.changed.connect(self._on_status_changed)
        self.refresh()

    @property
    def title_text(self) -> str:
        count = len(self._status.current())
        return self.tr("Status ({count})").format(count=count) if count else self.tr("Status")

    @Slot()
    def _on_status_changed(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        problems = self._status.current()
        self.summary.setText(self._summary(problems))
        while self.cards.count():
            item = self.cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for problem in problems:
            self.cards.addWidget(_card(problem))
        self.where.setText(self._where())

    def _summary(self, problems: tuple[Problem, ...]) -> str:
        if not problems:
            return self.tr("Everything works: no problem to report.")
        serious = sum(1 for p in problems if p.degrades)
        count = len(problems)
        text = self.tr("%n problem(s), {serious} of them stopping part of the kiosk's work.", "", count)
        return text.format(serious=serious)

    def _where(self) -> str:
        lines = []
        if self._log_file is not None:
            lines.append(self.tr("Log: {file}").format(file=self._log_file))
        if self._health_url:
            lines.append(self.tr("Monitoring: {url}/health and {url}/metrics").format(url=self._health_url))
        return "\n".join(lines)


def _card(problem: Problem) -> QFrame:
    card = QFrame()
    card.setObjectName("problemCard")
    card.setProperty("degrades", problem.degrades)
    card.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(card)
    title = QLabel(f"{problem_title(problem)} · {problem_since(problem)}")
    title.setObjectName("problemTitle")
    title.setWordWrap(True)
    advice = QLabel(problem_advice(problem))
    advice.setObjectName("problemAdvice")
    advice.setWordWrap(True)
    detail = QLabel(problem.detail)
    detail.setObjectName("problemDetail")
    detail.setWordWrap(True)
    detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    for label in (title, advice, detail):
        layout.addWidget(label)
    return card
