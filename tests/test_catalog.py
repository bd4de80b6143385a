"""The car catalogue without Qt: the format, bad content, photos, atomic saves, import and export."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from catalog_samples import car, sample_catalog, write_catalog, write_photo, write_png_header_only

from kiosk.content import catalog_store
from kiosk.content.audio_files import audio_file_problem
from kiosk.content.catalog import (
    CatalogError,
    bundled_catalog_dir,
    dealer_catalog_dir,
    load_catalog,
    read_catalog,
    showroom_catalog,
    showroom_folder,
    uplift_index,
)
from kiosk.content.catalog_store import car_problems, export_catalog, import_catalog, save_catalog
from kiosk.content.photos import SCREEN_SIZE, PhotoError, photo_info, read_photo

# ---------------------------------------------------------------- reading


def test_a_version_2_catalogue_reads_prices_currencies_and_uplift_choices(tmp_path: Path) -> None:
    catalog = read_catalog(sample_catalog(tmp_path / "c"))
    assert catalog.problems == ()
    alpha, beta, gamma = catalog.cars
    assert (alpha.price, alpha.currency) == (39900.0, "EUR")
    assert (beta.price, beta.currency, beta.cheerful) == (25990.5, "USD", True)
    assert gamma.price is None and gamma.uplift_to == "alpha"
    assert alpha.photo == tmp_path / "c" / "photos" / "alpha.jpg" and alpha.image == alpha.photo


def test_the_bundled_catalogue_is_version_2_in_euros() -> None:
    catalog = read_catalog(bundled_catalog_dir())
    assert catalog.problems == ()
    assert len(catalog.cars) >= 6
    assert all(c.currency == "EUR" and c.price is not None and c.price > 10_000 for c in catalog.cars)


def test_a_version_1_catalogue_still_reads(tmp_path: Path) -> None:
    write_photo(tmp_path / "a.png")
    folder = write_catalog(
        tmp_path,
        [
            {"id": "old", "name": "Old", "price": "€ 48,900", "image": "a.png"},
            {"id": "num", "name": "Num", "price": 41000, "image": "a.png"},
        ],
        version=1,
    )
    old, num = read_catalog(folder).cars
    assert (old.price, old.price_text) == (None, "€ 48,900")  # text prices are shown as written
    assert (num.price, num.currency) == (41000.0, "EUR")  # version 1 numbers were euros


def test_a_missing_photo_leaves_the_car_out_naming_file_and_car(tmp_path: Path) -> None:
    write_photo(tmp_path / "photos" / "ok.jpg")
    folder = write_catalog(tmp_path, [car("ok", "photos/ok.jpg"), car("ghost", "photos/ghost.jpg")])
    catalog = read_catalog(folder)
    assert [c.id for c in catalog.cars] == ["ok"]
    (problem,) = catalog.problems
    assert "car 2 (ghost)" in problem and "ghost.jpg" in problem and "not found" in problem


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"this is not a picture at all", "is not a JPEG, PNG or WebP image"),
        (b"\xff\xd8\xff\xe1\x00\x10Exif", "JPEG header is damaged"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG header is damaged"),
    ],
)
def test_a_corrupt_photo_leaves_the_car_out(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "bad.jpg").write_bytes(content)
    write_photo(tmp_path / "good.png")
    catalog = read_catalog(write_catalog(tmp_path, [car("bad", "bad.jpg"), car("good", "good.png")]))
    assert [c.id for c in catalog.cars] == ["good"]
    assert expected in catalog.problems[0] and "bad.jpg" in catalog.problems[0], catalog.problems


def test_a_photo_damaged_after_its_header_fails_when_decoded_with_the_file_named(tmp_path: Path) -> None:
    good = (write_photo(tmp_path / "whole.jpg")).read_bytes()
    (tmp_path / "cut.jpg").write_bytes(good[:300] + bytes(4000))
    photo_info(tmp_path / "cut.jpg")  # the header is fine ...
    with pytest.raises(PhotoError, match=r"cut\.jpg.*cannot be decoded"):
        read_photo(tmp_path / "cut.jpg")  # ... the pixels are not


def test_a_one_pixel_photo_is_refused(tmp_path: Path) -> None:
    cv2.imwrite(str(tmp_path / "dot.png"), np.zeros((1, 1, 3), np.uint8))
    catalog = read_catalog(write_catalog(tmp_path, [car("dot", "dot.png")]))
    assert catalog.cars == ()
    assert "1x1 px" in catalog.problems[0] and "at least 64x64" in catalog.problems[0]


def test_a_huge_jpeg_is_decoded_reduced_while_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gray = np.full((9000, 12000), 90, np.uint8)
    gray[3000:6000, 2000:10000] = 200
    assert cv2.imwrite(str(tmp_path / "huge.jpg"), gray, [cv2.IMWRITE_JPEG_QUALITY, 70])
    del gray
    flags: list[int] = []
    decode = cv2.imdecode
    monkeypatch.setattr(cv2, "imdecode", lambda data, flag: flags.append(flag) or decode(data, flag))
    image = read_photo(tmp_path / "huge.jpg", SCREEN_SIZE)
    assert flags == [cv2.IMREAD_REDUCED_COLOR_4]  # 3000x2250 decoded, never 12000x9000
    assert image.shape == (1440, 1920, 3)
    assert photo_info(tmp_path / "huge.jpg").width == 12000


def test_a_huge_png_is_refused_from_its_header_without_decoding(tmp_path: Path) -> None:
    write_png_header_only(tmp_path / "huge.png", 12000, 9000)
    catalog = read_catalog(write_catalog(tmp_path, [car("huge", "huge.png")]))
    assert catalog.cars == ()
    assert "12000x9000 px (108 megapixels)" in catalog.problems[0]
    assert "save it smaller, or as a JPEG" in catalog.problems[0]


def test_webp_and_png_photos_keep_their_transparency(tmp_path: Path) -> None:
    for name in ("lossless.webp", "clear.png"):
        image = read_photo(write_photo(tmp_path / name, 320, 180, alpha=True))
        assert image.shape == (180, 320, 4) and image[0, 0, 3] == 0 and image[-1, -1, 3] == 255
    lossy = write_photo(tmp_path / "lossy.webp", 320, 180)
    assert photo_info(lossy).format == "WebP" and read_photo(lossy).shape == (180, 320, 3)


def test_a_16_bit_grey_png_is_shown_in_8_bit_colour(tmp_path: Path) -> None:
    cv2.imwrite(str(tmp_path / "deep.png"), np.full((100, 200), 40000, np.uint16))
    image = read_photo(tmp_path / "deep.png")
    assert image.dtype == np.uint8 and image.shape == (100, 200, 3) and image[0, 0, 0] == 40000 >> 8


def test_malformed_json_falls_back_to_the_bundled_cars_and_says_why(tmp_path: Path) -> None:
    folder = write_catalog(tmp_path / "dealer", '{"version": 2, "cars": [')
    catalog = load_catalog(folder)
    assert catalog.cars == read_catalog(bundled_catalog_dir()).cars
    assert "cannot be read" in catalog.problems[0] and "catalog.json" in catalog.problems[0]
    assert any("bundled cars" in p for p in catalog.problems)


def test_an_empty_catalogue_falls_back_to_the_bundled_cars(tmp_path: Path) -> None:
    catalog = load_catalog(write_catalog(tmp_path / "dealer", []))
    assert len(catalog.cars) >= 6
    assert "lists no cars" in catalog.problems[0]


def test_an_unknown_currency_hides_the_price_and_says_so(tmp_path: Path) -> None:
    write_photo(tmp_path / "a.jpg")
    cars = [car("x", "a.jpg", currency="EUX"), car("y", "a.jpg", currency="eur")]
    x, y = (catalog := read_catalog(write_catalog(tmp_path, cars))).cars
    assert x.price is None and y.price is None  # the cars stay; their prices go
    assert "'EUX' is not an ISO 4217 code" in catalog.problems[0] and "car 1 (x)" in catalog.problems[0]
    assert "upper case" in catalog.problems[1]


def test_duplicate_ids_paths_out_of_the_folder_and_extra_specs_are_reported(tmp_path: Path) -> None:
    write_photo(tmp_path / "c" / "a.jpg")
    write_photo(tmp_path / "outside.jpg")
    specs = [{"label": f"L{i}", "value": str(i)} for i in range(6)]
    cars = [
        car("a", "a.jpg", specs=specs),
        car("a", "a.jpg"),
        car("b", "../outside.jpg"),
        car("bad id!", "a.jpg"),
    ]
    catalog = read_catalog(write_catalog(tmp_path / "c", cars))
    assert [c.id for c in catalog.cars] == ["a"] and len(catalog.cars[0].specs) == 4
    text = "\n".join(catalog.problems)
    assert "6 key figures given" in text and "the first 4 are shown" in text and "used twice" in text
    assert "inside the catalogue folder" in text and "'bad id!'" in text
    assert [p for p in catalog.warnings if "key figures" in p] == [catalog.problems[0]]  # harmless
    assert len(catalog.errors) == 3 and all("left out" in p for p in catalog.errors)


def test_an_uplift_target_that_is_no_other_car_becomes_automatic(tmp_path: Path) -> None:
    write_photo(tmp_path / "a.jpg")
    cars = [car("a", "a.jpg", uplift_to="nobody"), car("b", "a.jpg", uplift_to="b")]
    catalog = read_catalog(write_catalog(tmp_path, cars))
    assert [c.uplift_to for c in catalog.cars] == ["", ""]
    assert len(catalog.problems) == 2 and "'nobody' is no other car" in catalog.problems[0]


def test_the_uplift_goes_to_the_chosen_car_else_a_cheerful_one_else_the_next(tmp_path: Path) -> None:
    write_photo(tmp_path / "a.jpg")
    cars = [
        car("a", "a.jpg", uplift_to="c"),
        car("b", "a.jpg"),
        car("c", "a.jpg"),
        car("d", "a.jpg", cheerful=True),
    ]
    catalog = read_catalog(write_catalog(tmp_path, cars)).cars
    assert uplift_index(catalog, 0) == 2  # a: its own choice
    assert uplift_index(catalog, 1) == 3  # b: the next cheerful car
    assert uplift_index(catalog, 3) == 0  # d: no other cheerful car, so the next one
    plain = read_catalog(write_catalog(tmp_path, [car("a", "a.jpg"), car("b", "a.jpg")])).cars
    assert uplift_index(plain, 1) == 0 and uplift_index(plain[:1], 0) == 0


def test_the_showroom_shows_the_dealers_catalogue_once_there_is_one(tmp_path: Path) -> None:
    assert showroom_folder("") == bundled_catalog_dir()
    save_catalog(dealer_catalog_dir(), read_catalog(sample_catalog(tmp_path / "src")).cars)
    assert showroom_folder("") == dealer_catalog_dir()
    assert [c.id for c in showroom_catalog().cars] == ["alpha", "beta", "gamma"]
    assert showroom_folder(str(tmp_path / "src")) == tmp_path / "src"  # the setting's folder wins


# ---------------------------------------------------------------- saving


def test_a_save_keeps_the_originals_and_adds_screen_copies(tmp_path: Path) -> None:
    source = read_catalog(sample_catalog(tmp_path / "src"))
    saved = save_catalog(tmp_path / "dealer", source.cars)
    assert saved.problems == ()
    for before, after in zip(source.cars, saved.cars, strict=True):
        assert after.photo.read_bytes() == before.photo.read_bytes()  # the original, unchanged
        assert after.photo.parent == tmp_path / "dealer" / "photos" and after.photo.name.startswith(after.id)
        assert after.screen is not None and after.image == after.screen
        assert (after.name, after.price, after.currency, after.specs, after.cheerful, after.uplift_to) == (
            before.name,
            before.price,
            before.currency,
            before.specs,
            before.cheerful,
            before.uplift_to,
        )
    assert saved.cars[1].screen is not None and saved.cars[1].screen.suffix == ".png"  # transparent
    document = json.loads((tmp_path / "dealer" / "catalog.json").read_text(encoding="utf-8"))
    assert document["version"] == 3 and document["cars"][0]["price"] == 39900


def test_a_big_photo_gets_a_screen_copy_that_fits_the_screen(tmp_path: Path) -> None:
    photo = write_photo(tmp_path / "big.jpg", 6000, 4000)
    base = read_catalog(write_catalog(tmp_path, [car("big", "big.jpg")])).cars
    (saved,) = save_catalog(tmp_path / "dealer", base).cars
    assert saved.screen is not None
    info = photo_info(saved.screen)
    assert (info.width, info.height) == (2160, 1440)
    assert saved.photo.stat().st_size == photo.stat().st_size


def test_a_save_refuses_cars_that_are_not_right_and_writes_nothing(tmp_path: Path) -> None:
    cars = list(read_catalog(sample_catalog(tmp_path / "src")).cars)
    cars[0] = dataclasses.replace(cars[0], name=" ", currency="XYZ")
    cars[2] = dataclasses.replace(cars[2], id="beta", photo=tmp_path / "gone.jpg")
    with pytest.raises(CatalogError) as error:
        save_catalog(tmp_path / "dealer", cars)
    text = "\n".join(error.value.problems)
    assert "Car 1" in text and "the name is empty" in text and "'XYZ'" in text
    assert "used by another car" in text and "gone.jpg not found" in text
    assert not (tmp_path / "dealer").exists()
    assert car_problems(read_catalog(tmp_path / "src").cars) == []


@pytest.mark.parametrize("failing", ["catalog.json", "a photo", "os.replace"])
def test_an_interrupted_save_leaves_the_previous_catalogue_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    folder = tmp_path / "dealer"
    first = save_catalog(folder, read_catalog(sample_catalog(tmp_path / "one")).cars)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    write_photo(tmp_path / "two" / "new.jpg", hue=150)
    second = read_catalog(
        write_catalog(tmp_path / "two", [car("new", "new.jpg"), car("other", "new.jpg")])
    ).cars
    real_replace = catalog_store.replace_file
    calls: list[Path] = []

    def replace_file(path: Path, data: bytes) -> None:
        calls.append(path)
        if failing == "catalog.json" and path.name == "catalog.json":
            raise OSError(28, "No space left on device")
        if failing == "a photo" and len(calls) == 3:  # after the first car's photo and screen copy
            raise OSError(5, "Input/output error")
        real_replace(path, data)

    monkeypatch.setattr(catalog_store, "replace_file", replace_file)
    if failing == "os.replace":  # the temporary catalog.json is written, then the move fails
        monkeypatch.setattr(catalog_store, "replace_file", real_replace)
        real_os_replace = catalog_store.os.replace

        def os_replace(source: str, target: Path) -> None:
            if Path(target).name == "catalog.json":
                raise OSError(1, "Operation not permitted")
            real_os_replace(source, target)

        monkeypatch.setattr(catalog_store.os, "replace", os_replace)
    with pytest.raises(CatalogError, match="could not be saved"):
        save_catalog(folder, second)
    monkeypatch.undo()
    again = read_catalog(folder)
    assert again.problems == () and again.cars == first.cars
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before  # nothing left over


def test_a_save_removes_the_photos_no_car_uses_any_more(tmp_path: Path) -> None:
    folder = tmp_path / "dealer"
    cars = save_catalog(folder, read_catalog(sample_catalog(tmp_path / "src")).cars).cars
    save_catalog(folder, cars[:1])
    assert len(list((folder / "photos").iterdir())) == 1 and len(list((folder / "screen").iterdir())) == 1


# ---------------------------------------------------------------- import and export


def test_export_then_import_gives_the_same_cars(tmp_path: Path) -> None:
    bundled = read_catalog(bundled_catalog_dir())
    assert export_catalog(bundled, tmp_path / "out") == len(bundled.cars)
    assert sorted(p.name for p in (tmp_path / "out" / "photos").iterdir())[0] == "aurora-gt.webp"
    imported = import_catalog(tmp_path / "out", tmp_path / "dealer")
    installed = imported.catalog
    assert installed.problems == () and imported.warnings == ()
    assert installed.language == bundled.language == "en"

    def fields(c: object) -> tuple[object, ...]:
        keys = ("id", "name", "tagline", "price", "currency", "accent", "specs", "name_in", "tagline_in")
        return tuple(getattr(c, k) for k in keys)

    assert [fields(c) for c in installed.cars] == [fields(c) for c in bundled.cars]


def test_an_import_with_any_problem_installs_nothing(tmp_path: Path) -> None:
    folder = sample_catalog(tmp_path / "src")
    (folder / "photos" / "beta.png").write_bytes(b"not a picture")
    target = tmp_path / "dealer"
    first = save_catalog(target, read_catalog(sample_catalog(tmp_path / "ok")).cars)
    with pytest.raises(CatalogError) as error:
        import_catalog(folder, target)
    assert any("beta.png" in p and "car 2 (beta)" in p for p in error.value.problems)
    assert read_catalog(target).cars == first.cars


def test_export_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(CatalogError, match="not an empty folder"):
        export_catalog(read_catalog(bundled_catalog_dir()), tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["notes.txt"]


# ---------------------------------------------------------------- music files and layering


def test_music_files_are_checked_by_their_content(tmp_path: Path) -> None:
    from kiosk.paths import bundled_music_path

    assert audio_file_problem(bundled_music_path()) == ""
    (tmp_path / "notes.mp3").write_text("not music")
    (tmp_path / "empty.ogg").write_bytes(b"")
    (tmp_path / "tagged.mp3").write_bytes(b"ID3\x04\x00" + bytes(64))
    (tmp_path / "song.m4a").write_bytes(b"\x00\x00\x00\x20ftypM4A " + bytes(64))
    assert "not found" in audio_file_problem(tmp_path / "gone.wav")
    assert "is not an MP3, Ogg, WAV, M4A or FLAC file" in audio_file_problem(tmp_path / "notes.mp3")
    assert "is empty" in audio_file_problem(tmp_path / "empty.ogg")
    assert audio_file_problem(tmp_path / "tagged.mp3") == audio_file_problem(tmp_path / "song.m4a") == ""


def test_the_content_package_never_imports_qt() -> None:
    code = (
        "import sys, kiosk.content.catalog_store, kiosk.content.audio_files; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
