"""EmulatorClient: the Simulator's API over HTTP, for an emulator in another process."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from emulators.telegram.client_actions import UserActionsClient
from emulators.telegram.recorder import CallPredicate
from emulators.telegram.values import (
    CallRecord,
    ChatInfo,
    Counters,
    DeliveryRecord,
    FaultKind,
    HistoryEvent,
    ShownMessage,
)
from emulators.telegram.wire import from_wire

Update = dict[str, Any]


class EmulatorClient(UserActionsClient):
    """Same methods and results as Simulator, executed by a remote emulator."""

    # --- what the bot did -------------------------------------------------------------

    async def calls(
        self, *, method: str | None = None, chat_id: int | None = None, since: int = 0
    ) -> list[CallRecord]:
        """Recorded Bot API calls after sequence number `since`, filtered."""
        result = await self._op("calls", method=method, chat_id=chat_id, since=since)
        return [from_wire(CallRecord, item) for item in result]

    async def last_seq(self) -> int:
        """Sequence number of the latest recorded call, to wait only for later ones."""
        result: int = await self._op("last_seq")
        return result

    # `timeout` is the documented name for tests; it bounds the wait, not a network call.
    async def wait_for(
        self,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        predicate: CallPredicate | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
        since: int = 0,
    ) -> CallRecord:
        """First recorded call (past or future) that matches; TimeoutError lists the calls."""
        deadline = time.monotonic() + timeout
        cursor = since
        while True:
            remaining = max(deadline - time.monotonic(), 0.0)
            # the predicate cannot travel, so the server finds candidates and we judge them
            result = await self._op(
                "wait_for",
                http_timeout=remaining + 10.0,
                method=method,
                chat_id=chat_id,
                timeout=remaining,
                since=cursor,
            )
            record = from_wire(CallRecord, result)
            if predicate is None or predicate(record):
                return record
            cursor = record.seq

    async def shown_messages(
        self, chat_id: int, *, include_users: bool = False
    ) -> list[ShownMessage]:
        """Messages the chat shows now (after edits and deletes); the bot's only by default."""
        result = await self._op("shown_messages", chat_id=chat_id, include_users=include_users)
        return [from_wire(ShownMessage, item) for item in result]

    async def history(self, chat_id: int) -> list[HistoryEvent]:
        """Everything that happened to messages in the chat, in order."""
        result = await self._op("history", chat_id=chat_id)
        return [from_wire(HistoryEvent, item) for item in result]

    async def chat(self, chat_id: int) -> ChatInfo:
        """Describe a chat (members, type)."""
        return from_wire(ChatInfo, await self._op("chat", chat_id=chat_id))

    async def bot_commands(
        self, *, scope: Mapping[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """The commands the bot set for exactly this scope and language."""
        result: list[dict[str, str]] = await self._op(
            "bot_commands", scope=dict(scope) if scope else None, language_code=language_code
        )
        return result

    async def all_bot_commands(self) -> dict[str, list[dict[str, str]]]:
        """Every command list the bot set, keyed "scope|language"."""
        result: dict[str, list[dict[str, str]]] = await self._op("all_bot_commands")
        return result

    async def bot_description(self, *, language_code: str = "", short: bool = False) -> str:
        """The (short) description the bot set for exactly this language ("" if none)."""
        result: str = await self._op("bot_description", language_code=language_code, short=short)
        return result

    async def callback_answer(self, callback_query_id: str) -> dict[str, Any] | None:
        """How the bot answered a callback query (None while unanswered)."""
        result: dict[str, Any] | None = await self._op(
            "callback_answer", callback_query_id=callback_query_id
        )
        return result

    async def pending_updates(self) -> list[Update]:
        """Updates the bot has not confirmed yet."""
        result: list[Update] = await self._op("pending_updates")
        return result

    async def webhook_deliveries(self) -> list[DeliveryRecord]:
        """Every attempt to POST an update to the webhook."""
        result = await self._op("webhook_deliveries")
        return [from_wire(DeliveryRecord, item) for item in result]

    async def counters(self) -> Counters:
        """Call and message totals and the busiest one-second window."""
        return from_wire(Counters, await self._op("counters"))

    # --- faults and timing ------------------------------------------------------------

    async def inject_fault(
        self,
        kind: FaultKind | str,
        *,
        count: int = 1,
        method: str | None = None,
        chat_id: int | None = None,
        retry_after: int = 1,
        status: int = 500,
        hold_seconds: float = 10.0,
        description: str | None = None,
        execute: bool = False,
    ) -> None:
        """Make the next `count` matching calls fail (any call but getUpdates by default)."""
        await self._op(
            "inject_fault",
            kind=FaultKind(kind),
            count=count,
            method=method,
            chat_id=chat_id,
            retry_after=retry_after,
            status=status,
            hold_seconds=hold_seconds,
            description=description,
            execute=execute,
        )

    async def clear_faults(self) -> None:
        """Disarm injected faults and lift any flood wait."""
        await self._op("clear_faults")

    async def set_latency(self, milliseconds: float) -> None:
        """Delay every Bot API response by this many milliseconds."""
        await self._op("set_latency", milliseconds=milliseconds)

    async def enforce_rate_limits(self, enabled: bool = True) -> None:
        """Turn Telegram's broadcast limits on or off."""
        await self._op("enforce_rate_limits", enabled=enabled)
