"""Rows are claimed about a second of sending ahead, so a killed instance strands few of them."""

from __future__ import annotations

from core.settings import Settings
from scheduler.engine import SchedulerEngine, claim_batch, senders_for
from tests.scheduler.fakes import PlainComposer, ReportLog
from tests.scheduler.world import World, eventually_true


def test_a_batch_is_a_second_of_sending_and_enough_for_every_sender() -> None:
    """30 a second: 30 rows; 1,000 a second: 1,000; one a second still feeds its 4 senders."""
    assert claim_batch(30, senders_for(30)) == 30
    assert claim_batch(1000, senders_for(1000)) == 1000
    assert claim_batch(1, senders_for(1)) == 8


async def test_sends_that_hang_leave_no_more_than_a_batch_claimed(world: World) -> None:
    """Every send hangs, as in a process about to be killed: at 30 a second the engine's worker
    holds at most a second of sends beyond those in flight, never a backlog for a minute."""
    await world.crowd(120)
    await world.announce("Hello")
    await world.fire()
    world.messenger.latency = 3600.0
    settings = Settings(instance_id="claims", send_rate=30)
    engine = SchedulerEngine(
        world.sessions, world.members, world.clock, world.messenger, PlainComposer(),
        ReportLog(), world.pacer, settings,
    )  # fmt: skip
    await engine.worker.start()
    try:
        await eventually_true(lambda: sending(world, 30), "the first claim")
        held = [s for s in await world.statuses() if s == "sending"]
        assert len(held) <= claim_batch(30, senders_for(30)) + senders_for(30)
    finally:
        await engine.worker.stop(wait=0)


async def sending(world: World, at_least: int) -> bool:
    """Whether at least that many rows are claimed."""
    return sum(status == "sending" for status in await world.statuses()) >= at_least
