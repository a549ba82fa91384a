"""Each chat's updates handled in order, on a lane of its own, so no chat waits for another's.

python-telegram-bot hands updates to a fixed number of workers. A reply waits for its chat's
turn at the pacer (one message a second to a private chat), and a worker waiting so is a
worker nobody else has: sixteen replies to one chatty member once held all sixteen, and every
other member waited behind them. Here a worker only puts the update on its chat's lane and is
free at once; each lane handles its updates one after another, in the order they came (a
dialog's answers arrive in the order they were typed), and lanes run side by side.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)
HANDING_OVER = 16  # updates being put on their lanes at once: each takes no time at all
DRAIN_SECONDS = 10.0  # at shutdown, how long the lanes get to finish what they hold


class ChatLanes(BaseUpdateProcessor):
    """An update processor with one lane per chat."""

    def __init__(self) -> None:
        super().__init__(HANDING_OVER)
        self._lanes: dict[str, deque[Awaitable[Any]]] = {}
        self._runners: set[asyncio.Task[None]] = set()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Put the update's handling on its chat's lane, starting the lane if it is idle."""
        key = _lane_of(update)
        lane = self._lanes.get(key)
        if lane is not None:
            lane.append(coroutine)
            return
        lane = self._lanes[key] = deque([coroutine])
        runner = asyncio.create_task(self._run(key, lane), name=f"lane {key}")
        self._runners.add(runner)
        runner.add_done_callback(self._runners.discard)

    async def _run(self, key: str, lane: deque[Awaitable[Any]]) -> None:
        try:
            while lane:
                try:
                    await lane.popleft()
                except Exception:  # the Application's error handler has seen it already
                    log.exception("an update of lane %s failed", key)
        finally:
            del self._lanes[key]

    @property
    def waiting(self) -> int:
        """Updates on lanes, not yet handled."""
        return sum(len(lane) for lane in self._lanes.values())

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Finish (the Application calls this once its bot is closed: ``finish`` first)."""
        await self.finish()

    async def finish(self) -> None:
        """Let the lanes finish for a while, then cancel what is left."""
        if self._runners:
            _done, late = await asyncio.wait(set(self._runners), timeout=DRAIN_SECONDS)
            for runner in late:
                runner.cancel()
            for runner in late:
                with contextlib.suppress(asyncio.CancelledError):
                    await runner
        for lane in self._lanes.values():
            for coroutine in lane:
                if asyncio.iscoroutine(coroutine):
                    coroutine.close()  # never started: nothing to undo
        self._lanes.clear()


def _lane_of(update: object) -> str:
    """A chat's id; a poll answer (no chat) goes on its voter's lane."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return f"chat:{update.effective_chat.id}"
        if update.effective_user is not None:
            return f"user:{update.effective_user.id}"
    return "other"
