"""The central store's password: a keyring that is set up but broken is no keyring, and says so."""

from __future__ import annotations

import logging

import keyring.core
import pytest

from kiosk.analytics import fleet_secret
from kiosk.analytics.fleet_secret import keyring_available, load_password, save_password


def test_a_backend_that_cannot_be_loaded_is_no_keyring_and_the_log_says_why_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # detect the backend again
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no_such_keyring_module.Keyring")
    monkeypatch.setattr(fleet_secret, "_warned", set())
    with caplog.at_level(logging.WARNING, "kiosk.analytics.fleet_secret"):
        assert keyring_available() is False
        assert load_password("host=db user=k") is None
        assert "no keyring" in (save_password("host=db user=k", "pw") or "")
    warnings = [r.getMessage() for r in caplog.records if r.name == "kiosk.analytics.fleet_secret"]
    assert len(warnings) == 1, warnings
    assert "no usable keyring" in warnings[0] and "no_such_keyring_module" in warnings[0]
