"""One Bot API call from token check to recorded response: validation, faults, limits, handler."""

from __future__ import annotations

import asyncio
import copy
import time
from dataclasses import dataclass
from typing import Any

from emulators.telegram.core import Core
from emulators.telegram.errors import ApiError, not_found, status_error, unauthorized
from emulators.telegram.faults import Fault
from emulators.telegram.methods import handlers
from emulators.telegram.methods.common import Handler
from emulators.telegram.uploads import loggable
from emulators.telegram.validation import coerce_params
from emulators.telegram.values import FaultKind

DROPPED = 0  # status of a call whose connection the emulator closed without answering


@dataclass(frozen=True)
class Outcome:
    """What the HTTP layer should answer: a status and JSON body, or DROPPED."""

    status: int
    body: dict[str, Any]


def _ok(result: Any) -> dict[str, Any]:
    # Handlers return live objects (a message that later edits change); the log keeps a copy.
    return {"ok": True, "result": copy.deepcopy(result)}


def _is_message_send(method: str) -> bool:
    return method.startswith("send") and method != "sendChatAction"


class Dispatcher:
    """Runs Bot API calls against one Core."""

    def __init__(self, core: Core) -> None:
        self._core = core
        self._handlers: dict[str, Handler] = handlers()

    async def call(self, token: str, method: str, raw: dict[str, Any] | ApiError) -> Outcome:
        """Answer one call and record it."""
        core, started = self._core, time.monotonic()
        spec = core.spec.method(method)
        name = spec.name if spec is not None else method
        logged: dict[str, Any] = loggable(raw) if isinstance(raw, dict) else {}
        chat_id: int | None = None
        try:
            if token != core.config.token:
                raise unauthorized()
            if spec is None:
                raise not_found()
            if isinstance(raw, ApiError):
                raise raw
            params = coerce_params(core.spec, spec, raw)
            logged, chat_id = loggable(params), self._chat_of(params)
            status, body = await self._run(name, params, chat_id)
        except ApiError as error:
            status, body = error.status, error.body()
        core.recorder.add(name, logged, started, status, body, chat_id)
        if core.latency_ms > 0:
            await asyncio.sleep(core.latency_ms / 1000)
        return Outcome(status, body)

    async def _run(
        self, name: str, params: dict[str, Any], chat_id: int | None
    ) -> tuple[int, dict[str, Any]]:
        fault = self._core.faults.take(name, chat_id)
        if fault is None:
            return 200, _ok(await self._execute(name, params, chat_id))
        return await self._faulty(fault, name, params, chat_id)

    async def _faulty(
        self, fault: Fault, name: str, params: dict[str, Any], chat_id: int | None
    ) -> tuple[int, dict[str, Any]]:
        if fault.kind is FaultKind.TIMEOUT:
            await self._core.pause(fault.hold_seconds)  # the client gives up meanwhile
            if fault.execute:
                return 200, _ok(await self._execute(name, params, chat_id))
        if fault.kind is FaultKind.DROP:
            if fault.execute:
                await self._execute(name, params, chat_id)
            return DROPPED, {"ok": False, "description": "connection dropped by the emulator"}
        raise fault.error()

    async def _execute(self, name: str, params: dict[str, Any], chat_id: int | None) -> Any:
        core, now = self._core, time.monotonic()
        flood = core.faults.flood_error(name)
        if flood is not None:
            core.limiter.rejected += 1
            raise flood
        chat = core.world.find_chat(chat_id) if _is_message_send(name) else None
        if chat is not None:
            limited = core.limiter.check(chat.id, chat.user is not None, now)
            if limited is not None:
                raise limited
        handler = self._handlers.get(name)
        if handler is None:
            raise status_error(501, f"Not Implemented: the emulator does not implement {name}")
        result = await handler(core, params)
        if chat is not None:
            core.limiter.note_sent(chat.id, now)
        return result

    def _chat_of(self, params: dict[str, Any]) -> int | None:
        """The chat a call concerns, for the call log and fault matching."""
        core = self._core
        if "chat_id" in params:
            chat = core.world.find_chat(params["chat_id"])
            if chat is not None:
                return chat.id
            return params["chat_id"] if isinstance(params["chat_id"], int) else None
        query = core.callbacks.get(str(params.get("callback_query_id", "")))
        return query.chat_id if query is not None else None
