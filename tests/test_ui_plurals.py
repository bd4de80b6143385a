"""Counts on the operator's pages are Qt numerus translations: `self.tr(text, disambiguation, n)`,
so that each language's .ts gives its own plural forms (numerusform entries), English included
once it has its plural-only translation (`lupdate -pluralonly`).

A translator made here stands in for a .qm: it gives the English forms (the singular for 1)
and notes every lookup, so the tests see the count reach Qt and the right form come back.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import translations
from PySide6.QtCore import QCoreApplication, QDate, QTranslator
from pytestqt.qtbot import QtBot

from kiosk.analytics import Exposure, ReactionStore
from kiosk.health import HealthThresholds
from kiosk.ui.operator.status import OperatorStatus
from kiosk.ui.operator.status_page import StatusPage
from kiosk.ui.settings.reactions_page import ReactionsPage

DAY = datetime(2025, 3, 10, 12, 0).astimezone()
SUMMARY = "%n problem(s), {serious} of them stopping part of the kiosk's work."
ENGLISH_SINGULARS = {  # what kiosk_en.ts (plural-only) would hold for n == 1
    "%n exposures": "%n exposure",
    "%n cars": "%n car",
    "Exported %n cars to {file}": "Exported %n car to {file}",
    " days": " day",
    "Exposures older than %n days deleted: {count}.": "Exposures older than %n day deleted: {count}.",
    SUMMARY: "%n problem, {serious} of them stopping part of the kiosk's work.",
}
NUMERUS = {  # every numerus message of the two pages, by context
    ("ReactionsPage", "%n exposures"),
    ("ReactionsPage", "%n cars"),
    ("ReactionsPage", "Exported %n cars to {file}"),
    ("ReactionsPage", " days"),
    ("StatusPage", SUMMARY),
}


class EnglishPlurals(QTranslator):
    """English plural forms for the numerus lookups; (context, source, n) of each is noted."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups: list[tuple[str, str, int]] = []

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if n < 0:
            return None  # not a count: Qt goes on to the source text
        self.lookups.append((context, source, n))
        return ENGLISH_SINGULARS.get(source, source) if n == 1 else source

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


@pytest.fixture
def english(qapp: object) -> Iterator[EnglishPlurals]:
    translator = EnglishPlurals()
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def exposure(car_id: str, started: datetime, seconds: float = 30.0) -> Exposure:
    return Exposure(
        car_id=car_id,
        started_at=started,
        ended_at=started + timedelta(seconds=30),
        visitor_seconds=seconds,
        mean_probs={"happy": 0.5, "neutral": 0.5},
        peak_negative=0.0,
        ended_by_negative=False,
        audio_played=False,
        uplift_success=None,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReactionStore]:
    with ReactionStore.open(tmp_path / "reactions.sqlite3", retention_days=None) as opened:
        opened.record(exposure("suv", DAY, 7.0))
        opened.record(exposure("suv", DAY - timedelta(days=1)))
        opened.record(exposure("van", DAY - timedelta(days=1)))
        assert opened.flush(timeout=10)
        yield opened


def reactions_page(qtbot: QtBot, store: ReactionStore, since: QDate, until: QDate) -> ReactionsPage:
    page = ReactionsPage(store)
    qtbot.addWidget(page)
    page.since_edit.setDate(since)
    page.until_edit.setDate(until)
    page.refresh()
    return page


def test_one_exposure_of_one_car_and_three_of_two(
    qtbot: QtBot, store: ReactionStore, english: EnglishPlurals
) -> None:
    one = reactions_page(qtbot, store, QDate(2025, 3, 10), QDate(2025, 3, 10))
    assert one.status_label.text() == "1 exposure of 1 car, 0:07 (min:s) of visitor time."
    assert ("ReactionsPage", "%n exposures", 1) in english.lookups
    assert ("ReactionsPage", "%n cars", 1) in english.lookups
    three = reactions_page(qtbot, store, QDate(2025, 3, 1), QDate(2025, 3, 31))
    assert three.status_label.text() == "3 exposures of 2 cars, 1:07 (min:s) of visitor time."
    assert {("ReactionsPage", "%n exposures", 3), ("ReactionsPage", "%n cars", 2)} <= set(english.lookups)


def test_the_export_and_the_retention_count_in_the_plural_form(
    qtbot: QtBot, store: ReactionStore, english: EnglishPlurals, tmp_path: Path
) -> None:
    page = reactions_page(qtbot, store, QDate(2025, 3, 10), QDate(2025, 3, 10))
    target = tmp_path / "one.csv"
    assert page.export_csv(target)
    assert page.status_label.text() == f"Exported 1 car to {target}"
    page.set_retention_days(1)
    assert page.retention_spin.suffix() == " day"
    page.retention_spin.setValue(30)
    assert page.retention_spin.suffix() == " days"
    assert ("ReactionsPage", " days", 30) in english.lookups


def test_the_status_page_counts_its_problems(qtbot: QtBot, english: EnglishPlurals) -> None:
    status = OperatorStatus(HealthThresholds(), data_folder=None, camera_configured=True)
    status.problems.report("music", "no audio output device")
    page = StatusPage(status)
    qtbot.addWidget(page)
    assert page.summary.text() == "1 problem, 0 of them stopping part of the kiosk's work."
    assert ("StatusPage", SUMMARY, 1) in english.lookups


def test_lupdate_collects_every_count_as_a_numerus_message(tmp_path: Path) -> None:
    ts = tmp_path / "kiosk_en.ts"
    sources = ["kiosk/ui/settings/reactions_page.py", "kiosk/ui/operator/status_page.py"]
    command = [translations.tool("lupdate"), "-silent", "-pluralonly", "-extensions", "py", *sources]
    subprocess.run([*command, "-ts", str(ts)], cwd=translations.ROOT, check=True)
    found = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
        if message.get("numerus") == "yes"
    }
    assert found == NUMERUS
