"""How one setting is declared: its `FieldSpec` (INI key, label, bounds, choices), carried in
the metadata of its dataclass field, so that every reader of the settings finds it there."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from kiosk.languages import translate


@dataclass(frozen=True)
class FieldSpec:
    """How one setting is stored, bounded and shown."""

    key: str  # INI key, "section/name"
    label: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    restorable: bool = True  # False: "Restore defaults" keeps the value (the PIN, the staff zone)
    choice_labels: tuple[str, ...] = ()  # what a menu shows for each choice (default: the choice)

    @property
    def text(self) -> str:
        """The label in the installed language."""
        return translate("Settings", self.label)


def setting(default: Any, key: str, label: str, **bounds: Any) -> Any:
    """A dataclass field with this default, carrying its `FieldSpec` (`bounds`: its other fields)."""
    return dataclasses.field(default=default, metadata={"spec": FieldSpec(key, label, **bounds)})


def spec_of(field: dataclasses.Field[Any]) -> FieldSpec:
    """The `FieldSpec` a field was declared with (`setting`)."""
    spec = field.metadata["spec"]
    assert isinstance(spec, FieldSpec)
    return spec
