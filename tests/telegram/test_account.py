"""A member's own data (/whoami, /forget) and the commands only coordinators may use."""

from __future__ import annotations

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.members import Status
from tests.telegram.people import Chatter, identity

pytestmark = pytest.mark.usefixtures("on_telegram")


async def test_whoami_shows_the_member_record(alice: Chatter) -> None:
    """/whoami lists what Mreža knows, starting with the name."""
    await alice.sends("whoami")
    record = await alice.hears()
    assert record.splitlines()[:2] == ["Name: Alice", "Country: Serbia"]


async def test_forget_asks_before_deleting(alice: Chatter) -> None:
    """/forget shows the consequences and two buttons, yes and no."""
    await alice.sends("forget")
    confirm = await alice.reply()
    assert confirm.result["text"] == texts.FORGET_CONFIRM
    rows = confirm.params["reply_markup"]["inline_keyboard"]
    assert [button["text"] for button in rows[0]] == [texts.FORGET_YES, texts.FORGET_NO]


async def test_confirming_forget_deletes_the_member(alice: Chatter, mreza: Mreza) -> None:
    """Pressing "yes" deletes the member's data; what they write next is refused."""
    member = await mreza.members.by_identity(identity(alice))
    assert member is not None
    await alice.sends("forget")
    await alice.presses(texts.FORGET_YES)
    assert await alice.hears() == texts.FORGOTTEN
    await alice.acknowledgement()
    assert await mreza.members.by_identity(identity(alice)) is None
    forgotten = await mreza.members.get(member.id)
    assert forgotten is not None
    assert (forgotten.name, forgotten.status) == ("", Status.REMOVED)
    await alice.says("What is resolution 1325?")
    assert await alice.hears() == texts.NOT_A_MEMBER


async def test_declining_forget_keeps_everything(alice: Chatter, mreza: Mreza) -> None:
    """Pressing "no" deletes nothing."""
    await alice.sends("forget")
    await alice.presses(texts.FORGET_NO)
    assert await alice.hears() == texts.FORGET_CANCELLED
    assert await mreza.members.by_identity(identity(alice)) is not None


async def test_a_member_may_not_list_unanswered_questions(alice: Chatter) -> None:
    """/unanswered from a plain member is refused."""
    await alice.sends("unanswered")
    assert await alice.hears() == texts.NOT_ALLOWED


async def test_a_coordinator_sees_what_members_could_not_find(alice: Chatter, bob: Chatter) -> None:
    """/unanswered shows a question that got "I don't know", how often and from where."""
    await alice.says("recipe for ćevapi")
    assert await alice.hears() == texts.DONT_KNOW
    await bob.sends("unanswered")
    assert await bob.hears() == texts.UNANSWERED_QUEUE_HEAD.format(shown=1, total=1)
    head, example = (await bob.hears()).splitlines()
    assert head.startswith("#1 · 1× · RS 1 · first ")
    assert example == "– recipe for ćevapi"


async def test_a_coordinator_hears_when_nothing_is_unanswered(bob: Chatter) -> None:
    """/unanswered with an empty log says so."""
    await bob.sends("unanswered")
    assert await bob.hears() == texts.UNANSWERED_EMPTY
