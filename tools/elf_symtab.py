"""Drop the symbol tables of a shared library from a wheel without breaking its layout (Linux bundle).

    python tools/elf_symtab.py LIBRARY...   -> each rewritten in place; prints the bytes saved

The libraries in manylinux wheels keep their static symbol tables (.symtab and its .strtab):
numpy's OpenBLAS carries 1.0 MB of them, Qt's libicui18n 1.0 MB, OpenCV's dav1d 0.9 MB. Nothing
reads them at run time (the dynamic linker uses .dynsym), but binutils' `strip` cannot be used:
auditwheel rewrote these files with patchelf, which put new segments after the old end of the
file, and `strip` lays the file out again in a way the loader then refuses ("ELF load command
address/offset not page-aligned").

This does the one thing needed and nothing else. The bytes of the dropped sections that lie between
loaded data are cut out in whole multiples of the largest LOAD alignment, so every segment keeps
its offset modulo its alignment, and what follows moves down by that much; the section header
table and .shstrtab are written again at the end of the file, with the dropped sections' headers
made SHT_NULL (section numbers, and so every sh_link and every symbol's section index, stay as
they were). The result is checked before it replaces the file: every segment and every kept
section holds the same bytes as before, and every LOAD is aligned. Only 64-bit little-endian
files are rewritten; anything else is left as it is (0 bytes saved). No third-party packages.
"""

from __future__ import annotations

import os
import struct
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
PHDR = struct.Struct("<IIQQQQQQ")  # type, flags, offset, vaddr, paddr, filesz, memsz, align
SHDR = struct.Struct("<IIQQQQIIQQ")  # name, type, flags, addr, offset, size, link, info, align, entsize
PT_LOAD = 1
SHT_NULL, SHT_SYMTAB, SHT_STRTAB, SHT_NOBITS = 0, 2, 3, 8
SHF_ALLOC = 0x2
PAGE = 4096


class ElfError(ValueError):
    """The file is an ELF file this tool will not rewrite, or the rewrite failed its own check."""


@dataclass
class Section:
    name: str
    fields: list[int]  # SHDR fields, in order

    @property
    def type(self) -> int:
        return self.fields[1]

    @property
    def flags(self) -> int:
        return self.fields[2]

    @property
    def offset(self) -> int:
        return self.fields[4]

    @property
    def size(self) -> int:
        return self.fields[5]

    @property
    def link(self) -> int:
        return self.fields[6]

    def in_file(self) -> bool:
        return self.type not in (SHT_NULL, SHT_NOBITS) and self.size > 0


def _parse(data: bytes) -> tuple[list[int], list[list[int]], list[Section]] | None:
    """Header fields, program headers and sections of an ELF64 LE file; None for other files."""
    if len(data) < EHDR.size or data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    header = list(EHDR.unpack_from(data))
    phoff, shoff, phentsize, phnum, shentsize, shnum, shstrndx = (
        header[5], header[6], header[9], header[10], header[11], header[12], header[13],
    )  # fmt: skip
    if phentsize != PHDR.size or shentsize != SHDR.size or shnum == 0 or shstrndx >= shnum:
        return None  # also: extended numbering (shnum 0 / SHN_XINDEX), which no wheel library uses
    if shoff + shnum * SHDR.size > len(data) or phoff + phnum * PHDR.size > len(data):
        raise ElfError("header tables run past the end of the file")
    segments = [list(PHDR.unpack_from(data, phoff + i * PHDR.size)) for i in range(phnum)]
    fields = [list(SHDR.unpack_from(data, shoff + i * SHDR.size)) for i in range(shnum)]
    names = fields[shstrndx]
    strings = data[names[4] : names[4] + names[5]]

    def name(at: int) -> str:
        end = strings.find(b"\0", at)
        return strings[at : end if end >= 0 else len(strings)].decode("ascii", "replace")

    return header, segments, [Section(name(f[0]), f) for f in fields]


def _dropped(sections: list[Section], shstrndx: int) -> set[int]:
    """.symtab, its string table and .debug_* sections: not loaded, and not linked to by a kept one."""
    drop: set[int] = set()
    for index, section in enumerate(sections):
        if section.flags & SHF_ALLOC:
            continue
        if section.type == SHT_SYMTAB or section.name.startswith(".debug_"):
            drop.add(index)
            if section.type == SHT_SYMTAB and 0 < section.link < len(sections):
                table = sections[section.link]
                if table.type == SHT_STRTAB and not table.flags & SHF_ALLOC and section.link != shstrndx:
                    drop.add(section.link)
    kept_links = {s.link for i, s in enumerate(sections) if i not in drop and s.type != SHT_NULL}
    return drop - kept_links - {shstrndx}


def _cuts(needed: list[tuple[int, int]], points: list[int], align: int) -> list[tuple[int, int]]:
    """Page-multiple ranges that hold nothing needed and can go, before the last needed byte."""
    needed = sorted(needed)
    last = max((stop for _, stop in needed), default=0)
    cuts: list[tuple[int, int]] = []
    cursor = 0
    for start, stop in [*needed, (last, last)]:
        if start > cursor:  # a free range [cursor, start)
            low = -(-cursor // align) * align
            high = start // align * align
            for point in sorted(p for p in points if low < p < high):  # a zero-size segment splits it
                if point // align * align > low:
                    cuts.append((low, point // align * align))
                low = -(-point // align) * align
            if high > low:
                cuts.append((low, high))
        cursor = max(cursor, stop)
    return cuts


def _moved(offset: int, cuts: list[tuple[int, int]], *, strict: bool = True) -> int:
    """Where an offset lands once the cuts are gone. One inside a cut is an error when `strict`
    (a segment's start must never be cut), else it lands at the cut's start."""
    shift = 0
    for low, high in cuts:
        if offset >= high:
            shift += high - low
        elif offset > low:
            if strict:
                raise ElfError(f"offset {offset:#x} falls inside a cut range")
            return low - shift
    return offset - shift


def trimmed(data: bytes) -> bytes:
    """The file without its symbol tables (the same bytes when there is nothing to drop)."""
    parsed = _parse(data)
    if parsed is None:
        return data
    header, segments, sections = parsed
    shstrndx = header[13]
    drop = _dropped(sections, shstrndx)
    if not drop:
        return data
    align = max([PAGE] + [s[7] for s in segments if s[0] == PT_LOAD])
    needed = [(0, EHDR.size), (header[5], header[5] + len(segments) * PHDR.size)]
    needed += [(s[2], s[2] + s[5]) for s in segments if s[5] > 0]
    needed += [
        (s.offset, s.offset + s.size)
        for i, s in enumerate(sections)
        if i not in drop and i != shstrndx and s.in_file()
    ]
    points = [s[2] for s in segments if s[5] == 0]
    cuts = _cuts(needed, points, align)
    last = max(stop for _, stop in needed)

    body = bytearray()
    cursor = 0
    for low, high in cuts:
        body += data[cursor:low]
        cursor = high
    body += data[cursor:last]
    kept = set(range(len(sections))) - drop
    for i in drop:  # zero what is left of them in place (the bytes in partial pages)
        s = sections[i]
        if s.in_file() and s.offset < last:
            start = _moved(s.offset, cuts, strict=False)
            stop = _moved(min(s.offset + s.size, last), cuts, strict=False)
            body[start:stop] = bytes(stop - start)

    body += bytes(-len(body) % 8)
    names = sections[shstrndx]
    table_offset = len(body)
    body += data[names.offset : names.offset + names.size]
    body += bytes(-len(body) % 8)
    shoff = len(body)
    for i, s in enumerate(sections):
        fields = list(s.fields)
        if i in drop:
            fields = [0] * 10
        elif i == shstrndx:
            fields[4] = table_offset
        elif s.type != SHT_NULL and s.offset <= last:
            fields[4] = _moved(s.offset, cuts, strict=False)
        body += SHDR.pack(*fields)
    header[5] = _moved(header[5], cuts)
    header[6] = shoff
    body[: EHDR.size] = EHDR.pack(*header)
    for i, segment in enumerate(segments):
        segment = list(segment)
        segment[2] = _moved(segment[2], cuts)
        PHDR.pack_into(body, header[5] + i * PHDR.size, *segment)
    result = bytes(body)
    _check(data, result, sorted(kept - {shstrndx}))
    return result


def _check(before: bytes, after: bytes, kept: list[int]) -> None:
    """Every segment and kept section holds its old bytes; every LOAD is aligned."""
    old, new = _parse(before), _parse(after)
    if old is None or new is None:
        raise ElfError("the rewritten file does not parse")
    before, after = _headers_blanked(before, old), _headers_blanked(after, new)  # those change
    for a, b in zip(old[1], new[1], strict=True):
        if a[:2] + a[3:] != b[:2] + b[3:]:
            raise ElfError("a program header changed beyond its offset")
        if before[a[2] : a[2] + a[5]] != after[b[2] : b[2] + b[5]]:
            raise ElfError(f"segment at {a[3]:#x} changed")
        if b[0] == PT_LOAD and b[7] > 1 and (b[3] - b[2]) % b[7]:
            raise ElfError(f"LOAD at {b[3]:#x} is no longer aligned")
    for i in kept:
        a_sec, b_sec = old[2][i], new[2][i]
        if (
            a_sec.in_file()
            and before[a_sec.offset : a_sec.offset + a_sec.size]
            != after[b_sec.offset : b_sec.offset + b_sec.size]
        ):
            raise ElfError(f"section {a_sec.name} changed")


def _headers_blanked(data: bytes, parsed: tuple[list[int], list[list[int]], list[Section]]) -> bytes:
    """The file with its ELF header and program header table zeroed (the rewrite changes both)."""
    header, segments, _ = parsed
    blank = bytearray(data)
    blank[: EHDR.size] = bytes(EHDR.size)
    start, stop = header[5], header[5] + len(segments) * PHDR.size
    blank[start:stop] = bytes(stop - start)
    return bytes(blank)


def trim_file(path: Path) -> int:
    """Rewrite one library in place (same mode); the bytes saved."""
    data = path.read_bytes()
    result = trimmed(data)
    if result is data:
        return 0
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(result)
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(data) - len(result)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    total = 0
    for name in argv:
        saved = trim_file(Path(name))
        total += saved
        print(f"{name}: {saved} bytes")
    print(f"total: {total} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
