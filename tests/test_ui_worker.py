"""The analysis worker: built and run in its own thread, newest result wins, clean stop."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from fakes import FakeCamera, FakeCapture, build_tiny_model, empty_result, write_face_video
from pytestqt.qtbot import QtBot

from kiosk.reaction.engine import Event, ReactionConfig
from kiosk.session import sources
from kiosk.session.results import AnalysisResult, LatestResult, SourceMode, WorkerStatus
from kiosk.session.sources import DEMO_MESSAGE, SourcePlan, SourceSwitcher
from kiosk.ui.app.worker import PREVIEW_WIDTH, AnalysisController, WorkerSetup, make_preview
from kiosk.vision.pipeline import PipelineConfig
from kiosk.vision.source import SourceState


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("worker_assets")
    return {
        "model": build_tiny_model(folder / "tiny.onnx"),
        "sad": write_face_video(folder / "sad.mp4", [("none", 0.5), ("happy", 1.0), ("sad", 2.5)]),
        "empty": write_face_video(folder / "empty.mp4", [("none", 1.0)]),
    }


def _result(t: float, events: tuple[Event, ...] = ()) -> AnalysisResult:
    return empty_result(t, events)


def test_the_mailbox_keeps_the_newest_and_carries_events_over() -> None:
    box = LatestResult()
    assert box.put(_result(1.0, (Event.SWITCH_CAR, Event.PLAY_UPLIFT)))  # empty: tell the reader
    assert not box.put(_result(2.0))  # not taken yet: replaced, no second signal
    assert not box.put(_result(3.0, (Event.VISITOR_LEFT,)))
    taken = box.take()
    assert taken is not None and taken.t == 3.0
    assert taken.events == (Event.SWITCH_CAR, Event.PLAY_UPLIFT, Event.VISITOR_LEFT)
    assert box.dropped == 2
    assert box.take() is None
    assert box.put(_result(4.0))


def test_the_preview_is_a_small_owned_read_only_rgb_copy() -> None:
    frame = np.zeros((480, 640, 3), np.uint8)
    frame[..., 0] = 255  # blue in BGR
    preview = make_preview(frame, PREVIEW_WIDTH)
    assert preview.shape == (240, 320, 3)
    assert not preview.flags.writeable
    assert not np.shares_memory(preview, frame)
    assert tuple(preview[0, 0]) == (0, 0, 255)  # RGB


def _start(qtbot: QtBot, setup: WorkerSetup) -> AnalysisController:
    controller = AnalysisController(setup)
    controller.start()
    return controller


def _stop(qtbot: QtBot, controller: AnalysisController) -> None:
    with qtbot.waitSignal(controller.stopped, timeout=10_000):
        controller.stop()
    assert not controller.is_running


def test_results_arrive_from_the_worker_thread_and_it_stops_cleanly(
    qtbot: QtBot, assets: dict[str, Path]
) -> None:
    plan = SourcePlan(camera=None, video=str(assets["sad"]))
    controller = _start(qtbot, WorkerSetup(assets["model"], plan, realtime=False))
    with qtbot.waitSignal(
        controller.result_received,
        timeout=10_000,
        check_params_cb=lambda r: r.analysis is not None and bool(r.analysis.faces),
    ) as blocker:
        pass
    result: AnalysisResult = blocker.args[0]
    assert result.preview is not None and result.preview.shape[1] == PREVIEW_WIDTH
    assert result.frame_size == (640, 480)
    assert controller.status.mode == SourceMode.VIDEO and controller.status.model_loaded
    _stop(qtbot, controller)


def test_a_visitor_turning_sad_yields_a_switch_event(qtbot: QtBot, assets: dict[str, Path]) -> None:
    plan = SourcePlan(camera=None, video=str(assets["sad"]))
    controller = _start(qtbot, WorkerSetup(assets["model"], plan, realtime=False))
    with qtbot.waitSignal(
        controller.result_received, timeout=15_000, check_params_cb=lambda r: Event.SWITCH_CAR in r.events
    ) as blocker:
        pass
    assert Event.PLAY_UPLIFT in blocker.args[0].events
    assert blocker.args[0].negative >= ReactionConfig().trigger_level
    _stop(qtbot, controller)


def test_new_levels_apply_live(qtbot: QtBot, assets: dict[str, Path]) -> None:
    """With the trigger level raised out of reach while running, the sad visitor never fires."""
    plan = SourcePlan(camera=None, video=str(assets["sad"]))
    controller = _start(qtbot, WorkerSetup(assets["model"], plan, realtime=False))
    controller.apply(PipelineConfig(), ReactionConfig(trigger_level=1.0, release_level=0.35), plan)
    seen: list[AnalysisResult] = []
    controller.result_received.connect(lambda r: seen.append(r))
    with qtbot.waitSignal(controller.result_received, timeout=15_000, check_params_cb=lambda r: r.t > 3.8):
        pass
    assert not any(Event.SWITCH_CAR in r.events for r in seen)
    _stop(qtbot, controller)


def test_without_a_model_frames_still_flow_and_the_status_says_why(
    qtbot: QtBot, assets: dict[str, Path], tmp_path: Path
) -> None:
    plan = SourcePlan(camera=None, video=str(assets["empty"]))
    controller = _start(qtbot, WorkerSetup(tmp_path / "models" / "emotion.onnx", plan, realtime=False))
    with qtbot.waitSignal(controller.result_received, timeout=10_000) as blocker:
        pass
    assert blocker.args[0].analysis is None and blocker.args[0].preview is not None
    status: WorkerStatus = controller.status
    assert not status.model_loaded
    assert "emotion.onnx is missing" in status.model_message
    _stop(qtbot, controller)


def test_with_no_camera_the_demo_clip_plays_and_says_so(qtbot: QtBot, assets: dict[str, Path]) -> None:
    plan = SourcePlan(camera=97, demo=assets["empty"])
    controller = _start(qtbot, WorkerSetup(assets["model"], plan, realtime=False))
    with qtbot.waitSignal(controller.result_received, timeout=10_000):
        pass
    assert controller.status.mode == SourceMode.DEMO
    assert controller.status.message == DEMO_MESSAGE
    _stop(qtbot, controller)


def test_stop_does_not_wait_for_a_camera_that_is_still_opening(
    qtbot: QtBot, assets: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    opening, release = threading.Event(), threading.Event()

    def slow_camera(self: SourceSwitcher) -> bool:
        opening.set()
        release.wait(5.0)  # a backend that blocks while opening
        return False

    monkeypatch.setattr(SourceSwitcher, "_try_camera", slow_camera)
    controller = _start(qtbot, WorkerSetup(assets["model"], SourcePlan(camera=0, demo=None)))
    assert opening.wait(5.0)
    started = time.monotonic()
    controller.stop()
    assert time.monotonic() - started < 0.1  # the GUI thread is not held up
    assert controller.is_running
    release.set()
    with qtbot.waitSignal(controller.stopped, timeout=10_000):
        pass


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_without_camera_or_demo_it_keeps_trying_the_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = np.full((480, 640, 3), 100, np.uint8)
    camera = FakeCamera(lambda n: FakeCapture([frame] * 5, opened=n >= 3))  # answers on the third try
    monkeypatch.setattr(sources, "_capture_factory", lambda resolution: camera)
    clock = _Clock()
    switcher = SourceSwitcher(
        SourcePlan(camera=0, demo=None, retry_s=5.0), should_stop=lambda: False, clock=clock
    )
    switcher.open_initial()
    assert switcher.mode == SourceMode.NONE and "still looking for a camera" in switcher.message
    assert switcher.read() is None and len(camera.opens) == 1  # not yet due
    clock.now = 5.0
    assert switcher.read() is None and len(camera.opens) == 2
    clock.now = 9.0
    switcher.read()
    assert len(camera.opens) == 2  # the wait doubled to 10 s
    clock.now = 15.0
    assert switcher.read() is not None
    assert switcher.mode == SourceMode.CAMERA and switcher.state == SourceState.LIVE
    switcher.close()


def test_a_replaced_plan_switches_the_source(qtbot: QtBot, assets: dict[str, Path]) -> None:
    plan = SourcePlan(camera=None, video=str(assets["empty"]))
    controller = _start(qtbot, WorkerSetup(assets["model"], plan, realtime=False))
    with qtbot.waitSignal(controller.result_received, timeout=10_000):
        pass
    with qtbot.waitSignal(
        controller.status_changed, timeout=10_000, check_params_cb=lambda s: s.message == "Playing sad.mp4"
    ):
        controller.apply(PipelineConfig(), ReactionConfig(), replace(plan, video=str(assets["sad"])))
    _stop(qtbot, controller)
