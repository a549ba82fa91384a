"""JSON form of the emulator's values, for the control API and its client."""

from __future__ import annotations

import dataclasses
import enum
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def to_wire(value: Any) -> Any:
    """Turn dataclasses, enums and tuples into plain JSON data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_wire(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [to_wire(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_wire(item) for key, item in value.items()}
    return value


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_wire(hint, value)
    if typing.get_origin(hint) is tuple and isinstance(value, list):
        return tuple(value)
    for option in typing.get_args(hint):  # X | None: convert as X
        if dataclasses.is_dataclass(option) and isinstance(value, dict):
            return _convert(option, value)
    return value


def from_wire(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a frozen dataclass from its JSON form."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {name: _convert(hints[name], data[name]) for name in names if name in data}
    return cls(**kwargs)
