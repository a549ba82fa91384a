"""Suggested wordings: from clarify picks of several members, and from rephrasing after a 👎."""

from __future__ import annotations

from datetime import timedelta

from bot.languages import texts
from tests.bot.people import Network, Person

AMBIGUOUS = "who chooses the confidential colleague for harassment complaints"
SIMILAR = "who chooses the confidential colleague for harassment complaint?"
TRUST = "Persons of trust in the defence system"
MISREAD = "who is the confidential colleague for harassment complaints"


async def picks_trust(member: Person, question: str) -> None:
    """The member gets a clarify and picks the persons-of-trust entry."""
    replies = await member.says(question)
    assert replies[0].text == texts.CLARIFY
    await member.presses(TRUST)


async def test_a_clarify_pick_shows_the_entry_with_feedback_buttons(alice: Person) -> None:
    """Choosing among the offered entries shows it with 👍 and 👎, like a direct answer."""
    await alice.says(AMBIGUOUS)
    [card] = await alice.presses(TRUST)
    assert card.labels == ["👍", "👎"]


async def test_several_members_picking_one_entry_suggest_their_wording(
    alice: Person, bob: Person, cora: Person
) -> None:
    """Two members, similar words, same pick: /suggestions proposes the wording for it."""
    await picks_trust(alice, AMBIGUOUS)
    await picks_trust(bob, SIMILAR)
    [card] = await cora.says("/suggestions")
    why = texts.SUGGESTION_WHY["clarify"].format(members=2)
    assert card.text == texts.SUGGESTION_CARD.format(id=1, wording=AMBIGUOUS, title=TRUST, why=why)
    assert card.labels == [texts.ADOPT_SUGGESTION, texts.REJECT_SUGGESTION]


async def test_one_member_picking_is_not_enough(alice: Person, cora: Person) -> None:
    """A single member's pick, even twice, suggests nothing."""
    await picks_trust(alice, AMBIGUOUS)
    await picks_trust(alice, SIMILAR)
    assert [r.text for r in await cora.says("/suggestions")] == [texts.SUGGESTIONS_NONE]


async def test_adopting_a_suggestion_answers_that_wording_at_once(
    network: Network, alice: Person, bob: Person, cora: Person
) -> None:
    """ "Add it": the wording now gets the entry directly, and the suggestion is not shown again."""
    await picks_trust(alice, AMBIGUOUS)
    await picks_trust(bob, SIMILAR)
    await cora.says("/suggestions")
    [done] = await cora.presses(texts.ADOPT_SUGGESTION)
    assert done.text == texts.SUGGESTION_ADOPTED.format(wording=AMBIGUOUS, title=TRUST)
    newcomer = await network.member("Dana")
    assert (await newcomer.says(AMBIGUOUS))[0].text.startswith(TRUST + "\n")
    assert [r.text for r in await cora.says("/suggestions")] == [texts.SUGGESTIONS_NONE]


async def test_a_rejected_suggestion_does_not_come_back(
    alice: Person, bob: Person, cora: Person
) -> None:
    """Reject, then more of the same picks: nothing is proposed again."""
    await picks_trust(alice, AMBIGUOUS)
    await picks_trust(bob, SIMILAR)
    await cora.says("/suggestions")
    await cora.presses(texts.REJECT_SUGGESTION)
    assert cora.last_message.text == texts.SUGGESTION_REJECTED.format(id=1)
    await picks_trust(alice, AMBIGUOUS)
    assert [r.text for r in await cora.says("/suggestions")] == [texts.SUGGESTIONS_NONE]


async def test_rephrasing_after_thumbs_down_then_thumbs_up_suggests_the_first_wording(
    alice: Person, cora: Person
) -> None:
    """👎 on one answer, asked again in other words, 👍: the first words are proposed."""
    await alice.says(MISREAD)
    await alice.presses("👎")
    await alice.says("what is a person of trust")
    await alice.presses("👍")
    [card] = await cora.says("/suggestions")
    why = texts.SUGGESTION_WHY["rephrase"]
    assert card.text == texts.SUGGESTION_CARD.format(id=1, wording=MISREAD, title=TRUST, why=why)


async def test_a_question_asked_much_later_is_no_rephrasing(
    network: Network, alice: Person, cora: Person
) -> None:
    """An hour between the 👎 and the next question: no suggestion."""
    await alice.says(MISREAD)
    await alice.presses("👎")
    network.clock.advance(timedelta(hours=1))
    await alice.says("what is a person of trust")
    await alice.presses("👍")
    assert [r.text for r in await cora.says("/suggestions")] == [texts.SUGGESTIONS_NONE]
