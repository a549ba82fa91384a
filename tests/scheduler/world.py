"""A small network on a temp database: members, a planner, firing, and workers to deliver."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import count

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.members.directory import SqlMemberDirectory
from core.clock import FakeClock
from core.members import Identity, Member, NewMember
from scheduler.audience import Audience
from scheduler.delivery import DeliveryWorker
from scheduler.firing import Fired, Firing
from scheduler.outbox import Outbox
from scheduler.outcomes import RetryPolicy
from scheduler.pacer import Pacer
from scheduler.planner import Planner
from scheduler.recipients import Recipients
from scheduler.schedule_drafts import AnnouncementDraft, When
from scheduler.schedule_tables import DeliveryRow, GroupChatRow
from tests.scheduler.fakes import PlainComposer, ScriptedMessenger
from tests.telegram.people import eventually_true
from tests.timing import SkippingTimer

__all__ = ["SETTLE_WAIT", "World", "chat_of", "eventually_true", "now_true", "settle"]

SETTLE_WAIT = 10.0  # seconds a worker may take to send what is due; generous for slow machines
GRACE = timedelta(hours=1)


@dataclass
class World:
    """Everything a delivery needs, with fakes for Telegram and the bot's words."""

    sessions: async_sessionmaker[AsyncSession]
    clock: FakeClock
    messenger: ScriptedMessenger = field(default_factory=ScriptedMessenger)
    pacer: Pacer = field(default_factory=lambda: Pacer(1000, SkippingTimer()))
    _ids: count[int] = field(default_factory=lambda: count(1001))

    @property
    def members(self) -> SqlMemberDirectory:
        """The member directory on this database."""
        return SqlMemberDirectory(self.sessions, self.clock)

    @property
    def planner(self) -> Planner:
        """Where schedules are made."""
        return Planner(self.sessions, self.members, self.clock)

    async def join(self, name: str, transport: str = "telegram") -> Member:
        """A new member with an account on ``transport``."""
        identity = Identity(transport, str(next(self._ids)))
        return await self.members.add(NewMember(name, "RS", identity), self.clock.now())

    async def crowd(self, size: int) -> list[Member]:
        """Many members at once."""
        return [await self.join(f"Member {n}") for n in range(size)]

    async def add_group(self, chat_id: str) -> None:
        """A Telegram group the bot is in."""
        async with self.sessions.begin() as session:
            now = self.clock.now()
            session.add(GroupChatRow(transport="telegram", chat_id=chat_id, seen_at=now))

    async def announce(self, text: str, audience: str = "all", rule: str | None = None) -> int:
        """An announcement for now (and again by ``rule``, if given)."""
        draft = AnnouncementDraft(text, Audience.parse(audience), When(rule=rule))
        return await self.planner.announce(draft, None)

    async def fire(self) -> Fired:
        """Fire what is due, as the clockwork's tick does."""
        return await Firing(self.sessions, self.members, self.clock, GRACE).fire_due()

    def worker(self, instance: str = "test", concurrency: int = 4) -> DeliveryWorker:
        """A delivery worker that has not started yet."""
        return DeliveryWorker(
            outbox=Outbox(self.sessions, instance),
            recipients=Recipients(self.members),
            composer=PlainComposer(),
            messenger=self.messenger,
            pacer=self.pacer,
            members=self.members,
            clock=self.clock,
            concurrency=concurrency,
            policy=RetryPolicy(rng=random.Random(4)),
        )

    @asynccontextmanager
    async def working(self, instance: str = "test") -> AsyncIterator[DeliveryWorker]:
        """A started worker, stopped at the end of the block."""
        worker = self.worker(instance)
        await worker.start()
        try:
            yield worker
        finally:
            await worker.stop()

    async def deliver(self) -> None:
        """Fire what is due and send it with one worker."""
        await self.fire()
        async with self.working() as worker:
            await settle(worker)

    async def deliveries(self) -> list[DeliveryRow]:
        """Every delivery row, in id order."""
        async with self.sessions() as session:
            return list(await session.scalars(select(DeliveryRow).order_by(DeliveryRow.id)))

    async def statuses(self) -> list[str]:
        """The status of every delivery, in id order."""
        return [row.status for row in await self.deliveries()]


async def settle(worker: DeliveryWorker) -> None:
    """Wait (bounded) until the worker has sent everything due."""
    await asyncio.wait_for(worker.settled(), SETTLE_WAIT)


def now_true(check: Callable[[], object]) -> Callable[[], Awaitable[object]]:
    """A plain check, for ``eventually_true``."""

    async def checked() -> object:
        return check()

    return checked


def chat_of(member: Member) -> str:
    """The member's Telegram chat id."""
    return member.identities[0].external_id
