"""Settings on disk: an INI file through QSettings, with a schema version, applied live.

Reading never loses the operator's settings: a value that does not parse or breaks a bound
falls back to its default with a warning naming the key, and the rest is kept. A file that
cannot be read at all is renamed `*.corrupt-<timestamp>` (kept for the operator) and replaced
by defaults. Values are read with `type=`: `str` for scalars, parsed strictly here (the INI
format returns "false" as a string), and `list` for the label lists and free text (an INI
value with unquoted commas comes back as a list).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from kiosk.settings.model import (
    SCHEMA_VERSION,
    FieldSpec,
    KioskSettings,
    SettingsError,
    check_field,
    checked,
    cross_field_problems,
    field_specs,
    field_type,
)
from kiosk.settings.pin import damaged_message, is_damaged
from kiosk.ui.common.i18n import translate

log = logging.getLogger(__name__)

VERSION_KEY = "schema/version"
_SCHEMA_SECTION = b"[schema]"  # every file the kiosk writes has it
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class LoadReport:
    settings: KioskSettings
    warnings: tuple[str, ...] = ()
    corrupt_copy: Path | None = None  # where an unreadable file was moved


def _parse(kind: type, raw: Any) -> Any:
    """The typed value of a raw INI value; ValueError when it does not parse."""
    if kind is tuple:
        return tuple(str(v).strip() for v in raw if str(v).strip())
    if kind is str:
        return ", ".join(str(v) for v in raw) if isinstance(raw, list) else str(raw)
    text = str(raw).strip()
    if kind is bool:
        if text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        raise ValueError("expected true or false")
    if kind is int:
        return int(text)
    return float(text)


def _read_raw(qs: QSettings, spec: FieldSpec, kind: type) -> Any:
    if kind in (tuple, str):
        return qs.value(spec.key, type=list)
    return qs.value(spec.key, type=str)


def read_settings(qs: QSettings, source: str) -> tuple[KioskSettings, list[str]]:
    """Settings from an open QSettings; defaults (with a warning) for bad values."""
    defaults = KioskSettings()
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for name, spec in field_specs().items():
        if not qs.contains(spec.key):
            continue
        raw = _read_raw(qs, spec, field_type(name))
        try:
            value = _parse(field_type(name), raw)
        except ValueError:
            value = None
        unreadable = translate("SettingsStore", "{setting}: cannot read {value}")
        problem = (
            check_field(name, value)
            if value is not None
            else unreadable.format(setting=spec.text, value=repr(raw))
        )
        if problem:
            text = translate("SettingsStore", "{file}: [{key}] {problem}; using {default}")
            warnings.append(
                text.format(file=source, key=spec.key, problem=problem, default=repr(getattr(defaults, name)))
            )
        else:
            values[name] = value
    settings = KioskSettings(**values)
    for problem in cross_field_problems(settings):
        text = translate("SettingsStore", "{file}: {problem}; using the default levels and zone")
        warnings.append(text.format(file=source, problem=problem))
        settings = _reset(
            settings, ("trigger_level", "release_level", "ignore_x", "ignore_y", "ignore_w", "ignore_h")
        )
    return settings, warnings


def _reset(settings: KioskSettings, names: tuple[str, ...]) -> KioskSettings:
    defaults = KioskSettings()
    return dataclasses.replace(settings, **{n: getattr(defaults, n) for n in names})


def write_settings(qs: QSettings, settings: KioskSettings) -> None:
    qs.setValue(VERSION_KEY, SCHEMA_VERSION)
    for name, spec in field_specs().items():
        value = getattr(settings, name)
        qs.setValue(spec.key, list(value) if isinstance(value, tuple) else value)
    qs.sync()


def settings_path_problem(path: Path) -> str | None:
    """Why `path` cannot be the settings file (it is a folder, a device...), or None when it can.

    The kiosk renames or rewrites only a regular file: never a folder or anything else of the user's.
    """
    if not path.exists() or path.is_file():
        return None
    what = "a folder" if path.is_dir() else "not a regular file"
    return (
        f"the settings path {path} is {what}; expected a settings file (INI), "
        f"e.g. {path / 'settings.ini'} — nothing was changed"
    )


def _is_unreadable(path: Path, qs: QSettings) -> bool:
    if qs.status() != QSettings.Status.NoError:
        return True
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    if b"\x00" in data or any("/" not in key for key in qs.allKeys()):
        return True  # binary junk, or keys outside any [section]
    version = str(qs.value(VERSION_KEY, type=str))
    return bool(version) and not version.strip().isdigit()


class SettingsStore(QObject):
    """The current settings, saved to `path`; `settings_changed` carries each new value."""

    settings_changed = Signal(object)  # KioskSettings

    def __init__(self, path: Path, *, owned: bool = True, parent: QObject | None = None) -> None:
        """`owned`: the file is the kiosk's own (in its data folder), so an unreadable one may be
        set aside; a file the user named (`--settings`) is set aside only if the kiosk wrote it."""
        super().__init__(parent)
        self.path = Path(path)
        self.owned = owned
        self._settings = KioskSettings()
        self.last_report = LoadReport(self._settings)
        self.save_problem = ""  # set when the file cannot be written: settings then last until restart

    @property
    def settings(self) -> KioskSettings:
        return self._settings

    def load(self) -> LoadReport:
        """Read the file (creating it with defaults when absent); never raises for the content of
        a file the kiosk wrote. SettingsError, leaving it as it is, when the path is a folder or
        another thing that is not a file, or a file of someone else's that cannot be read."""
        problem = settings_path_problem(self.path)
        if problem:
            raise SettingsError([problem])
        report = self._read_file()
        self._settings = report.settings
        self.last_report = report
        for warning in report.warnings:
            log.warning("settings %s", warning)
        if report.corrupt_copy is not None or not self.path.exists():
            self._save(report.settings)
        return report

    def reload(self) -> bool:
        """Read the file again (SIGHUP) and apply it when it differs: True then (`settings_changed`).

        Stricter than `load()`, for a file edited by hand while the kiosk runs: one that is
        gone, cannot be read, or has a value that does not validate is left as it is, and the
        current settings stay, with a warning naming the file and the problem."""
        try:
            settings = self._read_valid()
        except SettingsError as refused:
            log.warning("event settings_reload_refused %s; the current settings stay", refused)
            return False
        if settings == self._settings:
            return False
        self._settings = settings
        self.last_report = LoadReport(settings)
        self.settings_changed.emit(settings)
        return True

    def _read_valid(self) -> KioskSettings:
        problem = settings_path_problem(self.path)
        if problem:
            raise SettingsError([problem])
        if not self.path.is_file():
            raise SettingsError([f"{self.path} does not exist"])
        qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if _is_unreadable(self.path, qs):
            raise SettingsError([f"{self.path} cannot be read as a settings file"])
        settings, problems = read_settings(qs, str(self.path))
        if problems:
            raise SettingsError(problems)
        return settings

    def _read_file(self) -> LoadReport:
        if not self.path.exists():
            return LoadReport(KioskSettings())
        qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if _is_unreadable(self.path, qs):
            del qs
            if not self.owned and _SCHEMA_SECTION not in self.path.read_bytes():
                raise SettingsError(
                    [f"{self.path} is not a settings file written by this kiosk; nothing was changed"]
                )
            return self._set_aside()
        version = int(str(qs.value(VERSION_KEY, type=str)) or SCHEMA_VERSION)
        settings, warnings = read_settings(qs, self.path.name)
        if is_damaged(settings.pin_hash):  # kept: only `reset-pin` clears it (see kiosk.cli_pin)
            warnings.append(f"{self.path.name}: [security/pin_hash] {damaged_message()}")
        if version > SCHEMA_VERSION:
            text = translate(
                "SettingsStore", "{file} was written by a newer version (schema {version}); known keys read"
            )
            warnings.append(text.format(file=self.path.name, version=version))
        return LoadReport(settings, tuple(warnings))

    def _set_aside(self) -> LoadReport:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        copy = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            self.path.replace(copy)
        except OSError as exc:  # a read-only folder: leave it, and write nothing over it
            text = translate("SettingsStore", "Settings are not saved: {file} cannot be set aside ({why})")
            self.save_problem = text.format(file=self.path, why=_why(self.path, exc))
            text = translate(
                "SettingsStore", "The settings file {file} could not be read, nor set aside; using defaults"
            )
            return LoadReport(KioskSettings(), (text.format(file=self.path),))
        text = translate(
            "SettingsStore", "The settings file {file} could not be read; kept as {copy}, using defaults"
        )
        message = text.format(file=self.path, copy=copy.name)
        return LoadReport(KioskSettings(), (message,), copy)

    def update(self, settings: KioskSettings) -> None:
        """Validate, save and announce new settings; SettingsError (nothing saved) when invalid."""
        checked(settings)
        self._save(settings)
        if settings != self._settings:
            self._settings = settings
            self.settings_changed.emit(settings)

    def _save(self, settings: KioskSettings) -> None:
        """Write the file; when it cannot be written the kiosk goes on with the settings in memory."""
        try:
            self._write(settings)
        except (OSError, SettingsError) as exc:
            text = translate("SettingsStore", "Settings are not saved: cannot write {file} ({why})")
            problem = text.format(file=self.path, why=_why(self.path, exc))
            if problem != self.save_problem:
                log.warning("event settings_not_saved %s", problem)
            self.save_problem = problem
        else:
            self.save_problem = ""

    def _write(self, settings: KioskSettings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        write_settings(qs, settings)
        if qs.status() != QSettings.Status.NoError:
            raise SettingsError([f"cannot write the settings file {self.path} ({qs.status().name})"])


def _why(path: Path, error: Exception) -> str:
    if any(p.exists() and not os.access(p, os.W_OK) for p in (path, path.parent)):
        return translate("SettingsStore", "read-only")
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


__all__ = [
    "LoadReport",
    "SettingsError",
    "SettingsStore",
    "read_settings",
    "settings_path_problem",
    "write_settings",
]
