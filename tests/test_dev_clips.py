"""The talking development clip: a pleasant, talking visitor through the real pipeline, shipped model.

The drawn visitor (tools/make_dev_clips.py) opens and closes the mouth at speech rates with
raised brows on stressed syllables. With the shipped model and the default reaction settings it
must never cheer them up; the same frames still find a face and move the mouth.
"""

from __future__ import annotations

import numpy as np
import pytest
from make_dev_clips import FPS, summarise, talking_frames, talking_style

from kiosk.paths import default_model_path
from kiosk.reaction.engine import ReactionConfig, ReactionEngine
from kiosk.vision.pipeline import Pipeline
from kiosk.vision.types import Frame


def test_the_drawn_visitor_talks_at_speech_rates() -> None:
    times = np.arange(1.0, 19.0, 1 / 60)
    mouth = np.array([talking_style(t).mouth_open for t in times])  # type: ignore[union-attr]
    brows = np.array([talking_style(t).brows for t in times])  # type: ignore[union-attr]
    opens = np.count_nonzero((mouth[1:] > 0.3) & (mouth[:-1] <= 0.3))
    rate = opens / (times[-1] - times[0])
    assert 2.0 <= rate <= 6.0  # syllables per second, pauses included
    assert mouth.max() > 0.8 and mouth.min() == 0.0
    assert brows.max() > 0.6  # raised on stressed syllables
    assert talking_style(0.5) is None and talking_style(19.5) is None  # empty before and after


def test_a_pleasant_talker_never_switches_the_car() -> None:
    model = default_model_path()
    if not model.is_file():
        pytest.skip(f"no shipped model at {model}")
    pipeline = Pipeline.build(model)
    engine = ReactionEngine(ReactionConfig())
    records = []
    for index, image in enumerate(talking_frames()):
        analysis = pipeline.analyse(Frame(image, index / FPS, index))
        visitor = analysis.visitor_face
        events = engine.update(index / FPS, None if visitor is None else visitor.probs)
        faces = [{"label": f.label, "probs": f.probs} for f in analysis.faces]
        names = [event.value for event in events]
        records.append({"t": index / FPS, "visitor": analysis.visitor, "faces": faces, "events": names})
    visitor_frames = sum(r["visitor"] is not None for r in records)
    assert visitor_frames >= 0.9 * 18 * FPS  # the talking face is found in nearly every frame
    result = summarise(records, [r["t"] for r in records if "switch_car" in r["events"]], [])
    assert result["switches"] == 0
