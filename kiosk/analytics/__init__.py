"""Privacy-safe reaction analytics: which cars people like, without keeping who they are.

Pure Python (no Qt). Each time a car is shown the kiosk records one *exposure*: the car
id, start and end (wall-clock, UTC), the seconds a visitor was present, the mean
probability of each expression while a visitor watched, the peak smoothed negative score,
whether it ended because of a negative reaction, whether uplifting audio played, and
whether that audio worked. Nothing else: no images, face crops, embeddings or per-frame
rows ever reach the database (`tests/test_analytics_store.py` checks the schema for it).

Modules:
    records   `Exposure`, the one record kept, and the expression names.
    database  the SQLite file: schema, migrations, connections, the summary read.
    store     `ReactionStore`: a background writer for the file that keeps what it cannot
              write yet and retries; `status()` says how it stands (`StoreStatus`).
    store_writer, store_queue, store_file  its writer thread, the exposures it holds in
              memory, and its connection to the file at the path (reopened when replaced).
    faults    `StoreStatus`, `StoreTimings`, `StoreUnavailableError`, the names of what
              stops a write (locked, disk full, read-only, I/O error, ...), the retry schedule.
    recovery  `open_reaction_store`: the kiosk's open (a corrupt file set aside, a
              read-only one left alone, a locked one retried).
    recorder  `ExposureRecorder`: turns the live stream (car shown, frames, audio, car
              ended) into `Exposure` records.
    summary   `CarSummary`: the per-car figures (`SUM_FIELDS`), and their CSV / JSON forms.
    fleet, fleet_queue, fleet_central, fleet_status, fleet_report, fleet_secret  the fleet's
              central store: the push and its local queue, the central schema, heartbeats,
              the fleet report, the password in the keyring.
    report    `python -m kiosk report`.

Definitions (all per car, over the exposures that *started* inside the chosen dates):

visitor seconds
    Time during an exposure while a visitor's class probabilities were available; each
    analysed frame holds until the next one, gaps longer than `max_gap_s` (2 s) count as
    `max_gap_s`, so a stalled pipeline cannot inflate the figure.
mean probability of an expression
    Within one exposure: the visitor-time-weighted mean of that class probability.
positive share
    Mean of happy + surprise probability while a visitor watched, weighted by visitor
    seconds across exposures: sum(seconds * (p_happy + p_surprise)) / sum(seconds).
negative share
    The same for angry + disgust + fear + sad.
neutral share
    The remainder: 1 - positive share - negative share.
    (All three are undefined, shown as empty / null, while a car has no visitor seconds.)
reaction-driven switches
    Exposures that ended because of a negative reaction (`car_ended(t, "negative")`).
uplift success
    Judged once per exposure, for the first time the uplifting audio played in it: a
    success when the visitor's smoothed negative score at the first analysed frame at or
    after 10 s past the audio's start is lower than the score at the audio's start (the
    last score observed at or before it). It is a failure when the visitor had left by
    then, the exposure ended sooner, or no visitor score existed when the audio started:
    the audio did not demonstrably help.
uplift success rate
    Uplift successes / exposures in which the audio played.
"""

from __future__ import annotations

from kiosk.analytics.database import (
    DB_FILENAME,
    DEFAULT_RETENTION_DAYS,
    SchemaError,
    default_db_path,
    read_summary,
)
from kiosk.analytics.faults import StoreStatus, StoreUnavailableError
from kiosk.analytics.recorder import END_REASONS, ExposureRecorder, ExposureSink
from kiosk.analytics.records import EXPRESSIONS, NEGATIVE_EXPRESSIONS, POSITIVE_EXPRESSIONS, Exposure
from kiosk.analytics.store import ReactionStore
from kiosk.analytics.summary import CarSummary

__all__ = [
    "DB_FILENAME",
    "DEFAULT_RETENTION_DAYS",
    "END_REASONS",
    "EXPRESSIONS",
    "NEGATIVE_EXPRESSIONS",
    "POSITIVE_EXPRESSIONS",
    "CarSummary",
    "Exposure",
    "ExposureRecorder",
    "ExposureSink",
    "ReactionStore",
    "SchemaError",
    "StoreStatus",
    "StoreUnavailableError",
    "default_db_path",
    "read_summary",
]
