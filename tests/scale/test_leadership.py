"""One scheduler leader by advisory lock: a second stays a follower, and takes over in time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import text

from core.storage import create_engine
from scheduler.leadership import AdvisoryLockLeader, current_leader
from tests.telegram.people import eventually_true

pytestmark = pytest.mark.slow  # several instances on PostgreSQL

TIMEOUT = 1.5  # seconds: MREZA_LEADER_TIMEOUT, short so that the tests are quick


class Terms:
    """What one instance was told: elected and deposed, in order."""

    def __init__(self) -> None:
        self.log: list[str] = []

    def elected(self) -> None:
        """Told to lead."""
        self.log.append("elected")

    async def deposed(self) -> None:
        """Told to stop leading."""
        self.log.append("deposed")


@asynccontextmanager
async def campaigning(url: str, name: str) -> AsyncIterator[tuple[AdvisoryLockLeader, Terms]]:
    """An instance campaigning for the lead until the block ends."""
    leader, terms = AdvisoryLockLeader(url, TIMEOUT, name), Terms()
    await leader.start(terms.elected, terms.deposed)
    try:
        yield leader, terms
    finally:
        await leader.stop()


async def cut_off(url: str, name: str) -> int:
    """End the lock connection of one instance from the server side, as a crash would."""
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            ended = await connection.scalar(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    " WHERE application_name = :name"
                ),
                {"name": f"mreza scheduler {name}"},
            )
    finally:
        await engine.dispose()
    return int(ended or 0)


async def test_the_first_instance_leads_and_a_second_stays_a_follower(postgres_url: str) -> None:
    """Two instances start: the first leads, the second trying to lead too does not."""
    async with (
        campaigning(postgres_url, "one") as (one, one_terms),
        campaigning(postgres_url, "two") as (two, two_terms),
    ):
        await asyncio.sleep(2 * two.retry)  # it asked more than once
        assert (one.leading, two.leading) == (True, False)
        assert (one_terms.log, two_terms.log) == (["elected"], [])
        assert await leader_named(postgres_url) == "one"
    assert one_terms.log == ["elected", "deposed"]


async def test_a_follower_takes_over_within_the_timeout_when_the_leader_stops(
    postgres_url: str,
) -> None:
    """The leader stops: the follower leads within MREZA_LEADER_TIMEOUT."""
    one, one_terms = AdvisoryLockLeader(postgres_url, TIMEOUT, "one"), Terms()
    await one.start(one_terms.elected, one_terms.deposed)
    async with campaigning(postgres_url, "two") as (two, two_terms):
        assert (one.leading, two.leading) == (True, False)
        await one.stop()
        stopped = time.monotonic()
        await eventually_true(lambda: _is(two.leading), "the follower leading", TIMEOUT)
        assert time.monotonic() - stopped <= TIMEOUT
        assert (one_terms.log, two_terms.log) == (["elected", "deposed"], ["elected"])


async def test_a_leader_whose_connection_dies_steps_down_and_another_leads(
    postgres_url: str,
) -> None:
    """The leader's lock connection is killed: it is deposed, and the follower takes over."""
    async with (
        campaigning(postgres_url, "one") as (one, one_terms),
        campaigning(postgres_url, "two") as (two, _),
    ):
        assert await cut_off(postgres_url, "one") == 1
        started = time.monotonic()
        await eventually_true(lambda: _is(two.leading), "the follower leading", TIMEOUT)
        assert time.monotonic() - started <= TIMEOUT
        await eventually_true(lambda: _is(not one.leading), "the old leader deposed", TIMEOUT)
        assert one_terms.log[:2] == ["elected", "deposed"]


async def leader_named(url: str) -> str | None:
    """Who holds the lock, as PostgreSQL says."""
    engine = create_engine(url)
    try:
        return await current_leader(engine)
    finally:
        await engine.dispose()


async def _is(value: bool) -> bool:
    return value
