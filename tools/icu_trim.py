"""Rebuild Qt's ICU data library with only what the kiosk can use (Linux bundle).

    python tools/icu_trim.py LIBICUDATA OUT_DIR   -> OUT_DIR/<same name>, e.g. libicudata.so.73

PySide6 ships ICU's full data (31.9 MB: every locale, 200 legacy code pages, transliteration
rules, dictionaries for Thai and CJK word breaking). Of ICU, Qt 6 (QtCore) calls only collation
(QCollator), locale case mapping, the calendar's time-zone names and ids (QTimeZone) and the
converters (QStringConverter); QLocale's number, currency and date formats come from Qt's own
CLDR tables. What is kept:
- the locale data of the kiosk's UI languages (UI_LANGUAGES in tools/bundle_steps.py: English,
  German, French, Spanish, Italian, with all their regional variants) and root, in every tree:
  the top level (calendars, number symbols), coll (collation), zone (time-zone names), curr
  (currency names), unit, lang, region, rbnf and brkitr;
- all supplemental data, at the top level (likely subtags, plurals, metaZones, zoneinfo64,
  supplementalData, ...) and in the trees (curr/supplementalData.res, zone/tzdbNames.res), each
  tree's pool and locale index, normalisation, character names, IDNA/StringPrep profiles, the
  converter alias table and the rule-based break iterators.
What goes: other languages' locale data (a missing locale falls back to root), the legacy code-page
converters (UTF-8/16/32, ASCII and Latin-1 are built into ICU; an unknown codec is invalid), and two
kinds of data that only ICU services Qt never calls read: the transliterator's rules (translit/)
and the word-break dictionaries (brkitr/*.dict). build() checks that premise: it stops if a Qt
library imports a transliterator or break-iterator function (UNUSED_SERVICES).

ICU's common data ("CmnD") is a table of contents of named items, sorted by name, each item
16-byte aligned; the library exports it as the symbol `icudt<version>_dat`. This script reads
that table from the shipped library, writes a smaller one with the items kept, and assembles a
library under the same name and SONAME that exports the same symbol. Needs gcc and binutils.
Failures are StepErrors (tools/bundle_steps.py): which step, what was expected in which wheel,
what was found, and what to do.
"""

from __future__ import annotations

import re
import shutil
import struct
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bundle_steps import UI_LANGUAGES, StepError, describe, relock, run_tool, wheel

STEP = "ICU data trim"
# What build.spec replaces: the ICU data that PyInstaller collected from the PySide6 wheel.
BUNDLED = r"(^|/)PySide6/Qt/lib/libicudata\.so[^/]*$"
QT_WHEEL = "PySide6-Essentials"
# A locale data file: a language id and optional script, region and variant parts ("de_.res" and
# "de__PHONEBOOK.res" are collation aliases with an empty region).
LOCALE_ID = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
KEEP_LOCALES = re.compile(rf"(root|({'|'.join(UI_LANGUAGES)})(_[A-Za-z0-9]*)*)\.res$")
STRUCTURAL = {"pool.res", "res_index.res"}  # every tree's resource pool and locale index
DROPPED_TREES = {"translit"}  # the transliterator's rules
# ICU services whose data the trim drops, by the functions (C API, or C++ names) that use them:
# a Qt that imports one of these needs tools/icu_trim.py changed.
UNUSED_SERVICES = {
    "transliterator (translit/)": re.compile(r"^utrans_|Transliterator"),
    "break iterator (the brkitr/*.dict word-break dictionaries)": re.compile(r"^ubrk_|BreakIterator"),
}


class IcuTrimError(StepError):
    def __init__(self, problem: str, todo: str = relock("tools/icu_trim.py")) -> None:
        super().__init__(STEP, problem, todo)


def _layout(expected: str, library: Path, found: str) -> IcuTrimError:
    """ICU data not laid out as the trim expects (the todo: the lock, or adapt this file)."""
    return IcuTrimError(f"expected {expected} in {library.name} of {wheel(QT_WHEEL)}, found {found}")


@dataclass(frozen=True)
class Item:
    name: str  # e.g. "icudt73l/coll/root.res"
    data: bytes


@dataclass(frozen=True)
class CommonData:
    header: bytes  # the DataHeader, copied unchanged
    items: list[Item]
    symbol: str  # e.g. "icudt73_dat"

    @property
    def size(self) -> int:
        return sum(len(item.data) for item in self.items)


def kept(name: str) -> bool:
    """Whether an item (its name without the package prefix) stays in the trimmed data."""
    parts = name.split("/")
    leaf, tree = parts[-1], (parts[0] if len(parts) > 1 else "")
    if tree in DROPPED_TREES:
        return False
    if leaf in STRUCTURAL or KEEP_LOCALES.fullmatch(leaf):
        return True
    if LOCALE_ID.fullmatch(leaf):
        return False  # another language's locale data, in any tree
    if not tree:
        return not leaf.endswith(".cnv")  # legacy code pages go; the alias table cnvalias.icu stays
    return not (tree == "brkitr" and leaf.endswith(".dict"))  # supplemental data and rules stay


def read_common_data(library: Path) -> CommonData:
    """The common data exported by an ICU data library (libicudata.so.NN)."""
    blob = library.read_bytes()
    symbol = _data_symbol(library)
    start, size = _symbol_extent(library, symbol)
    data = blob[start : start + size]
    if len(data) < 32 or data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise _layout(f"ICU common data (a 'CmnD' table) at {symbol}", library, repr(data[:16]))
    header_size = struct.unpack_from("<H", data, 0)[0]
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * k) for k in range(count)]
    items = []
    for k, (name_offset, data_offset) in enumerate(entries):
        end = entries[k + 1][1] if k + 1 < count else len(toc)
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        if "/" not in name:
            raise _layout("item names under a package folder (icudt73l/root.res)", library, repr(name))
        items.append(Item(name, toc[data_offset:end]))
    return CommonData(data[:header_size], items, symbol)


def trimmed(common: CommonData, library: Path) -> CommonData:
    items = [item for item in common.items if kept(item.name.split("/", 1)[1])]
    if not any(item.name.endswith("/root.res") for item in items):
        raise _layout("the root locale (root.res)", library, describe(i.name for i in common.items))
    return CommonData(common.header, items, common.symbol)


def check_services(imports: Mapping[str, Iterable[str]], library: Path) -> None:
    """Stop if a library (name -> the symbols it imports) calls an ICU service whose data goes."""
    for service, pattern in UNUSED_SERVICES.items():
        callers = sorted(
            f"{s} ({name})" for name, symbols in imports.items() for s in symbols if pattern.search(s)
        )
        if callers:
            raise IcuTrimError(
                f"expected Qt to call no ICU {service}, whose data the trim drops, found {describe(callers)} "
                f"among the libraries beside {library.name} ({wheel(QT_WHEEL)})",
                "keep that data in tools/icu_trim.py (kept(), DROPPED_TREES), or install the locked versions",
            )


def icu_imports(libraries: Iterable[Path]) -> dict[str, set[str]]:
    """The symbols imported by each of `libraries` that links to ICU (libicuuc, libicui18n)."""
    files = [p for p in libraries if p.is_file() and not p.is_symlink() and not p.name.startswith("libicu")]
    users = []
    for path in files:  # readelf reads only the headers: fast even for Qt's largest libraries
        dynamic = run_tool(STEP, ["readelf", "-d", str(path)]).stdout
        if re.search(r"\(NEEDED\)\s+Shared library: \[libicu(uc|i18n)\.", dynamic):
            users.append(path)
    return {p.name: set(_run(["nm", "-D", "--undefined-only", str(p)]).split()[1::2]) for p in users}


def pack(common: CommonData) -> bytes:
    """Serialise: header, item count, (name, data) offsets, names, then 16-byte aligned items."""
    items = sorted(common.items, key=lambda item: item.name.encode("ascii"))  # ICU binary-searches
    names = b"".join(item.name.encode("ascii") + b"\0" for item in items)
    table = 4 + 8 * len(items)
    name_offsets, position = [], table
    for item in items:
        name_offsets.append(position)
        position += len(item.name) + 1
    position = _align(position)
    body, data_offsets = bytearray(), []
    for item in items:
        data_offsets.append(position + len(body))
        body += item.data + b"\0" * (_align(len(item.data)) - len(item.data))
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    toc += names
    toc += b"\0" * (_align(len(toc)) - len(toc))
    return common.header + toc + bytes(body)


def build(library: Path, out_dir: Path, callers: Iterable[Path] | None = None) -> Path:
    """Write the trimmed library to out_dir under the shipped file's name; returns its path.
    `callers`: the libraries that will load it (build.spec: those collected), checked for ICU
    services whose data goes; default: the shared libraries beside it."""
    if shutil.which("gcc") is None:
        raise IcuTrimError(
            "gcc is needed to build the trimmed ICU data library", "apt install gcc (make setup does)"
        )
    kept_data = trimmed(read_common_data(library), library)
    check_services(icu_imports(library.parent.glob("*.so*") if callers is None else callers), library)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = assemble(
        pack(kept_data), kept_data.symbol, _soname(library) or library.name, out_dir / library.name
    )
    again = read_common_data(out)
    if [item.name for item in again.items] != sorted(item.name for item in kept_data.items):
        raise IcuTrimError(
            f"{out}: the written table of contents does not read back", "report it: a bug in pack()"
        )
    return out


def assemble(blob: bytes, symbol: str, soname: str, out: Path) -> Path:
    """A shared library under `soname` that exports `blob` as `symbol` (16-byte aligned)."""
    with tempfile.TemporaryDirectory() as folder:
        dat = Path(folder) / "icudata.dat"
        dat.write_bytes(blob)
        asm = Path(folder) / "icudata.S"
        asm.write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n"
            f'\t.balign 16\n{symbol}:\n\t.incbin "{dat}"\n'
            f"\t.size {symbol}, .-{symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        done = run_tool(
            STEP, ["gcc", "-shared", "-nostdlib", "-o", str(out), str(asm), f"-Wl,-soname,{soname}"]
        )
        if done.returncode != 0:
            raise IcuTrimError(
                f"assembling the trimmed ICU data failed:\n{done.stderr.strip()}", "see gcc's message"
            )
    return out


def _align(n: int) -> int:
    return (n + 15) // 16 * 16


def _data_symbol(library: Path) -> str:
    symbols = _run(["nm", "-D", "--defined-only", str(library)])
    found = re.findall(r"\b(icudt\d+_dat)\b", symbols)
    if len(found) != 1:
        raise _layout("one exported data symbol icudtNN_dat", library, describe(found))
    return found[0]


def _symbol_extent(library: Path, symbol: str) -> tuple[int, int]:
    """File offset and size of a symbol (through the section that holds it)."""
    match = re.search(rf"^([0-9a-f]+) ([0-9a-f]+) \w {symbol}$", _run(["nm", "-D", "-S", str(library)]), re.M)
    if not match:
        raise _layout(f"a size for the symbol {symbol} (nm -D -S)", library, "none")
    address, size = int(match.group(1), 16), int(match.group(2), 16)
    for line in _run(["readelf", "-W", "-S", str(library)]).splitlines():
        fields = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if fields:
            start, offset, length = (int(fields.group(i), 16) for i in (2, 3, 4))
            if start <= address < start + length:
                return offset + address - start, size
    raise _layout(f"a section holding the symbol {symbol} (readelf -S)", library, "none")


def _soname(library: Path) -> str | None:
    match = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", _run(["readelf", "-d", str(library)]))
    return match.group(1) if match else None


def _run(command: list[str]) -> str:
    done = run_tool(STEP, command)
    if done.returncode != 0:
        raise IcuTrimError(
            f"{' '.join(command)} failed: {done.stderr.strip()}", "check that the file is intact"
        )
    return done.stdout


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    try:
        result = build(Path(sys.argv[1]), Path(sys.argv[2]))
    except StepError as error:
        raise SystemExit(f"error: {error}") from error
    before = Path(sys.argv[1]).stat().st_size
    print(f"{result}: {result.stat().st_size / 1e6:.1f} MB (was {before / 1e6:.1f})")
