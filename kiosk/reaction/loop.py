"""Frame -> analysis -> reaction: the one step the kiosk's worker, `analyze` and the self-test
all run, so the self-test proves the kiosk's own loop rather than a copy of it.

`AnalysisLoop.step` takes a frame that was read; `AnalysisLoop.run` also does the reading,
for callers that own a `FrameSource` (the command line, the self-test, the soak test). The
worker reads through its own `SourceSwitcher` on a timer and calls `step`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from kiosk.reaction.engine import Event, ReactionEngine
from kiosk.vision.pipeline import Pipeline
from kiosk.vision.source import FrameSource, SourceState
from kiosk.vision.types import Analysis, Frame


@dataclass(frozen=True)
class Step:
    """What one frame produced. `analysis` is None when no model is loaded: the kiosk still
    shows the camera, and nothing is judged."""

    frame: Frame
    analysis: Analysis | None
    events: tuple[Event, ...]
    negative: float | None  # the visitor's smoothed negative score; None without a visitor or model
    visitor_present: bool
    baseline: Mapping[str, float] | None  # the visitor's learnt resting probabilities
    baseline_negative: float | None  # their resting negative score
    learning: bool  # the resting face is still being learnt: no reaction yet
    restarted: bool  # the frames' clock started again (another source, a looped file): state reset


class AnalysisLoop:
    """One pipeline and one reaction engine, fed frame by frame from one thread."""

    def __init__(self, pipeline: Pipeline | None, engine: ReactionEngine | None = None) -> None:
        self.pipeline = pipeline
        self.engine = engine if engine is not None else ReactionEngine()
        self._timeline: tuple[int, float] | None = None  # (source generation, last frame t)

    def step(self, frame: Frame, generation: int = 0) -> Step:
        """Analyse one frame and update the reaction. `generation` names the source the frame
        came from: when it changes, or the frames' time runs backwards, the visitor state is
        reset (a new source is a new scene)."""
        restarted = self._keep_timeline(frame, generation)
        engine = self.engine
        if self.pipeline is None:
            return Step(frame, None, (), None, False, None, None, False, restarted)
        analysis = self.pipeline.analyse(frame)
        face = analysis.visitor_face
        events = tuple(engine.update(frame.t, face.probs if face is not None else None))
        return Step(
            frame,
            analysis,
            events,
            engine.negative,
            engine.visitor_present,
            engine.baseline,
            engine.baseline_negative,
            engine.learning,
            restarted,
        )

    def run(
        self,
        source: FrameSource,
        limit: int | None = None,
        on_state: Callable[[FrameSource], None] | None = None,
    ) -> Iterator[Step]:
        """Steps for each frame `source` gives until it ends or fails, or `limit` frames;
        `on_state` hears each change of the source's state (reconnecting, ended, ...)."""
        state = source.state
        done = 0
        while limit is None or done < limit:
            frame = source.read()
            if source.state is not state:
                state = source.state
                if on_state is not None:
                    on_state(source)
            if frame is None:
                if state in (SourceState.ENDED, SourceState.FAILED):
                    return
                continue
            done += 1
            yield self.step(frame)

    def _keep_timeline(self, frame: Frame, generation: int) -> bool:
        previous = self._timeline
        self._timeline = (generation, frame.t)
        if previous is None:
            return False
        last_generation, last_t = previous
        if generation != last_generation or frame.t < last_t:
            self.engine.reset()
            return True
        return False
