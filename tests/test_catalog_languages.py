"""Catalogue format 3 without Qt: texts by language, prices that are prices, errors and warnings,
the names dealers gave their photos, the currency menu's order, and the dealer's logo."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from catalog_samples import car, sample_catalog, write_catalog, write_photo

from kiosk.content.catalog import CarWords, CatalogError, Spec, bundled_catalog_dir, read_catalog
from kiosk.content.catalog_store import export_catalog, import_catalog, keep_logo, save_catalog
from kiosk.content.currencies import (
    COMMON_CURRENCIES,
    FUND_UNITS,
    ISO_4217,
    chooser_currencies,
    currency_problem,
    price_text_problem,
)
from kiosk.content.photos import PhotoError, is_cutout, logo_format, read_photo

POWER = {"en": "Power", "de": "Leistung", "fr": "Puissance"}


def _german_catalogue(folder: Path) -> Path:
    """A dealer in Germany: plain texts in German, some in French and English too."""
    write_photo(folder / "photos" / "a.jpg")
    cars = [
        car(
            "a",
            "photos/a.jpg",
            name="Aurora",
            tagline={"de": "Der lange Weg nach Hause.", "fr": "Le plus beau des détours."},
            specs=[
                {"label": POWER, "value": {"de": "310 PS", "en": "310 hp"}},
                {"label": "Sitze", "value": 4},
            ],
        ),
        car("b", "photos/a.jpg", name={"de": "Borealis", "en": "Borealis X"}, tagline={"fr": "7 places."}),
    ]
    folder = write_catalog(folder, cars, version=3)
    document = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    (folder / "catalog.json").write_text(json.dumps({**document, "language": "de"}), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- texts by language


def test_each_language_shows_its_own_text_else_the_catalogues_else_any(tmp_path: Path) -> None:
    catalog = read_catalog(_german_catalogue(tmp_path / "c"))
    assert catalog.problems == () and catalog.language == "de"
    a, b = catalog.cars
    assert (a.name, a.tagline, a.language) == ("Aurora", "Der lange Weg nach Hause.", "de")
    french = a.in_language("fr")
    assert french.tagline == "Le plus beau des détours."
    assert french.specs == (Spec("Puissance", "310 PS"), Spec("Sitze", "4"))  # the German where none
    english = a.in_language("en")
    assert english.specs[0] == Spec("Power", "310 hp")
    assert a.in_language("it").tagline == "Der lange Weg nach Hause."  # the dealer's language
    assert (b.in_language("en").name, b.in_language("it").name) == ("Borealis X", "Borealis")
    assert b.tagline == "" and b.in_language("de").tagline == "7 places."  # whatever there is
    assert a.text_languages == {"de", "en", "fr"}


def test_version_1_and_2_catalogues_read_as_they_did(tmp_path: Path) -> None:
    catalog = read_catalog(sample_catalog(tmp_path / "c"))  # version 2, plain strings
    assert catalog.problems == () and catalog.language == "en"
    alpha = catalog.cars[0]
    assert alpha.in_language("de") == dataclasses.replace(alpha, language="de")  # English everywhere
    assert (alpha.name_in, alpha.tagline_in, alpha.photo_name) == ((), (), "")
    write_photo(tmp_path / "old" / "a.png")
    old = [{"id": "old", "name": "Old", "tagline": 7, "price": "€ 48,900", "image": "a.png", "specs": []}]
    (legacy,) = read_catalog(write_catalog(tmp_path / "old", old, version=1)).cars
    assert (legacy.tagline, legacy.price_text) == ("7", "€ 48,900")


def test_a_name_only_in_another_language_is_missing_in_the_catalogues_own(tmp_path: Path) -> None:
    write_photo(tmp_path / "a.jpg")
    catalog = read_catalog(write_catalog(tmp_path, [car("a", "a.jpg", name={"fr": "Aurore"})], version=3))
    assert catalog.cars == ()
    assert "missing name in en, the catalogue's language (it has one in fr only)" in catalog.errors[0]


def test_bad_texts_by_language_are_warned_about_and_left_out(tmp_path: Path) -> None:
    write_photo(tmp_path / "a.jpg")
    tagline = {"en": "Fine", "German": "Gut", "de": ["a", "list"], "nl": "Mooi"}
    catalog = read_catalog(write_catalog(tmp_path, [car("a", "a.jpg", tagline=tagline)], version=3))
    (only,) = catalog.cars
    assert only.tagline_in == (("nl", "Mooi"),)
    assert catalog.errors == ()
    text = "\n".join(catalog.warnings)
    assert "'German': 'Gut' left out" in text and "'de': ['a', 'list'] left out" in text
    assert "texts in nl are kept, but the kiosk shows only en, de, fr, es, it" in text


def test_the_bundled_cars_speak_every_language_of_the_kiosk() -> None:
    catalog = read_catalog(bundled_catalog_dir())
    for shown in catalog.cars:
        german, english = shown.in_language("de"), shown.in_language("en")
        assert german.tagline != english.tagline, shown.id
        assert {"en", "de", "fr", "es", "it"} <= shown.text_languages
    aurora = catalog.cars[0]
    assert [s.label for s in aurora.in_language("fr").specs] == [
        "Puissance",
        "0–100 km/h",
        "Autonomie",
        "Places",
    ]
    assert aurora.in_language("de").specs[1].value == "4,9 s"


def test_texts_by_language_survive_save_export_and_import(tmp_path: Path) -> None:
    source = read_catalog(_german_catalogue(tmp_path / "src"))
    saved = save_catalog(tmp_path / "dealer", source.cars)
    assert saved.language == "de" and saved.cars == tuple(
        dataclasses.replace(c, photo=s.photo, screen=s.screen, photo_name="a.jpg")
        for c, s in zip(source.cars, saved.cars, strict=True)
    )
    export_catalog(saved, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "catalog.json").read_text(encoding="utf-8"))
    assert (document["version"], document["language"]) == (3, "de")
    assert document["cars"][0]["tagline"] == {
        "de": "Der lange Weg nach Hause.",
        "fr": "Le plus beau des détours.",
    }
    assert document["cars"][0]["specs"][1] == {"label": "Sitze", "value": "4"}  # one language: a string
    again = import_catalog(tmp_path / "out", tmp_path / "other").catalog
    fields = ("name", "name_in", "tagline", "tagline_in", "specs", "language")
    assert [[getattr(c, f) for f in fields] for c in again.cars] == [
        [getattr(c, f) for f in fields] for c in source.cars
    ]


def test_a_catalogue_saved_in_another_language_keeps_every_text(tmp_path: Path) -> None:
    german = read_catalog(_german_catalogue(tmp_path / "src")).cars
    saved = save_catalog(tmp_path / "dealer", german, language="en")
    a = saved.cars[0]
    assert saved.language == "en" and a.language == "en"
    assert a.specs[0] == Spec(
        "Power", "310 hp", (("de", "Leistung"), ("fr", "Puissance")), (("de", "310 PS"),)
    )
    assert a.tagline == "" and a.in_language("de").tagline == "Der lange Weg nach Hause."
    assert (a.name, a.name_in) == ("Aurora", (("de", "Aurora"),))  # a name is needed in English too
    before = dataclasses.replace(german[0], photo=a.photo, screen=a.screen, photo_name=a.photo_name)
    assert a.in_language("de") == before.in_language("de")
    assert a.in_language("fr").tagline == before.in_language("fr").tagline == "Le plus beau des détours."
    assert a.in_language("fr").specs[0].value == "310 hp"  # French has none: now the English one


# ---------------------------------------------------------------- prices


@pytest.mark.parametrize("price", ["cheap", "€", "39,900", "from € 39,900", "39 900 EUX", ""])
def test_a_price_that_is_no_price_is_an_error_naming_car_and_value(tmp_path: Path, price: str) -> None:
    write_photo(tmp_path / "a.jpg")
    catalog = read_catalog(write_catalog(tmp_path, [car("a", "a.jpg", price=price)]))
    (shown,) = catalog.cars
    assert (shown.price, shown.price_text) == (None, "")  # the car stays, without a price
    if price:
        (error,) = catalog.errors
        assert "car 1 (a)" in error and repr(price) in error and "no price is shown" in error
    else:
        assert catalog.problems == ()  # "": no price, as null


@pytest.mark.parametrize("price", ["€ 48,900", "48.900,- €", "CHF 39'900", "39 900 EUR", "US$ 45,000"])
def test_a_price_written_with_its_currency_is_shown_as_written(tmp_path: Path, price: str) -> None:
    write_photo(tmp_path / "a.jpg")
    catalog = read_catalog(write_catalog(tmp_path, [car("a", "a.jpg", price=price)]))
    assert catalog.problems == () and catalog.cars[0].price_text == price
    assert price_text_problem(price) == ""


def test_a_bare_number_written_as_text_is_an_amount(tmp_path: Path) -> None:
    write_photo(tmp_path / "a.jpg")
    cars = [car("a", "a.jpg", price="48900", currency="CHF"), car("b", "a.jpg", price="25990.50")]
    a, b = read_catalog(write_catalog(tmp_path, cars)).cars
    assert (a.price, a.currency, b.price) == (48900.0, "CHF", 25990.5)


# ---------------------------------------------------------------- errors and warnings


def test_a_catalogue_with_only_warnings_is_imported_and_says_them(tmp_path: Path) -> None:
    write_photo(tmp_path / "src" / "a.jpg")
    specs = [{"label": f"L{i}", "value": str(i)} for i in range(5)]
    cars = [car("a", "a.jpg", specs=specs, accent="blue", uplift_to="nobody"), car("b", "a.jpg")]
    imported = import_catalog(write_catalog(tmp_path / "src", cars), tmp_path / "dealer")
    assert [c.id for c in imported.catalog.cars] == ["a", "b"]
    assert len(imported.catalog.cars[0].specs) == 4 and imported.catalog.problems == ()
    assert len(imported.warnings) == 3
    text = "\n".join(imported.warnings)
    assert "5 key figures given" in text and "'blue'" in text and "'nobody' is no other car" in text


def test_an_error_stops_the_import_and_every_problem_is_listed(tmp_path: Path) -> None:
    write_photo(tmp_path / "src" / "a.jpg")
    specs = [{"label": f"L{i}", "value": str(i)} for i in range(6)]
    cars = [car(f"c{n}", "a.jpg", specs=specs) for n in range(6)]  # six warnings
    cars += [car("x", "a.jpg", price="cheap"), car("y", "gone.jpg")]  # and two errors
    with pytest.raises(CatalogError) as raised:
        import_catalog(write_catalog(tmp_path / "src", cars), tmp_path / "dealer")
    error = raised.value
    assert len(error.problems) == 2 and len(error.warnings) == 6  # every one, none cut off
    assert "car 7 (x)" in error.problems[0] and "'cheap'" in error.problems[0]
    assert "car 8 (y)" in error.problems[1] and "not found" in error.problems[1]
    assert not (tmp_path / "dealer").exists()


# ---------------------------------------------------------------- photo names


def test_the_photo_keeps_the_name_the_dealer_gave_it(tmp_path: Path) -> None:
    photo = write_photo(tmp_path / "My Aurora, front.jpg")
    base = read_catalog(write_catalog(tmp_path, [car("aurora", "My Aurora, front.jpg")])).cars
    (saved,) = save_catalog(tmp_path / "dealer", base).cars
    assert saved.photo.name != photo.name and saved.photo.name.startswith("aurora-")  # stored by content
    assert saved.photo_label == "My Aurora, front.jpg"
    document = json.loads((tmp_path / "dealer" / "catalog.json").read_text(encoding="utf-8"))
    assert document["cars"][0]["image_name"] == "My Aurora, front.jpg"
    (again,) = save_catalog(tmp_path / "dealer", [saved]).cars  # saved again: still the dealer's name
    assert again.photo_label == "My Aurora, front.jpg"
    export_catalog(read_catalog(tmp_path / "dealer"), tmp_path / "out")
    (exported,) = read_catalog(tmp_path / "out").cars
    assert exported.photo.name == "aurora.jpg" and exported.photo_label == "My Aurora, front.jpg"


# ---------------------------------------------------------------- currencies


def test_the_currency_menu_offers_the_common_ones_first_and_no_fund_units() -> None:
    common, others = chooser_currencies()
    assert common[:4] == ("EUR", "USD", "GBP", "CHF") and common == COMMON_CURRENCIES
    assert {"SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "JPY", "CAD", "AUD", "CNY"} <= set(common)
    assert list(others) == sorted(others) and not set(common) & set(others)
    assert set(common) | set(others) == ISO_4217 - FUND_UNITS  # every code of money, once
    assert {"CLF", "COU", "USN", "CHE", "MXV"} <= FUND_UNITS
    assert currency_problem("CLF") == ""  # a catalogue priced in one still reads


# ---------------------------------------------------------------- cut-outs and the logo


def test_a_photo_with_transparency_is_a_cut_out_and_one_without_is_not(tmp_path: Path) -> None:
    assert is_cutout(read_photo(write_photo(tmp_path / "render.png", alpha=True)))
    assert not is_cutout(read_photo(write_photo(tmp_path / "photo.jpg")))
    assert not is_cutout(read_photo(write_photo(tmp_path / "opaque.png")))


def test_the_logo_is_kept_in_the_data_folder_and_outlives_its_file(tmp_path: Path) -> None:
    source = write_photo(tmp_path / "usb" / "logo.png", 300, 80)
    kept = keep_logo(source, tmp_path / "data" / "logo")
    assert kept == tmp_path / "data" / "logo" / "logo.png" and kept.read_bytes() == source.read_bytes()
    source.unlink()  # the USB stick is gone
    assert keep_logo(source, tmp_path / "data" / "logo") == kept and kept.is_file()
    svg = tmp_path / "new.svg"
    svg.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="4"/>')
    assert keep_logo(svg, tmp_path / "data" / "logo").name == "new.svg"
    assert [p.name for p in (tmp_path / "data" / "logo").iterdir()] == ["new.svg"]  # one logo at a time
    assert logo_format(svg) == "SVG" and logo_format(write_photo(tmp_path / "l.webp", 40, 20)) == "WebP"
    (tmp_path / "notes.png").write_text("not a picture")
    with pytest.raises(PhotoError, match=r"notes\.png is not a PNG, JPEG, WebP or SVG picture"):
        keep_logo(tmp_path / "notes.png", tmp_path / "data" / "logo")
    with pytest.raises(PhotoError, match="not found"):
        keep_logo(tmp_path / "gone.png", tmp_path / "data" / "logo")


def test_words_are_edited_one_language_at_a_time(tmp_path: Path) -> None:
    a = read_catalog(_german_catalogue(tmp_path / "c")).cars[0]
    english = a.words("en")
    assert english.name == "" and english.tagline == "" and english.specs == (("Power", "310 hp"), ("", ""))
    edited = a.with_words(
        "en", CarWords("Aurora", "The long way home.", (("Power", "310 hp"), ("Seats", "")))
    )
    assert edited.in_language("en").tagline == "The long way home."
    assert edited.tagline == a.tagline and edited.in_language("fr").tagline == "Le plus beau des détours."
    assert edited.specs[1] == Spec("Sitze", "4", (("en", "Seats"),))
    untouched = a.with_words("en", a.words("en"))
    assert untouched == a  # nothing typed, nothing changed
    gone = a.with_words("de", CarWords("Aurora", "Der lange Weg nach Hause.", (("", ""), ("Sitze", "4"))))
    assert [s.label for s in gone.specs] == ["Sitze"]  # cleared in the catalogue's language: gone
    kept = a.with_words("fr", CarWords("", "", (("", ""), ("", ""))))
    assert kept.specs[0].label_in == (("en", "Power"),) and kept.tagline_in == ()  # only French went
