"""`python -m kiosk catalog import|export DIR`: a head office's folder in, the kiosk's cars out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from catalog_samples import car, sample_catalog, write_catalog, write_photo

from kiosk.app import main
from kiosk.content.catalog import dealer_catalog_dir, read_catalog, showroom_catalog


def test_import_installs_a_folder_into_the_data_folder(
    tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = sample_catalog(tmp_path / "head-office")
    assert main(["catalog", "import", str(folder)]) == 0
    assert f"Installed 3 cars from {folder}" in capsys.readouterr().out
    assert dealer_catalog_dir() == isolated_data_dir / "catalog"
    assert [c.id for c in showroom_catalog().cars] == ["alpha", "beta", "gamma"]


def test_data_dir_may_come_before_or_after_the_action(tmp_path: Path) -> None:
    folder = sample_catalog(tmp_path / "src")
    assert main(["--data-dir", str(tmp_path / "a"), "catalog", "import", str(folder)]) == 0
    assert main(["catalog", "import", str(folder), "--data-dir", str(tmp_path / "b")]) == 0
    for data in ("a", "b"):
        assert len(read_catalog(tmp_path / data / "catalog").cars) == 3


def test_a_folder_with_problems_is_refused_with_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_photo(tmp_path / "src" / "ok.jpg")
    (tmp_path / "src" / "broken.jpg").write_bytes(b"\xff\xd8 truncated")
    cars = [car("ok", "ok.jpg", currency="EURO"), car("broken", "broken.jpg"), car("gone", "gone.png")]
    write_catalog(tmp_path / "src", cars)
    assert main(["catalog", "import", str(tmp_path / "src")]) == 2
    err = capsys.readouterr().err.splitlines()
    errors = [line for line in err if line.startswith("error: ")]
    assert len(errors) == 3, err
    assert "car 1 (ok)" in errors[0] and "'EURO'" in errors[0]
    assert (
        "car 2 (broken)" in errors[1] and "broken.jpg" in errors[1] and "JPEG header is damaged" in errors[1]
    )
    assert "car 3 (gone)" in errors[2] and "gone.png not found" in errors[2]
    assert "nothing was installed" in err[-1]
    assert not (dealer_catalog_dir() / "catalog.json").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{ not json", "cannot be read"), (json.dumps({"version": 2, "cars": []}), "lists no cars")],
)
def test_malformed_or_empty_catalogues_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    write_catalog(tmp_path / "src", content)
    assert main(["catalog", "import", str(tmp_path / "src")]) == 2
    assert expected in capsys.readouterr().err


def test_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "import", str(tmp_path / "nowhere")]) == 2
    assert "nowhere is not a folder" in capsys.readouterr().err


def test_export_and_import_round_trip_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "export", str(tmp_path / "bundled")]) == 0  # no dealer cars yet: the bundled
    assert main(["catalog", "import", str(sample_catalog(tmp_path / "src"))]) == 0
    assert main(["catalog", "export", str(tmp_path / "out")]) == 0
    assert "Wrote 3 cars" in capsys.readouterr().out
    exported = json.loads((tmp_path / "out" / "catalog.json").read_text(encoding="utf-8"))
    assert [c["image"] for c in exported["cars"]] == [
        "photos/alpha.jpg",
        "photos/beta.png",
        "photos/gamma.webp",
    ]
    assert main(["--data-dir", str(tmp_path / "other"), "catalog", "import", str(tmp_path / "out")]) == 0
    again = read_catalog(tmp_path / "other" / "catalog").cars
    assert [(c.id, c.price, c.currency, c.uplift_to) for c in again] == [
        ("alpha", 39900.0, "EUR", ""),
        ("beta", 25990.5, "USD", ""),
        ("gamma", None, "EUR", "alpha"),
    ]
    assert len(read_catalog(tmp_path / "bundled").cars) >= 6


def test_export_into_a_folder_in_use_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x").write_text("")
    assert main(["catalog", "export", str(tmp_path / "out")]) == 2
    assert "already exists and is not an empty folder" in capsys.readouterr().err


def test_catalog_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog"]) == 2
    assert "ACTION" in capsys.readouterr().err


def test_the_command_runs_without_a_display_and_without_qt(tmp_path: Path) -> None:
    folder = sample_catalog(tmp_path / "src")
    code = (
        "import sys; from kiosk.app import main; "
        f"rc = main(['--data-dir', {str(tmp_path / 'data')!r}, 'catalog', 'import', {str(folder)!r}]); "
        "sys.exit(rc or any(m.startswith('PySide6') for m in sys.modules))"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # no DISPLAY, no QT_QPA_PLATFORM
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_folder_with_only_warnings_is_installed_and_they_are_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_photo(tmp_path / "src" / "a.jpg")
    specs = [{"label": f"L{i}", "value": str(i)} for i in range(5)]
    write_catalog(tmp_path / "src", [car("a", "a.jpg", specs=specs), car("b", "a.jpg", accent="red")])
    assert main(["catalog", "import", str(tmp_path / "src")]) == 0
    out, err = capsys.readouterr()
    warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 2 and not [line for line in err.splitlines() if line.startswith("error: ")]
    assert "car 1 (a)" in warnings[0] and "5 key figures given" in warnings[0]
    assert "car 2 (b)" in warnings[1] and "'red'" in warnings[1]
    assert "Installed 2 cars" in out and "(2 warnings above)" in out
    assert [c.id for c in showroom_catalog().cars] == ["a", "b"]


def test_a_price_that_is_no_price_stops_the_import_and_every_problem_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_photo(tmp_path / "src" / "a.jpg")
    specs = [{"label": f"L{i}", "value": str(i)} for i in range(5)]
    cars = [car(f"w{n}", "a.jpg", specs=specs) for n in range(5)] + [car("c", "a.jpg", price="cheap")]
    write_catalog(tmp_path / "src", cars)
    assert main(["catalog", "import", str(tmp_path / "src")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len([line for line in err if line.startswith("warning: ")]) == 5  # all of them, none cut off
    (error,) = [line for line in err if line.startswith("error: ")]
    assert "car 6 (c)" in error and "'cheap'" in error and "no price is shown" in error
    assert "nothing was installed" in err[-1]
    assert not (dealer_catalog_dir() / "catalog.json").exists()


def test_texts_by_language_round_trip_through_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "export", str(tmp_path / "bundled")]) == 0  # the bundled cars
    document = json.loads((tmp_path / "bundled" / "catalog.json").read_text(encoding="utf-8"))
    assert document["version"] == 3 and document["language"] == "en"
    first = document["cars"][0]
    first["tagline"]["de"] = "Mein eigener Satz."
    first["specs"][0]["label"]["it"] = "Cavalli"
    (tmp_path / "bundled" / "catalog.json").write_text(json.dumps(document), encoding="utf-8")
    assert main(["catalog", "import", str(tmp_path / "bundled")]) == 0
    assert main(["catalog", "export", str(tmp_path / "again")]) == 0
    again = json.loads((tmp_path / "again" / "catalog.json").read_text(encoding="utf-8"))
    assert again["cars"] == document["cars"]
    aurora = showroom_catalog().cars[0]
    assert aurora.in_language("de").tagline == "Mein eigener Satz."
    assert aurora.in_language("it").specs[0].label == "Cavalli"
    assert aurora.in_language("es").tagline.startswith("Un gran turismo")
