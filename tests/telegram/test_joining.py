"""Joining the closed network by invitation, and the one polite refusal for everyone else."""

from __future__ import annotations

import re

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.members import Language, Role
from emulators.telegram import BotApiEmulator
from tests.telegram.people import Chatter, People, identity

pytestmark = pytest.mark.usefixtures("on_telegram")
WELCOME_DANA = (
    texts.WELCOME.format(name="Dana") + "\n" + texts.LANGUAGE_HINT.format(language="English")
)


async def test_an_invitation_link_lets_a_newcomer_in(people: People, mreza: Mreza) -> None:
    """/start <code> from the deep link welcomes the newcomer as a member."""
    code, _ = await mreza.invites.create(Role.MEMBER, "BA", 1, None, mreza.clock.now())
    dana = await people.stranger("Dana")
    await dana.sends("start", code)
    assert await dana.hears() == WELCOME_DANA
    member = await mreza.members.by_identity(identity(dana))
    assert member is not None
    assert (member.country, member.role) == ("BA", Role.MEMBER)


async def test_a_coordinators_invite_link_opens_the_door(
    bob: Chatter, people: People, emu: BotApiEmulator
) -> None:
    """/invite gives a t.me link to this bot; the code in it lets a newcomer join."""
    await bob.sends("invite")
    link = re.search(r"https://t\.me/(\w+)\?start=(\S+)", await bob.hears())
    assert link is not None
    assert link.group(1) == emu.bot.username
    dana = await people.stranger("Dana")
    await dana.sends("start", link.group(2))
    assert await dana.hears() == WELCOME_DANA


async def test_an_unknown_code_is_refused(people: People) -> None:
    """A code nobody issued gets the "not valid" answer."""
    dana = await people.stranger("Dana")
    await dana.sends("start", "not-a-real-code")
    assert await dana.hears() == texts.INVITE_UNKNOWN


async def test_a_used_up_code_is_refused(people: People, mreza: Mreza) -> None:
    """A one-person invitation lets in the first newcomer only."""
    code, _ = await mreza.invites.create(Role.MEMBER, "ME", 1, None, mreza.clock.now())
    dana, eve = await people.stranger("Dana"), await people.stranger("Eve")
    await dana.sends("start", code)
    await dana.hears()
    await eve.sends("start", code)
    assert await eve.hears() == texts.INVITE_USED_UP


async def test_a_stranger_is_refused_once_and_then_ignored(
    people: People, emu: BotApiEmulator
) -> None:
    """A non-member's question gets exactly one polite refusal, and after that silence."""
    eve = await people.stranger("Eve")
    await eve.says("What is resolution 1325?")
    assert await eve.hears() == texts.NOT_A_MEMBER
    await eve.says("Hello? Anyone?")
    await eve.hears_nothing()
    assert len(await emu.calls(method="sendMessage", chat_id=eve.id)) == 1


async def test_a_stranger_is_refused_in_the_language_of_their_app(
    people: People, mreza: Mreza
) -> None:
    """A Macedonian app gets the refusal in Macedonian."""
    vesna = await people.stranger("Весна", language_code="mk")
    await vesna.says("Што е Резолуцијата 1325?")
    refusal = await vesna.hears()
    assert refusal == mreza.translations(Language.MK)(texts.NOT_A_MEMBER)
    assert refusal != texts.NOT_A_MEMBER


async def test_a_member_is_welcomed_back(alice: Chatter) -> None:
    """/start from someone already in greets them by name."""
    await alice.sends("start")
    assert await alice.hears() == texts.WELCOME_BACK.format(name="Alice")


async def test_messages_at_once_get_one_refusal(people: People, emu: BotApiEmulator) -> None:
    """A stranger's five quick messages, taken in one batch, still get a single refusal."""
    eve = await people.stranger("Eve")
    for number in range(5):
        await eve.says(f"Hello {number}?")
    eve.seen = 0  # every reply since the first message counts
    assert await eve.hears() == texts.NOT_A_MEMBER
    await eve.hears_nothing()
    assert len(await emu.calls(method="sendMessage", chat_id=eve.id)) == 1
