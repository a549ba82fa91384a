"""Callback queries users created, and the bot's answers to them."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from emulators.telegram.errors import bad_request

_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"


@dataclass
class CallbackState:
    """One button press waiting for answerCallbackQuery."""

    id: str
    user_id: int
    chat_id: int | None
    message_id: int | None
    data: str | None
    created: float
    answer: dict[str, Any] | None = None


class CallbackStore:
    """Open callback queries; an answer is accepted once and only while fresh."""

    def __init__(self, ttl: float) -> None:
        self._ttl = ttl
        self._queries: dict[str, CallbackState] = {}
        self._count = 0

    def open(
        self, user_id: int, chat_id: int | None, message_id: int | None, data: str | None
    ) -> CallbackState:
        """Create a callback query and return it."""
        self._count += 1
        query_id = f"{user_id}{self._count:08d}"
        state = CallbackState(query_id, user_id, chat_id, message_id, data, time.monotonic())
        self._queries[query_id] = state
        return state

    def answer(self, query_id: str, answer: dict[str, Any]) -> None:
        """Accept the bot's answer, or refuse with Telegram's "query is too old"."""
        state = self._queries.get(query_id)
        too_late = state is not None and time.monotonic() - state.created > self._ttl
        if state is None or state.answer is not None or too_late:
            raise bad_request(_TOO_OLD)
        state.answer = answer

    def get(self, query_id: str) -> CallbackState | None:
        """Return a callback query by id (answered or not)."""
        return self._queries.get(query_id)
