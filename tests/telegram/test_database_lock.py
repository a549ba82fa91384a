"""SQLite held by another process for a while: messages sent meanwhile are answered afterwards."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from functools import partial

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from bot.app import Mreza
from core.settings import Settings
from emulators.telegram import SECRET_HEADER, BotApiEmulator
from tests.telegram.people import Chatter
from tests.telegram.running import running
from tests.telegram.test_webhook import SECRET, listen_with_webhook, update_from, webhook_url
from tests.timing import SkippingTimer

LOCKED_FOR = 10.0  # seconds the other process holds the database, on the test's timer
QUESTION = "What is resolution 1325?"


class LockedFor(SkippingTimer):
    """The suite's timer that skips waits; once ``LOCKED_FOR`` seconds were waited, the
    other process lets go of the database."""

    def __init__(self) -> None:
        super().__init__()
        self.waited = 0.0
        self.let_go: Callable[[], None] | None = None

    async def sleep(self, seconds: float) -> None:
        """Skip the wait; the lock ends when enough time has passed."""
        self.waited += max(0.0, seconds)
        if self.let_go is not None and self.waited >= LOCKED_FOR:
            self.let_go()
            self.let_go = None
        await super().sleep(seconds)


@pytest.fixture
def timer() -> LockedFor:
    """What Mreža waits on in these tests."""
    return LockedFor()


@pytest.fixture
def sqlite_file(settings: Settings) -> str:
    """The database file (these tests lock SQLite; PostgreSQL's faults are tested elsewhere)."""
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        pytest.skip("locks an SQLite file")
    return url.database


@pytest.fixture
async def impatient(mreza: Mreza, sqlite_file: str) -> None:
    """SQLite answers "database is locked" after a short busy wait instead of its 5 s, so the
    test waits on the fake timer, not the real one (but Mreža's own writers still queue).
    On PostgreSQL these tests skip (``sqlite_file``) before anything is set."""

    def short_busy_wait(connection: sqlite3.Connection, _record: object) -> None:
        connection.cursor().execute("PRAGMA busy_timeout=200")

    event.listen(mreza.engine.sync_engine, "connect", short_busy_wait)
    await mreza.engine.dispose()  # pooled connections reopen with the listener


@pytest.fixture
async def locked(sqlite_file: str, timer: LockedFor) -> AsyncIterator[sqlite3.Connection]:
    """Another process's connection holding the database (BEGIN EXCLUSIVE) until let go.

    Mreža's scheduler writes several times a second meanwhile: the lock is taken between its
    writes, asking without a busy wait, since a wait here would hold up the loop that runs them.
    """
    other = sqlite3.connect(sqlite_file, isolation_level=None, timeout=0)
    for _ in range(1000):  # ten seconds at the most
        try:
            other.execute("BEGIN EXCLUSIVE")
            break
        except sqlite3.OperationalError:
            await asyncio.sleep(0.01)
    else:
        pytest.fail("Mreža never let go of the database for the other process to take it")

    def let_go() -> None:
        other.execute("ROLLBACK")

    timer.let_go = let_go
    yield other
    other.close()


@pytest.mark.usefixtures("impatient", "on_telegram")
async def test_messages_sent_while_the_database_is_locked_are_answered_afterwards(
    alice: Chatter,
    bob: Chatter,
    timer: LockedFor,
    locked: sqlite3.Connection,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Two members write during the lock: each gets the answer once it lifts, none lost."""
    caplog.set_level(logging.WARNING)
    await alice.says(QUESTION)
    await bob.says(QUESTION)
    assert "1325" in await alice.hears()
    assert "1325" in await bob.hears()
    assert timer.waited >= LOCKED_FOR
    assert any("they come again" in message for message in caplog.messages)


@pytest.mark.usefixtures("impatient", "on_telegram")
async def test_every_update_is_taken_once_the_lock_lifts(
    alice: Chatter, emu: BotApiEmulator, locked: sqlite3.Connection
) -> None:
    """Five messages during the lock: five answers, in the order they were sent."""
    for number in range(5):
        await alice.says(f"{QUESTION} ({number + 1})")
    for _ in range(5):
        await alice.reply()
    await alice.hears_nothing()


@pytest.mark.usefixtures("impatient")
async def test_a_webhook_post_is_refused_while_locked_and_taken_when_posted_again(
    emu: BotApiEmulator, mreza: Mreza, alice: Chatter, sqlite_file: str
) -> None:
    """503 while the update cannot be recorded, so Telegram posts it again; then answered."""
    listen = listen_with_webhook(SECRET)
    async with running(mreza, emu.base_url, listen) as bot, httpx.AsyncClient() as client:
        await emu.wait_for(method="setWebhook")
        locked = await exclusively(sqlite_file)
        post = partial(
            client.post,
            webhook_url(bot),
            json=update_from(alice, QUESTION),
            headers={SECRET_HEADER: SECRET},
        )
        assert (await post()).status_code == 503
        locked.execute("ROLLBACK")
        locked.close()
        assert (await post()).status_code == 200
        assert "1325" in await alice.hears()


async def exclusively(sqlite_file: str) -> sqlite3.Connection:
    """The database locked by another connection, once Mreža's own start-up writes are done."""
    locked = sqlite3.connect(sqlite_file, isolation_level=None, timeout=0)
    for _ in range(200):
        try:
            locked.execute("BEGIN EXCLUSIVE")
            return locked
        except sqlite3.OperationalError:  # the menus being written as the bot starts
            await asyncio.sleep(0.05)
    raise AssertionError("the database stayed busy for 10 s")
