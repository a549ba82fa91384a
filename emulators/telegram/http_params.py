"""Turn an HTTP request into Bot API parameters: query string, JSON, urlencoded or multipart."""

from __future__ import annotations

import json
from typing import Any

from python_multipart.multipart import parse_options_header
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from emulators.telegram.errors import bad_request
from emulators.telegram.uploads import UploadedFile

_JSON = b"application/json"
# A part sent without its own Content-Type is, by RFC 7578, plain bytes.
_DEFAULT_FILE_TYPE = "application/octet-stream"


async def request_params(request: Request) -> dict[str, Any]:
    """Return the call's parameters, body over query string, with uploads read into memory."""
    params: dict[str, Any] = dict(request.query_params)
    if request.method == "POST":
        params.update(await _body_params(request))
    return params


async def _body_params(request: Request) -> dict[str, Any]:
    # The same header parser Starlette uses, so JSON and form bodies are told apart alike.
    media_type, _ = parse_options_header(request.headers.get("content-type"))
    if media_type == _JSON:
        return _json_body(await request.body())
    try:
        # Starlette parses both form encodings (any other body yields no fields); the
        # context closes the spooled upload files once their bytes are read.
        async with request.form() as form:
            return {name: await _field(value) for name, value in form.items()}
    except HTTPException as error:  # what Starlette makes of a malformed multipart body
        raise bad_request(f"can't parse request body: {error.detail}") from None


async def _field(value: str | UploadFile) -> str | UploadedFile:
    if isinstance(value, str):
        return value
    return UploadedFile(
        filename=value.filename or "",
        content_type=value.content_type or _DEFAULT_FILE_TYPE,
        data=await value.read(),
    )


def _json_body(body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    try:
        data = json.loads(body)
    except ValueError:
        raise bad_request("can't parse JSON encoded request") from None
    if not isinstance(data, dict):
        raise bad_request("JSON object expected as request body")
    return data
