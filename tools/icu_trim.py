"""Rebuild Qt's ICU data library with only what the kiosk can use (Linux bundle).

    python tools/icu_trim.py LIBICUDATA OUT_DIR   -> OUT_DIR/<same name>, e.g. libicudata.so.73

PySide6 ships ICU's full data (31 MB: every locale, 200 legacy code pages, collation for every
language, dictionaries for Thai and CJK word breaking). Qt uses ICU for QCollator, locale case
mapping, time-zone display names and legacy text codecs; the kiosk's UI is English. What is kept:
the root and English locale data of every tree (collation, zones, units, currencies, ...), all
supplemental data (likely subtags, plurals, time zones, ...), normalisation, names and
IDNA/StringPrep profiles, the converter alias table and the rule-based break iterators. What goes:
other locales, legacy code-page converters (UTF-8/16/32, ASCII and Latin-1 are built into ICU)
and the word-break dictionaries. A missing locale falls back to root; an unknown codec is invalid.

ICU's common data ("CmnD") is a table of contents of named items, sorted by name, each item
16-byte aligned; the library exports it as the symbol `icudt<version>_dat`. This script reads
that table from the shipped library, writes a smaller one with the items kept, and assembles a
library under the same name and SONAME that exports the same symbol. Needs gcc.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

KEEP_LOCALES = re.compile(r"(root|en|en_[A-Za-z0-9_]+)\.res$")
# Locale data files are named by locale id; everything else at the top level is supplemental.
LOCALE_ID = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
STRUCTURAL = {"pool.res", "res_index.res"}  # every tree's resource pool and locale index


class IcuTrimError(RuntimeError):
    pass


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
    leaf = parts[-1]
    if leaf in STRUCTURAL or KEEP_LOCALES.fullmatch(leaf):
        return True
    if len(parts) == 1:  # top level
        if leaf.endswith(".cnv"):
            return False  # legacy code pages; the alias table cnvalias.icu stays
        return not (LOCALE_ID.fullmatch(leaf) and leaf != "root.res")
    tree = parts[0]
    if tree == "brkitr":
        return leaf.endswith(".brk")  # rules stay, dictionaries (.dict) go
    if tree == "coll":
        return not leaf.endswith(".res")  # ucadata.icu and the like; locales as above
    return False


def read_common_data(library: Path) -> CommonData:
    """The common data exported by an ICU data library (libicudata.so.NN)."""
    blob = library.read_bytes()
    symbol = _data_symbol(library)
    start, size = _symbol_extent(library, symbol)
    data = blob[start : start + size]
    if len(data) < 32 or data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise IcuTrimError(f"{library}: {symbol} is not ICU common data")
    header_size = struct.unpack_from("<H", data, 0)[0]
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * k) for k in range(count)]
    items = []
    for k, (name_offset, data_offset) in enumerate(entries):
        end = entries[k + 1][1] if k + 1 < count else len(toc)
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        items.append(Item(name, toc[data_offset:end]))
    return CommonData(data[:header_size], items, symbol)


def trimmed(common: CommonData) -> CommonData:
    items = [item for item in common.items if kept(item.name.split("/", 1)[1])]
    if not any(item.name.endswith("/root.res") for item in items):
        raise IcuTrimError("the trimmed ICU data would have no root locale")
    return CommonData(common.header, items, common.symbol)


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


def build(library: Path, out_dir: Path) -> Path:
    """Write the trimmed library to out_dir under the shipped file's name; returns its path."""
    gcc = shutil.which("gcc")
    if gcc is None:
        raise IcuTrimError("gcc is needed to build the trimmed ICU data library (apt install gcc)")
    kept_data = trimmed(read_common_data(library))
    blob = pack(kept_data)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / library.name
    with tempfile.TemporaryDirectory() as folder:
        dat = Path(folder) / "icudata.dat"
        dat.write_bytes(blob)
        asm = Path(folder) / "icudata.S"
        asm.write_text(
            f"\t.section .rodata\n\t.globl {kept_data.symbol}\n\t.type {kept_data.symbol}, @object\n"
            f'\t.balign 16\n{kept_data.symbol}:\n\t.incbin "{dat}"\n'
            f"\t.size {kept_data.symbol}, .-{kept_data.symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        soname = _soname(library) or library.name
        command = [gcc, "-shared", "-nostdlib", "-o", str(out), str(asm), f"-Wl,-soname,{soname}"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise IcuTrimError(f"assembling the trimmed ICU data failed:\n{done.stderr.strip()}")
    again = read_common_data(out)
    if [item.name for item in again.items] != sorted(item.name for item in kept_data.items):
        raise IcuTrimError(f"{out}: the written table of contents does not read back")
    return out


def _align(n: int) -> int:
    return (n + 15) // 16 * 16


def _data_symbol(library: Path) -> str:
    symbols = _run(["nm", "-D", "--defined-only", str(library)])
    found = re.findall(r"\b(icudt\d+_dat)\b", symbols)
    if len(found) != 1:
        raise IcuTrimError(f"{library}: expected one icudtNN_dat symbol, found {found}")
    return found[0]


def _symbol_extent(library: Path, symbol: str) -> tuple[int, int]:
    """File offset and size of a symbol (through the section that holds it)."""
    match = re.search(rf"^([0-9a-f]+) ([0-9a-f]+) \w {symbol}$", _run(["nm", "-D", "-S", str(library)]), re.M)
    if not match:
        raise IcuTrimError(f"{library}: no size for {symbol}")
    address, size = int(match.group(1), 16), int(match.group(2), 16)
    for line in _run(["readelf", "-W", "-S", str(library)]).splitlines():
        fields = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if fields:
            start, offset, length = (int(fields.group(i), 16) for i in (2, 3, 4))
            if start <= address < start + length:
                return offset + address - start, size
    raise IcuTrimError(f"{library}: {symbol} lies in no section")


def _soname(library: Path) -> str | None:
    match = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", _run(["readelf", "-d", str(library)]))
    return match.group(1) if match else None


def _run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise IcuTrimError(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return done.stdout


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    try:
        result = build(Path(sys.argv[1]), Path(sys.argv[2]))
    except IcuTrimError as error:
        raise SystemExit(f"error: {error}") from error
    before = Path(sys.argv[1]).stat().st_size
    print(f"{result}: {result.stat().st_size / 1e6:.1f} MB (was {before / 1e6:.1f})")
