"""The steps build.spec takes on PyInstaller's file lists, and what each expects of the wheels.

build.spec prunes what PyInstaller collected and rebuilds two libraries smaller (tools/blas_shim.py,
tools/icu_trim.py). Those steps rely on wheel internals: folder names such as
`opencv_python_headless.libs`, numpy's `scipy_*64_` OpenBLAS symbols, Qt's bundled ICU data,
the ELF dependencies of the collected libraries and PyInstaller 6's TOC entries. When a wheel
differs, a step raises StepError, whose message says which step, what it expected in which wheel,
what it found and what to do; build.spec prints it as one `error:` line and stops, never with a
traceback. requirements-lock.txt pins the wheels these steps were written for.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path

import elf_symtab

from kiosk.languages import LANGUAGES

# The kiosk's UI languages (their home: kiosk/languages.py): Qt's ICU data keeps their locale
# data (tools/icu_trim.py), and the bundle keeps Qt's own qtbase translations of all but English
# (standard dialog buttons).
UI_LANGUAGES = tuple(LANGUAGES)
LOCK = "requirements-lock.txt"

Entry = tuple[str, str, str]  # PyInstaller 6 TOC entry: (destination, source, typecode)
# Typecodes of Analysis.binaries and Analysis.datas. For SYMLINK the source is the link's target,
# relative to the link's folder.
TYPECODES = frozenset({"BINARY", "EXTENSION", "DATA", "SYMLINK", "DEPENDENCY", "ZIPFILE"})


class StepError(RuntimeError):
    """A size step cannot do its work with the wheels installed; the message says what to do."""

    def __init__(self, step: str, problem: str, todo: str) -> None:
        super().__init__(f"step '{step}': {problem}; {todo}")
        self.step = step


def layout_error(step: str, expected: str, where: str, found: str, todo: str) -> StepError:
    """The message for a wheel whose layout is not what a step was written for."""
    return StepError(step, f"expected {expected} in {where}, found {found}", todo)


def wheel(distribution: str) -> str:
    """'the numpy 2.4.6 wheel', for messages."""
    try:
        return f"the {distribution} {metadata.version(distribution)} wheel"
    except metadata.PackageNotFoundError:
        return f"the {distribution} wheel (not installed)"


def relock(tool: str) -> str:
    """What to do when a wheel's layout changed under a step."""
    return f"install the versions in {LOCK} (make setup), or adapt {tool} to the new layout"


def describe(names: Iterable[str], limit: int = 6) -> str:
    """'nothing', or the names (the first few, and how many more)."""
    names = list(names)
    if not names:
        return "nothing"
    shown = ", ".join(names[:limit])
    return shown if len(names) <= limit else f"{shown} and {len(names) - limit} more"


def run_tool(step: str, command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run a build tool (readelf, nm, gcc, strip); a missing one is a StepError, not a traceback."""
    try:
        return subprocess.run(list(command), capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        package = "gcc" if command[0] == "gcc" else "binutils"
        raise StepError(
            step, f"{command[0]} is not installed", f"apt install {package} (make setup does)"
        ) from error


# ---- PyInstaller's TOC ----------------------------------------------------------------------


def checked_toc(entries: Iterable[object], what: str) -> list[Entry]:
    """The entries of Analysis.binaries or .datas, each checked to be a PyInstaller 6 TOC tuple."""
    out: list[Entry] = []
    for entry in entries:
        if not (
            isinstance(entry, tuple)
            and len(entry) == 3
            and all(isinstance(part, str) for part in entry)
            and entry[2] in TYPECODES
        ):
            raise layout_error(
                "pruning",
                f"(destination, source, typecode) tuples with a typecode in {sorted(TYPECODES)}",
                f"Analysis.{what} of {wheel('pyinstaller')}",
                repr(entry)[:200],
                relock("build.spec and tools/bundle_steps.py"),
            )
        out.append((entry[0], entry[1], entry[2]))
    return out


def dest(entry: Entry) -> str:
    return entry[0].replace("\\", "/")


def link_target(entry: Entry) -> str:
    """Where a SYMLINK entry points, as a destination in the bundle."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest(entry)), entry[1].replace("\\", "/")))


def without_dangling_links(binaries: list[Entry], datas: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Drop the links (in either list) whose target was pruned."""
    present = {dest(e) for e in binaries + datas if e[2] != "SYMLINK"}

    def kept(entry: Entry) -> bool:
        return entry[2] != "SYMLINK" or link_target(entry) in present

    return [e for e in binaries if kept(e)], [e for e in datas if kept(e)]


# ---- Qt plugins and data ----------------------------------------------------------------------

# Qt data the kiosk never reads: QML, WebEngine resources, and the translations of other languages
# and modules (the kiosk's own are in resources/translations/).
QT_DATA_PRUNED = re.compile(r"(^|/)Qt6?/(translations|qml|resources)/|(^|/)PySide6/(translations|qml)/")
_TRANSLATED = "|".join(lang for lang in UI_LANGUAGES if lang != "en")  # English needs no translation
QT_TRANSLATIONS_KEPT = re.compile(rf"(^|/)PySide6/(Qt/)?translations/qtbase_({_TRANSLATED})\.qm$")


# The kiosk's translation sources: it loads the compiled .qm files beside them.
SOURCES_PRUNED = re.compile(r"(^|/)resources/translations/[^/]+\.ts$")


def data_kept(path: str) -> bool:
    """Whether a data file stays: not Qt data the kiosk never reads, nor a translation source."""
    if SOURCES_PRUNED.search(path):
        return False
    return bool(QT_TRANSLATIONS_KEPT.search(path)) or not QT_DATA_PRUNED.search(path)


def plugin_kept(path: str, plugins: dict[str, str]) -> bool:
    """True for files outside Qt's plugin folders, and for the plugins whose folder and name
    (without lib and the suffix) match `plugins` (folder -> regular expression)."""
    match = re.search(r"(^|/)plugins/([^/]+)/([^/]+)$", path)
    if not match or "PySide6/" not in path:
        return True
    pattern = plugins.get(match.group(2))
    stem = re.sub(r"^lib|\.(so|dll|dylib)$", "", match.group(3))
    return pattern is not None and re.fullmatch(pattern, stem) is not None


def ui_languages(translations: Path) -> list[str]:
    """The languages of the kiosk's own translations (resources/translations/*_de.qm, de.qm, ...),
    each checked to be one the bundle keeps ICU data and Qt translations for."""
    found: dict[str, str] = {}
    for qm in sorted(translations.glob("*.qm")):
        match = re.search(r"(?:^|_)([a-z]{2,3})(?:_[A-Z][A-Za-z]+)?$", qm.stem)
        if not match:
            raise layout_error(
                "UI languages", "translations named *_LANG.qm or LANG.qm", str(translations), qm.name,
                "rename the file, e.g. kiosk_de.qm",
            )  # fmt: skip
        found.setdefault(match.group(1), qm.name)
    unknown = {lang: name for lang, name in found.items() if lang not in UI_LANGUAGES}
    if unknown:
        raise layout_error(
            "UI languages", f"only the languages {', '.join(UI_LANGUAGES)}", str(translations),
            describe(f"{name} ({lang})" for lang, name in unknown.items()),
            "add the language to UI_LANGUAGES in tools/bundle_steps.py, so the bundle keeps its ICU "
            "data and Qt's translation for it",
        )  # fmt: skip
    return sorted(found)


# ---- ELF dependencies (Linux) -------------------------------------------------------------------


def needed(path: str) -> list[str]:
    """The libraries an ELF file links to (DT_NEEDED)."""
    out = run_tool("pruning", ["readelf", "-d", path]).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def is_root(path: str, dlopened: re.Pattern[str]) -> bool:
    """Loaded by Python or Qt by file name: extension modules, plugins, the dlopen'ed ones."""
    name = path.rsplit("/", 1)[-1]
    return (
        bool(re.search(r"\.(cpython-[^/]*|abi3)\.so$", name))
        or "/lib-dynload/" in f"/{path}"
        or "/plugins/" in f"/{path}"
        or name.startswith("libpython")
        or bool(dlopened.search(name))
    )


def linked_only(
    binaries: list[Entry], dlopened: re.Pattern[str], needs: Callable[[str], list[str]] = needed
) -> list[Entry]:
    """Keep the roots and what they link to, directly or not (Linux ELF: DT_NEEDED), and the links
    to what is kept. `needs` reads a file's DT_NEEDED names (tests pass a fake)."""
    files = [e for e in binaries if e[2] != "SYMLINK"]
    by_name: dict[str, list[Entry]] = {}
    for entry in files:
        by_name.setdefault(dest(entry).rsplit("/", 1)[-1], []).append(entry)
    by_dest = {dest(entry): entry for entry in files}
    # PyInstaller 6 links a library's top-level name to its package folder: the link stands for its file.
    for link in (e for e in binaries if e[2] == "SYMLINK" and link_target(e) in by_dest):
        by_name.setdefault(dest(link).rsplit("/", 1)[-1], []).append(by_dest[link_target(link)])
    todo = [entry for entry in files if is_root(dest(entry), dlopened)]
    if not todo:
        raise layout_error(
            "pruning", "Python extension modules and Qt plugins among the collected binaries",
            f"Analysis.binaries of {wheel('pyinstaller')}", describe(sorted(by_dest)),
            relock("tools/bundle_steps.py (is_root)"),
        )  # fmt: skip
    kept = {dest(entry) for entry in todo}
    while todo:
        for name in needs(todo.pop()[1]):
            for dependency in by_name.get(name, []):
                if dest(dependency) not in kept:
                    kept.add(dest(dependency))
                    todo.append(dependency)
    return [e for e in binaries if dest(e) in kept or (e[2] == "SYMLINK" and link_target(e) in kept)]


def replace_one(
    binaries: list[Entry],
    step: str,
    pattern: str,
    distribution: str,
    tool: str,
    build: Callable[[Path], Path],
) -> list[Entry]:
    """Swap the one collected file whose destination matches `pattern` (from `distribution`'s
    wheel) for what build(its path) makes."""
    found = [e for e in binaries if re.search(pattern, dest(e)) and e[2] != "SYMLINK"]
    if len(found) != 1:
        raise layout_error(
            step, f"one file matching {pattern} among the files PyInstaller collected",
            wheel(distribution), describe(dest(e) for e in found), relock(tool),
        )  # fmt: skip
    destination, source, kind = found[0]
    made = build(Path(source))
    return [(destination, str(made), kind) if e is found[0] else e for e in binaries]


def strip_runtime(contents: Path, binaries: list[Entry]) -> int:
    """Strip symbol tables from the Python runtime and the system libraries (libpython alone
    is 22 MB unstripped), and drop those the libraries from wheels kept (numpy's OpenBLAS, Qt's
    ICU, OpenCV's codecs: 5.8 MB). binutils' strip cannot touch the latter: auditwheel rewrote
    them with patchelf, and strip then breaks them ("ELF load command address/offset not
    page-aligned"); tools/elf_symtab.py cuts the tables out keeping every segment's alignment and
    checks the result. Returns the bytes elf_symtab saved."""
    if not contents.is_dir():
        raise layout_error(
            "strip", "the folder _internal/ beside the executable", str(contents.parent),
            describe(p.name for p in contents.parent.iterdir()) if contents.parent.is_dir() else "no folder",
            relock("build.spec"),
        )  # fmt: skip
    site = re.compile(r"[\\/](site|dist)-packages[\\/]")
    saved = 0
    for destination, source, kind in binaries:
        target = contents / destination
        if kind == "SYMLINK" or target.is_symlink() or not target.is_file():
            continue
        if site.search(source):
            try:
                saved += elf_symtab.trim_file(target)
            except elf_symtab.ElfError as error:
                raise StepError(
                    "strip", f"dropping the symbol tables of {target} failed: {error}",
                    "leave that library out of the step (tools/bundle_steps.py) and report it",
                ) from error  # fmt: skip
            continue
        done = run_tool("strip", ["strip", "--strip-unneeded", str(target)])
        if done.returncode != 0:
            raise StepError(
                "strip", f"strip {target} failed: {done.stderr.strip()}", "check binutils' strip on it"
            )
    return saved
