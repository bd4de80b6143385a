"""build.spec's steps on PyInstaller's file lists (tools/bundle_steps.py), on made-up lists and files.

No PyInstaller run: each step gets the TOC entries, folders and ELF dependencies it would get,
and a wheel laid out otherwise must stop it with one message that names the step, what it
expected where, what it found, and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import bundle_steps as steps
import check_bundle
import pytest

DLOPENED = re.compile(r"libpulse")


def test_a_step_error_says_step_expectation_finding_and_remedy() -> None:
    error = steps.layout_error("OpenBLAS shim", "one libopenblas*.so", "the X 1.0 wheel", "nothing", "do Y")
    assert (
        str(error)
        == "step 'OpenBLAS shim': expected one libopenblas*.so in the X 1.0 wheel, found nothing; do Y"
    )
    assert error.step == "OpenBLAS shim"


def test_wheels_are_named_with_their_installed_version() -> None:
    from importlib import metadata

    assert steps.wheel("numpy") == f"the numpy {metadata.version('numpy')} wheel"
    assert steps.wheel("no-such-distribution") == "the no-such-distribution wheel (not installed)"
    assert steps.describe([]) == "nothing"
    assert steps.describe([str(n) for n in range(8)], limit=3) == "0, 1, 2 and 5 more"


def test_a_missing_build_tool_is_a_step_error_not_a_traceback() -> None:
    with pytest.raises(
        steps.StepError, match=r"^step 'strip': no-such-strip is not installed; apt install binutils"
    ):
        steps.run_tool("strip", ["no-such-strip", "x"])


@pytest.mark.parametrize(
    "entry",
    [
        ("lib/libfoo.so", "/site/libfoo.so"),  # a 2-tuple (PyInstaller 5's TOC class held 3-tuples too)
        ("lib/libfoo.so", "/site/libfoo.so", "BINARY", "extra"),
        ["lib/libfoo.so", "/site/libfoo.so", "BINARY"],  # a list, not a tuple
        ("lib/libfoo.so", "/site/libfoo.so", "SHAREDLIB"),  # an unknown typecode
    ],
)
def test_a_toc_entry_of_another_format_stops_the_pruning(entry: object) -> None:
    good = ("lib/libbar.so", "/site/libbar.so", "BINARY")
    with pytest.raises(steps.StepError) as caught:
        steps.checked_toc([good, entry], "binaries")
    message = str(caught.value)
    assert message.startswith("step 'pruning': expected (destination, source, typecode) tuples")
    assert "in Analysis.binaries of the pyinstaller " in message
    assert f"found {entry!r}" in message
    assert "requirements-lock.txt (make setup)" in message


def test_pyinstaller_6_entries_pass() -> None:
    entries = [("a.so", "/x/a.so", "BINARY"), ("b", "a.so", "SYMLINK"), ("c.qm", "/x/c.qm", "DATA")]
    assert steps.checked_toc(iter(entries), "datas") == entries


def test_links_point_relative_to_their_folder() -> None:
    assert steps.link_target(("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")) == (
        "PySide6/Qt/lib/libQt6Core.so.6"
    )
    assert steps.link_target(("pkg/libx.so", "libx.so.1", "SYMLINK")) == "pkg/libx.so.1"
    assert steps.link_target(("pkg/sub/libx.so", "../libx.so.1", "SYMLINK")) == "pkg/libx.so.1"


def _fake_needs(graph: dict[str, list[str]]) -> Callable[[str], list[str]]:
    """readelf's DT_NEEDED names, by source path."""
    return lambda source: graph.get(source, [])


def test_only_what_the_roots_link_to_stays() -> None:
    binaries = [
        ("cv2/cv2.abi3.so", "/s/cv2.abi3.so", "EXTENSION"),
        ("cv2.libs/libavcodec.so.62", "/s/libavcodec.so.62", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/s/libQt6Quick.so.6", "BINARY"),  # nothing links to it
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("libpulse.so.0", "/usr/lib/libpulse.so.0", "BINARY"),  # dlopen'ed: a root
    ]
    graph = {"/s/cv2.abi3.so": ["libavcodec.so.62", "libQt6Core.so.6", "libc.so.6"]}
    kept = steps.linked_only(binaries, DLOPENED, _fake_needs(graph))
    assert [e[0] for e in kept] == [
        "cv2/cv2.abi3.so",
        "cv2.libs/libavcodec.so.62",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libQt6Core.so.6",
        "libpulse.so.0",
    ]


def test_no_roots_among_the_binaries_stops_the_pruning() -> None:
    binaries = [("libfoo.so", "/s/libfoo.so", "BINARY")]
    with pytest.raises(steps.StepError, match=r"^step 'pruning': expected Python extension modules"):
        steps.linked_only(binaries, DLOPENED, _fake_needs({}))


def test_links_to_pruned_files_go_from_either_list() -> None:
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/s/core", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("resources/a.png", "/r/a.png", "DATA"),
    ]
    kept_binaries, kept_datas = steps.without_dangling_links(binaries, datas)
    assert kept_binaries == binaries
    assert [e[0] for e in kept_datas] == ["libQt6Core.so.6", "resources/a.png"]


def _collected() -> list[steps.Entry]:
    return [
        ("opencv_python_headless.libs/libopenblasp-r0-1.so", "/site/libopenblasp-r0-1.so", "BINARY"),
        ("cv2/cv2.abi3.so", "/site/cv2.abi3.so", "EXTENSION"),
    ]


def test_the_one_matching_file_is_replaced_by_what_the_step_builds(tmp_path: Path) -> None:
    made = tmp_path / "libopenblasp-r0-1.so"
    sources: list[Path] = []

    def build(source: Path) -> Path:
        sources.append(source)
        return made

    out = steps.replace_one(
        _collected(), "OpenBLAS shim", r"libopenblas", "numpy", "tools/blas_shim.py", build
    )
    assert sources == [Path("/site/libopenblasp-r0-1.so")]
    assert out[0] == ("opencv_python_headless.libs/libopenblasp-r0-1.so", str(made), "BINARY")
    assert out[1:] == _collected()[1:]


@pytest.mark.parametrize("pattern", [r"libicudata\.so", r"\.so$"])  # none, two
def test_no_single_file_to_replace_names_step_pattern_and_wheel(pattern: str) -> None:
    def build(source: Path) -> Path:
        raise AssertionError("not reached")

    with pytest.raises(steps.StepError) as caught:
        steps.replace_one(
            _collected(), "ICU data trim", pattern, "PySide6-Essentials", "tools/icu_trim.py", build
        )
    message = str(caught.value)
    assert message.startswith(f"step 'ICU data trim': expected one file matching {pattern} among the files")
    assert "in the PySide6-Essentials " in message
    assert ("found nothing" in message) == (pattern != r"\.so$")
    assert message.endswith("or adapt tools/icu_trim.py to the new layout")


def test_translations_keep_qtbase_of_the_ui_languages_and_the_kiosks_compiled_ones() -> None:
    kept = [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/translations/qtbase_es.qm",
        "PySide6/Qt/translations/qtbase_it.qm",
        "PySide6/translations/qtbase_it.qm",  # the Windows wheel's layout
        "resources/translations/kiosk_de.qm",  # the kiosk's own
        "PySide6/Qt/lib/libQt6Core.so.6",
    ]
    pruned = [
        "PySide6/Qt/translations/qt_de.qm",  # a catalog that loads qtmultimedia_de too: not shipped
        "PySide6/Qt/translations/qtbase_en.qm",
        "PySide6/Qt/translations/qtbase_ja.qm",
        "PySide6/Qt/translations/qtmultimedia_de.qm",
        "PySide6/Qt/translations/qt_help_fr.qm",
        "PySide6/Qt/qml/QtQuick/qmldir",
        "PySide6/Qt/resources/qtwebengine_resources.pak",
        "resources/translations/kiosk_de.ts",  # the source of kiosk_de.qm
    ]
    assert [p for p in kept if not steps.data_kept(p)] == []
    assert [p for p in pruned if steps.data_kept(p)] == []


def test_check_bundle_wants_those_translations() -> None:
    files = [f"PySide6/Qt/translations/qtbase_{lang}.qm" for lang in ("de", "fr", "it")]
    assert check_bundle._translation_problems(files) == ["Qt's translation qtbase_es.qm is missing"]


def test_plugins_are_kept_by_folder_and_name() -> None:
    plugins = {"platforms": r"q(xcb|offscreen)", "imageformats": r"q(jpeg|ico)"}
    assert steps.plugin_kept("PySide6/Qt/plugins/platforms/libqxcb.so", plugins)
    assert steps.plugin_kept("PySide6/plugins/imageformats/qico.dll", plugins)
    assert not steps.plugin_kept("PySide6/Qt/plugins/platforms/libqwayland.so", plugins)
    assert not steps.plugin_kept("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", plugins)
    assert steps.plugin_kept("cv2/plugins/x/y.so", plugins)  # not Qt's


def test_the_kiosks_translations_must_be_ui_languages(tmp_path: Path) -> None:
    assert steps.ui_languages(tmp_path / "none") == []
    (tmp_path / "kiosk_de.qm").write_bytes(b"")
    (tmp_path / "kiosk_fr.qm").write_bytes(b"")
    (tmp_path / "es.qm").write_bytes(b"")
    assert steps.ui_languages(tmp_path) == ["de", "es", "fr"]
    (tmp_path / "kiosk_pt_BR.qm").write_bytes(b"")
    with pytest.raises(steps.StepError) as caught:
        steps.ui_languages(tmp_path)
    message = str(caught.value)
    assert message.startswith("step 'UI languages': expected only the languages en, de, fr, es, it")
    assert "found kiosk_pt_BR.qm (pt)" in message
    assert "UI_LANGUAGES in tools/bundle_steps.py" in message


def test_strip_without_the_contents_folder_says_what_it_found(tmp_path: Path) -> None:
    (tmp_path / "EmotionKiosk").write_bytes(b"")
    with pytest.raises(
        steps.StepError, match=r"^step 'strip': expected the folder _internal/ .* found EmotionKiosk;"
    ):
        steps.strip_runtime(tmp_path / "_internal", [])
