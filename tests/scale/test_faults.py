"""Faults under load: the database restarting, connections lost mid-batch, instances racing."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import pytest

from bot.app import open_mreza
from core.clock import SystemClock
from core.settings import BUNDLED_KB_PATH, Settings
from core.storage import create_engine, session_factory
from scheduler.delivery import DeliveryWorker
from scheduler.outbox import Outbox
from scheduler.outcomes import RetryPolicy
from scheduler.recipients import Recipients
from tests import databases
from tests.scale.outages import Outages
from tests.scheduler.fakes import PlainComposer
from tests.scheduler.world import World, eventually_true

pytestmark = pytest.mark.slow  # several instances on PostgreSQL

CROWD = 600
SENDERS = 4  # so at most 4 messages are in flight when the connections go
LEASE = timedelta(seconds=3)  # claims of a broken batch come back this soon
FINISH_WAIT = 90.0


@pytest.fixture
async def world(postgres_url: str) -> AsyncIterator[World]:
    """A network on PostgreSQL on the real clock (claims expire in real time), a broadcast fired."""
    engine = create_engine(postgres_url)
    try:
        built = World(session_factory(engine), SystemClock())  # type: ignore[arg-type]
        built.messenger.latency = 0.02  # 4 senders: about 200 a second, 3 s for the crowd
        await built.crowd(CROWD)
        await built.announce("Regional meeting moved to Skopje")
        await built.fire()
        yield built
    finally:
        await engine.dispose()


@pytest.fixture
def outages(postgres_url: str) -> Outages:
    """Outages of the world's database."""
    return Outages(postgres_url, databases.postgres_server())


def worker(world: World) -> DeliveryWorker:
    """A worker whose claims expire after LEASE."""
    return DeliveryWorker(
        outbox=Outbox(world.sessions, "faulty", lease=LEASE),
        recipients=Recipients(world.members),
        composer=PlainComposer(),
        messenger=world.messenger,
        pacer=world.pacer,
        members=world.members,
        clock=world.clock,
        concurrency=SENDERS,
        policy=RetryPolicy(rng=random.Random(4)),
    )


async def sent(world: World, count: int) -> None:
    """Wait until this many messages went out."""

    async def enough() -> bool:
        return len(world.messenger.memory.said) >= count

    await eventually_true(enough, f"{count} messages sent", FINISH_WAIT)


async def everyone_reached(world: World) -> None:
    """Wait until every delivery is sent; then check each member got it, few twice."""

    async def done() -> bool:
        return set(await world.statuses()) == {"sent"}

    await eventually_true(done, "every delivery sent", FINISH_WAIT)
    counts = world.messenger.counts()
    assert len(counts) == CROWD
    assert sum(n - 1 for n in counts.values()) <= SENDERS


async def test_a_database_restart_mid_broadcast_loses_nobody(
    world: World, outages: Outages
) -> None:
    """The database goes away for 2 s mid-broadcast: the worker reconnects and reaches all."""
    delivering = worker(world)
    await delivering.start()
    try:
        await sent(world, CROWD // 4)
        await outages.down_for(2.0)
        await everyone_reached(world)
    finally:
        await delivering.stop()


async def test_connections_lost_mid_batch_lose_nobody(world: World, outages: Outages) -> None:
    """Every connection is cut three times while batches are claimed and recorded: all reached."""
    delivering = worker(world)
    await delivering.start()
    try:
        for share in (4, 2, 4 / 3):
            await sent(world, int(CROWD / share))
            assert await outages.cut() >= 1
        await everyone_reached(world)
    finally:
        await delivering.stop()


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A PostgreSQL database with nothing in it, not even the schema."""
    with databases.fresh_database(databases.postgres_server()) as url:
        yield url


async def test_instances_starting_together_on_an_empty_database_all_start(
    empty_database: str,
) -> None:
    """Three instances start at once on a fresh database: one migrates, none trips over it."""

    async def start() -> int:
        settings = Settings(database_url=empty_database, kb_path=BUNDLED_KB_PATH)
        async with open_mreza(settings) as mreza:
            return len(mreza.librarian.entries)

    entries = await asyncio.gather(start(), start(), start())
    assert len(set(entries)) == 1
    assert entries[0] > 0
