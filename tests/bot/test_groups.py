"""Mreža in a group: it answers only when addressed, and keeps private matters private."""

from __future__ import annotations

import pytest

from bot.asking.browsing import member_help
from bot.languages import texts
from core.events import Chat
from tests.bot.people import Network, Person

CLEAR = "what is a person of trust"


async def test_an_unaddressed_group_message_is_ignored(
    network: Network, alice: Person, group: Chat
) -> None:
    """Chatter in the group that is not meant for Mreža gets no reply and is not logged."""
    assert await alice.in_(group).says(CLEAR, addressed=False) == []
    assert await network.question_log() == []


async def test_an_unaddressed_message_from_a_stranger_is_ignored(
    network: Network, group: Chat
) -> None:
    """A stranger chatting in the group is not refused: they were not talking to Mreža."""
    assert await network.stranger("Eve").in_(group).says("hi all", addressed=False) == []


async def test_a_mention_is_answered_in_the_group(alice: Person, group: Chat) -> None:
    """A question mentioning Mreža (the transport strips the mention) is answered in the group."""
    replies = await alice.in_(group).says(CLEAR)
    assert [r.chat for r in replies] == [group]
    assert replies[0].text.startswith("Persons of trust in the defence system\n")


async def test_ask_is_answered_in_the_group(alice: Person, group: Chat) -> None:
    """/ask followed by a question is answered in the group, with feedback buttons."""
    replies = await alice.in_(group).says(f"/ask {CLEAR}")
    assert [r.chat for r in replies] == [group]
    assert replies[0].text.startswith("Persons of trust in the defence system\n")
    assert replies[0].labels == ["👍", "👎"]


async def test_ask_addressed_by_name_is_answered(alice: Person, group: Chat) -> None:
    """/ask@MrezaBot works as /ask."""
    replies = await alice.in_(group).says(f"/ask@MrezaBot {CLEAR}")
    assert replies[0].text.startswith("Persons of trust in the defence system\n")


async def test_ask_without_a_question_asks_what_to_ask(alice: Person, group: Chat) -> None:
    """/ask alone gets a prompt for the question."""
    assert [r.text for r in await alice.in_(group).says("/ask")] == [texts.ASK_WHAT]


async def test_i_dont_know_in_a_group_offers_no_pass_on(alice: Person, group: Chat) -> None:
    """In a group, "I don't know" comes without the pass-on offer."""
    replies = await alice.in_(group).says("/ask what is the weather in Podgorica")
    assert [r.text for r in replies] == [texts.DONT_KNOW]
    assert replies[0].buttons == ()


async def test_a_clarify_choice_pressed_in_the_group_shows_the_entry_there(
    bob: Person, alice: Person, group: Chat
) -> None:
    """Any member in the group can press an offered entry; it is shown in the group."""
    await alice.in_(group).says("/ask glass ceiling women officers")
    first = alice.in_(group).last_message.labels[0]
    replies = await bob.in_(group).presses(first)
    assert [r.chat for r in replies] == [group]
    assert replies[0].text.startswith(first.removesuffix("…"))  # a long title is shortened


@pytest.mark.parametrize("command", ["/whoami", "/forget", "/lang"])
async def test_personal_commands_are_sent_to_a_private_chat(
    alice: Person, group: Chat, command: str
) -> None:
    """/whoami, /forget and /lang in a group get "please send me ... in a private chat"."""
    replies = await alice.in_(group).says(command)
    assert [r.text for r in replies] == [texts.GROUP_ONLY_PRIVATE.format(command=command)]


@pytest.mark.parametrize("command", ["/invite", "/unanswered"])
async def test_coordinators_commands_are_sent_to_a_private_chat(
    cora: Person, group: Chat, command: str
) -> None:
    """A coordinator's /invite or /unanswered in a group is sent to a private chat."""
    replies = await cora.in_(group).says(command)
    assert [r.text for r in replies] == [texts.GROUP_ONLY_PRIVATE.format(command=command)]


async def test_whoami_in_a_group_reveals_nothing(alice: Person, group: Chat) -> None:
    """Nothing of Alice's record appears in the group."""
    await alice.in_(group).says("/whoami@MrezaBot")
    assert "Serbia" not in alice.in_(group).last_message.text


async def test_help_works_in_a_group(alice: Person, group: Chat) -> None:
    """/help is answered in the group."""
    assert [r.text for r in await alice.in_(group).says("/help")] == [member_help(str)]
