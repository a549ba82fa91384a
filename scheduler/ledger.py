"""Outcomes committed in groups: many senders, one transaction at a time, nobody waits long.

Each sender waits until its own outcome is committed (that is what bounds duplicates after a
crash), but committing every row alone would cap a broadcast at the database's commit rate:
measured at 1,000 messages a second on SQLite, commits of two or three rows each cost more CPU
than the sends. Whoever finds the ledger free waits GATHER seconds for others' outcomes, then
writes all of them in one statement: a few dozen commits a second at any rate.
"""

from __future__ import annotations

import asyncio
import contextlib

from scheduler.outbox import Outbox
from scheduler.outcomes import Outcome

GATHER = 0.025  # seconds; short beside a send's round trip, long enough to fill a commit


class Ledger:
    """``await ledger.record(outcome)`` returns once the outcome is in the database."""

    def __init__(self, outbox: Outbox, gather: float = GATHER) -> None:
        self._outbox = outbox
        self._gather = gather
        self._waiting: list[tuple[Outcome, asyncio.Future[None]]] = []
        self._writing = asyncio.Lock()

    async def record(self, outcome: Outcome) -> None:
        """Queue the outcome, write the queue if nobody else is, and wait for the commit."""
        committed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((outcome, committed))
        async with self._writing:
            if not committed.done():
                await asyncio.sleep(self._gather)
                with contextlib.suppress(Exception):  # each waiter gets it from its future
                    await self._write()
        await committed

    async def _write(self) -> None:
        group, self._waiting = self._waiting, []
        try:
            await self._outbox.record([outcome for outcome, _ in group])
        except BaseException as error:
            for _, committed in group:  # nobody may wait forever, even if this was cancelled
                if committed.done():
                    continue
                if isinstance(error, Exception):
                    committed.set_exception(error)
                else:
                    committed.cancel()
            raise
        for _, committed in group:
            committed.set_result(None)
