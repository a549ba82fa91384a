"""A message that comes again after a database error is charged to its sender's budget once."""

from __future__ import annotations

import sqlite3

import pytest
from pydantic import SecretStr

from bot.conversation.budget import BURST
from core.settings import BUNDLED_KB_PATH, Settings
from emulators.telegram import DEFAULT_TOKEN
from tests.telegram.people import Chatter
from tests.telegram.test_database_lock import (
    LOCKED_FOR,
    QUESTION,
    LockedFor,
    impatient,
    locked,
    sqlite_file,
    timer,
)

__all__ = ["impatient", "locked", "sqlite_file", "timer"]  # the lock's fixtures, shared


@pytest.fixture
def settings(database_url: str) -> Settings:
    """The product's own budget per sender: five at once, then one every three seconds."""
    return Settings(
        database_url=database_url, kb_path=BUNDLED_KB_PATH, telegram_token=SecretStr(DEFAULT_TOKEN)
    )


@pytest.mark.usefixtures("impatient", "on_telegram")
async def test_a_burst_through_a_long_lock_is_answered_in_full(
    alice: Chatter, timer: LockedFor, locked: sqlite3.Connection
) -> None:
    """Five questions at once, fetched again by every getUpdates during the lock: five answers,
    each charged to the budget once."""
    for _ in range(BURST):
        await alice.says(QUESTION)
    for _ in range(BURST):
        assert "1325" in str((await alice.reply()).params["text"])
    assert timer.waited >= LOCKED_FOR
