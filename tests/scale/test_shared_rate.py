"""The global send rate holds across instances: slots from the database, never too many a second."""

from __future__ import annotations

import asyncio
import time

import pytest

from bench.broadcast import busiest_second
from core.storage import create_engine
from scheduler.shared_rate import SharedRate

pytestmark = pytest.mark.slow  # several instances on PostgreSQL

RATE = 30.0
SENDERS = 8  # per instance, as many as the engine runs at 30 a second
SLOTS = 40  # per instance: four seconds for all three together


async def take_slots(url: str, count: int, stamps: list[float]) -> None:
    """One instance: its own engine and gate, SENDERS concurrent senders taking ``count`` slots."""
    engine = create_engine(url)
    gate = SharedRate(engine, RATE)
    left = [count]

    async def sender() -> None:
        while left[0] > 0:
            left[0] -= 1
            await gate.acquire()
            stamps.append(time.monotonic())

    try:
        await asyncio.gather(*(sender() for _ in range(SENDERS)))
    finally:
        await engine.dispose()


async def test_three_instances_together_keep_the_rate_in_every_second(postgres_url: str) -> None:
    """Three instances each sending as fast as they may: at most 30 in any one second, in all."""
    stamps: list[float] = []
    await asyncio.gather(*(take_slots(postgres_url, SLOTS, stamps) for _ in range(3)))
    assert len(stamps) == 3 * SLOTS
    assert busiest_second(stamps) <= RATE
    span = max(stamps) - min(stamps)
    assert (len(stamps) - 1) / span > 0.8 * RATE  # and not much slower than allowed


async def test_a_pause_holds_every_instance(postgres_url: str) -> None:
    """After one instance hears "retry after 1 s", another's next slot comes a second later."""
    one, other = create_engine(postgres_url), create_engine(postgres_url)
    try:
        await SharedRate(one, RATE).hold(1.0)
        started = time.monotonic()
        await SharedRate(other, RATE).acquire()
        assert time.monotonic() - started >= 0.9
    finally:
        await one.dispose()
        await other.dispose()
