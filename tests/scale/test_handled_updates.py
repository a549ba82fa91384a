"""Handled updates: first come, first handled; forgotten once Telegram would not retry."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.transports.telegram_api.handled_updates import KEPT_FOR, HandledUpdates
from core.clock import FakeClock
from core.storage import create_engine, session_factory, upgrade

pytestmark = pytest.mark.slow  # several instances on PostgreSQL


@pytest.fixture
async def handled(database_url: str, clock: FakeClock) -> AsyncIterator[HandledUpdates]:
    """The record on a migrated database of the run's kind."""
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        yield HandledUpdates(session_factory(engine), clock)
    finally:
        await engine.dispose()


async def test_an_update_is_taken_once(handled: HandledUpdates) -> None:
    """The first look at update 7 takes it; the second finds it taken; update 8 is new."""
    assert [await handled.first_time(7), await handled.first_time(7)] == [True, False]
    assert await handled.first_time(8)


async def test_old_updates_are_forgotten(handled: HandledUpdates, clock: FakeClock) -> None:
    """Past KEPT_FOR an id is forgotten (Telegram no longer retries); a recent one is kept."""
    await handled.first_time(7)
    clock.advance(KEPT_FOR + timedelta(minutes=1))
    await handled.first_time(8)
    await handled.prune(clock.now())
    assert [await handled.first_time(7), await handled.first_time(8)] == [True, False]
