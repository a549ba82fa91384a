"""The closed network: a stranger gets one polite refusal, a removed member one notice."""

from __future__ import annotations

from bot.languages import texts
from core.members import Language, Status
from tests.bot.people import Network, Person


async def test_a_stranger_gets_one_refusal_in_their_apps_language(network: Network) -> None:
    """A non-member's question gets exactly one polite refusal, in Macedonian for an "mk" app."""
    eve = network.stranger("Eve", language_code="mk")
    replies = await eve.says("what is a person of trust")
    assert [r.text for r in replies] == [network.tr(Language.MK)(texts.NOT_A_MEMBER)]
    assert replies[0].buttons == ()


async def test_a_stranger_hears_nothing_after_the_refusal(network: Network) -> None:
    """After the refusal, questions, commands and /start without a code get silence."""
    eve = network.stranger("Eve", language_code="sr")
    await eve.says("hello?")
    for text in ("what is a person of trust", "/help", "/topics", "/start", "/whoami"):
        assert await eve.says(text) == [], text
    assert len(eve.messages) == 1


async def test_a_strangers_question_is_not_answered_or_logged(network: Network) -> None:
    """Nothing a stranger asks is searched for or written to the question log."""
    eve = network.stranger("Eve")
    await eve.says("what is a person of trust")
    assert await network.question_log() == []


async def test_a_strangers_button_press_has_expired(network: Network) -> None:
    """A stranger pressing a genuine button in their own chat gets "expired" and nothing else."""
    eve = network.stranger("Eve")
    data = network.signer.sign(eve.chat, "e", "persons-of-trust")
    assert await eve.sends_press(data) == []
    assert eve.last_notice == texts.BUTTON_EXPIRED


async def test_a_stranger_in_a_group_is_refused_once_there(network: Network) -> None:
    """A stranger mentioning Mreža in a group is refused once in the group, then ignored."""
    eve = network.stranger("Eve").in_(network.group())
    replies = await eve.says("/ask what is a person of trust")
    assert [r.text for r in replies] == [texts.NOT_A_MEMBER]
    assert await eve.says("/ask what is a person of trust") == []


async def test_a_removed_member_hears_once_that_their_membership_ended(
    network: Network, alice: Person
) -> None:
    """A member removed mid-conversation gets the removed message once, then silence."""
    await alice.says("what is a person of trust")
    member = await alice.member()
    await network.mreza.members.set_status(member.id, Status.REMOVED)
    assert [r.text for r in await alice.says("and persons of trust in Montenegro?")] == [
        texts.REMOVED
    ]
    assert await alice.says("hello?") == []
    assert await alice.says("/help") == []


async def test_a_removed_members_button_press_has_expired(network: Network, alice: Person) -> None:
    """The buttons of an answer stop working once the member is removed."""
    await alice.says("what is a person of trust")
    member = await alice.member()
    await network.mreza.members.set_status(member.id, Status.REMOVED)
    assert await alice.presses("👍") == []
    assert alice.last_notice == texts.BUTTON_EXPIRED
    assert [row.feedback for row in await network.question_log()] == [None]


async def test_a_member_refused_before_joining_still_hears_that_they_were_removed(
    network: Network,
) -> None:
    """A member who wrote once before joining still gets the removed message when removed."""
    dana = network.stranger("Dana")
    await dana.says("hello?")
    await dana.says(f"/start {await network.invite()}")
    member = await dana.member()
    await network.mreza.members.set_status(member.id, Status.REMOVED)
    assert [r.text for r in await dana.says("hello again")] == [texts.REMOVED]
