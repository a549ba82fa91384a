"""The refusal log's contract: a stranger gets one polite refusal, never two."""

from __future__ import annotations

import asyncio

from bot.members.invites import RefusalLog
from core.clock import FakeClock
from core.members import Identity

STRANGER = Identity("telegram", "555")


async def test_a_stranger_has_not_been_refused_yet(refusals: RefusalLog) -> None:
    """Someone who never wrote has not been refused."""
    assert not await refusals.has_been_refused(STRANGER)


async def test_a_refusal_is_remembered_once(refusals: RefusalLog, clock: FakeClock) -> None:
    """The first refusal is new, the second is not, and the stranger is known as refused."""
    assert await refusals.remember_refusal(STRANGER, clock.now())
    assert not await refusals.remember_refusal(STRANGER, clock.now())
    assert await refusals.has_been_refused(STRANGER)


async def test_refusals_are_per_transport(refusals: RefusalLog, clock: FakeClock) -> None:
    """Being refused on Telegram says nothing about Signal user 555."""
    await refusals.remember_refusal(STRANGER, clock.now())
    assert not await refusals.has_been_refused(Identity("signal", "555"))


async def test_two_racing_messages_get_one_refusal(refusals: RefusalLog, clock: FakeClock) -> None:
    """A stranger sends two messages at once: only one of them earns the refusal."""
    firsts = await asyncio.gather(
        refusals.remember_refusal(STRANGER, clock.now()),
        refusals.remember_refusal(STRANGER, clock.now()),
    )
    assert sorted(firsts) == [False, True]
