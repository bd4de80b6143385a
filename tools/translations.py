"""The kiosk's translations: refresh the .ts files from the sources and compile the .qm files.

    python tools/translations.py        (what `make translations` runs)

pyside6-lupdate collects every `self.tr()`, `translate()` and `QT_TRANSLATE_NOOP()` string of
the kiosk into `resources/translations/kiosk_<code>.ts` (new strings come in unfinished,
vanished ones are dropped), and the plural forms (`tr(text, "", n)`) of the English source
into `kiosk_en.ts`; translate the unfinished ones (Qt Linguist: pyside6-linguist, or any
editor), then run it again: pyside6-lrelease compiles each .ts to the .qm the kiosk loads.
`tests/test_translations.py` runs the same lupdate, so the test and the target never differ.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("kiosk",)  # scanned for translatable strings (only kiosk/ui has any today)
TS_DIR = ROOT / "resources" / "translations"
CATALOG = "kiosk"
PLURALS_ONLY = "en"  # the source language: a file with its plural forms only


def shipped_languages() -> tuple[str, ...]:
    """The translated languages (English is the source, it has no file)."""
    sys.path.insert(0, str(ROOT))
    from kiosk.languages import LANGUAGES

    return tuple(code for code in LANGUAGES if code != "en")


def ts_file(code: str, folder: Path = TS_DIR) -> Path:
    return folder / f"{CATALOG}_{code}.ts"


def qm_file(code: str, folder: Path = TS_DIR) -> Path:
    return folder / f"{CATALOG}_{code}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: beside this Python first (the .venv), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"error: pyside6-{name} not found (it comes with PySide6)")
    return found


def lupdate(ts_files: Sequence[Path]) -> None:
    """Bring `ts_files` up to date with the sources (creating them when missing)."""
    command = [tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete"]
    subprocess.run([*command, *SOURCES, "-ts", *map(str, ts_files)], cwd=ROOT, check=True)


def lupdate_plurals(ts: Path) -> None:
    """English's own file, of plural forms only: the source text says "%n exposures", and without
    a translation Qt shows it as written, so English needs its "1 exposure" too (Qt's way)."""
    command = [tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete"]
    command += ["-pluralonly", "-source-language", "en", "-target-language", "en"]
    subprocess.run([*command, *SOURCES, "-ts", str(ts)], cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str  # "" (finished), "unfinished", "obsolete" or "vanished"


def read_ts(path: Path) -> list[Message]:
    """Every message of a .ts file (plural forms joined with a newline)."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path}: a message without a translation element"
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = "\n".join(forms) if forms else translation.text or ""
            source = message.findtext("source") or ""
            messages.append(Message(name, source, text, translation.get("type", "")))
    return messages


def untranslated(messages: Sequence[Message]) -> list[Message]:
    return [m for m in messages if m.kind == "unfinished" or not m.translation.strip()]


def main() -> int:
    languages = shipped_languages()
    lupdate([ts_file(code) for code in languages])
    lupdate_plurals(ts_file(PLURALS_ONLY))
    for code in (*languages, PLURALS_ONLY):
        lrelease(ts_file(code), qm_file(code))
        missing = untranslated(read_ts(ts_file(code)))
        name = ts_file(code).relative_to(ROOT)
        print(f"{name}: {len(missing)} to translate" if missing else f"{name}: all translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
