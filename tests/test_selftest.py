"""`--self-test` from source: it passes with a working model, and names the check that fails."""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
from pathlib import Path
from types import ModuleType

import demo_face as synthetic
import pytest
from fakes import VideoFactory
from PySide6.QtWidgets import QApplication

from kiosk import selftest
from kiosk.app import main
from kiosk.reaction.engine import Event, ReactionConfig
from kiosk.selftest import DEMO_CLIP, ClipExpectation, SelfTestInputs, run_self_test
from kiosk.selftest_vision import Sample, judge

ROOT = Path(__file__).resolve().parents[1]
CHECKS = [
    "model",
    "cascade",
    "demo_clip",
    "no_face_when_empty",
    "face_when_present",
    "visitor_arrived",
    "switch_when_negative",
    "visitor_left",
    "audio",
    "opencv_lapack",
    "health",
    "translations",
]
# A 7.4 s clip for the tiny model: empty, pleased, clearly sad, neutral, empty long enough to leave.
PHASES = [("none", 0.8), ("happy", 1.6), ("sad", 2.0), ("neutral", 0.6), ("none", 2.4)]
EXPECT = ClipExpectation(
    empty=((0.0, 0.8), (5.0, 7.4)),
    present=(0.8, 5.0),
    arrive=(0.8, 1.6),
    negative=(2.4, 4.4),
    leave=(5.0, 7.4),
    end_s=7.4,
)


@pytest.fixture
def inputs(
    tiny_model: Path, face_video: VideoFactory, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> SelfTestInputs:
    """The tiny model and its clip; `qapp` so that the audio check finds a QApplication, and
    the environment the audio check would set, so that it is restored after the test."""
    monkeypatch.setenv("QT_MEDIA_BACKEND", "ffmpeg")
    monkeypatch.setenv("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")
    shipped = SelfTestInputs.shipped()
    return SelfTestInputs(tiny_model, shipped.cascade, face_video(PHASES), shipped.audio, EXPECT)


def _run(inputs: SelfTestInputs, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object], str]:
    code = run_self_test(argparse.Namespace(self_test=True), inputs)
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def _by_name(summary: dict[str, object]) -> dict[str, dict[str, object]]:
    checks = summary["checks"]
    assert isinstance(checks, list)
    return {check["name"]: check for check in checks}


def test_it_passes_and_prints_a_json_summary(
    inputs: SelfTestInputs, capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    code, summary, err = _run(inputs, capsys)
    checks = _by_name(summary)
    assert code == 0, err
    assert summary["ok"] is True and summary["failed"] == [] and summary["skipped"] == []
    assert list(checks) == CHECKS and all(check["ok"] is True for check in checks.values())
    assert "switch_car + play_uplift at" in str(checks["switch_when_negative"]["detail"])
    startup = summary["startup_s"]
    assert isinstance(startup, float) and 0.0 < startup < 600.0
    assert summary["frozen"] is False
    saved = json.loads((isolated_data_dir / selftest.SUMMARY_FILE).read_text(encoding="utf-8"))
    assert saved == summary


def test_a_broken_cascade_fails_the_cascade_check(
    inputs: SelfTestInputs, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "haarcascade_frontalface_default.xml"
    broken.write_text('<?xml version="1.0"?>\n<opencv_storage>\n</opencv_storage>\n', encoding="utf-8")
    code, summary, err = _run(SelfTestInputs(**{**vars(inputs), "cascade": broken}), capsys)
    checks = _by_name(summary)
    assert code == 1
    assert summary["failed"] == ["cascade"]
    assert "not an OpenCV cascade classifier" in str(checks["cascade"]["detail"])
    assert checks["demo_clip"]["ok"] is None and "needs cascade" in str(checks["demo_clip"]["detail"])
    assert "self-test FAILED" in err and "cascade:" in err


def test_a_missing_model_fails_the_model_check(
    inputs: SelfTestInputs, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "models" / "emotion.onnx"
    code, summary, err = _run(SelfTestInputs(**{**vars(inputs), "model": missing}), capsys)
    checks = _by_name(summary)
    assert code == 1
    assert summary["failed"] == ["model"]
    assert str(missing) in str(checks["model"]["detail"]) and "does not exist" in str(
        checks["model"]["detail"]
    )
    assert summary["skipped"] == CHECKS[2:-4]  # everything that needs the model; audio still ran
    assert checks["audio"]["ok"] is True
    assert f"model: emotion model {missing}" in err


def test_a_visitor_who_never_turns_negative_fails_the_switch_check(
    inputs: SelfTestInputs, face_video: VideoFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    pleased = face_video([("none", 0.8), ("happy", 4.2), ("none", 2.4)])
    code, summary, _ = _run(SelfTestInputs(**{**vars(inputs), "clip": pleased}), capsys)
    checks = _by_name(summary)
    assert code == 1
    assert summary["failed"] == ["switch_when_negative"]
    detail = str(checks["switch_when_negative"]["detail"])
    assert "no switch_car in the negative phase 2.4-4.4 s" in detail and "happy" in detail


def test_a_missing_audio_file_fails_the_audio_check(
    inputs: SelfTestInputs, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, summary, _ = _run(SelfTestInputs(**{**vars(inputs), "audio": tmp_path / "none.wav"}), capsys)
    assert code == 1 and summary["failed"] == ["audio"]
    assert "none.wav does not exist" in str(_by_name(summary)["audio"]["detail"])


def _samples(
    faces_at: tuple[float, float], events: dict[float, tuple[Event, ...]], end: float = 7.4
) -> list[Sample]:
    """Samples at 15 fps: a visitor face in [faces_at), the given events at those times."""
    times = [round(i / 15, 4) for i in range(round(end * 15))]
    fired = {min(times, key=lambda t: abs(t - at)): what for at, what in events.items()}
    samples = []
    for t in times:
        face = faces_at[0] <= t < faces_at[1]
        samples.append(Sample(t, int(face), "sad" if face else None, None, fired.get(t, ())))
    return samples


GOOD_EVENTS = {
    1.2: (Event.VISITOR_ARRIVED,),
    3.0: (Event.SWITCH_CAR, Event.PLAY_UPLIFT),
    7.0: (Event.VISITOR_LEFT,),
}


def _verdicts(samples: list[Sample]) -> dict[str, bool | None]:
    return {check.name: check.ok for check in judge(samples, EXPECT)}


def test_the_judgement_passes_what_the_expectation_describes() -> None:
    assert all(_verdicts(_samples((0.8, 5.0), GOOD_EVENTS)).values())


@pytest.mark.parametrize(
    ("faces_at", "events", "failing"),
    [
        ((0.5, 5.0), GOOD_EVENTS, "no_face_when_empty"),  # a face while the scene is empty
        ((0.8, 2.0), GOOD_EVENTS, "face_when_present"),  # the face is lost halfway
        ((0.8, 5.0), {**GOOD_EVENTS, 1.2: ()}, "visitor_arrived"),
        ((0.8, 5.0), {**GOOD_EVENTS, 1.0: (Event.VISITOR_ARRIVED,)}, "visitor_arrived"),  # twice
        ((0.8, 5.0), {**GOOD_EVENTS, 1.5: (Event.SWITCH_CAR, Event.PLAY_UPLIFT)}, "switch_when_negative"),
        ((0.8, 5.0), {**GOOD_EVENTS, 3.0: (Event.SWITCH_CAR,)}, "switch_when_negative"),  # no music
        ((0.8, 5.0), {**GOOD_EVENTS, 7.0: ()}, "visitor_left"),
    ],
)
def test_the_judgement_names_what_went_wrong(
    faces_at: tuple[float, float], events: dict[float, tuple[Event, ...]], failing: str
) -> None:
    verdicts = _verdicts(_samples(faces_at, events))
    assert [name for name, ok in verdicts.items() if not ok] == [failing]


def test_self_test_option_runs_the_self_test_not_the_window(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[argparse.Namespace] = []
    monkeypatch.setattr(selftest, "run_self_test", lambda args: calls.append(args) or 1)
    monkeypatch.setattr("kiosk.cli_common.default_model_path", lambda: tmp_path / "missing.onnx")
    assert main(["--self-test"]) == 1  # no "model missing" usage error: the self-test reports that
    assert len(calls) == 1 and calls[0].self_test


def _demo_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo_clip", ROOT / "tools" / "make_demo_clip.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_expectation_matches_the_clip_script() -> None:
    """DEMO_CLIP's times agree with the timeline that tools/make_demo_clip.py draws."""
    script = _demo_script()
    fps = 15.0
    times = [i / fps for i in range(round(script.DURATION_S * fps))]
    styles = {t: script.style_at(t) for t in times}
    drawn = [t for t, style in styles.items() if style is not None]
    whole = [t for t in drawn if _fully_in_frame(styles[t])]
    frowning = [t for t in drawn if styles[t].expression < 0.0]
    config = ReactionConfig()
    assert math.isclose(DEMO_CLIP.end_s, script.DURATION_S)
    assert all(styles[t] is None for t in times if any(a <= t < b for a, b in DEMO_CLIP.empty))
    assert all(DEMO_CLIP.present[0] <= t < DEMO_CLIP.present[1] for t in frowning)
    assert all(t in whole for t in times if DEMO_CLIP.present[0] <= t < DEMO_CLIP.present[1])
    assert DEMO_CLIP.arrive[0] <= drawn[0] and whole[0] + config.arrive_s < DEMO_CLIP.arrive[1]
    assert DEMO_CLIP.negative[0] <= frowning[0] and frowning[-1] < DEMO_CLIP.negative[1]
    assert DEMO_CLIP.leave[0] <= whole[-1] and drawn[-1] + config.depart_s < DEMO_CLIP.leave[1]


def _fully_in_frame(style: synthetic.FaceStyle) -> bool:
    width, _ = synthetic.FRAME_SIZE
    return style.width / 2 <= style.cx <= width - style.width / 2
