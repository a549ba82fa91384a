"""👍 and 👎 under an answer: stored on the question's log row, one vote per question."""

from __future__ import annotations

from bot.languages import texts
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


async def test_feedback_is_acknowledged_with_thanks_and_nothing_else(alice: Person) -> None:
    """A vote is acknowledged with the thanks notice, and no message is sent."""
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
