"""Frames, faces and emotions: numpy, OpenCV and onnxruntime only (never Qt)."""
