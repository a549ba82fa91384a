"""👍 and 👎 under an answer: stored on the question's log row, one vote per question."""

from __future__ import annotations

from bot.languages import texts
from core.events import Chat
from core.members import Language
from tests.bot.people import Network, Person

CLEAR = "what is a person of trust"


async def test_thumbs_up_stores_plus_one_on_the_questions_row(
    network: Network, alice: Person
) -> None:
    """👍 under an answer stores +1, with the time, on that question's log row."""
    await alice.says(CLEAR)
    await alice.presses("👍")
    [row] = await network.question_log()
    assert row.feedback == 1
    assert row.feedback_at is not None


async def test_thumbs_down_after_thumbs_up_changes_the_vote(
    network: Network, alice: Person
) -> None:
    """Pressing 👎 after 👍 changes the row to -1: one row, not two."""
    await alice.says(CLEAR)
    await alice.presses("👍")
    await alice.presses("👎")
    assert [row.feedback for row in await network.question_log()] == [-1]


async def test_thumbs_up_is_acknowledged_with_thanks_and_nothing_else(alice: Person) -> None:
    """👍 is acknowledged with the thanks notice, and no message is sent."""
    await alice.says(CLEAR)
    assert await alice.presses("👍") == []
    assert alice.last_notice == texts.THANKS_FEEDBACK


async def test_feedback_lands_on_the_question_it_was_given_for(
    network: Network, alice: Person
) -> None:
    """With two answers in the chat, 👎 on the first one marks the first question only."""
    await alice.says(CLEAR)
    first = alice.last_message
    await alice.says("sexual harassment complaint")
    await alice.sends_press(first.button("👎").data, first.message_id)
    assert [row.feedback for row in await network.question_log()] == [-1, None]


async def test_the_thanks_are_in_the_members_language(network: Network, ana: Person) -> None:
    """A Macedonian member is thanked in Macedonian."""
    await ana.says("што е лице од доверба")
    await ana.presses("👍")
    assert ana.last_notice == network.tr(Language.MK)(texts.THANKS_FEEDBACK)
    assert ana.last_notice != texts.THANKS_FEEDBACK


async def test_thumbs_down_offers_other_words_or_a_coordinator(alice: Person) -> None:
    """👎 is thanked, then two ways on: ask in other words, or pass it to a coordinator."""
    await alice.says(CLEAR)
    [offer] = await alice.presses("👎")
    assert alice.last_notice == texts.THANKS_FEEDBACK
    assert offer.text == texts.NOT_HELPFUL_OFFER
    assert offer.labels == [texts.OTHER_WORDS, texts.PASS_ON]


async def test_asking_in_other_words_searches_the_next_message_afresh(alice: Person) -> None:
    """After "ask in other words" the member's next message is a new question with its answer."""
    await alice.says(CLEAR)
    await alice.presses("👎")
    [prompt] = await alice.presses(texts.OTHER_WORDS)
    assert prompt.text == texts.ASK_IN_OTHER_WORDS
    [answer] = await alice.says("sexual harassment complaint")
    assert answer.labels == ["👍", "👎"]


async def test_an_unhelpful_answer_can_be_passed_to_a_coordinator(
    alice: Person, cora: Person
) -> None:
    """Pass it on, under the offer, sends the question Alice asked to Cora, in one press."""
    await alice.says(CLEAR)
    await alice.presses("👎")
    await alice.presses(texts.PASS_ON)
    assert cora.last_message.text == texts.HANDED_OVER.format(country="Serbia", question=CLEAR)
    assert alice.last_message.text == texts.PASSED_ON


async def test_thumbs_down_in_a_group_offers_nothing_there(alice: Person, group: Chat) -> None:
    """In a group the vote is kept and thanked; nothing more is posted for everyone to read."""
    await alice.in_(group).says("/ask " + CLEAR)
    assert await alice.in_(group).presses("👎") == []
    assert alice.last_notice == texts.THANKS_FEEDBACK
