"""Check and convert method parameters against the official spec, as strictly as Telegram."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from emulators.telegram.errors import ApiError, bad_request
from emulators.telegram.spec import ApiSpec, FieldSpec, MethodSpec, TypeSpec
from emulators.telegram.uploads import UploadedFile

_INTEGER = re.compile(r"\s*[-+]?\d+\s*")
_ARRAY = "Array of "

# Telegram's own wording for a few missing parameters; the rest get the generic message.
_MISSING = {
    "chat_id": "chat_id is empty",
    "text": "message text is empty",
    "message_id": "message identifier is not specified",
    "question": "poll question must be non-empty",
}
# How Telegram names an object parameter in "can't parse ... JSON object" messages.
_JSON_NAMES = {"reply_markup": "reply keyboard markup"}
# Objects Telegram also accepts as a bare string: a poll option or a reply keyboard button.
_STRING_SHORTHAND = {"InputPollOption": "text", "KeyboardButton": "text"}

# Ranks order the reasons a union member did not fit: the deepest reason explains most.
_SHAPE, _JSON, _MISSING_FIELD, _CONTENT = 0, 1, 2, 3


class _Mismatch(Exception):
    """Why one value does not fit one type; `rank` says how deep the reason is."""

    def __init__(self, message: str, rank: int) -> None:
        super().__init__(message)
        self.message = message
        self.rank = rank


def _integer(value: object) -> int:
    if isinstance(value, bool):
        raise _Mismatch("expected an Integer", _SHAPE)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER.fullmatch(value):
        return int(value)
    raise _Mismatch("expected an Integer", _SHAPE)


def _float(value: object) -> float:
    if isinstance(value, bool):
        raise _Mismatch("expected a Float", _SHAPE)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    raise _Mismatch("expected a Float", _SHAPE)


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "1", "false", "0"):
        return value.lower() in ("true", "1")
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise _Mismatch("expected a Boolean", _SHAPE)


def _string(value: object) -> str:
    if isinstance(value, str):
        return value
    # Telegram turns numbers into strings (a numeric text, a numeric callback_data).
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise _Mismatch("expected a String", _SHAPE)


def _input_file(value: object) -> UploadedFile:
    if isinstance(value, UploadedFile):
        return value
    raise _Mismatch("expected an uploaded file", _SHAPE)


_PRIMITIVES: dict[str, Callable[[object], object]] = {
    "Integer": _integer,
    "Float": _float,
    "Boolean": _boolean,
    "String": _string,
    "InputFile": _input_file,
}


def _coerce(spec: ApiSpec, type_name: str, value: object) -> object:
    if type_name.startswith(_ARRAY):
        return _coerce_array(spec, type_name[len(_ARRAY) :], value)
    primitive = _PRIMITIVES.get(type_name)
    if primitive is not None:
        return primitive(value)
    type_spec = spec.type(type_name)
    if type_spec is None:
        return value
    return _coerce_object(spec, type_spec, value)


def _coerce_array(spec: ApiSpec, item_type: str, value: object) -> list[object]:
    if not isinstance(value, list):
        raise _Mismatch(f"expected an Array of {item_type}", _SHAPE)
    items: list[object] = []
    for item in value:
        try:
            items.append(_coerce(spec, item_type, item))
        except _Mismatch as mismatch:
            raise _Mismatch(mismatch.message, max(mismatch.rank, _CONTENT)) from None
    return items


def _pick_subtype(spec: ApiSpec, union: TypeSpec, value: Mapping[str, Any]) -> TypeSpec:
    for name in union.subtypes:
        subtype = spec.type(name)
        if subtype is None or subtype.discriminator is None:
            continue
        field, expected = subtype.discriminator
        if value.get(field) == expected:
            return subtype
    raise _Mismatch(f"unsupported {union.name} type specified", _CONTENT)


def _coerce_object(spec: ApiSpec, type_spec: TypeSpec, value: object) -> dict[str, Any]:
    if isinstance(value, str) and type_spec.name in _STRING_SHORTHAND:
        value = {_STRING_SHORTHAND[type_spec.name]: value}
    if not isinstance(value, dict):
        raise _Mismatch(f"{type_spec.name} must be an Object", _SHAPE)
    if type_spec.subtypes:
        type_spec = _pick_subtype(spec, type_spec, value)
    result = dict(value)
    for field in type_spec.fields.values():
        item = value.get(field.name)
        if item is None:
            if field.required:
                raise _Mismatch(f'Can\'t find field "{field.name}"', _MISSING_FIELD)
            continue
        result[field.name] = _coerce_field(spec, field, item)
    return result


def _coerce_field(spec: ApiSpec, field: FieldSpec, value: object) -> object:
    failures: list[_Mismatch] = []
    for type_name in field.types:
        try:
            return _coerce(spec, type_name, value)
        except _Mismatch as mismatch:
            failures.append(mismatch)
    worst = max(failures, key=lambda mismatch: mismatch.rank)
    if worst.rank >= _MISSING_FIELD:
        raise _Mismatch(worst.message, _CONTENT)
    raise _Mismatch(f'Field "{field.name}" must be of type {" or ".join(field.types)}', _CONTENT)


def _wants_json(type_name: str) -> bool:
    return type_name.startswith(_ARRAY) or type_name not in _PRIMITIVES


def _decode(value: str) -> object:
    try:
        return json.loads(value)
    except ValueError:
        raise _Mismatch("can't parse JSON", _JSON) from None


def _coerce_param(spec: ApiSpec, field: FieldSpec, value: object) -> object:
    failures: list[tuple[str, _Mismatch]] = []
    for type_name in field.types:
        try:
            candidate = value
            if isinstance(value, str) and _wants_json(type_name):
                candidate = _decode(value)
            return _coerce(spec, type_name, candidate)
        except _Mismatch as mismatch:
            failures.append((type_name, mismatch))
    raise _param_error(field, failures)


def _param_error(field: FieldSpec, failures: list[tuple[str, _Mismatch]]) -> ApiError:
    type_name, worst = max(failures, key=lambda failure: failure[1].rank)
    phrase = field.name.replace("_", " ")
    if worst.rank >= _MISSING_FIELD:
        return bad_request(f"can't parse {phrase}: {worst.message}")
    if worst.rank == _JSON:
        return bad_request(f"can't parse {_JSON_NAMES.get(field.name, phrase)} JSON object")
    if all(_wants_json(name) and not name.startswith(_ARRAY) for name in field.types):
        return bad_request(f"object expected as {phrase}")
    if type_name.startswith(_ARRAY) and len(field.types) == 1:
        return bad_request(f"expected an {type_name} as {phrase}")
    return bad_request(f'parameter "{field.name}" must be of type {" or ".join(field.types)}')


def missing_parameter(name: str) -> ApiError:
    """Return Telegram's error for a required parameter that was not sent."""
    return bad_request(_MISSING.get(name, f'parameter "{name}" is required'))


def coerce_params(spec: ApiSpec, method: MethodSpec, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Check required parameters and convert each known one to its spec type."""
    params = dict(raw)  # Telegram ignores unknown parameters; keep them for the call log
    for field in method.fields.values():
        value = raw.get(field.name)
        if value is None or value == "":
            params.pop(field.name, None)  # an empty form field means "not given" to Telegram
            if field.required:
                raise missing_parameter(field.name)
            continue
        params[field.name] = _coerce_param(spec, field, value)
    return params
