"""What every self-test check returns: a `Check`, built with `passed`, `failed` or `skipped`.

The modules that hold checks (kiosk/selftest_vision.py, kiosk/selftest_health.py,
kiosk/ui/app/selftest_audio.py, ...) import these from here, never from kiosk/selftest.py, which
imports them to run the checks: that way round would be an import cycle, and the contracts in
pyproject.toml refuse one. Adding a check: a function that returns a `Check` in a module of its
own (under kiosk/ui/ when it needs Qt), and one line in `kiosk.selftest.run_self_test`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Check:
    name: str
    ok: bool | None  # None: skipped, because a check it needs failed
    detail: str
    seconds: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)


def passed(name: str, detail: str, **data: Any) -> Check:
    return Check(name, True, detail, data=data)


def failed(name: str, detail: str, **data: Any) -> Check:
    return Check(name, False, detail, data=data)


def skipped(name: str, needs: str) -> Check:
    return Check(name, None, f"skipped: needs {needs}")
