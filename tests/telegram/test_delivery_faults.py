"""Telegram saying no to a broadcast: 429 obeyed, 5xx and timeouts retried, 403 remembered."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import Mreza
from core.members import Status
from emulators.telegram import BotApiEmulator, FaultKind
from scheduler.outcomes import MAX_ATTEMPTS
from scheduler.schedule_tables import DeliveryRow
from tests.telegram.broadcasting import Delivering, delivering
from tests.telegram.people import Chatter, identity

LATER = timedelta(minutes=5)  # past any backoff the first retries can draw


@pytest.fixture(autouse=True)
def timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt in to PTB's coming RetryAfter.retry_after type (and skip its deprecation warning)."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


async def rows(mreza: Mreza) -> list[DeliveryRow]:
    """Every delivery, in id order."""
    async with mreza.sessions() as session:
        return list(await session.scalars(select(DeliveryRow).order_by(DeliveryRow.id)))


async def retried(engine: Delivering, times: int) -> None:
    """Send what is due, then move the clock past the backoff and send again, ``times`` times."""
    await engine.settled()
    for _ in range(times):
        engine.clock.advance(LATER)
        await engine.settled()


@pytest.mark.real_time  # the emulator's 429 lasts a real second
async def test_a_429_is_obeyed_and_the_message_still_arrives(
    emu: BotApiEmulator, mreza: Mreza, alice: Chatter, bob: Chatter
) -> None:
    """Telegram asks for a second's wait: Alice's message comes after it, nothing is lost."""
    await emu.inject_fault(FaultKind.RETRY_AFTER, method="sendMessage", chat_id=alice.id)
    async with delivering(emu, mreza) as engine:
        await engine.announce("Hello")
        await retried(engine, 1)
        assert [c.status for c in await engine.sends_to(alice.id)] == [429, 200]
        assert await engine.delivered_to(bob.id) == ["Hello"]
    assert [(row.status, row.attempts) for row in await rows(mreza)] == [("sent", 1)] * 2


async def test_server_errors_are_retried_until_the_message_arrives(
    emu: BotApiEmulator, mreza: Mreza, alice: Chatter
) -> None:
    """Two 500s, then success: one message, on the third attempt."""
    await emu.inject_fault(FaultKind.SERVER_ERROR, method="sendMessage", count=2)
    async with delivering(emu, mreza) as engine:
        await engine.announce("Hello")
        await retried(engine, 2)
        assert [c.status for c in await engine.sends_to(alice.id)] == [500, 500, 200]
    assert [(row.status, row.attempts) for row in await rows(mreza)] == [("sent", 3)]


async def test_a_timeout_is_retried(emu: BotApiEmulator, mreza: Mreza, alice: Chatter) -> None:
    """Telegram holds the first send past the read timeout; the retry delivers it."""
    await emu.inject_fault(FaultKind.TIMEOUT, method="sendMessage", hold_seconds=3)
    async with delivering(emu, mreza) as engine:
        await engine.announce("Hello")
        await retried(engine, 1)
        assert await engine.delivered_to(alice.id) == ["Hello"]
    assert [(row.status, row.attempts) for row in await rows(mreza)] == [("sent", 2)]


async def test_endless_server_errors_fail_with_the_reason(
    emu: BotApiEmulator, mreza: Mreza, alice: Chatter
) -> None:
    """A 502 every time: failed after the last attempt, with Telegram's words."""
    await emu.inject_fault(FaultKind.SERVER_ERROR, method="sendMessage", status=502, count=99)
    async with delivering(emu, mreza) as engine:
        await engine.announce("Hello")
        await retried(engine, MAX_ATTEMPTS)
        assert await engine.delivered_to(alice.id) == []
    assert [(r.status, r.attempts, r.last_error) for r in await rows(mreza)] == [
        ("failed", MAX_ATTEMPTS, "Bad Gateway")
    ]


async def test_a_member_who_blocked_mreza_is_marked_blocked(
    emu: BotApiEmulator, mreza: Mreza, alice: Chatter, bob: Chatter
) -> None:
    """Alice blocked the bot: her delivery ends blocked and so does she; Bob still gets it."""
    await emu.block_bot(alice.id)
    async with delivering(emu, mreza) as engine:
        await engine.announce("Hello")
        await engine.settled()
        assert await engine.delivered_to(bob.id) == ["Hello"]
    assert [row.status for row in await rows(mreza)] == ["blocked", "sent"]
    member = await mreza.members.by_identity(identity(alice))
    assert member is not None
    assert member.status is Status.BLOCKED
