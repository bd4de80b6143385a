"""`make deb`: the Debian package of the one-folder build, with dpkg-deb.

    python tools/make_deb.py dist/EmotionKiosk --out dist

Layout: the bundle in /opt/emotion-kiosk/, the launcher /usr/bin/emotion-kiosk, a .desktop
entry and its icon, the README in /usr/share/doc/emotion-kiosk/. Depends comes from the
bundle's ELF files (tools/deb_depends.py). prerm takes away the per-user autostart that
`emotion-kiosk install-autostart` wrote; postrm removes /opt/emotion-kiosk. The dealer's data
folder (~/.local/share/EmotionKiosk) is never touched.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from deb_depends import DependsError, depends  # noqa: E402

from kiosk import __version__  # noqa: E402

PACKAGE = "emotion-kiosk"
LINUX = ROOT / "packaging" / "linux"
WORK = ROOT / "build" / "deb"  # the package's tree is staged in WORK/emotion-kiosk
# Data, not linked code, so no ELF file names them: fonts for the captions (the bundled
# libfontconfig reads the system's configuration and fonts).
RECOMMENDS = "fontconfig-config, fonts-dejavu-core, libpq5"  # libpq5: the optional fleet sync


def control(version: str, arch: str, needs: list[str], size_kib: int) -> str:
    return f"""Package: {PACKAGE}
Version: {version}
Architecture: {arch}
Maintainer: Emotion Kiosk <kiosk@example.invalid>
Installed-Size: {size_kib}
Depends: {", ".join(needs)}
Recommends: {RECOMMENDS}
Section: video
Priority: optional
Description: Emotion-aware car showroom kiosk
 A full-screen showroom that shows cars and reacts to a visitor's facial
 expression, estimated on this PC only. Start it at sign-in and after a
 crash with `emotion-kiosk install-autostart`.
"""


def stage(bundle: Path, root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
    places = {
        LINUX / PACKAGE: root / "usr" / "bin" / PACKAGE,
        LINUX / f"{PACKAGE}.desktop": root / "usr" / "share" / "applications" / f"{PACKAGE}.desktop",
        ROOT / "resources" / "icons" / "kiosk.png": root
        / "usr/share/icons/hicolor/256x256/apps"
        / f"{PACKAGE}.png",
        ROOT / "README.md": root / "usr" / "share" / "doc" / PACKAGE / "README.md",
        LINUX / "prerm": root / "DEBIAN" / "prerm",
        LINUX / "postrm": root / "DEBIAN" / "postrm",
    }
    for source, target in places.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    for script in ("usr/bin/" + PACKAGE, "DEBIAN/prerm", "DEBIAN/postrm"):
        (root / script).chmod(0o755)


def size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024


def architecture() -> str:
    """This machine's Debian architecture (amd64, arm64): the bundle's, since it was built here."""
    done = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def build(bundle: Path, out: Path, work: Path = WORK) -> tuple[Path, list[str]]:
    """The .deb of `bundle`, staged in `work`, written into `out`; returns it and its Depends.

    Raises DependsError when a library the bundle needs is missing here or belongs to no package.
    """
    arch = architecture()
    needs = depends(bundle)
    root = work / PACKAGE
    stage(bundle, root)
    (root / "DEBIAN" / "control").write_text(
        control(__version__, arch, needs, size_kib(root)), encoding="utf-8"
    )
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{__version__}_{arch}.deb"
    # gzip: every dpkg reads it (zstd needs dpkg 1.21.18 or later), and it is quick on two cores.
    command = ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(deb)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return deb, needs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("bundle", type=Path, help="the one-folder build (dist/EmotionKiosk)")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="folder for the .deb")
    args = parser.parse_args(argv)
    if not (args.bundle / "EmotionKiosk").is_file():
        print(f"error: {args.bundle}/EmotionKiosk does not exist: run `make dist` first", file=sys.stderr)
        return 2
    try:
        deb, needs = build(args.bundle, args.out, WORK)
    except DependsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{deb}: Depends: {', '.join(needs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
