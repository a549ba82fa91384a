"""Several workers on one database share the work: each message goes out once."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from uuid import uuid4

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import create_async_engine

from core.clock import FakeClock
from core.storage import create_engine, session_factory, upgrade
from tests.scheduler.world import World, settle

POSTGRES_URL = os.environ.get(
    "MREZA_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
CROWD = 120


async def two_workers_deliver(one: World, other: World) -> None:
    """A broadcast drained by two workers at once, each with its own engine and name."""
    await one.crowd(CROWD)
    await one.announce("Shared")
    await one.fire()
    first, second = one.worker("first"), other.worker("second")
    for worker in (first, second):
        await worker.start()
    try:
        await asyncio.gather(settle(first), settle(second))
    finally:
        await asyncio.gather(first.stop(), second.stop())


async def test_two_workers_on_sqlite_deliver_each_message_once(
    world: World, database_url: str, clock: FakeClock
) -> None:
    """Two engines on the same SQLite file: 120 members, 120 messages, none twice."""
    engine = create_engine(database_url)
    other = World(session_factory(engine), clock, messenger=world.messenger)
    world.messenger.latency = other.messenger.latency = 0.002  # so the two overlap
    try:
        await two_workers_deliver(world, other)
    finally:
        await engine.dispose()
    assert sorted(world.messenger.counts().values()) == [1] * CROWD
    assert set(await world.statuses()) == {"sent"}


@asynccontextmanager
async def postgres_world(clock: FakeClock) -> AsyncIterator[World]:
    """A network in a fresh PostgreSQL schema; skips when PostgreSQL is not there."""
    schema = f"mreza_test_{uuid4().hex[:12]}"
    admin = create_async_engine(POSTGRES_URL, connect_args={"timeout": 5})
    try:
        async with admin.begin() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except (OSError, SQLAlchemyError) as error:
        await admin.dispose()
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}: {error}")
    engine = create_async_engine(
        POSTGRES_URL, connect_args={"server_settings": {"search_path": schema}}
    )
    try:
        await upgrade(engine)
        yield World(session_factory(engine), clock)
    finally:
        await engine.dispose()
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


@pytest.mark.slow  # PostgreSQL's row locks
async def test_two_workers_on_postgresql_deliver_each_message_once(clock: FakeClock) -> None:
    """The same on PostgreSQL, where claims use SELECT ... FOR UPDATE SKIP LOCKED."""
    async with postgres_world(clock) as world:
        world.messenger.latency = 0.002
        await two_workers_deliver(world, world)
        assert sorted(world.messenger.counts().values()) == [1] * CROWD
        assert set(await world.statuses()) == {"sent"}
