"""Training module: data loading, the model, training, evaluation and ONNX export.

TensorFlow lives here only; the kiosk never imports this package.
"""
