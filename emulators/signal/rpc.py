"""signal-cli's JSON-RPC methods, as far as a bot uses them, with signal-cli's errors.

Error codes are signal-cli's: -32600 invalid request, -32601 unknown method, -32602 invalid
params, -1 a user error (such as an unregistered recipient), -5 rate limiting. A failed send
carries the per-recipient results in ``error.data.response``, as signal-cli's does.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from typing import Any

from emulators.signal.world import SignalWorld

INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
USER_ERROR = -1
RATELIMIT_ERROR = -5
VERSION = "0.13.22-emulated"


class RpcError(Exception):
    """A JSON-RPC error object."""

    def __init__(self, code: int, message: str, data: Any = None) -> None:
        super().__init__(message)
        self.code, self.message, self.data = code, message, data

    def as_json(self) -> dict[str, Any]:
        """The ``error`` member of a response."""
        return {"code": self.code, "message": self.message, "data": self.data}


Method = Callable[[SignalWorld, dict[str, Any]], Awaitable[Any]]


async def call(world: SignalWorld, request: object) -> dict[str, Any] | None:
    """Answer one request object; None for a notification (a request without an id)."""
    request_id = request.get("id") if isinstance(request, dict) else None
    result: Any = None
    error: RpcError | None = None
    method: str = ""
    params: dict[str, Any] = {}
    try:
        method, params = _read(request)
        handler = METHODS.get(method)
        if handler is None:
            raise RpcError(METHOD_NOT_FOUND, "Method not implemented")
        result = await handler(world, params)
    except RpcError as failure:
        error = failure
    await world.record(method, params, result, error.as_json() if error else None)
    if isinstance(request, dict) and "id" not in request:
        return None
    if error is not None:
        return {"jsonrpc": "2.0", "error": error.as_json(), "id": request_id}
    return {"jsonrpc": "2.0", "result": result, "id": request_id}


def _read(request: object) -> tuple[str, dict[str, Any]]:
    if not isinstance(request, dict) or request.get("jsonrpc") != "2.0":
        raise RpcError(INVALID_REQUEST, "jsonrpc field must be set to 2.0")
    method = request.get("method")
    if not isinstance(method, str) or not method:
        raise RpcError(INVALID_REQUEST, "method field must be set")
    params = request.get("params", {})
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise RpcError(INVALID_PARAMS, "params must be an object")
    return method, params


async def send(world: SignalWorld, params: dict[str, Any]) -> dict[str, Any]:
    """Send a message to people or a group; per-recipient results, as signal-cli gives them."""
    message = params.get("message")
    if message is not None and not isinstance(message, str):
        raise RpcError(INVALID_PARAMS, "message must be a string")
    attachments = _attachments(params)
    if not message and not attachments:
        raise RpcError(USER_ERROR, "No message given")
    if "editTimestamp" in params and not isinstance(params["editTimestamp"], int):
        raise RpcError(INVALID_PARAMS, "editTimestamp must be a number")
    targets = _targets(world, params)
    stamp = world.now()
    if world.rate_limit.count > 0:
        world.rate_limit.count -= 1
        results = [_result(t, "RATE_LIMIT_FAILURE", world.rate_limit.retry_after) for t in targets]
        raise RpcError(
            RATELIMIT_ERROR,
            "Failed to send message due to rate limiting",
            {"response": {"timestamp": stamp, "results": results}},
        )
    results = [_result(t, "SUCCESS" if world.knows(t) else "UNREGISTERED_FAILURE") for t in targets]
    if "groupId" not in params and all(r["type"] != "SUCCESS" for r in results):
        raise RpcError(
            USER_ERROR,
            "Failed to send message",
            {"response": {"timestamp": stamp, "results": results}},
        )
    return {"timestamp": stamp, "results": results}


async def send_reaction(world: SignalWorld, params: dict[str, Any]) -> dict[str, Any]:
    """React to a message."""
    if not isinstance(params.get("emoji"), str) or not isinstance(
        params.get("targetTimestamp"), int
    ):
        raise RpcError(INVALID_PARAMS, "emoji and targetTimestamp are required")
    targets = _targets(world, params)
    return {"timestamp": world.now(), "results": [_result(t, "SUCCESS") for t in targets]}


async def send_typing(world: SignalWorld, params: dict[str, Any]) -> dict[str, Any]:
    """Show (or, with ``stop``, hide) the typing indicator."""
    _targets(world, params)
    return {}


async def version(world: SignalWorld, params: dict[str, Any]) -> dict[str, Any]:
    """signal-cli's version."""
    return {"version": VERSION}


async def list_groups(world: SignalWorld, params: dict[str, Any]) -> list[dict[str, Any]]:
    """The groups the account is in."""
    return [
        {"id": group_id, "name": "Group", "isMember": True, "members": list(members)}
        for group_id, members in world.groups.items()
    ]


def _targets(world: SignalWorld, params: dict[str, Any]) -> list[str]:
    group = params.get("groupId")
    if group is not None:
        if not isinstance(group, str) or group not in world.groups:
            raise RpcError(USER_ERROR, "Invalid group id")
        return [group]
    recipient = params.get("recipient")
    listed = recipient if isinstance(recipient, list) else [recipient]
    if not listed or not all(isinstance(r, str) and r for r in listed):
        raise RpcError(INVALID_PARAMS, "recipient or groupId is required")
    return [str(r) for r in listed]


def _attachments(params: dict[str, Any]) -> list[str]:
    given = params.get("attachments", params.get("attachment", []))
    listed = given if isinstance(given, list) else [given]
    for item in listed:
        if not isinstance(item, str) or not item.startswith("data:") or ";base64," not in item:
            raise RpcError(INVALID_PARAMS, "an attachment must be a data: URI with base64")
        try:
            base64.b64decode(item.split(";base64,", 1)[1], validate=True)
        except binascii.Error:
            raise RpcError(INVALID_PARAMS, "an attachment's base64 is broken") from None
    return listed


def _result(target: str, kind: str, retry_after: int | None = None) -> dict[str, Any]:
    number = target if target.startswith("+") else None
    result: dict[str, Any] = {
        "recipientAddress": {"uuid": None if number else target, "number": number},
        "type": kind,
    }
    if retry_after is not None:
        result["retryAfterSeconds"] = retry_after
    return result


METHODS: dict[str, Method] = {
    "send": send,
    "sendReaction": send_reaction,
    "sendTyping": send_typing,
    "version": version,
    "listGroups": list_groups,
}
