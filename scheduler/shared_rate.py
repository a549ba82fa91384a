"""Telegram's global rate, shared by every instance: send slots handed out by PostgreSQL.

Telegram counts a bot's messages, not an instance's, so N instances each keeping the rate
would send N times too fast. One row holds the time of the next free slot (on the database's
clock, so the instances' clocks need not agree). Taking a slot moves it on by one gap in a
single UPDATE; the row lock makes concurrent takers queue for a millisecond, and each gets its
own slot, 1/R apart, to wait for. A 429 moves the next slot past Telegram's "retry after".

Slots are spaced a little wider than 1/R: a send leaves a few milliseconds after its slot,
later under load, and R + 1 sends must never fit into one second however they bunch.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import Double, String, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Mapped, mapped_column

from core.storage import Base

log = logging.getLogger(__name__)
JITTER = 0.1  # seconds a send may leave late and still keep the limit in every window
# A busy event loop wakes a sender late, right behind the next slot's sender: the two would
# leave together. A sender woken this late takes a new slot instead, a few times at most.
LATE = 0.02  # seconds
RETAKES = 3
_TAKE = text(
    "INSERT INTO send_pace (name, next_at)"
    " VALUES (:name, extract(epoch FROM clock_timestamp()) + :gap)"
    " ON CONFLICT (name) DO UPDATE SET next_at ="
    " greatest(send_pace.next_at, extract(epoch FROM clock_timestamp())) + :gap"
    " RETURNING next_at - :gap - extract(epoch FROM clock_timestamp())"
)
_HOLD = text(
    "INSERT INTO send_pace (name, next_at)"
    " VALUES (:name, extract(epoch FROM clock_timestamp()) + :seconds)"
    " ON CONFLICT (name) DO UPDATE SET next_at ="
    " greatest(send_pace.next_at, extract(epoch FROM clock_timestamp()) + :seconds)"
)


class SendPaceRow(Base):
    """The next free send slot of one rate, in seconds since the epoch on the database's clock."""

    __tablename__ = "send_pace"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    next_at: Mapped[float] = mapped_column(Double)


class SharedRate:
    """At most ``rate`` sends a second across every instance on one database."""

    def __init__(self, engine: AsyncEngine, rate: float, name: str = "telegram") -> None:
        self.rate = rate
        self._engine = engine
        self._name = name
        self._gap = (1.0 + JITTER) / rate

    async def acquire(self) -> None:
        """Take the next slot and wait for it; a slot woken up for too late is given up."""
        loop = asyncio.get_running_loop()
        for _ in range(RETAKES):
            async with self._engine.begin() as connection:
                wait = await connection.scalar(_TAKE, {"name": self._name, "gap": self._gap})
            slot = loop.time() + max(0.0, float(wait or 0.0))
            await asyncio.sleep(slot - loop.time())
            if loop.time() - slot <= LATE:
                return
        # still late after retakes: the machine is overloaded, and a late send is still one

    async def hold(self, seconds: float) -> None:
        """Telegram said "retry after": no instance sends before then."""
        async with self._engine.begin() as connection:
            await connection.execute(_HOLD, {"name": self._name, "seconds": seconds})
