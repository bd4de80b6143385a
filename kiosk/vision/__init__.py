"""Frames, faces and emotions: numpy, OpenCV and onnxruntime only (never Qt).

onnxruntime's official builds collect telemetry on Linux too since 1.25 (a device id and an
event queue in ~/.cache/Microsoft/DeveloperTools/.onnxruntime, sent to Microsoft when the PC is
online). The kiosk promises that nothing about its visitors leaves the device, so it opts out
before onnxruntime is first imported: with ORT_DISABLE_TELEMETRY=1 nothing is collected,
written or sent (ORT_TELEMETRY_DISABLED is the name later releases also read).
"""

import os

for _name in ("ORT_DISABLE_TELEMETRY", "ORT_TELEMETRY_DISABLED"):
    os.environ.setdefault(_name, "1")
