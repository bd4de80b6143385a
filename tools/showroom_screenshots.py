"""Screenshots of the showroom with a dealer's own cars and logo, for the README, taken under Xvfb.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/showroom_screenshots.py
    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python tools/showroom_screenshots.py [--out DIR]

A throw-away data folder gets what a dealer would give the kiosk: a catalogue (two cars
photographed with their own background, made here from the bundled renders on a studio backdrop
as rectangular JPEGs, and one cut-out; the texts in English and German) installed the way
`catalog import` does, a logo (an SVG file, copied into the data folder by the kiosk), and a PIN,
so the showroom shows. The kiosk then runs full screen on the demo clip (models/emotion.onnx
reads it) and is grabbed in the visitor's unhappy phase, in English, then again after its
language is switched to German (live, as the settings dialog does). Writes, for the screen's
width W, docs/showroom-dealer-W.png, docs/showroom-dealer-W-de.png and docs/hud-legend-W.png
(the HUD card, twice its size).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.analytics.records import CarChange  # noqa: E402
from kiosk.content.catalog import dealer_catalog_dir  # noqa: E402
from kiosk.content.catalog_store import import_catalog  # noqa: E402
from kiosk.paths import set_data_dir  # noqa: E402
from kiosk.ui.app.kiosk import Kiosk, LaunchOptions  # noqa: E402
from kiosk.ui.common.settings_store import SettingsStore  # noqa: E402
from kiosk.ui.operator.pin import hash_pin  # noqa: E402

DOCS = ROOT / "docs"
DEMO = ROOT / "resources" / "demo" / "demo.mp4"
RENDERS = ROOT / "resources" / "cars"
AT_MS = 11_500  # the demo visitor's unhappy phase (as `make screenshot`)
GROUND = 735 / 900  # where the bundled renders' wheels touch the ground

LOGO_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="520" height="120" viewBox="0 0 520 120">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#7fe3c4"/><stop offset="1" stop-color="#3a8fd6"/>
    </linearGradient>
  </defs>
  <circle cx="60" cy="60" r="52" fill="none" stroke="url(#sky)" stroke-width="8"/>
  <path d="M22 78 L46 44 L60 62 L74 38 L98 78 Z" fill="url(#sky)"/>
  <text x="134" y="66" font-family="DejaVu Sans, Arial, sans-serif" font-size="46"
        font-weight="bold" letter-spacing="6" fill="#f2f0ea">NORDLICHT</text>
  <text x="137" y="100" font-family="DejaVu Sans, Arial, sans-serif" font-size="20"
        letter-spacing="9" fill="#b9c3cc">AUTOHAUS · SINCE 1972</text>
</svg>
"""

CARS = [  # id, render, backdrop (wall, floor, light), photo size, name, English and German words
    (
        "celesta-touring",
        "celesta.webp",
        ((168, 166, 162), (196, 194, 190), (255, 244, 228)),
        (2400, 1600),
        "Celesta Touring",
        {
            "en": "Our demonstrator: one owner, full service history, ready to drive home today.",
            "de": "Unser Vorführwagen: ein Vorbesitzer, scheckheftgepflegt, heute noch mitzunehmen.",
        },
        [("Power", "Leistung", "258 hp", "258 PS"), ("Mileage", "Laufleistung", "8,400 km", "8.400 km")],
        38900,
    ),
    (
        "borealis-x-7",
        "borealis-x.webp",
        ((30, 34, 40), (92, 98, 106), (210, 228, 255)),
        (2000, 1500),
        "Borealis X 7-Seater",
        {
            "en": "In the showroom now, in Glacier Green with the winter package.",
            "de": "Jetzt im Autohaus, in Gletschergrün mit Winterpaket.",
        },
        [("Seats", "Sitze", "7", "7"), ("Range", "Reichweite", "850 km", "850 km")],
        57900,
    ),
]


def studio_photo(
    render: Path, size: tuple[int, int], colours: tuple[tuple[int, int, int], ...]
) -> np.ndarray:
    """A bundled render as if photographed in a studio: a wall, a floor, a light, grain; BGR."""
    width, height = size
    wall, floor, light = (np.array(c[::-1], np.float32) for c in colours)  # RGB -> BGR
    horizon = int(height * 0.64)
    y = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    x = np.linspace(-1.0, 1.0, width, dtype=np.float32)[None, :, None]
    scene = np.where(
        y < horizon / height,
        wall * (0.75 + 0.45 * y),
        floor * (1.15 - 0.6 * (y - horizon / height)),
    )
    spot = np.exp(-((x / 0.55) ** 2) - ((y - 0.45) / 0.35) ** 2)
    scene = scene + light * 0.28 * spot
    scene = scene * (1.0 - 0.35 * (x**2))  # a lens's vignette
    car = cv2.imread(str(render), cv2.IMREAD_UNCHANGED)
    scale = width * 0.86 / car.shape[1]
    car = cv2.resize(car, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA).astype(np.float32)
    top = int(height * 0.80 - car.shape[0] * GROUND)
    left = (width - car.shape[1]) // 2
    alpha = car[:, :, 3:] / 255.0
    region = scene[top : top + car.shape[0], left : left + car.shape[1]]
    region[:] = region * (1 - alpha) + car[:, :, :3] * alpha
    grain = np.random.default_rng(7).normal(0.0, 3.0, scene.shape[:2])[:, :, None]
    return np.clip(scene + grain, 0, 255).astype(np.uint8)


def dealer_folder(folder: Path) -> Path:
    """The dealer's catalogue: two studio photos and one cut-out, in English and German."""
    (folder / "photos").mkdir(parents=True)
    cars = []
    for car_id, render, colours, size, name, tagline, specs, price in CARS:
        photo = folder / "photos" / f"{name}.jpg"
        cv2.imwrite(str(photo), studio_photo(RENDERS / render, size, colours), [cv2.IMWRITE_JPEG_QUALITY, 88])
        cars.append(
            {
                "id": car_id,
                "name": name,
                "tagline": tagline,
                "price": price,
                "currency": "EUR",
                "image": f"photos/{photo.name}",
                "specs": [
                    {"label": {"en": en, "de": de}, "value": {"en": v_en, "de": v_de}}
                    for en, de, v_en, v_de in specs
                ],
            }
        )
    bundled = json.loads((RENDERS / "catalog.json").read_text(encoding="utf-8"))["cars"]
    pico = next(car for car in bundled if car["id"] == "pico")
    (folder / "photos" / "pico.webp").write_bytes((RENDERS / "pico.webp").read_bytes())
    cars.append({**pico, "image": "photos/pico.webp", "cheerful": True})
    document = {"version": 3, "language": "en", "cars": cars}
    (folder / "catalog.json").write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


def settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def front(kiosk: Kiosk) -> None:
    """The first car (the studio photo) on screen: the unhappy visitor may have switched it."""
    showroom = kiosk.showroom  # the model decides; the window shows it
    if showroom.current_car is not None and showroom.current_car.id != CARS[0][0]:
        showroom.show_index(0, CarChange.MANUAL, kiosk.clock.now())
        settle(2000)


def shoot(kiosk: Kiosk, name: str, out: Path, hud: bool = False) -> None:
    front(kiosk)
    picture = kiosk.window.grab()
    path = out / name
    picture.save(str(path))
    print(f"{path} {picture.width()}x{picture.height()}")
    if hud:
        card: QRect = kiosk.window.hud.geometry().adjusted(-12, -12, 12, 12)
        crop = picture.copy(card)
        crop = crop.scaledToWidth(crop.width() * 2, Qt.TransformationMode.SmoothTransformation)
        width = kiosk.window.width()
        crop.save(str(out / f"hud-legend-{width}.png"))
        print(f"{out / f'hud-legend-{width}.png'} {crop.width()}x{crop.height()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the PNGs (default docs/)")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        set_data_dir(data)
        import_catalog(dealer_folder(Path(scratch) / "head-office"), dealer_catalog_dir())
        logo = Path(scratch) / "usb" / "nordlicht-logo.svg"
        logo.parent.mkdir()
        logo.write_text(LOGO_SVG, encoding="utf-8")
        store = SettingsStore(data / "settings.ini")
        store.load()
        store.update(
            replace(
                store.settings,
                pin_hash=hash_pin("2580"),
                logo_file=str(logo),
                language="en",
                rotation_s=0,
                audio_enabled=False,
            )
        )
        kiosk = Kiosk(store, LaunchOptions(video=str(DEMO), records=False))
        kiosk.start()
        settle(AT_MS)
        width = kiosk.window.width()
        shoot(kiosk, f"showroom-dealer-{width}.png", args.out, hud=True)
        store.update(replace(store.settings, language="de"))
        settle(1500)
        shoot(kiosk, f"showroom-dealer-{width}-de.png", args.out)
        kiosk.quit()
        loop = QEventLoop()
        kiosk.finished.connect(loop.quit)
        loop.exec()
        kiosk.dispose()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
