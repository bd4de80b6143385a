"""Smoothing, triggers and visitor sessions: pure Python, time passed in (never Qt)."""
