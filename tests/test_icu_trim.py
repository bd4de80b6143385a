"""The bundle's trimmed ICU data (tools/icu_trim.py): Qt gives the same answers with it in every UI language.

A subprocess runs Qt with the trimmed libicudata preloaded (the dynamic linker then uses it for
Qt's ICU, by SONAME); this compares collation, case mapping, time-zone names and the
Unicode codecs with Qt on the full data, in English, German, French, Spanish and Italian, and
shows what was dropped on purpose (Swedish, legacy code pages). Made-up data shows the messages
of a wheel whose ICU is laid out otherwise.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import icu_trim
import pytest
from bundle_steps import UI_LANGUAGES
from fakes import run_python_json

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the trim is for the Linux bundle"),
    pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc assembles the library"),
]

PROBE = r"""
import json, sys
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
words = ["banana", "Apple", "apple", "Émile", "emile", "zebra", "Zoë", "ångström", "ñu", "nz", "Öl", "Ofen",
         "côte", "coté", "cote", "chico", "cuna"]
out = {}
for name in ("en_US", "de_DE", "de_AT", "fr_FR", "fr_CA", "es_ES", "es_MX", "it_IT", "sv_SE"):
    locale = QLocale(name)
    out[f"sorted {name}"] = sorted(words, key=QCollator(locale).sortKey)
    out[f"zone {name}"] = QTimeZone(b"Europe/Berlin").displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, locale
    )
    out[f"upper {name}"] = locale.toUpper("straße façade ñandú")
en = QLocale("en_US")
out["lower"] = en.toLower("ÀÉÎ İSTANBUL")
out["turkish_upper"] = QLocale("tr_TR").toUpper("istanbul")
for codec in ("UTF-16LE", "ISO-8859-1", "Shift_JIS"):
    out[codec] = QStringDecoder(codec).isValid()
maps = open("/proc/self/maps").read()
out["icu_libs"] = sorted({line.split()[-1] for line in maps.splitlines() if "libicudata" in line})
json.dump(out, sys.stdout)
"""


@pytest.fixture(scope="module")
def shipped() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no bundled ICU")
    return found[0]


@pytest.fixture(scope="module")
def common(shipped: Path) -> icu_trim.CommonData:
    return icu_trim.read_common_data(shipped)


def test_trimmed_icu_answers_like_the_full_data_in_every_ui_language(shipped: Path, tmp_path: Path) -> None:
    trimmed = icu_trim.build(shipped, tmp_path)
    assert trimmed.name == shipped.name
    assert trimmed.stat().st_size < shipped.stat().st_size / 4
    # ICU answers a language it has no data for (Swedish, below) in its default locale, which it
    # takes from LC_ALL/LANG: C.UTF-8 makes that the root locale (English) on every machine.
    env = {"QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    full = run_python_json(PROBE, **env)
    small = run_python_json(PROBE, **env, LD_PRELOAD=str(trimmed))
    assert full.pop("icu_libs") == [str(shipped.resolve())]
    assert small.pop("icu_libs") == [str(trimmed)]  # only the trimmed data was loaded
    # Dropped on purpose: other languages (Swedish falls back to root) and legacy code pages.
    assert full.pop("zone sv_SE") == "centraleuropeisk normaltid"
    assert small.pop("zone sv_SE") == "Central European Standard Time"
    assert full.pop("sorted sv_SE") != small.pop("sorted sv_SE")  # å and ö sort after z in Swedish only
    assert full.pop("Shift_JIS") is True and small.pop("Shift_JIS") is False
    assert small == full
    assert full["zone de_DE"] == "Mitteleuropäische Normalzeit"
    assert full["zone fr_FR"] == "heure normale d’Europe centrale"
    assert full["zone es_ES"] == "hora estándar de Europa central"
    assert full["zone it_IT"] == "Ora standard dell’Europa centrale"
    assert full["upper en_US"] == "STRASSE FAÇADE ÑANDÚ" and full["turkish_upper"] == "İSTANBUL"


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("root.res", True),
        ("de.res", True),
        ("de_CH.res", True),
        ("fr_CA.res", True),
        ("es_419.res", True),
        ("it.res", True),
        ("en_US_POSIX.res", True),
        ("coll/de__PHONEBOOK.res", True),
        ("coll/es_.res", True),
        ("zone/fr.res", True),
        ("curr/it.res", True),
        ("unit/es_MX.res", True),
        ("lang/de.res", True),
        ("region/fr.res", True),
        # supplemental data, at the top level and in the trees
        ("likelySubtags.res", True),
        ("metaZones.res", True),
        ("curr/supplementalData.res", True),
        ("zone/tzdbNames.res", True),
        ("zone/pool.res", True),
        ("coll/ucadata.icu", True),
        ("cnvalias.icu", True),
        ("brkitr/word.brk", True),
        # dropped
        ("ja.res", False),
        ("sv.res", False),
        ("coll/zh.res", False),
        ("zone/pt_BR.res", False),
        ("gb18030.cnv", False),
        ("brkitr/cjdict.dict", False),
        ("translit/root.res", False),
        ("translit/Latin_ASCII.res", False),
    ],
)
def test_what_the_trim_keeps(name: str, kept: bool) -> None:
    assert icu_trim.kept(name) is kept


def test_every_ui_language_keeps_its_data_in_every_tree(common: icu_trim.CommonData) -> None:
    names = {item.name.split("/", 1)[1] for item in common.items}
    trimmed = {item.name.split("/", 1)[1] for item in icu_trim.trimmed(common, Path("libicudata.so")).items}
    for tree in ("", "coll/", "zone/", "curr/", "unit/", "lang/", "region/"):
        for lang in UI_LANGUAGES:
            if f"{tree}{lang}.res" in names:
                assert f"{tree}{lang}.res" in trimmed
    in_trees = {n for n in names if "/" in n and not icu_trim.LOCALE_ID.fullmatch(n.rsplit("/", 1)[1])}
    assert {"curr/supplementalData.res", "zone/tzdbNames.res"} <= in_trees
    assert sorted(in_trees - trimmed) == sorted(
        n for n in in_trees if n.endswith(".dict") or "translit/" in n
    )


def test_the_table_of_contents_round_trips(common: icu_trim.CommonData) -> None:
    packed = icu_trim.pack(icu_trim.CommonData(common.header, common.items, common.symbol))
    assert len(packed) >= common.size
    names = [item.name.split("/", 1)[1] for item in common.items]
    assert "root.res" in names and "coll/ucadata.icu" in names


def test_qt_calls_no_icu_service_whose_data_goes(shipped: Path) -> None:
    imports = icu_trim.icu_imports(shipped.parent.glob("*.so*"))
    assert any(name.startswith("libQt6Core") for name in imports)  # collation, case mapping, zones
    icu_trim.check_services(imports, shipped)


def test_a_qt_that_calls_the_transliterator_stops_the_trim() -> None:
    imports = {"libQt6Core.so.6": {"ucol_open_73", "utrans_openU_73"}, "libQt6Gui.so.6": {"memcpy"}}
    with pytest.raises(icu_trim.IcuTrimError) as caught:
        icu_trim.check_services(imports, Path("libicudata.so.73"))
    message = str(caught.value)
    assert message.startswith("step 'ICU data trim': expected Qt to call no ICU transliterator (translit/)")
    assert "found utrans_openU_73 (libQt6Core.so.6) among the libraries beside libicudata.so.73" in message
    assert "keep that data in tools/icu_trim.py" in message


def test_data_without_a_root_locale_is_refused(common: icu_trim.CommonData) -> None:
    others = icu_trim.CommonData(common.header, [icu_trim.Item("icudt73l/ja.res", b"x")], common.symbol)
    with pytest.raises(icu_trim.IcuTrimError) as caught:
        icu_trim.trimmed(others, Path("libicudata.so.73"))
    assert str(caught.value).startswith(
        "step 'ICU data trim': expected the root locale (root.res) in libicudata.so.73 of the PySide6"
    )
    assert "found icudt73l/ja.res; install the versions in requirements-lock.txt" in str(caught.value)


def test_a_library_without_icu_data_is_refused(tmp_path: Path) -> None:
    executable = Path(sys.executable).resolve()
    with pytest.raises(
        icu_trim.IcuTrimError, match=r"expected one exported data symbol icudtNN_dat in .*found nothing"
    ):
        icu_trim.build(executable, tmp_path)


def test_a_data_symbol_that_is_not_common_data_is_refused(tmp_path: Path) -> None:
    library = icu_trim.assemble(b"\0" * 64, "icudt73_dat", "libicudata.so.73", tmp_path / "libicudata.so.73")
    with pytest.raises(
        icu_trim.IcuTrimError, match=r"expected ICU common data \(a 'CmnD' table\) at icudt73_dat in "
    ):
        icu_trim.read_common_data(library)


def test_item_names_outside_a_package_folder_are_refused(common: icu_trim.CommonData, tmp_path: Path) -> None:
    flat = icu_trim.CommonData(common.header, [icu_trim.Item("root.res", b"x" * 16)], common.symbol)
    library = icu_trim.assemble(
        icu_trim.pack(flat), common.symbol, "libicudata.so.73", tmp_path / "libicudata.so.73"
    )
    with pytest.raises(
        icu_trim.IcuTrimError, match=r"expected item names under a package folder .* found 'root.res'"
    ):
        icu_trim.read_common_data(library)


def test_the_trim_without_gcc_says_how_to_get_it(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(icu_trim.shutil, "which", lambda name: None)
    with pytest.raises(
        icu_trim.IcuTrimError, match=r"^step 'ICU data trim': gcc is needed .*; apt install gcc"
    ):
        icu_trim.build(shipped, tmp_path)
