"""Only the leader fires: a follower's engine delivers but fires nothing until it leads."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from core.clock import SystemClock
from core.settings import Settings
from core.storage import create_engine, session_factory
from scheduler.engine import SchedulerEngine
from scheduler.leadership import AdvisoryLockLeader
from scheduler.schedule_tables import OccurrenceRow
from tests.scale.test_leadership import TIMEOUT, Terms
from tests.scheduler.fakes import PlainComposer, ReportLog
from tests.scheduler.world import World, eventually_true

pytestmark = pytest.mark.slow  # several instances on PostgreSQL

TICK = 0.1  # seconds between the leader's looks at the schedules


@pytest.fixture
async def world(postgres_url: str) -> AsyncIterator[World]:
    """A network on PostgreSQL, on the real clock, with three members."""
    engine = create_engine(postgres_url)
    try:
        built = World(session_factory(engine), SystemClock())  # type: ignore[arg-type]
        await built.crowd(3)
        yield built
    finally:
        await engine.dispose()


def engine_of(world: World, url: str, name: str) -> SchedulerEngine:
    """The scheduler of one instance, campaigning for the lead on ``url``."""
    settings = Settings(database_url=url, instance_id=name, leader_timeout=TIMEOUT)
    return SchedulerEngine(
        world.sessions, world.members, world.clock, world.messenger, PlainComposer(),
        ReportLog(), world.pacer, settings, tick=TICK,
    )  # fmt: skip


async def occurrences(world: World) -> int:
    """Firings so far."""
    async with world.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(OccurrenceRow)) or 0)


async def test_a_follower_fires_only_once_the_leader_is_gone(
    world: World, postgres_url: str
) -> None:
    """Another instance leads: nothing fires here; it stops: this one fires within the timeout."""
    other = AdvisoryLockLeader(postgres_url, TIMEOUT, "other")
    await other.start(Terms().elected, Terms().deposed)
    follower = engine_of(world, postgres_url, "follower")
    await follower.start()
    try:
        await world.announce("Due now")
        await asyncio.sleep(10 * TICK)  # a leader would have fired by now
        assert not follower.leadership.leading
        assert await occurrences(world) == 0
        await other.stop()
        await eventually_true(lambda: _fired(world), "the new leader firing", TIMEOUT + 1)
        await eventually_true(lambda: _is(len(world.messenger.counts()) == 3), "3 reached")
    finally:
        await follower.stop()


async def _fired(world: World) -> bool:
    return await occurrences(world) == 1


async def _is(value: bool) -> bool:
    return value
