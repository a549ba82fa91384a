"""Failures worth retrying: Telegram's 429s are obeyed, 5xx and timeouts retried with backoff."""

from __future__ import annotations

from datetime import timedelta

from core.messaging import DeliveryFailed
from core.storage import utc
from scheduler.outcomes import BACKOFF_BASE, MAX_ATTEMPTS
from tests.scheduler.world import World, chat_of, settle

FLOOD = DeliveryFailed("Too Many Requests: retry after 5", transient=True, retry_after=5)
SERVER = DeliveryFailed("Internal Server Error", transient=True)
TIMEOUT = DeliveryFailed("Timed out", transient=True)


async def test_a_429_waits_as_told_without_counting_an_attempt(world: World) -> None:
    """retry_after 5: the row is pending for 5 s later, no attempt counted, senders paused."""
    alice = await world.join("Alice")
    world.messenger.fail(chat_of(alice), FLOOD)
    await world.announce("Hello")
    await world.deliver()
    (row,) = await world.deliveries()
    assert (row.status, row.attempts) == ("pending", 0)
    assert utc(row.next_attempt_at) == world.clock.now() + timedelta(seconds=5)
    assert world.pacer.paused


async def test_a_429_loses_nothing(world: World) -> None:
    """Once the wait is over, the message goes out, once."""
    alice = await world.join("Alice")
    world.messenger.fail(chat_of(alice), FLOOD)
    await world.announce("Hello")
    await world.fire()
    async with world.working() as worker:
        await settle(worker)
        world.clock.advance(timedelta(seconds=5))
        await settle(worker)
    assert world.messenger.texts_to(chat_of(alice)) == ["Hello"]
    assert [(r.status, r.attempts) for r in await world.deliveries()] == [("sent", 1)]


async def test_a_server_error_is_retried_after_a_jittered_backoff(world: World) -> None:
    """After a 5xx the row waits at most the first backoff step, and one attempt is counted."""
    alice = await world.join("Alice")
    world.messenger.fail(chat_of(alice), SERVER)
    await world.announce("Hello")
    await world.deliver()
    (row,) = await world.deliveries()
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "Internal Server Error")
    wait = utc(row.next_attempt_at) - world.clock.now()
    assert timedelta(0) <= wait <= timedelta(seconds=BACKOFF_BASE)


async def test_a_timeout_is_retried_until_it_is_delivered(world: World) -> None:
    """Two timeouts, then success: delivered on the third attempt."""
    alice = await world.join("Alice")
    world.messenger.fail(chat_of(alice), TIMEOUT, TIMEOUT)
    await world.announce("Hello")
    await world.fire()
    async with world.working() as worker:
        for _ in range(3):
            await settle(worker)
            world.clock.advance(timedelta(minutes=5))
    assert [(r.status, r.attempts) for r in await world.deliveries()] == [("sent", 3)]
    assert world.messenger.texts_to(chat_of(alice)) == ["Hello"]


async def test_server_errors_without_end_fail_with_the_reason(world: World) -> None:
    """A 5xx every time: after MAX_ATTEMPTS the row fails, with Telegram's reason."""
    alice = await world.join("Alice")
    world.messenger.fail(chat_of(alice), *[SERVER] * MAX_ATTEMPTS)
    await world.announce("Hello")
    await world.fire()
    async with world.working() as worker:
        for _ in range(MAX_ATTEMPTS):
            await settle(worker)
            world.clock.advance(timedelta(minutes=5))
    rows = await world.deliveries()
    assert [(r.status, r.attempts, r.last_error) for r in rows] == [
        ("failed", MAX_ATTEMPTS, "Internal Server Error")
    ]
    assert world.messenger.counts() == {}
