"""The command line end to end: analyze, bench, report wiring, the GUI hand-off, bad input."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import types
from datetime import datetime, timedelta
from pathlib import Path

import demo_face as synthetic
import numpy as np
import pytest
from catalog_samples import car, write_catalog, write_photo
from fakes import FakeCamera, FakeCapture, build_tiny_model

from kiosk import __version__, paths
from kiosk.analytics import DB_FILENAME, Exposure, ReactionStore
from kiosk.app import main
from kiosk.cli_report import car_names
from kiosk.session.launch import GuiRequest
from kiosk.vision.source import FrameSource

RECORD_KEYS = {"frame", "t", "faces", "visitor", "negative", "baseline", "events"}
FACE_KEYS = {"box", "label", "confidence", "probs"}
STAGES = {"read", "detect", "classify", "pipeline"}


def _run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def no_default_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    missing = tmp_path / "models" / "emotion.onnx"
    monkeypatch.setattr("kiosk.cli_common.default_model_path", lambda: missing)
    return missing


def test_analyze_writes_exactly_the_documented_json_lines(
    capsys: pytest.CaptureFixture[str], visitor_video: Path, tiny_model: Path
) -> None:
    code, out, err = _run(capsys, "analyze", visitor_video, "--model", tiny_model)
    assert code == 0
    records = _records(out)
    assert len(records) == 8 + 22 + 30 + 8  # the phases' frames at 15 fps
    for index, record in enumerate(records):
        assert set(record) == RECORD_KEYS
        assert record["frame"] == index and isinstance(record["t"], float)
        assert isinstance(record["events"], list)
        for face in record["faces"]:
            assert set(face) == FACE_KEYS
            assert len(face["box"]) == 4 and all(isinstance(v, int) for v in face["box"])
            assert face["label"] in face["probs"] and isinstance(face["confidence"], float)
        assert record["visitor"] is None or isinstance(record["faces"][record["visitor"]], dict)
        assert record["negative"] is None or 0.0 <= record["negative"] <= 1.0
    times = [r["t"] for r in records]
    assert times == sorted(times) and times[15] == pytest.approx(1.0)
    assert "analysed 68 frames" in err and "fps" in err and "faces:" in err and "events:" in err


def test_analyze_is_deterministic(
    capsys: pytest.CaptureFixture[str], visitor_video: Path, tiny_model: Path
) -> None:
    first = _run(capsys, "analyze", visitor_video, "--model", tiny_model)[1]
    second = _run(capsys, "analyze", visitor_video, "--model", tiny_model)[1]
    assert first == second and first


def test_analyze_reports_the_visitor_and_the_negative_phase(
    capsys: pytest.CaptureFixture[str], visitor_video: Path, tiny_model: Path
) -> None:
    records = _records(_run(capsys, "analyze", visitor_video, "--model", tiny_model)[1])
    labels = {r["faces"][0]["label"] for r in records if r["faces"]}
    assert labels <= {"neutral", "sad"} and "sad" in labels
    events = [(r["t"], e) for r in records for e in r["events"]]
    names = [e for _, e in events]
    assert names.count("visitor_arrived") == 1
    switch = [t for t, e in events if e == "switch_car"]
    assert len(switch) == 1 and 2.0 < switch[0] <= 3.5  # the sad phase starts at 2.0 s
    assert [t for t, e in events if e == "play_uplift"] == switch
    assert all(r["negative"] is None for r in records[:8])  # nobody there yet


def test_analyze_reports_the_visitors_baseline_once_learnt(
    capsys: pytest.CaptureFixture[str], visitor_video: Path, tiny_model: Path
) -> None:
    records = _records(_run(capsys, "analyze", visitor_video, "--model", tiny_model)[1])
    first_seen = next(r["t"] for r in records if r["visitor"] is not None)
    learnt = [r for r in records if r["baseline"] is not None]
    assert all(r["baseline"] is None for r in records if r["t"] < first_seen + 1.9)  # learning: 2 s
    assert learnt and learnt[0]["t"] == pytest.approx(first_seen + 2.0, abs=0.07)
    baseline, face = learnt[0]["baseline"], learnt[0]["faces"][learnt[0]["visitor"]]
    assert set(baseline) == set(face["probs"])
    assert sum(baseline.values()) == pytest.approx(1.0, abs=0.01)


def test_analyze_output_file_and_frame_limit(
    capsys: pytest.CaptureFixture[str], visitor_video: Path, tiny_model: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    code, out, err = _run(
        capsys, "analyze", visitor_video, "--model", tiny_model, "--output", target, "--frames", 5
    )
    assert code == 0 and out == ""
    assert len(_records(target.read_text(encoding="utf-8"))) == 5
    assert "analysed 5 frames" in err


def test_analyze_min_face_hides_small_visitors(
    capsys: pytest.CaptureFixture[str], visitor_video: Path, tiny_model: Path
) -> None:
    records = _records(_run(capsys, "analyze", visitor_video, "--model", tiny_model, "--min-face", 400)[1])
    assert any(r["faces"] for r in records)
    assert all(r["visitor"] is None and not r["events"] for r in records)


def test_bench_json_shape(capsys: pytest.CaptureFixture[str], tiny_model: Path) -> None:
    code, out, _ = _run(capsys, "bench", "--json", "--frames", 20, "--model", tiny_model)
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"frames", "fps", "stages"}
    assert result["frames"] == 20 and result["fps"] > 0
    assert set(result["stages"]) == STAGES
    for figures in result["stages"].values():
        assert set(figures) == {"median_ms", "p95_ms"}
        assert 0.0 <= figures["median_ms"] <= figures["p95_ms"]


def test_bench_text_on_a_video(
    capsys: pytest.CaptureFixture[str], visitor_video: Path, tiny_model: Path
) -> None:
    code, out, _ = _run(capsys, "bench", "--video", visitor_video, "--frames", 80, "--model", tiny_model)
    assert code == 0
    assert "80 frames of video" in out and "1 thread" in out
    for stage in STAGES:
        assert stage in out
    assert "target: pipeline median <= 4 ms" in out


@pytest.mark.parametrize("command", [["analyze", "0"], ["bench"]])  # window: see test_gui_without_model_warns
def test_missing_default_model_explains_how_to_make_it(
    capsys: pytest.CaptureFixture[str], no_default_model: Path, command: list[str]
) -> None:
    code, _, err = _run(capsys, *command)
    assert code == 2
    assert err.startswith("error: the emotion model models/emotion.onnx is missing")
    assert "python -m training train" in err and "python -m training export" in err
    assert "Traceback" not in err


def _bad_model(tmp_path: Path, kind: str) -> Path:
    if kind == "missing":
        return tmp_path / "absent.onnx"
    if kind == "corrupt":
        return build_tiny_model(tmp_path / "bad.onnx", corrupt=True)
    return build_tiny_model(tmp_path / "bad.onnx", input_shape=("N", 48, 48, 3))


@pytest.mark.parametrize("kind", ["missing", "corrupt", "wrong shape"])
@pytest.mark.parametrize("command", ["analyze", "bench"])
def test_bad_model_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, visitor_video: Path, kind: str, command: str
) -> None:
    model = _bad_model(tmp_path, kind)
    argv = ["analyze", visitor_video] if command == "analyze" else ["bench", "--frames", "5"]
    code, out, err = _run(capsys, *argv, "--model", model)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and str(model) in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", ["missing", "garbage", "camera"])
def test_bad_source_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: Path, kind: str
) -> None:
    sources: dict[str, str | Path] = {"missing": tmp_path / "nope.mp4", "garbage": tmp_path / "junk.mp4"}
    source = sources.get(kind, "97")
    if isinstance(source, Path) and kind == "garbage":
        source.write_bytes(b"junk" * 500)
    code, out, err = _run(capsys, "analyze", source, "--model", tiny_model)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "Traceback" not in err
    assert (str(source) if kind != "camera" else "camera 97") in err
    assert len(err.strip().splitlines()) == 1


def test_bench_bad_video(capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: Path) -> None:
    code, _, err = _run(capsys, "bench", "--video", tmp_path / "nope.mp4", "--model", tiny_model)
    assert code == 2 and "nope.mp4" in err


@pytest.mark.parametrize(
    "argv", [["analyze"], ["analyze", "x.mp4", "--min-face", "-3"], ["bench", "--frames", "0"]]
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = _run(capsys, *argv)
    assert code == 2 and "usage:" in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "bench", "--turbo")
    assert code == 2 and "unrecognized arguments: --turbo" in err


def test_help_documents_the_exit_statuses_and_the_window_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    assert "exit status:" in out and "2    bad input" in out and "reaction database, CSV target" in out
    assert "--model PATH" in out and "KIOSK_MODEL" in out and "reset-pin" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--version")
    assert code == 0 and __version__ in out


def test_python_dash_m_kiosk() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0 and __version__ in done.stdout


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch, tiny_model: Path) -> list[GuiRequest]:
    calls: list[GuiRequest] = []
    module = types.ModuleType("kiosk.ui.app.gui")

    def run_gui(request: GuiRequest, pending_stop: object = ()) -> int:
        calls.append(request)
        return 0

    module.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kiosk.ui.app.gui", module)
    monkeypatch.setattr("kiosk.cli_common.default_model_path", lambda: tiny_model)
    return calls


def test_no_command_starts_the_gui_with_its_options(
    capsys: pytest.CaptureFixture[str], fake_gui: list[GuiRequest], tmp_path: Path
) -> None:
    argv = [
        "--windowed",
        "--camera",
        "1",
        "--video",
        "demo.mp4",
        "--settings",
        "s.ini",
        "--data-dir",
        tmp_path,
    ]
    assert _run(capsys, *argv)[0] == 0
    (request,) = fake_gui
    assert request == GuiRequest(windowed=True, camera=1, video=Path("demo.mp4"), settings=Path("s.ini"))
    assert paths.data_dir() == tmp_path.resolve()


def test_the_camera_is_an_index_or_a_network_cameras_url(
    capsys: pytest.CaptureFixture[str], fake_gui: list[GuiRequest]
) -> None:
    assert _run(capsys, "--camera", "rtsp://cam:pw@10.0.0.7/stream1")[0] == 0
    assert fake_gui[0].camera == "rtsp://cam:pw@10.0.0.7/stream1"
    code, _out, err = _run(capsys, "--camera", "front-door")
    assert code == 2 and "expected a camera index (0, 1, ...) or an rtsp:// or http:// URL" in err


def test_gui_defaults(capsys: pytest.CaptureFixture[str], fake_gui: list[GuiRequest]) -> None:
    assert _run(capsys)[0] == 0  # (--self-test does not open the window: see test_selftest.py)
    (request,) = fake_gui
    assert request == GuiRequest()  # the settings decide the rest


def test_gui_without_model_warns_and_still_starts(
    capsys: pytest.CaptureFixture[str],
    fake_gui: list[GuiRequest],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr("kiosk.cli_common.default_model_path", lambda: tmp_path / "emotion.onnx")
    code, _, err = _run(capsys)
    assert code == 0 and len(fake_gui) == 1  # the showroom runs, with expression analysis off
    assert "warning:" in err and "models/emotion.onnx is missing" in err and "training export" in err


@pytest.fixture
def fake_report(monkeypatch: pytest.MonkeyPatch) -> list[tuple[argparse.Namespace, dict[str, str]]]:
    """What reaches kiosk.analytics.report's run_report: the options and the cars' names."""
    calls: list[tuple[argparse.Namespace, dict[str, str]]] = []

    def run_report(args: argparse.Namespace, car_names: dict[str, str]) -> int:
        calls.append((args, car_names))
        return 0

    monkeypatch.setattr("kiosk.cli_report.run_report", run_report)
    return calls


@pytest.mark.parametrize("where", ["before", "after"])
def test_report_is_wired_with_the_data_dir(
    capsys: pytest.CaptureFixture[str],
    fake_report: list[tuple[argparse.Namespace, dict]],
    tmp_path: Path,
    where: str,
) -> None:
    options = ["--since", "2024-05-01", "--json", "--csv", "out.csv"]
    argv = (
        ["--data-dir", tmp_path, "report", *options]
        if where == "before"
        else ["report", *options, "--data-dir", tmp_path]
    )
    assert _run(capsys, *argv)[0] == 0
    ((args, names),) = fake_report
    assert args.since == "2024-05-01" and args.json and args.csv == "out.csv"
    assert Path(args.data_dir) == tmp_path
    assert paths.data_dir() == tmp_path.resolve()
    assert names["aurora-gt"] == "Aurora GT"  # no catalogue of the dealer's there: the bundled cars


def test_report_names_the_cars_of_the_dealers_catalogue(
    capsys: pytest.CaptureFixture[str], fake_report: list[tuple[argparse.Namespace, dict]], tmp_path: Path
) -> None:
    dealer = tmp_path / "catalog"
    write_photo(dealer / "photos" / "car.png")
    write_catalog(dealer, [car("car", "photos/car.png", name="Testa Roadster")])
    assert _run(capsys, "report", "--data-dir", tmp_path)[0] == 0
    ((_args, names),) = fake_report
    assert names == {"car": "Testa Roadster"}


def test_report_help_and_bad_option(
    capsys: pytest.CaptureFixture[str], fake_report: list[tuple[argparse.Namespace, dict]]
) -> None:
    code, out, _ = _run(capsys, "report", "--help")
    assert code == 0 and "--since" in out
    code, _, err = _run(capsys, "report", "--frobnicate")
    assert code == 2 and "frobnicate" in err
    assert fake_report == []


@pytest.mark.parametrize("fleet", [[], ["--fleet", "host=127.0.0.1 port=1"]])
@pytest.mark.parametrize("where", ["before", "after"])
def test_report_on_a_mistyped_data_dir_exits_2_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str, fleet: list[str]
) -> None:
    typo = tmp_path / "EmotionKoisk"
    argv = (
        ["--data-dir", typo, "report", *fleet]
        if where == "before"
        else ["report", *fleet, "--data-dir", typo]
    )
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert (
        err
        == f"error: the data folder {typo} does not exist: give the kiosk's data folder with --data-dir DIR\n"
    )
    assert not typo.exists()


def test_report_end_to_end_names_the_dealers_cars(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dealer = tmp_path / "catalog"
    write_photo(dealer / "photos" / "car.png")
    write_catalog(dealer, [car("car", "photos/car.png", name="Testa Roadster")])
    started = datetime(2025, 3, 9, 12, 0).astimezone()
    with ReactionStore.open(tmp_path / DB_FILENAME, retention_days=None) as store:
        for car_id, seconds in (("car", 7.0), ("retired", 65.0)):
            ended = started + timedelta(seconds=30)
            probs = {"happy": 0.5, "neutral": 0.5}
            store.record(Exposure(car_id, started, ended, seconds, probs, 0.0, False, False, None))
    code, out, _ = _run(capsys, "report", "--data-dir", tmp_path)
    assert code == 0
    lines = out.splitlines()
    assert (
        lines[0]
        == "Reactions on 2025-03-09 (local time): 2 exposures of 2 cars, 1:12 (min:s) of visitor time."
    )
    assert [line.split("  ")[0] for line in lines[3:]] == ["retired", "Testa Roadster"]
    assert lines[4].split()[2:4] == ["1", "0:07"]
    code, out, _ = _run(capsys, "report", "--data-dir", tmp_path, "--json")
    assert code == 0 and set(json.loads(out)) == {"car", "retired"}  # ids, as before


def test_report_for_the_fleet_without_a_data_folder_names_the_bundled_cars(tmp_path: Path) -> None:
    missing = tmp_path / "no-kiosk-here"
    names = car_names(missing)
    assert names["aurora-gt"] == "Aurora GT" and len(names) == 7
    assert not missing.exists()


def test_data_dir_after_a_subcommand(
    capsys: pytest.CaptureFixture[str], tiny_model: Path, tmp_path: Path
) -> None:
    code, _, _ = _run(
        capsys, "bench", "--frames", "3", "--model", tiny_model, "--json", "--data-dir", tmp_path
    )
    assert code == 0 and paths.data_dir() == tmp_path.resolve()


class _InterruptedCapture(FakeCapture):
    """A camera that delivers a few frames, then the operator presses Ctrl+C."""

    def read(self) -> tuple[bool, np.ndarray | None]:
        if self.position >= len(self.frames):
            raise KeyboardInterrupt
        return super().read()


def _fake_camera(monkeypatch: pytest.MonkeyPatch, capture: FakeCapture) -> None:
    def open_camera(spec: object, **options: object) -> FrameSource:
        source = FrameSource(0, capture_factory=FakeCamera(lambda attempt: capture))
        source.start()
        return source

    monkeypatch.setattr("kiosk.cli_analyze.FrameSource.open", open_camera)


def _camera_frames(count: int) -> list[np.ndarray | None]:
    return [synthetic.render_frame(synthetic.mood_style("neutral", cx=300.0 + i)) for i in range(count)]


def test_analyze_camera_stops_after_frames(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tiny_model: Path
) -> None:
    frames = _camera_frames(8)
    frames[3] = None  # one failed read does not end the run
    _fake_camera(monkeypatch, FakeCapture(frames * 2))
    code, out, err = _run(capsys, "analyze", "0", "--model", tiny_model, "--frames", "6")
    assert code == 0
    records = _records(out)
    assert len(records) == 6 and all(r["faces"] for r in records)
    times = [r["t"] for r in records]
    assert times == sorted(times)
    assert "analysed 6 frames" in err


def test_analyze_camera_stops_cleanly_on_ctrl_c(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tiny_model: Path
) -> None:
    _fake_camera(monkeypatch, _InterruptedCapture(_camera_frames(4)))
    code, out, err = _run(capsys, "analyze", "0", "--model", tiny_model)
    assert code == 0
    assert len(_records(out)) == 4
    assert "stopped by Ctrl+C" in err and "Traceback" not in err
