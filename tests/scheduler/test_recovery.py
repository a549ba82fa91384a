"""After a crash or a stop: rows left in flight go out again, rows still claimed stay put."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from scheduler.outbox import LEASE
from scheduler.schedule_tables import DeliveryRow
from tests.scheduler.world import World, eventually_true, now_true, settle


async def leave_in_flight(world: World, instance: str, age: timedelta) -> None:
    """Mark every delivery "sending", claimed by ``instance`` ``age`` ago, as a crash leaves it."""
    async with world.sessions.begin() as session:
        await session.execute(
            update(DeliveryRow).values(
                status="sending", claimed_by=instance, claimed_at=world.clock.now() - age
            )
        )


async def test_a_restart_sends_what_its_previous_run_left_in_flight(world: World) -> None:
    """Rows this instance claimed before it died go out as soon as it starts again."""
    await world.crowd(3)
    await world.announce("Hello")
    await world.fire()
    await leave_in_flight(world, "test", timedelta(seconds=1))
    async with world.working("test") as worker:
        await settle(worker)
    assert await world.statuses() == ["sent"] * 3


async def test_rows_another_live_instance_holds_are_left_alone(world: World) -> None:
    """A fresh claim by another instance is theirs: nothing is sent twice."""
    await world.crowd(2)
    await world.announce("Hello")
    await world.fire()
    await leave_in_flight(world, "other", timedelta(seconds=1))
    async with world.working("test") as worker:
        await settle(worker)
    assert world.messenger.counts() == {}
    assert await world.statuses() == ["sending"] * 2


async def test_rows_of_a_dead_instance_are_taken_over_after_the_lease(world: World) -> None:
    """A claim older than the lease belongs to a dead process: its rows go out here."""
    await world.crowd(2)
    await world.announce("Hello")
    await world.fire()
    await leave_in_flight(world, "other", LEASE + timedelta(seconds=1))
    async with world.working("test") as worker:
        await settle(worker)
    assert await world.statuses() == ["sent"] * 2


async def test_a_graceful_stop_leaves_untried_rows_pending(world: World) -> None:
    """Stopped mid-broadcast: what was sent is recorded, the rest is pending, none in flight."""
    await world.crowd(40)
    await world.announce("Hello")
    await world.fire()
    world.messenger.latency = 0.05
    worker = world.worker(concurrency=2)
    await worker.start()
    await eventually_true(now_true(lambda: world.messenger.memory.said), "a first message")
    await worker.stop()
    statuses = await world.statuses()
    assert set(statuses) == {"sent", "pending"}
    assert statuses.count("sent") == len(world.messenger.memory.said)
