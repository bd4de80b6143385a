"""The bundle's trimmed ICU data (tools/icu_trim.py): Qt gives the same English answers with it.

A subprocess runs Qt with the trimmed libicudata preloaded (the dynamic linker then uses it for
Qt's ICU, by SONAME); this compares collation, case mapping, time-zone names and the
Unicode codecs with Qt on the full data, and shows what was dropped on purpose.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import icu_trim
import pytest
from fakes import run_python_json

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the trim is for the Linux bundle"),
    pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc assembles the library"),
]

PROBE = r"""
import json, sys
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
en = QLocale("en_US")
words = ["banana", "Apple", "apple", "Émile", "emile", "zebra", "Zoë", "ångström"]
collator = QCollator(en)
out = {
    "sorted": sorted(words, key=collator.sortKey) if hasattr(collator, "sortKey") else None,
    "compare": [collator.compare(a, b) for a in words for b in words],
    "upper": en.toUpper("straße façade"),
    "lower": en.toLower("ÀÉÎ İSTANBUL"),
    "turkish_upper": QLocale("tr_TR").toUpper("istanbul"),
    "zone": QTimeZone(b"Europe/Berlin").displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, en
    ),
    "utf16": QStringDecoder("UTF-16LE").isValid(),
    "latin1": QStringDecoder("ISO-8859-1").isValid(),
    "shift_jis": QStringDecoder("Shift_JIS").isValid(),
}
maps = open("/proc/self/maps").read()
out["icu_libs"] = sorted({line.split()[-1] for line in maps.splitlines() if "libicudata" in line})
json.dump(out, sys.stdout)
"""


def _shipped_icudata() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no bundled ICU")
    return found[0]


def test_trimmed_icu_answers_like_the_full_data(tmp_path: Path) -> None:
    shipped = _shipped_icudata()
    trimmed = icu_trim.build(shipped, tmp_path)
    assert trimmed.name == shipped.name
    assert trimmed.stat().st_size < shipped.stat().st_size / 4
    full = run_python_json(PROBE, QT_QPA_PLATFORM="offscreen")
    small = run_python_json(PROBE, QT_QPA_PLATFORM="offscreen", LD_PRELOAD=str(trimmed))
    assert full.pop("icu_libs") == [str(shipped.resolve())]
    assert small.pop("icu_libs") == [str(trimmed)]  # only the trimmed data was loaded
    # Dropped on purpose: legacy code pages (Qt then reports the codec as unavailable).
    assert full.pop("shift_jis") is True and small.pop("shift_jis") is False
    assert small == full
    assert full["upper"] == "STRASSE FAÇADE" and full["turkish_upper"] == "İSTANBUL"
    assert full["zone"] == "Central European Standard Time"


def test_the_table_of_contents_round_trips() -> None:
    common = icu_trim.read_common_data(_shipped_icudata())
    again = icu_trim.CommonData(common.header, common.items, common.symbol)
    packed = icu_trim.pack(again)
    assert len(packed) >= common.size
    names = [item.name.split("/", 1)[1] for item in common.items]
    assert "root.res" in names and "coll/ucadata.icu" in names
    assert icu_trim.kept("root.res") and icu_trim.kept("coll/en.res") and icu_trim.kept("cnvalias.icu")
    assert icu_trim.kept("likelySubtags.res") and icu_trim.kept("zone/pool.res")
    assert not icu_trim.kept("de.res") and not icu_trim.kept("coll/zh.res")
    assert not icu_trim.kept("gb18030.cnv") and not icu_trim.kept("brkitr/cjdict.dict")


def test_a_library_without_icu_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(icu_trim.IcuTrimError):
        icu_trim.build(Path(sys.executable).resolve(), tmp_path)
