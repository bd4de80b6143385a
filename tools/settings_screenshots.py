"""Screenshots of the operator dialogs for the README, taken under Xvfb.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/settings_screenshots.py 1920
    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python tools/settings_screenshots.py 1280
    ... settings_screenshots.py 1920 --language de --all-pages --out /tmp/shots

`--language CODE` shows the dialogs in that language (names get a `-CODE` suffix);
`--all-pages` takes every page (to look for text that overflows), `--out` another folder.

The dialogs are fed as the running kiosk feeds them: the demo clip analysed by the kiosk's
own pipeline and reaction engine (models/emotion.onnx), a staff zone, and a few days of
made-up reaction records in a scratch data folder. 1920: the dialog itself (Detection &
reaction, Reactions); 1280: the whole screen, to show that the dialog fits it (Detection &
reaction, then with Advanced unfolded, Showroom) and the PIN pad, locked after three wrong
PINs. PNGs go to docs/: settings-<page>[-advanced]-<size>[-<language>].png, pin-1280[-<language>].png.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk import paths  # noqa: E402
from kiosk.analytics import ReactionStore  # noqa: E402
from kiosk.analytics.records import Exposure  # noqa: E402
from kiosk.languages import LANGUAGES  # noqa: E402
from kiosk.reaction.engine import ReactionEngine  # noqa: E402
from kiosk.session.results import AnalysisResult  # noqa: E402
from kiosk.settings.model import pipeline_config, reaction_config  # noqa: E402
from kiosk.settings.pin import hash_pin  # noqa: E402
from kiosk.settings.pin_backoff import PinBackoff  # noqa: E402
from kiosk.ui.app.worker import make_preview  # noqa: E402
from kiosk.ui.common.i18n import apply_language  # noqa: E402
from kiosk.ui.common.settings_store import SettingsStore  # noqa: E402
from kiosk.ui.operator.pin import PinDialog  # noqa: E402
from kiosk.ui.settings.detection_page import DetectionPage  # noqa: E402
from kiosk.ui.settings.dialog import SettingsDialog  # noqa: E402
from kiosk.ui.showroom.images import load_catalog  # noqa: E402
from kiosk.vision.classifier import EmotionClassifier  # noqa: E402
from kiosk.vision.detector import FaceDetector  # noqa: E402
from kiosk.vision.pipeline import Pipeline  # noqa: E402
from kiosk.vision.types import Frame  # noqa: E402

DOCS = ROOT / "docs"
DEMO = ROOT / "resources" / "demo" / "demo.mp4"
AT_S = 11.5  # the demo visitor's unhappy phase (as `make screenshot`)
REACTIONS = "Reactions"  # the page after the settings pages (English: the file names)
SHOTS = {  # size -> the pages taken: (English title, Advanced unfolded)
    "1920": (("Detection & reaction", False), (REACTIONS, False)),
    "1280": (("Detection & reaction", False), ("Detection & reaction", True), ("Showroom", False)),
}


def live_result(store: SettingsStore) -> AnalysisResult:
    """The demo clip analysed up to AT_S seconds, as the worker would send it."""
    pipeline = Pipeline(
        FaceDetector(min_face_size=60),
        EmotionClassifier(ROOT / "models" / "emotion.onnx"),
        pipeline_config(store.settings),
    )
    engine = ReactionEngine(reaction_config(store.settings))
    capture = cv2.VideoCapture(str(DEMO))
    fps = capture.get(cv2.CAP_PROP_FPS) or 25.0
    result = None
    index = 0
    while True:
        ok, image = capture.read()
        if not ok or index / fps > AT_S:
            break
        t = index / fps
        if index % 2 == 0:  # every other frame: quicker, the same picture
            analysis = pipeline.analyse(Frame(image, t, index))
            face = analysis.visitor_face
            engine.update(t, face.probs if face else None)
            result = AnalysisResult(
                t, analysis, engine.negative, engine.visitor_present, (), make_preview(image, 320),
                (image.shape[1], image.shape[0]), index, 1.0,
                baseline=engine.baseline_negative, learning=engine.learning,
            )  # fmt: skip
        index += 1
    capture.release()
    assert result is not None, f"no frame read from {DEMO}"
    return result


def reaction_records(folder: Path) -> ReactionStore:
    store = ReactionStore.open(folder / "reactions.sqlite3")
    now = datetime.now(UTC)
    cars = [car.id for car in load_catalog(None).cars]
    for day in range(6):
        for n, car in enumerate(cars):
            start = now - timedelta(days=day, minutes=7 * n)
            happy, sad = 0.15 + 0.1 * ((n + day) % 4), 0.05 + 0.06 * ((n * 3 + day) % 4)
            store.record(_exposure(car, start, happy, sad, audio=(n + day) % 3 == 0))
    store.flush(timeout=10)
    return store


def _exposure(car: str, start: datetime, happy: float, sad: float, *, audio: bool) -> Exposure:
    probs = {"angry": 0.02, "disgust": 0.0, "fear": 0.03, "happy": happy, "sad": sad, "surprise": 0.05}
    probs["neutral"] = max(0.0, 1.0 - sum(probs.values()))
    return Exposure(
        car_id=car,
        started_at=start,
        ended_at=start + timedelta(seconds=40),
        visitor_seconds=35.0,
        mean_probs=probs,
        peak_negative=sad + 0.2,
        ended_by_negative=sad > 0.2,
        audio_played=audio,
        uplift_success=(happy > 0.3) if audio else None,
    )


def save(pixmap: QPixmap, name: str, scale: float, folder: Path = DOCS) -> None:
    if scale != 1.0:
        pixmap = pixmap.scaledToWidth(round(pixmap.width() * scale), mode=_smooth())
    path = folder / name
    pixmap.save(str(path))
    print(f"{path} {pixmap.width()}x{pixmap.height()}")


def _smooth():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.TransformationMode.SmoothTransformation


def settle(app: QApplication, ms: int = 600) -> None:
    """Let Qt paint for `ms` (a local loop: QApplication.quit() would close the windows)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, whole_screen: bool) -> QPixmap:
    """The dialog, or the whole X screen (ImageMagick's `import`: Qt's root grab comes out black)."""
    if not whole_screen:
        return widget.grab()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "screen.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        return QPixmap(str(path))


def page_titles(dialog: SettingsDialog) -> list[str]:
    """The English title of each row of the page list."""
    return [page.title for page in dialog.pages] + [REACTIONS]


def show_page(dialog: SettingsDialog, row: int, advanced: bool, result: AnalysisResult) -> None:
    """Row `row`, fed the live result; the Detection page with Advanced unfolded and scrolled to it."""
    dialog.nav.setCurrentRow(row)
    page = dialog.pages[row] if row < len(dialog.pages) else None
    if isinstance(page, DetectionPage):
        page.show_advanced(advanced)
    dialog.show_result(result)
    QApplication.processEvents()
    area = dialog.stack.currentWidget()
    if isinstance(page, DetectionPage) and isinstance(area, QScrollArea):
        top = page.advanced_button.mapTo(page, QPoint(0, 0)).y() - 12 if advanced else 0
        area.verticalScrollBar().setValue(top)


def take_settings(
    dialog: SettingsDialog, result: AnalysisResult, size: str, suffix: str, all_pages: bool, out: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    titles = page_titles(dialog)
    shots = [(title, False) for title in titles] if all_pages else SHOTS[size]
    whole = size == "1280"
    for title, advanced in shots:
        show_page(dialog, titles.index(title), advanced, result)
        settle(app)
        name = title.split()[0].lower() + ("-advanced" if advanced else "")
        save(grab(dialog, whole), f"settings-{name}-{size}{suffix}.png", 1.0 if whole else 0.7, out)


def take_pin(size: str, suffix: str, out: Path) -> None:
    """The PIN pad as it opens on the screen, locked after three wrong PINs."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    pin = PinDialog(stored_hash=hash_pin("1357", iterations=1000), purpose="exit", backoff=PinBackoff(None))
    pin.show()
    for _ in range(3):
        pin.pin_edit.setText("0000")
        pin.ok_button.click()
    settle(app)
    save(grab(pin, True), f"pin-{size}{suffix}.png", 1.0, out)
    pin.close()


def main(size: str, language: str = "en", all_pages: bool = False, out: Path = DOCS) -> None:
    app = QApplication(sys.argv[:1])
    apply_language(language)
    suffix = "" if language == "en" else f"-{language}"
    folder = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    paths.set_data_dir(folder)  # the Cars page reads (and would save) the dealer's cars there
    store = SettingsStore(folder / "settings.ini")
    store.load()
    store.update(replace(store.settings, ignore_x=0.68, ignore_y=0.05, ignore_w=0.3, ignore_h=0.9))
    cars = load_catalog(None).cars
    dialog = SettingsDialog(store, reaction_store=reaction_records(folder), cars=cars)
    dialog.show()
    take_settings(dialog, live_result(store), size, suffix, all_pages, out)
    dialog.discard()
    if size == "1280":
        take_pin(size, suffix, out)
    app.processEvents()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Screenshots of the operator dialogs (under Xvfb).")
    parser.add_argument("size", nargs="?", choices=("1920", "1280"), default="1920")
    parser.add_argument("--language", choices=tuple(LANGUAGES), default="en")
    parser.add_argument("--all-pages", action="store_true", help="every page, not only the README's")
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the PNGs (default docs/)")
    args = parser.parse_args()
    main(args.size, args.language, args.all_pages, args.out)
