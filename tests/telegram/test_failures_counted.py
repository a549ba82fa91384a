"""Every failure is logged with its cause and counted, never lost in python-telegram-bot."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

import pytest
from sqlalchemy.exc import OperationalError
from telegram import Chat, Message, Update, User

from bot.transports.telegram_api.intake import error_handler
from core.transient import retried, transient


class CountedMetrics:
    """The metrics port, remembering only updates by result."""

    def __init__(self) -> None:
        self.updates: Counter[tuple[str, str]] = Counter()

    def update_handled(self, transport: str, result: str) -> None:
        """Count it."""
        self.updates[transport, result] += 1

    def answered(self, decision: str) -> None:
        """Not counted here."""

    def delivery_ended(self, status: str) -> None:
        """Not counted here."""

    def message_sent(self) -> None:
        """Not counted here."""

    def pulse_answered(self, mode: str) -> None:
        """Not counted here."""


class NoWaiting:
    """Waits that pass at once, adding up how long they were."""

    def __init__(self) -> None:
        self.waited = 0.0

    async def sleep(self, seconds: float) -> None:
        """Count the wait."""
        self.waited += seconds


def locked() -> OperationalError:
    """What SQLite held by another process answers."""
    return OperationalError("INSERT ...", {}, Exception("database is locked"))


def an_update(update_id: int) -> Update:
    """A member's text message."""
    alice = User(11, "Alice", is_bot=False)
    chat = Chat(11, Chat.PRIVATE)
    message = Message(1, datetime(2027, 1, 12, tzinfo=UTC), chat, from_user=alice, text="hi")
    return Update(update_id, message=message)


async def test_the_error_handler_logs_the_cause_and_counts_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An update that failed: one ERROR line with the update id and the traceback, one count."""
    metrics = CountedMetrics()
    context = cast(Any, SimpleNamespace(error=RuntimeError("the disk is full")))
    with caplog.at_level(logging.ERROR):
        await error_handler(metrics)(an_update(42), context)
    [record] = caplog.records
    assert record.getMessage() == "update 42 failed"
    assert record.exc_info is not None
    assert str(record.exc_info[1]) == "the disk is full"
    assert metrics.updates == Counter({("telegram", "failed"): 1})


def test_a_lock_and_a_lost_connection_pass_and_a_bug_does_not() -> None:
    """Locked and disconnected are transient; a programming error is not."""
    assert transient(locked())
    assert transient(ConnectionResetError("reset by peer"))
    assert not transient(KeyError("member"))


async def test_work_is_tried_again_until_the_lock_lifts() -> None:
    """Three locked attempts, then the work is done: 0.2 + 0.4 + 0.8 s waited."""
    attempts: list[int] = []

    async def work() -> str:
        attempts.append(len(attempts) + 1)
        if len(attempts) <= 3:
            raise locked()
        return "answered"

    waiting = NoWaiting()
    assert await retried(work, waiting, "a message") == "answered"
    assert (attempts, round(waiting.waited, 1)) == ([1, 2, 3, 4], 1.4)


async def test_a_bug_is_not_tried_again() -> None:
    """A non-transient error surfaces at once, to be logged and counted."""
    attempts: list[int] = []

    async def work() -> None:
        attempts.append(1)
        raise KeyError("member")

    with pytest.raises(KeyError):
        await retried(work, NoWaiting(), "a message")
    assert attempts == [1]


async def test_a_lock_that_never_lifts_is_given_up_after_five_minutes() -> None:
    """Past five minutes of waiting the error surfaces, so the failure is counted."""

    async def work() -> None:
        raise locked()

    waiting = NoWaiting()
    with pytest.raises(OperationalError):
        await retried(work, waiting, "a message")
    assert 300 <= waiting.waited < 320
