"""The engine assembled: schedules made while it runs are delivered and reported."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from core.settings import Settings
from scheduler.engine import SchedulerEngine, senders_for
from tests.scheduler.fakes import PlainComposer, ReportLog
from tests.scheduler.world import World, chat_of, eventually_true, now_true


@asynccontextmanager
async def running(world: World, reports: ReportLog, settings: Settings) -> AsyncIterator[None]:
    """The engine on the world's database and fakes, ticking quickly."""
    engine = SchedulerEngine(
        world.sessions, world.members, world.clock, world.messenger, PlainComposer(), reports,
        world.pacer, settings, tick=0.05,
    )  # fmt: skip
    await engine.start()
    try:
        yield
    finally:
        await engine.stop()


async def test_an_announcement_made_while_running_is_delivered_and_reported(
    world: World,
) -> None:
    """Announce with the engine running: every member gets it, then the creator's report."""
    people = await world.crowd(3)
    reports = ReportLog()
    async with running(world, reports, Settings(instance_id="engine-test")):
        await world.announce("Hello from the engine")
        await eventually_true(now_true(lambda: reports.reported), "the creator's report")
    assert [world.messenger.texts_to(chat_of(p)) for p in people] == [["Hello from the engine"]] * 3
    assert len(reports.reported) == 1


def test_the_in_flight_bound_is_the_number_of_senders() -> None:
    """At 30 messages a second the engine runs eight senders: at most eight in flight."""
    assert senders_for(30) == 8
    assert senders_for(1) == 4
