"""The official Bot API description (api.min.json) loaded into frozen values."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Vendored package data (MIT, LICENSE beside it). setuptools installs it as a plain file
# next to this module, and load_spec wants a real path it can resolve and cache by.
DEFAULT_SPEC_PATH = Path(__file__).resolve().parent / "telegram-bot-api" / "api.min.json"

# Subtypes of a union (BotCommandScope, InputMedia, ...) say which one they are in the
# description of their first field: 'Scope type, must be chat' or 'always "emoji"'.
_DISCRIMINATOR = re.compile(r'(?:must be|always)\s+["“]?([a-z_]+)["”]?')


@dataclass(frozen=True)
class FieldSpec:
    """One parameter of a method or field of a type."""

    name: str
    types: tuple[str, ...]
    required: bool


@dataclass(frozen=True)
class MethodSpec:
    """One Bot API method and its parameters by name."""

    name: str
    fields: Mapping[str, FieldSpec]
    returns: tuple[str, ...]


@dataclass(frozen=True)
class TypeSpec:
    """One Bot API object type, or a union of subtypes."""

    name: str
    fields: Mapping[str, FieldSpec]
    subtypes: tuple[str, ...]
    discriminator: tuple[str, str] | None


@dataclass(frozen=True)
class ApiSpec:
    """All methods (looked up case-insensitively, as Telegram does) and types."""

    version: str
    methods: Mapping[str, MethodSpec]
    types: Mapping[str, TypeSpec]

    def method(self, name: str) -> MethodSpec | None:
        """Return the method called `name` in any letter case, or None."""
        return self.methods.get(name.lower())

    def type(self, name: str) -> TypeSpec | None:
        """Return the object type called `name`, or None for a primitive."""
        return self.types.get(name)


def _fields(raw: list[dict[str, Any]]) -> dict[str, FieldSpec]:
    return {f["name"]: FieldSpec(f["name"], tuple(f["types"]), bool(f["required"])) for f in raw}


def _discriminator(raw_fields: list[dict[str, Any]]) -> tuple[str, str] | None:
    if not raw_fields or raw_fields[0]["name"] not in ("type", "status", "source"):
        return None
    match = _DISCRIMINATOR.search(raw_fields[0]["description"])
    return (raw_fields[0]["name"], match.group(1)) if match else None


def _type(raw: dict[str, Any]) -> TypeSpec:
    raw_fields = raw.get("fields", [])
    return TypeSpec(
        name=raw["name"],
        fields=_fields(raw_fields),
        subtypes=tuple(raw.get("subtypes", ())),
        discriminator=_discriminator(raw_fields),
    )


def load_spec(path: Path | str = DEFAULT_SPEC_PATH) -> ApiSpec:
    """Read api.min.json into an ApiSpec (parsed once per path; the result is immutable)."""
    return _load(str(Path(path).resolve()))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> ApiSpec:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    methods = {
        name.lower(): MethodSpec(
            name=name, fields=_fields(raw.get("fields", [])), returns=tuple(raw["returns"])
        )
        for name, raw in data["methods"].items()
    }
    types = {name: _type(raw) for name, raw in data["types"].items()}
    return ApiSpec(version=str(data.get("version", "")), methods=methods, types=types)
