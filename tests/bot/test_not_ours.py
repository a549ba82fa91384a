"""What is not the network's business: small talk gets a friendly word, personnel and medical
matters the service that handles them; neither is counted as an answer or queued."""

from __future__ import annotations

from bot.languages import texts
from core.members import Language
from tests.bot.people import Network, Person

LEAVE = "koliko dana godišnjeg odmora imam"


async def test_thanks_get_a_friendly_reply_and_no_queue_entry(
    network: Network, alice: Person, cora: Person
) -> None:
    """ "hvala puno" is answered with a short thank-you, and nothing waits for the curators."""
    replies = await alice.says("hvala puno")
    assert [r.text for r in replies] == [texts.SMALLTALK_THANKS]
    assert [r.text for r in await cora.says("/unanswered")] == [texts.UNANSWERED_EMPTY]
    [row] = await network.question_log()
    assert (row.decision, row.entry_id) == ("smalltalk", None)


async def test_a_greeting_is_answered_in_the_members_language(network: Network) -> None:
    """A Macedonian member's "добро утро" gets the greeting in Macedonian."""
    marija = await network.member("Marija", country="MK", language=Language.MK)
    replies = await marija.says("добро утро")
    assert [r.text for r in replies] == [network.tr(Language.MK)(texts.SMALLTALK_HELLO)]


async def test_a_leave_question_gets_the_personnel_service_without_feedback_buttons(
    network: Network, alice: Person, cora: Person
) -> None:
    """Annual leave is pointed to the unit's personnel service: shown like an entry, not rated,
    and not queued for the curators."""
    replies = await alice.says(LEAVE)
    assert len(replies) == 1
    entry = network.mreza.librarian.entry("elsewhere-personnel")
    assert entry is not None
    assert entry.title in replies[0].text
    assert replies[0].buttons == ()
    [row] = await network.question_log()
    assert (row.decision, row.entry_id) == ("redirect", "elsewhere-personnel")
    assert [r.text for r in await cora.says("/unanswered")] == [texts.UNANSWERED_EMPTY]
