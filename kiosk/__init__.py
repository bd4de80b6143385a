"""Emotion-aware showroom kiosk."""

__version__ = "0.1.0"
