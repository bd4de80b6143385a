"""tools/make_deb.py: the .deb of a one-folder bundle, read back with dpkg-deb (no root needed).

A fake bundle stands for dist/EmotionKiosk, laid out as PyInstaller 6 lays it out: the
EmotionKiosk program (a shell script that prints its arguments), an ELF file in _internal/ (a
copy of `true`, which needs libc.so.6), a symlink to it and a data file. deb_depends.DLOPENED is
emptied, so Depends is exactly what that ELF file needs from this system: libc6.

The maintainer scripts are run too, on throw-away folders: prerm with a fake `getent` that lists
made-up home folders, postrm with its install folder rewritten into a temporary one.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import deb_depends
import make_deb
import pytest

import kiosk

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
PACKAGE = "emotion-kiosk"
INSTALL = f"opt/{PACKAGE}"
ENV = {**os.environ, "LC_ALL": "C"}  # dpkg-deb's and tar's messages and listings in one form

pytestmark = [
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed (Debian only)"),
    pytest.mark.skipif(shutil.which("dpkg") is None, reason="dpkg is not installed (Debian only)"),
    pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) is not installed"),
    pytest.mark.skipif(shutil.which("ldconfig") is None, reason="ldconfig is not on PATH"),
]

LAUNCHER_PROGRAM = '#!/bin/sh\nprintf "arg:%s\\n" "$@"\n'
DATA = bytes(range(256)) * 400  # 100 KiB: Installed-Size must count the bundle


def _make_bundle(folder: Path, with_data: bool = True) -> Path:
    internal = folder / "_internal"
    (internal / "resources").mkdir(parents=True)
    program = folder / "EmotionKiosk"
    program.write_text(LAUNCHER_PROGRAM)
    program.chmod(0o755)
    elf = internal / "libfake.so.1"
    shutil.copyfile(Path(shutil.which("true") or "/bin/true").resolve(), elf)
    elf.chmod(0o755)
    (internal / "libfake.so").symlink_to("libfake.so.1")
    if with_data:
        data = internal / "resources" / "data.bin"
        data.write_bytes(DATA)
        data.chmod(0o644)
    return folder


def _run(*command: str | Path) -> str:
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 0, f"{command} exited {done.returncode}: {done.stderr}"
    return done.stdout


def _architecture() -> str:
    return _run("dpkg", "--print-architecture").strip()


@dataclass(frozen=True)
class Entry:
    kind: str  # "-" file, "d" folder, "l" symlink
    mode: int
    owner: str
    size: int
    target: str | None


ENTRY = re.compile(
    r"^(?P<kind>[-dl])(?P<mode>[-rwxsStT]{9})\s+(?P<owner>\S+)\s+(?P<size>\d+)\s+\S+\s+\S+\s+"
    r"\./(?P<path>.*?)(?: -> (?P<target>.*))?$"
)


def _mode(letters: str) -> int:
    bits = (0o400, 0o200, 0o100, 0o040, 0o020, 0o010, 0o004, 0o002, 0o001)
    return sum(bit for letter, bit in zip(letters, bits, strict=True) if letter != "-")


def _contents(deb: Path) -> dict[str, Entry]:
    """`dpkg-deb -c`: path (no leading ./, folders ending in /) -> its entry."""
    entries = {}
    for line in _run("dpkg-deb", "-c", deb).splitlines():
        match = ENTRY.match(line)
        assert match, f"unexpected line in dpkg-deb -c: {line!r}"
        entries[match["path"]] = Entry(
            match["kind"], _mode(match["mode"]), match["owner"], int(match["size"]), match["target"]
        )
    return entries


def _fields(deb: Path) -> dict[str, str]:
    """The control file's fields, from `dpkg-deb -I`; continuation lines joined with newlines."""
    info = _run("dpkg-deb", "-I", deb).splitlines()
    # The package's size and members first, then the control file, each line indented by one space.
    start = next(n for n, line in enumerate(info) if line.startswith(" Package: "))
    fields: dict[str, str] = {}
    name = ""
    for line in info[start:]:
        assert line.startswith(" "), line
        if line.startswith("  "):
            fields[name] += "\n" + line[2:]
        else:
            name, value = line[1:].split(": ", 1)
            fields[name] = value
    return fields


@dataclass(frozen=True)
class Built:
    deb: Path
    needs: list[str]
    bundle: Path
    work: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    folder = tmp_path_factory.mktemp("make_deb")
    bundle = _make_bundle(folder / "EmotionKiosk")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(deb_depends, "DLOPENED", ())
        deb, needs = make_deb.build(bundle, folder / "out", work=folder / "work")
    yield Built(deb, needs, bundle, folder / "work")


def test_the_package_is_named_after_the_kiosk_version_and_this_architecture(built: Built) -> None:
    assert built.deb.name == f"{PACKAGE}_{kiosk.__version__}_{_architecture()}.deb"
    assert built.deb.is_file()
    # `make check-deb` installs $(DEB): the Makefile must name the file make_deb writes.
    line = re.search(r"^DEB = (.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert line, "the Makefile has no DEB = ... line"
    makefile_deb = (
        line.group(1)
        .replace("$$($(PY) -c 'import kiosk; print(kiosk.__version__)')", kiosk.__version__)
        .replace("$$(dpkg --print-architecture)", _architecture())
    )
    assert makefile_deb == f"dist/{built.deb.name}"


def test_the_control_file(built: Built) -> None:
    fields = _fields(built.deb)
    assert fields["Package"] == PACKAGE
    assert fields["Version"] == kiosk.__version__
    assert fields["Architecture"] == _architecture()
    assert fields["Maintainer"] == "Emotion Kiosk <kiosk@example.invalid>"
    # What the bundle's ELF files need from the system, by package, and nothing written by hand.
    assert built.needs == ["libc6"]
    assert fields["Depends"] == "libc6"
    assert fields["Recommends"] == "fontconfig-config, fonts-dejavu-core, libpq5"
    assert fields["Section"] == "video"
    assert fields["Priority"] == "optional"
    summary, _, extended = fields["Description"].partition("\n")
    assert summary == "Emotion-aware car showroom kiosk"
    assert "`emotion-kiosk install-autostart`" in extended
    assert set(fields) == {
        "Package", "Version", "Architecture", "Maintainer", "Installed-Size", "Depends",
        "Recommends", "Section", "Priority", "Description",
    }  # fmt: skip


def test_installed_size_counts_every_file_in_kib(built: Built) -> None:
    data = sum(entry.size for entry in _contents(built.deb).values() if entry.kind == "-")
    scripts = (LINUX / "prerm").stat().st_size + (LINUX / "postrm").stat().st_size
    installed = int(_fields(built.deb)["Installed-Size"])
    assert installed == (data + scripts) // 1024
    assert installed >= len(DATA) // 1024 + (ROOT / "resources/icons/kiosk.png").stat().st_size // 1024


def test_the_files_their_places_and_modes(built: Built) -> None:
    contents = _contents(built.deb)
    not_folders = {path: entry for path, entry in contents.items() if entry.kind != "d"}
    assert set(not_folders) == {
        f"{INSTALL}/EmotionKiosk",
        f"{INSTALL}/_internal/libfake.so.1",
        f"{INSTALL}/_internal/libfake.so",
        f"{INSTALL}/_internal/resources/data.bin",
        f"usr/bin/{PACKAGE}",
        f"usr/share/applications/{PACKAGE}.desktop",
        f"usr/share/icons/hicolor/256x256/apps/{PACKAGE}.png",
        f"usr/share/doc/{PACKAGE}/README.md",
    }  # no DEBIAN/, no systemd unit: install-autostart writes that per user
    for folder in ("", "opt/", f"{INSTALL}/", "usr/bin/", "usr/share/applications/"):
        assert contents[folder].kind == "d"
    # --root-owner-group: root's files whoever builds.
    assert {entry.owner for entry in contents.values()} == {"root/root"}
    # The bundle as it was: modes kept, symlinks kept as symlinks.
    assert not_folders[f"{INSTALL}/EmotionKiosk"].mode == 0o755
    assert not_folders[f"{INSTALL}/_internal/libfake.so.1"].mode == 0o755
    assert not_folders[f"{INSTALL}/_internal/resources/data.bin"].mode == 0o644
    assert not_folders[f"{INSTALL}/_internal/resources/data.bin"].size == len(DATA)
    link = not_folders[f"{INSTALL}/_internal/libfake.so"]
    assert (link.kind, link.target) == ("l", "libfake.so.1")
    assert not_folders[f"usr/bin/{PACKAGE}"].mode == 0o755
    for path in (
        f"usr/share/applications/{PACKAGE}.desktop",
        f"usr/share/icons/hicolor/256x256/apps/{PACKAGE}.png",
        f"usr/share/doc/{PACKAGE}/README.md",
    ):
        entry = not_folders[path]
        assert entry.kind == "-"
        assert entry.mode & 0o444 == 0o444, f"{path} is not readable by everyone"
        assert entry.mode & 0o111 == 0, f"{path} is executable"


def test_the_installed_files_and_the_launcher(built: Built, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    _run("dpkg-deb", "-x", built.deb, tree)
    same = {
        f"{INSTALL}/EmotionKiosk": built.bundle / "EmotionKiosk",
        f"{INSTALL}/_internal/resources/data.bin": built.bundle / "_internal/resources/data.bin",
        f"usr/bin/{PACKAGE}": LINUX / PACKAGE,
        f"usr/share/applications/{PACKAGE}.desktop": LINUX / f"{PACKAGE}.desktop",
        f"usr/share/icons/hicolor/256x256/apps/{PACKAGE}.png": ROOT / "resources/icons/kiosk.png",
        f"usr/share/doc/{PACKAGE}/README.md": ROOT / "README.md",
    }
    for installed, source in same.items():
        assert (tree / installed).read_bytes() == source.read_bytes(), installed

    launcher = (tree / "usr/bin" / PACKAGE).read_text()
    assert launcher.startswith("#!/bin/sh\n")
    _run("sh", "-n", tree / "usr/bin" / PACKAGE)
    assert re.findall(r"^exec (\S+) \"\$@\"$", launcher, re.M) == [f"/{INSTALL}/EmotionKiosk"]
    # Run it with /opt/emotion-kiosk moved into the extracted tree: every argument arrives whole.
    moved = tmp_path / "launcher"
    moved.write_text(launcher.replace(f"/{INSTALL}/", f"{tree}/{INSTALL}/"))
    out = _run("sh", moved, "--self-test", "--data-dir", "a folder with spaces")
    assert out.splitlines() == ["arg:--self-test", "arg:--data-dir", "arg:a folder with spaces"]

    # The menu entry starts the launcher by name and shows the icon the package installs.
    desktop = (tree / f"usr/share/applications/{PACKAGE}.desktop").read_text()
    entry = dict(line.split("=", 1) for line in desktop.splitlines() if "=" in line)
    assert entry["Exec"] == PACKAGE and (tree / "usr/bin" / entry["Exec"]).is_file()
    assert entry["Icon"] == PACKAGE and entry["Type"] == "Application"
    png = (tree / f"usr/share/icons/hicolor/256x256/apps/{PACKAGE}.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)  # the size its hicolor folder says


def test_the_maintainer_scripts(built: Built, tmp_path: Path) -> None:
    control = tmp_path / "DEBIAN"
    _run("dpkg-deb", "-e", built.deb, control)
    assert sorted(p.name for p in control.iterdir()) == ["control", "postrm", "prerm"]
    info = _run("dpkg-deb", "-I", built.deb)
    for script in ("prerm", "postrm"):
        path = control / script
        assert path.read_bytes() == (LINUX / script).read_bytes()
        assert stat.S_IMODE(path.stat().st_mode) == 0o755
        assert path.read_text().startswith("#!/bin/sh\n")
        _run("sh", "-n", path)
        # dpkg-deb -I marks an executable member with "*".
        assert re.search(rf"^ +\d+ bytes, +\d+ lines +\* +{script} +#!/bin/sh$", info, re.M), info


@pytest.fixture
def scripts(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    control = tmp_path_factory.mktemp("control") / "DEBIAN"
    _run("dpkg-deb", "-e", built.deb, control)
    return control


@dataclass(frozen=True)
class Homes:
    systemd: Path  # install-autostart --method systemd
    xdg: Path  # install-autostart --method xdg, next to an autostart entry of the user's own
    own: Path  # a unit of the user's own under the kiosk's name, without the marker
    env: dict[str, str]


def _homes(tmp_path: Path) -> Homes:
    from kiosk.appliance import autostart

    homes = Homes(tmp_path / "ann", tmp_path / "bob", tmp_path / "cat", {})
    command = [f"/usr/bin/{PACKAGE}"]
    autostart.install("systemd", command, autostart.AutostartPlaces(homes.systemd / ".config"), lambda _: 0)
    autostart.install("xdg", command, autostart.AutostartPlaces(homes.xdg / ".config"), lambda _: 0)
    (homes.xdg / ".config/autostart/other.desktop").write_text("[Desktop Entry]\nExec=other\n")
    own = homes.own / ".config/systemd/user" / autostart.UNIT_NAME
    own.parent.mkdir(parents=True)
    own.write_text("[Service]\nExecStart=/usr/local/bin/my-own-kiosk\n")
    for home in (homes.systemd, homes.xdg, homes.own):
        data = home / ".local/share/EmotionKiosk"
        data.mkdir(parents=True)
        (data / "settings.json").write_text("{}")
    # getent passwd as the package's prerm reads it: these homes, and one that does not exist.
    fake = tmp_path / "bin"
    fake.mkdir()
    users = "".join(
        f"{home.name}:x:{1000 + n}:{1000 + n}::{home}:/bin/bash\\n"
        for n, home in enumerate((homes.systemd, homes.xdg, homes.own))
    )
    (fake / "getent").write_text(
        f"#!/bin/sh\n[ \"$1\" = passwd ] || exit 2\nprintf '{users}'\n"
        "printf 'nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\\n'\n"
    )
    (fake / "getent").chmod(0o755)
    env = {**ENV, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"}
    assert shutil.which("getent", path=env["PATH"]) == str(fake / "getent")  # never the real homes
    return Homes(homes.systemd, homes.xdg, homes.own, env)


def _files(home: Path) -> set[str]:
    return {str(p.relative_to(home)) for p in home.rglob("*") if not p.is_dir() or p.is_symlink()}


def test_prerm_on_removal_takes_away_only_the_autostart_install_autostart_wrote(
    scripts: Path, tmp_path: Path
) -> None:
    homes = _homes(tmp_path)
    assert _files(homes.systemd) == {
        ".config/systemd/user/emotion-kiosk.service",
        ".config/systemd/user/graphical-session.target.wants/emotion-kiosk.service",
        ".local/share/EmotionKiosk/settings.json",
    }
    assert ".config/autostart/emotion-kiosk.desktop" in _files(homes.xdg)
    done = subprocess.run(["sh", str(scripts / "prerm"), "remove"], env=homes.env, capture_output=True)
    assert done.returncode == 0, done.stderr

    assert _files(homes.systemd) == {".local/share/EmotionKiosk/settings.json"}
    assert not (homes.systemd / ".config/systemd").exists()  # the folders it left empty go too
    assert (homes.systemd / ".config").is_dir()
    assert _files(homes.xdg) == {".config/autostart/other.desktop", ".local/share/EmotionKiosk/settings.json"}
    assert _files(homes.own) == {
        ".config/systemd/user/emotion-kiosk.service",  # no marker: not the kiosk's to remove
        ".local/share/EmotionKiosk/settings.json",
    }


@pytest.mark.parametrize(
    "arguments", [["upgrade", "0.2.0"], ["failed-upgrade", "0.1.0"], ["deconfigure", "in-favour", "x", "1"]]
)
def test_prerm_on_upgrade_keeps_the_autostart(scripts: Path, tmp_path: Path, arguments: list[str]) -> None:
    homes = _homes(tmp_path)
    before = {home: _files(home) for home in (homes.systemd, homes.xdg, homes.own)}
    done = subprocess.run(["sh", str(scripts / "prerm"), *arguments], env=homes.env, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert {home: _files(home) for home in before} == before


@pytest.mark.parametrize(
    ("arguments", "removed"),
    [
        (["remove"], True),
        (["purge"], True),
        (["upgrade", "0.2.0"], False),  # the new version's files are in place already
        (["failed-upgrade", "0.1.0"], False),
        (["abort-install"], False),
        (["disappear", "other", "1"], False),
    ],
)
def test_postrm_removes_the_install_folder_on_remove_and_purge_only(
    scripts: Path, tmp_path: Path, arguments: list[str], removed: bool
) -> None:
    text = (scripts / "postrm").read_text()
    # Its one removal is the install folder: never a data folder, never a home.
    assert [line.strip() for line in text.splitlines() if re.match(r"^\s*rm\b", line)] == [
        f"rm -rf /{INSTALL}"
    ]
    folder = tmp_path / INSTALL
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "left-by-the-kiosk.log").write_text("x")
    moved = tmp_path / "postrm"
    moved.write_text(text.replace(f"/{INSTALL}", str(folder)))
    done = subprocess.run(["sh", str(moved), *arguments], env=ENV, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert folder.exists() is not removed
    assert (tmp_path / "opt").is_dir()


def test_a_rebuild_leaves_nothing_of_the_last_build_behind(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deb_depends, "DLOPENED", ())
    smaller = _make_bundle(tmp_path / "EmotionKiosk", with_data=False)
    assert (built.work / PACKAGE / INSTALL / "_internal/resources/data.bin").is_file()
    deb, _ = make_deb.build(smaller, tmp_path / "out", work=built.work)  # the first build's tree
    contents = _contents(deb)
    assert f"{INSTALL}/_internal/resources/data.bin" not in contents
    assert f"{INSTALL}/EmotionKiosk" in contents


def test_the_command_line_writes_the_package_and_prints_its_depends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(deb_depends, "DLOPENED", ())
    monkeypatch.setattr(make_deb, "WORK", tmp_path / "work")  # not the checkout's build/deb
    bundle = _make_bundle(tmp_path / "EmotionKiosk")
    assert make_deb.main([str(bundle), "--out", str(tmp_path / "out")]) == 0
    deb = tmp_path / "out" / f"{PACKAGE}_{kiosk.__version__}_{_architecture()}.deb"
    assert capsys.readouterr().out == f"{deb}: Depends: libc6\n"
    assert deb.is_file()
    assert (tmp_path / "work" / PACKAGE / "DEBIAN" / "control").is_file()


def test_the_command_line_without_a_bundle_says_to_build_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "EmotionKiosk").mkdir()  # a folder, but no EmotionKiosk program in it
    assert make_deb.main([str(tmp_path / "EmotionKiosk"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {tmp_path}/EmotionKiosk/EmotionKiosk does not exist: run `make dist` first\n"
    assert not (tmp_path / "out").exists()


def test_the_command_line_names_a_library_missing_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(deb_depends, "DLOPENED", ("libnot-there.so.9",))
    monkeypatch.setattr(make_deb, "WORK", tmp_path / "work")
    bundle = _make_bundle(tmp_path / "EmotionKiosk")
    assert make_deb.main([str(bundle), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "error: the bundle needs libraries this system does not have: libnot-there.so.9\n"
    )
    assert not (tmp_path / "out").exists()
