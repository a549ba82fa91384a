"""Asking: an answer with sources, a choice between close entries, or an honest "I don't know"."""

from __future__ import annotations

from bot.languages import texts
from core.members import Role
from tests.bot.people import Network, Person

CLEAR = "what is a person of trust"
AMBIGUOUS = "glass ceiling women officers"
OUT_OF_SCOPE = "what is the weather in Podgorica"


async def test_a_clear_question_gets_the_entry_with_sources_and_feedback_buttons(
    network: Network, alice: Person
) -> None:
    """A clear question gets one message: title, answer, sources, and 👍/👎."""
    replies = await alice.says(CLEAR)
    assert len(replies) == 1
    entry = network.mreza.librarian.entry("persons-of-trust")
    assert entry is not None
    card = replies[0]
    assert card.text.startswith(entry.title + "\n\n")
    assert "A person of trust is a colleague" in card.text
    assert "\n\nSources\n• " in card.text
    assert all(source.url in card.text for source in entry.sources)
    assert card.labels == ["👍", "👎"]


async def test_a_question_is_logged_with_the_member_and_the_entry(
    network: Network, alice: Person
) -> None:
    """The answered question is written to the question log under the member's id."""
    await alice.says(CLEAR)
    member = await alice.member()
    [row] = await network.question_log()
    assert (row.text, row.member_id, row.decision, row.entry_id, row.channel) == (
        CLEAR,
        member.id,
        "answer",
        "persons-of-trust",
        "memory",
    )


async def test_an_ambiguous_question_offers_two_or_three_entries(alice: Person) -> None:
    """A question close to several entries offers them as buttons, nothing more."""
    replies = await alice.says(AMBIGUOUS)
    assert [r.text for r in replies] == [texts.CLARIFY]
    assert 2 <= len(replies[0].labels) <= 3


async def test_pressing_an_offered_entry_shows_it(network: Network, alice: Person) -> None:
    """Pressing one of the offered entries shows that entry's card."""
    await alice.says(AMBIGUOUS)
    first = alice.last_message.labels[0]
    replies = await alice.presses(first)
    assert len(replies) == 1
    assert replies[0].text.startswith(first.removesuffix("…"))  # a long title is shortened
    assert "\n\nSources\n" in replies[0].text
    assert alice.last_notice is None


async def test_an_out_of_scope_question_gets_i_dont_know_and_the_pass_on_offer(
    alice: Person,
) -> None:
    """In a private chat "I don't know" comes with an offer to pass the question on."""
    replies = await alice.says(OUT_OF_SCOPE)
    assert [r.text for r in replies] == [texts.DONT_KNOW, texts.DONT_KNOW_OFFER]
    assert replies[0].buttons == ()
    assert replies[1].labels == [texts.PASS_ON]


async def test_passing_on_reaches_the_coordinators_of_the_members_country(
    network: Network, alice: Person, bob: Person, cora: Person
) -> None:
    """The question goes to Serbia's coordinators and admins, no one else, and Alice is thanked."""
    admin = await network.member("Ivana", country="RS", role=Role.ADMIN)
    other_country = await network.member("Marko", country="ME", role=Role.COORDINATOR)
    regional = await network.member("Sara", country="regional", role=Role.COORDINATOR)
    await alice.says(OUT_OF_SCOPE)
    replies = await alice.presses(texts.PASS_ON)
    handed_over = texts.HANDED_OVER.format(country="Serbia", question=OUT_OF_SCOPE)
    assert {(r.chat, r.text) for r in replies} == {
        (cora.chat, handed_over),
        (admin.chat, handed_over),
        (alice.chat, texts.PASSED_ON),
    }
    assert bob.messages == other_country.messages == regional.messages == []


async def test_without_coordinators_in_the_country_regional_ones_get_the_question(
    network: Network, cora: Person
) -> None:
    """A question from a country without coordinators goes to the regional coordinators."""
    dana = await network.member("Dana", country="ME")
    regional = await network.member("Sara", country="regional", role=Role.COORDINATOR)
    await dana.says(OUT_OF_SCOPE)
    await dana.presses(texts.PASS_ON)
    handed_over = texts.HANDED_OVER.format(country="Montenegro", question=OUT_OF_SCOPE)
    assert [m.text for m in regional.messages] == [handed_over]
    assert cora.messages == []


async def test_a_question_from_the_pass_on_button_of_another_member_is_not_sent(
    network: Network, alice: Person, bob: Person, cora: Person
) -> None:
    """A pass-on button naming someone else's question, signed for Bob's chat, is refused."""
    await alice.says(OUT_OF_SCOPE)
    [row] = await network.question_log()
    forged = network.signer.sign(bob.chat, "p", str(row.id))
    assert await bob.sends_press(forged) == []
    assert bob.last_notice == texts.BUTTON_EXPIRED
    assert cora.messages == []
