"""Awkward input: markup characters, very long questions, members who block Mreža and come back."""

from __future__ import annotations

import pytest

from bot.languages import texts
from core.members import Status
from tests.bot.people import Network, Person

SPECIAL = "<b>what</b> is a *person* of _trust_ & more?"


async def test_markup_characters_are_just_text(network: Network, alice: Person) -> None:
    """A question full of <, >, &, * and _ is answered and logged exactly as written."""
    replies = await alice.says(SPECIAL)
    assert len(replies) == 1
    assert replies[0].text.startswith("Persons of trust in the defence system\n")
    assert [row.text for row in await network.question_log()] == [SPECIAL]


async def test_markup_characters_reach_the_coordinators_literally(
    network: Network, alice: Person, cora: Person
) -> None:
    """A passed-on question keeps its <, >, &, * and _ as typed: nothing is read as markup."""
    question = "<script>alert(1)</script> & *recept* za _sarmu_ <b>now</b>"
    await alice.says(question)
    await alice.presses(texts.PASS_ON)
    assert cora.last_message.text.endswith("\n\n" + question)


async def test_a_command_with_markup_characters_is_named_back_literally(alice: Person) -> None:
    """An unknown command with odd characters (and braces) is echoed back as typed."""
    replies = await alice.says("/<b>{name}&_x_")
    assert [r.text for r in replies] == [texts.UNKNOWN_COMMAND.format(command="/<b>{name}&_x_")]


async def test_a_very_long_question_gets_the_notice_and_an_answer(
    network: Network, alice: Person
) -> None:
    """5,000 characters: Mreža says it read the first 1,000, then answers from them."""
    long = "what is a person of trust " + "... " * 1250  # then a pasted run of dots
    assert len(long) > 5000
    replies = await alice.says(long)
    assert replies[0].text == texts.TOO_LONG.format(limit=1000)
    assert replies[1].text.startswith("Persons of trust in the defence system\n")
    assert [len(row.text) for row in await network.question_log()] == [1000]


async def test_a_very_long_nonsense_question_gets_the_notice_and_i_dont_know(
    alice: Person,
) -> None:
    """5,000 characters of nothing: the notice, then an honest "I don't know"."""
    replies = await alice.says("x" * 5000)
    assert [r.text for r in replies] == [
        texts.TOO_LONG.format(limit=1000),
        texts.DONT_KNOW,
        texts.DONT_KNOW_OFFER,
    ]


@pytest.mark.parametrize("text", ["", "   ", "/", "?", "🙂", "\u200b"])
async def test_empty_or_odd_messages_do_not_break_anything(alice: Person, text: str) -> None:
    """Blank, lone-slash, emoji or invisible messages get at most an "I don't know"."""
    replies = await alice.says(text)
    assert all(texts.DONT_KNOW in r.text or r.text == texts.DONT_KNOW_OFFER for r in replies)


async def test_member_left_marks_the_member_blocked(network: Network, alice: Person) -> None:
    """When a member blocks Mreža it stops writing to them: their status becomes blocked."""
    assert await alice.leaves() == []
    member = await alice.member()
    assert member.status is Status.BLOCKED


async def test_writing_again_after_blocking_makes_the_member_active(
    network: Network, alice: Person
) -> None:
    """A blocked member's next message is answered and makes them active again."""
    await alice.leaves()
    replies = await alice.says("what is a person of trust")
    assert replies[0].text.startswith("Persons of trust in the defence system\n")
    member = await alice.member()
    assert member.status is Status.ACTIVE


async def test_a_stranger_leaving_changes_nothing(network: Network) -> None:
    """A MemberLeft from someone Mreža does not know is ignored."""
    eve = network.stranger("Eve")
    assert await eve.leaves() == []
    assert await eve.record() is None


async def test_a_removed_member_leaving_stays_removed(network: Network, alice: Person) -> None:
    """Blocking Mreža after removal does not turn "removed" into "blocked"."""
    member = await alice.member()
    await network.mreza.members.set_status(member.id, Status.REMOVED)
    await alice.leaves()
    after = await alice.member()
    assert after.status is Status.REMOVED


async def test_starting_again_after_blocking_makes_the_member_active(alice: Person) -> None:
    """A blocked member who unblocks Mreža (Telegram sends /start) is active again."""
    await alice.leaves()
    await alice.says("/start")
    member = await alice.member()
    assert member.status is Status.ACTIVE


async def test_removing_mreza_from_a_group_does_not_block_the_member(
    network: Network, alice: Person
) -> None:
    """Alice removing Mreža from a group leaves her private chat, and her status, as it was."""
    await alice.in_(network.group()).leaves()
    member = await alice.member()
    assert member.status is Status.ACTIVE
