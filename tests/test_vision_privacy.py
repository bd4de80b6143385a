"""onnxruntime collects and queues nothing for upload when the kiosk runs a model (privacy)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RUN_A_MODEL = """
import sys
import numpy as np
from kiosk.vision.classifier import EmotionClassifier
classifier = EmotionClassifier(sys.argv[1])
print(classifier.predict([np.zeros((48, 48), np.uint8)]).shape)
"""


def test_running_the_model_leaves_no_telemetry_behind(tmp_path: Path, tiny_model: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORT_")}  # the kiosk's own default
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", RUN_A_MODEL, str(tiny_model)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "(1, 7)" in done.stdout
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == []  # no device id, no queue
