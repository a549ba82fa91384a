"""The invite book's contract, the same for the in-memory fake and the SQL store."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import pytest

from bot.members.invites import Invite, InviteBook, InviteRefused, Refusal
from core.clock import FakeClock
from core.members import Role

WEEK = timedelta(days=7)


async def refusal(book: InviteBook, code: str, clock: FakeClock) -> Refusal:
    """Why redeeming ``code`` now is refused (fails the test if it is not)."""
    with pytest.raises(InviteRefused) as refused:
        await book.redeem(code, clock.now())
    return refused.value.reason


async def test_a_new_invite_says_what_it_grants(invites: InviteBook, clock: FakeClock) -> None:
    """A coordinator invite for Serbia, three uses, a week: all of it comes back with the code."""
    now = clock.now()
    code, invite = await invites.create(Role.COORDINATOR, "RS", 3, now + WEEK, now)
    assert re.fullmatch(r"[A-Za-z0-9_-]{8,64}", code)  # fits a t.me ?start= parameter
    assert (invite.role, invite.country, invite.uses_left) == (Role.COORDINATOR, "RS", 3)
    assert (invite.expires_at, invite.created_at) == (now + WEEK, now)


async def test_each_redemption_uses_one_admission(invites: InviteBook, clock: FakeClock) -> None:
    """Two people join with a two-use code; the third is told it is used up."""
    code, _ = await invites.create(Role.MEMBER, "BA", 2, clock.now() + WEEK, clock.now())
    first = await invites.redeem(code, clock.now())
    second = await invites.redeem(code, clock.now())
    assert (first.uses_left, second.uses_left) == (1, 0)
    assert (second.role, second.country) == (Role.MEMBER, "BA")
    assert await refusal(invites, code, clock) is Refusal.USED_UP


async def test_an_unknown_code_is_refused(invites: InviteBook, clock: FakeClock) -> None:
    """A code nobody created is unknown."""
    await invites.create(Role.MEMBER, "BA", 1, None, clock.now())
    assert await refusal(invites, "not-a-code", clock) is Refusal.UNKNOWN


async def test_an_expired_code_is_refused_even_with_uses_left(
    invites: InviteBook, clock: FakeClock
) -> None:
    """A week later, to the second, the code has expired."""
    code, _ = await invites.create(Role.MEMBER, "MK", 5, clock.now() + WEEK, clock.now())
    clock.advance(WEEK)
    assert await refusal(invites, code, clock) is Refusal.EXPIRED


async def test_a_code_works_until_it_expires(invites: InviteBook, clock: FakeClock) -> None:
    """One second before the end of the week the code still lets someone in."""
    code, _ = await invites.create(Role.MEMBER, "MK", 1, clock.now() + WEEK, clock.now())
    clock.advance(WEEK - timedelta(seconds=1))
    assert (await invites.redeem(code, clock.now())).uses_left == 0


async def test_a_code_without_expiry_works_years_later(
    invites: InviteBook, clock: FakeClock
) -> None:
    """An invite with no expiry still works three years on."""
    code, invite = await invites.create(Role.MEMBER, "regional", 1, None, clock.now())
    clock.advance(timedelta(days=3 * 365))
    assert invite.expires_at is None
    assert (await invites.redeem(code, clock.now())).expires_at is None


async def test_a_pasted_code_with_spaces_still_works(invites: InviteBook, clock: FakeClock) -> None:
    """A code copied with a stray newline is the same code."""
    code, _ = await invites.create(Role.MEMBER, "ME", 1, None, clock.now())
    assert (await invites.redeem(f" {code}\n", clock.now())).uses_left == 0


async def test_an_invite_for_nobody_cannot_be_made(invites: InviteBook, clock: FakeClock) -> None:
    """An invite must admit at least one person."""
    with pytest.raises(ValueError, match="at least one"):
        await invites.create(Role.MEMBER, "ME", 0, None, clock.now())


async def test_the_last_use_goes_to_exactly_one_of_two_racing_people(
    invites: InviteBook, clock: FakeClock
) -> None:
    """Two people open the last use of a link at the same moment: one joins, one is refused."""
    code, _ = await invites.create(Role.MEMBER, "RS", 1, clock.now() + WEEK, clock.now())
    outcomes = await asyncio.gather(
        invites.redeem(code, clock.now()), invites.redeem(code, clock.now()), return_exceptions=True
    )
    joined = [o for o in outcomes if isinstance(o, Invite)]
    refused = [o for o in outcomes if isinstance(o, InviteRefused)]
    assert len(joined) == 1
    assert [r.reason for r in refused] == [Refusal.USED_UP]


async def test_a_crowd_gets_exactly_the_uses_there_are(
    invites: InviteBook, clock: FakeClock
) -> None:
    """Six people race for a three-use code: three join, three are told it is used up."""
    code, _ = await invites.create(Role.MEMBER, "BA", 3, None, clock.now())
    outcomes = await asyncio.gather(
        *(invites.redeem(code, clock.now()) for _ in range(6)), return_exceptions=True
    )
    assert sorted(o.uses_left for o in outcomes if isinstance(o, Invite)) == [0, 1, 2]
    assert [o.reason for o in outcomes if isinstance(o, InviteRefused)] == [Refusal.USED_UP] * 3
