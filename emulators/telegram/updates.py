"""Pending updates: numbering, allowed_updates, getUpdates long polling and confirmation."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import deque
from itertools import islice
from typing import Any

from emulators.telegram.errors import EmulatorError, conflict

# What Telegram delivers when allowed_updates was never set or set to [].
_NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


def update_type(update: dict[str, Any]) -> str:
    """Return the kind of an update ("message", "callback_query", ...)."""
    return next(key for key in update if key != "update_id")


class UpdateQueue:
    """Updates waiting for the bot, shared by getUpdates and the webhook deliverer."""

    def __init__(self) -> None:
        self._pending: deque[dict[str, Any]] = deque()
        self._next_id = 1
        self._allowed: frozenset[str] | None = None
        self._wakeup = asyncio.Event()
        self._poll_generation = 0
        self.closing = False

    def set_allowed(self, allowed: list[str] | None) -> None:
        """Remember allowed_updates; None keeps the previous setting, [] restores the default."""
        if allowed is not None:
            self._allowed = frozenset(allowed) if allowed else None

    def allowed(self) -> list[str] | None:
        """The allowed_updates in force, or None for Telegram's default."""
        return sorted(self._allowed) if self._allowed is not None else None

    def _wanted(self, kind: str) -> bool:
        if self._allowed is None:
            return kind not in _NOT_BY_DEFAULT
        return kind in self._allowed

    def push(self, body: dict[str, Any]) -> dict[str, Any]:
        """Number an update; queue it unless allowed_updates filters it out. Return it.

        An update Telegram could not send (text with a lone surrogate is no UTF-8) is refused
        here: queued, it would fail every getUpdates after it.
        """
        try:
            json.dumps(body, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as error:
            raise EmulatorError(f"not valid Unicode text ({error.reason})") from None
        update = {"update_id": self._next_id, **body}
        self._next_id += 1
        if self._wanted(update_type(update)):
            self._pending.append(update)
            self._notify()
        return update

    def pending(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by the bot."""
        return list(self._pending)

    def first(self) -> dict[str, Any] | None:
        """The oldest unconfirmed update, for the webhook deliverer."""
        return self._pending[0] if self._pending else None

    def confirm(self, offset: int) -> None:
        """Forget updates below `offset`; a negative offset keeps only the last -offset."""
        if offset < 0:
            while len(self._pending) > -offset:
                self._pending.popleft()
            return
        while self._pending and self._pending[0]["update_id"] < offset:
            self._pending.popleft()

    def drop(self, update_id: int) -> None:
        """Forget one update (delivered to or given up on by the webhook)."""
        self._pending = deque(u for u in self._pending if u["update_id"] != update_id)

    def clear(self) -> None:
        """Forget every pending update (drop_pending_updates)."""
        self._pending.clear()

    def close(self) -> None:
        """Release every waiting long poll, for shutdown."""
        self.closing = True
        self._notify()

    def _notify(self) -> None:
        self._wakeup.set()
        self._wakeup = asyncio.Event()

    async def wait_change(self, seconds: float) -> None:
        """Wait until an update arrives, or something else wakes the waiters."""
        wakeup = self._wakeup
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wakeup.wait(), seconds)

    async def get_updates(self, offset: int | None, limit: int, seconds: float) -> list[Any]:
        """Answer getUpdates: confirm, then return at once or long-poll up to `seconds`."""
        if offset is not None:
            self.confirm(offset)
        batch = list(islice(self._pending, limit))
        if batch or seconds <= 0 or self.closing:
            return batch
        # A newer getUpdates wins; the one waiting gets Telegram's 409, as with two bots.
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            await self.wait_change(remaining)
            if generation != self._poll_generation:
                raise conflict(
                    "terminated by other getUpdates request; "
                    "make sure that only one bot instance is running"
                )
            batch = list(islice(self._pending, limit))
            if batch or self.closing:
                return batch
        return []
