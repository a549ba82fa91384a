"""The delivery engine on a temp SQLite database, with fakes for Telegram and the bot's words."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from core.clock import FakeClock
from core.storage import create_engine, session_factory, upgrade
from tests.scheduler.world import World


@pytest.fixture
async def world(database_url: str, clock: FakeClock) -> AsyncIterator[World]:
    """A fresh network on a migrated temp database."""
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        yield World(session_factory(engine), clock)
    finally:
        await engine.dispose()
