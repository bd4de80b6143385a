"""The reaction records, when their database can be opened.

Every call is a no-op when it cannot: the showroom never stops for its statistics.
Times are the session's (`kiosk.session.showroom.SessionClock`: the analysed frames' time), as
for the showroom model, so an exposure ends exactly when the `CarShown` after it says. The store's own state
(writing, waiting for a lock or for disk space, recreated after the file was deleted) goes to
the operator status on its tick (`report_to`), so staff and IT see it and visitors never do.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from kiosk.analytics import ExposureRecorder, ReactionStore, StoreUnavailableError
from kiosk.analytics.recorder import END_REASONS
from kiosk.analytics.recovery import OpenedStore, open_reaction_store
from kiosk.languages import translate
from kiosk.session.operator import OperatorState
from kiosk.session.showroom import CarShown

log = logging.getLogger(__name__)


class ReactionRecords:
    """Feeds `ExposureRecorder` and owns the `ReactionStore` it writes to (its own thread)."""

    def __init__(self, db_path: Path | None, *, retention_days: int) -> None:
        self.store: ReactionStore | None = None
        self._recorder: ExposureRecorder | None = None
        self.notice = ""  # for the operator: a database set aside, read-only, or unusable
        self._requested = db_path  # None: no records wanted (tests, benchmarks)
        self._set_aside_detail = ""  # reported once, as a notice
        self._recreated_seen: float | None = None
        if db_path is not None:
            self._open(db_path, retention_days)

    @property
    def available(self) -> bool:
        return self._recorder is not None

    @property
    def db_path(self) -> Path | None:
        """The database file being written (also while it waits for a lock), else None."""
        return self.store.path if self.store is not None else None

    def _open(self, db_path: Path, retention_days: int) -> None:
        opened = open_reaction_store(db_path, retention_days=retention_days)
        self.notice = _notice(db_path, opened)
        if opened.set_aside is not None:
            self._set_aside_detail = opened.notice
        if opened.store is None:
            return
        self.store = opened.store
        self._recorder = ExposureRecorder(self.store)
        log.info("reaction records in %s", db_path)

    def car_shown(self, shown: CarShown) -> None:
        """A car is now on screen; the previous one ended then, for the same reason."""
        if self._recorder is None:
            return
        try:
            if shown.reason in END_REASONS:  # START ends nothing
                self._recorder.car_ended(shown.t, shown.reason)
            self._recorder.car_shown(shown.car.id, shown.t)
        except ValueError as exc:
            log.warning("reaction records: %s", exc)

    def observe(self, t: float, probs: Mapping[str, float] | None, negative: float | None) -> None:
        if self._recorder is not None:
            self._recorder.observe(t, probs, negative)

    def audio_played(self, t: float) -> None:
        if self._recorder is not None:
            self._recorder.audio_played(t)

    def set_retention_days(self, days: int) -> None:
        """The new retention; kept by the store and applied once its file can be written again."""
        if self.store is not None and self.store.retention_days != days:
            try:
                self.store.set_retention_days(days)
            except (StoreUnavailableError, sqlite3.Error) as exc:
                log.warning("event retention_deferred days=%d %s", days, exc)

    def report_to(self, status: OperatorState) -> None:
        """The records' state as operator problems (on the operator status's tick)."""
        if self._requested is None:
            return
        problems = status.problems
        if self._set_aside_detail:
            problems.report("records_set_aside", self._set_aside_detail)
            self._set_aside_detail = ""
        store = self.store
        if store is None:
            if self._recorder is None and self.notice:  # read-only, newer schema, unusable
                problems.report("records_off", self.notice, facts={"reason": "unusable"})
            return
        state = store.status()
        status.monitor.records_changed(state.pending, state.dropped)
        if state.state == "ok":
            problems.clear("records_off")
        else:
            problems.report("records_off", state.detail, facts={"reason": state.reason})
        if state.reason == "disk_full":
            problems.report(
                "disk_full", state.detail, key="records", facts={"folder": str(store.path.parent)}
            )
        else:
            problems.clear("disk_full", key="records")
        if state.recreated_at is not None and state.recreated_at != self._recreated_seen:
            self._recreated_seen = state.recreated_at
            detail = f"{store.path} was deleted or replaced while the kiosk ran and was created anew"
            problems.report("records_recreated", detail)

    def close(self, t: float) -> None:
        """End the exposure on screen ("shutdown") at session time `t` and flush the database."""
        if self._recorder is not None:
            self._recorder.close(t)
            self._recorder = None
        if self.store is not None:
            self.store.close()
            self.store = None


def _notice(path: Path, opened: OpenedStore) -> str:
    """What the operator is told, in the installed language (kiosk.analytics has no Qt: its own
    notice is English, and logged); the details of an error are in the log."""
    if opened.set_aside is not None:
        text = translate(
            "ReactionRecords",
            "The reaction database {file} could not be read. It was kept as {copy} in {folder}, "
            "and a new, empty database was started: reactions are recorded again.",
        )
        return text.format(file=path, copy=opened.set_aside.name, folder=opened.set_aside.parent)
    if opened.read_only:
        text = translate(
            "ReactionRecords",
            "The reaction database {file} is read-only (or its folder is): reactions are not recorded "
            "this session. `python -m kiosk report` can still read it.",
        )
        return text.format(file=path)
    if opened.store is None and opened.notice:
        text = translate(
            "ReactionRecords", "Reactions are not recorded: {file} cannot be opened (details in the log)."
        )
        return text.format(file=path)
    return opened.notice
