"""Killed with SIGKILL mid-broadcast and started again: everyone gets it, few get it twice."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy import func, select

from bench.broadcast import add_members, add_users
from bot.members.directory import SqlMemberDirectory
from core.clock import SystemClock
from core.storage import create_engine, session_factory, upgrade
from emulators.telegram import EmulatorClient, EmulatorProcess
from scheduler.audience import Audience
from scheduler.planner import Planner
from scheduler.schedule_drafts import AnnouncementDraft
from scheduler.schedule_tables import DeliveryRow
from tests.telegram.engine_process import SENDERS
from tests.telegram.people import eventually_true

pytestmark = pytest.mark.slow  # a broadcast killed and restarted in real processes

MEMBERS = 1000
KILL_AFTER = 200  # messages delivered before the kill
STARTUP_WAIT = 60.0  # seconds: a cold interpreter imports everything first
FINISH_WAIT = 120.0  # seconds for the restarted process to deliver the rest


def appending(path: Path) -> BinaryIO:
    """The file the engine's standard error goes to, for a failing test to show."""
    return path.open("ab")


def written(path: Path) -> str:
    """What the engine wrote to standard error."""
    return path.read_text(errors="replace")


@asynccontextmanager
async def delivering(
    database_url: str, emulator: EmulatorProcess, log: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    """``python -m tests.telegram.engine_process`` against the emulator, killed at the end."""
    assert emulator.client is not None
    with appending(log) as errors:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "tests.telegram.engine_process"),
            *(database_url, emulator.client.base_url, emulator.token),
            stdout=asyncio.subprocess.PIPE,
            stderr=errors,
        )
    try:
        assert process.stdout is not None
        ready = await asyncio.wait_for(process.stdout.readline(), STARTUP_WAIT)
        assert ready == b"delivering\n", written(log)
        yield process
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()


async def delivered(client: EmulatorClient, at_least: int) -> bool:
    """True once the emulator has taken this many messages."""
    return (await client.counters()).messages_sent >= at_least


async def underway(database_url: str) -> int:
    """Deliveries still pending or in flight."""
    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as session:
            left = await session.scalar(
                select(func.count()).where(DeliveryRow.status.in_(("pending", "sending")))
            )
    finally:
        await engine.dispose()
    return int(left or 0)


async def a_broadcast(database_url: str, client: EmulatorClient) -> list[int]:
    """A thousand members in the emulator and the database, and an announcement to all."""
    users = await add_users(client, MEMBERS)
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        sessions = session_factory(engine)
        await add_members(sessions, users)
        planner = Planner(sessions, SqlMemberDirectory(sessions), SystemClock())
        await planner.announce(AnnouncementDraft("Hello, everyone", Audience(everyone=True)), None)
    finally:
        await engine.dispose()
    return users


async def test_a_killed_broadcast_reaches_everyone_and_few_twice(tmp_path: Path) -> None:
    """SIGKILL at 200 of 1,000, restart: all 1,000 get it; at most SENDERS get it twice."""
    url = f"sqlite+aiosqlite:///{tmp_path}/crash.db"
    log = tmp_path / "engine.log"
    emulator = EmulatorProcess(latency_ms=50)
    async with emulator as client:
        users = await a_broadcast(url, client)
        async with delivering(url, emulator, log) as first:
            await eventually_true(lambda: delivered(client, KILL_AFTER), "200 sent", STARTUP_WAIT)
            first.kill()
        at_the_kill = (await client.counters()).messages_sent
        async with delivering(url, emulator, log):
            await eventually_true(lambda: _done(url), "every delivery finished", FINISH_WAIT)
        calls = await client.calls(method="sendMessage")
    per_chat = Counter(call.chat_id for call in calls if call.ok)
    assert at_the_kill < MEMBERS, "the kill came after the broadcast had finished"
    assert [user for user in users if not per_chat[user]] == []
    assert max(per_chat.values()) <= 2
    assert sum(count - 1 for count in per_chat.values()) <= SENDERS


async def _done(url: str) -> bool:
    return await underway(url) == 0
