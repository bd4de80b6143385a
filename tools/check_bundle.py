"""Check a built one-folder app (`make dist` runs it): what must be in it, and what must not.

    python tools/check_bundle.py dist/EmotionKiosk [--max-mb N]

Fails (exit 1, one line per problem) when the executable, the model, the Haar cascade, the
resources, QtMultimedia's FFmpeg plugin and libraries or Qt's qtbase translations of the UI
languages (standard dialog buttons) are missing; when anything of the
training stack (TensorFlow, Keras, tf2onnx, onnx, training/) is in the folder or in the
executable's Python archive; when a library links to one that is not in the folder although
PyInstaller bundles such libraries (something needed was pruned), or a link points at
nothing; or when the folder is larger than --max-mb.
Prints the size and the largest parts.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from bundle_steps import UI_LANGUAGES

FORBIDDEN = ("tensorflow", "keras", "tf2onnx", "onnx", "training", "tensorboard", "tf_keras")
REQUIRED = (
    "models/emotion.onnx",
    "resources/haarcascade_frontalface_default.xml.gz",
    "resources/demo/demo.mp4",
    "resources/audio/uplift.ogg",
    "resources/cars/catalog.json",
    "resources/icons/kiosk.png",
)
FFMPEG_PLUGIN = re.compile(r"(^|/)plugins/multimedia/(lib)?ffmpegmediaplugin\.(so|dll|dylib)$")
FFMPEG_LIBS = ("avcodec", "avformat", "avutil", "swresample", "swscale")
MB = 1024 * 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the built app, e.g. dist/EmotionKiosk")
    parser.add_argument("--max-mb", type=float, default=None, help="fail above this size (MiB)")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    problems = check(folder, args.max_mb)
    print(size_report(folder))
    for problem in problems:
        print(f"bundle problem: {problem}", file=sys.stderr)
    print(f"{folder}: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


def check(folder: Path, max_mb: float | None) -> list[str]:
    executable = folder / ("EmotionKiosk.exe" if sys.platform == "win32" else "EmotionKiosk")
    if not executable.is_file():
        return [f"no executable {executable}"]
    internal = folder / "_internal"
    files = [p.relative_to(internal).as_posix() for p in _files(internal)]
    problems = [f"missing {name}" for name in REQUIRED if not (internal / name).is_file()]
    problems += _ffmpeg_problems(files) + _translation_problems(files)
    problems += _forbidden_files(files) + _forbidden_modules(executable)
    problems += [f"dangling link {p.relative_to(folder)}" for p in _files(internal) if not p.exists()]
    if sys.platform.startswith("linux"):
        problems += _unresolved_libraries(internal)
    size = total_bytes(folder) / MB
    if max_mb is not None and size > max_mb:
        problems.append(f"the folder is {size:.0f} MiB; the budget is {max_mb:g} MiB")
    return problems


def _files(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def total_bytes(folder: Path) -> int:
    """Bytes of the files themselves (a symlink counts as a link, not as its target)."""
    return sum(p.lstat().st_size for p in _files(folder))


def _ffmpeg_problems(files: list[str]) -> list[str]:
    problems = []
    if not any(FFMPEG_PLUGIN.search(f) for f in files):
        problems.append("QtMultimedia's FFmpeg plugin is missing")
    qt_files = [f.rsplit("/", 1)[-1] for f in files if "PySide6/" in f]
    for lib in FFMPEG_LIBS:
        if not any(re.match(rf"(lib)?{lib}[.-]", name) for name in qt_files):
            problems.append(f"QtMultimedia's FFmpeg library {lib} is missing")
    return problems


def _translation_problems(files: list[str]) -> list[str]:
    """Qt's own translation of each UI language but English (its dialogs' standard buttons)."""
    return [
        f"Qt's translation qtbase_{lang}.qm is missing"
        for lang in UI_LANGUAGES
        if lang != "en"
        and not any(re.search(rf"(^|/)PySide6/(Qt/)?translations/qtbase_{lang}\.qm$", f) for f in files)
    ]


def _forbidden_files(files: list[str]) -> list[str]:
    found = {part for f in files for part in f.split("/")[:-1] if part in FORBIDDEN}
    found |= {f for f in files if "tensorflow" in f.rsplit("/", 1)[-1].lower()}
    return [f"the training stack is in the folder: {name}" for name in sorted(found)]


def _forbidden_modules(executable: Path) -> list[str]:
    """Python modules of the training stack inside the executable's archive (PYZ)."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        return ["PyInstaller is not installed here: the executable's modules cannot be checked"]
    archive = CArchiveReader(str(executable))
    names = [name for name in archive.toc if name.endswith(".pyz")]
    modules: list[str] = []
    for name in names:
        modules += list(archive.open_embedded_archive(name).toc)
    if not modules:
        return [f"no Python archive found in {executable}"]
    tops = Counter(module.split(".")[0] for module in modules)
    return [f"the training stack is in the executable: {t} ({tops[t]} modules)" for t in FORBIDDEN if tops[t]]


def _unresolved_libraries(internal: Path) -> list[str]:
    """Libraries a bundled binary links to that are not bundled, though PyInstaller would bundle
    them (it leaves out only the system's own: libc, libGL, ...): something needed was pruned."""
    from PyInstaller.depend.dylib import include_library

    bundled = {p.name for p in _files(internal)}
    missing: dict[str, str] = {}
    for path in _files(internal):
        if path.is_symlink() or not _is_elf(path):
            continue
        for name in needed(path):
            expected = include_library(name) and not name.startswith("ld-linux")
            if expected and name not in bundled:
                missing.setdefault(name, path.relative_to(internal).as_posix())
    return [
        f"{name} is needed by {needer} but is not in the bundle" for name, needer in sorted(missing.items())
    ]


def needed(path: Path) -> list[str]:
    """The libraries an ELF file links to (DT_NEEDED)."""
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", _run(["readelf", "-d", str(path)]))


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def _run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def size_report(folder: Path, top: int = 12) -> str:
    """The total size, and the largest top-level parts of _internal."""
    internal = folder / "_internal"
    parts: Counter[str] = Counter()
    for path in _files(internal):
        parts[path.relative_to(internal).parts[0]] += path.lstat().st_size
    lines = [f"{folder}: {total_bytes(folder) / MB:.1f} MiB"]
    lines += [f"  {size / MB:7.1f} MiB  {name}" for name, size in parts.most_common(top)]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
