"""The unanswered queue: don't-knows and 👎 grouped by similarity, taught from in one press."""

from __future__ import annotations

from bot.languages import texts
from core.members import Language, Role
from tests.bot.people import Network, Person

WEATHER = "what is the weather in Podgorica"
WEATHER_AGAIN = "whats the weather in podgorica today"
SARMA = "recept za sarmu"
TRUST = "what is a person of trust"
CONFIDENTIAL = "is there someone confidential in my unit"
ATTACH_TRUST = texts.ATTACH_TO.format(title="Persons of trust in the defence system")


async def test_similar_questions_from_several_members_make_one_group(
    network: Network, alice: Person, ana: Person, cora: Person
) -> None:
    """Two wordings of one question are one group, counted twice, with countries and no names."""
    await alice.says(WEATHER)
    await ana.says(WEATHER_AGAIN)
    await alice.says(SARMA)
    head, weather, sarma = await cora.says("/unanswered")
    assert head.text == texts.UNANSWERED_QUEUE_HEAD.format(shown=2, total=2)
    day = f"{network.clock.now():%Y-%m-%d}"
    assert weather.text == (
        f"#1 · 2× · RS 1, MK 1 · first {day}, last {day}\n– {WEATHER}\n– {WEATHER_AGAIN}"
    )
    assert sarma.text.startswith("#2 · 1× · RS 1 · ")
    assert "Alice" not in weather.text
    assert "Ana" not in weather.text


async def test_an_answer_rated_thumbs_down_joins_the_queue(alice: Person, cora: Person) -> None:
    """👎 under an answer puts the question in the queue, though Mreža did answer it."""
    await alice.says(TRUST)
    await alice.presses("👎")
    _, group = await cora.says("/unanswered")
    assert group.text.endswith(f"\n– {TRUST}")


async def test_each_group_offers_the_closest_entries_a_draft_and_out_of_scope(
    alice: Person, cora: Person
) -> None:
    """A group's buttons: attach to one of the entries search finds nearest, draft a new one, or
    out of scope."""
    await alice.says(CONFIDENTIAL)
    _, group = await cora.says("/unanswered")
    assert group.labels[-2:] == [texts.DRAFT_NEW_ENTRY, texts.OUT_OF_SCOPE]
    assert all(label.startswith("Attach to: ") for label in group.labels[:-2])


async def test_attaching_a_group_answers_its_question_at_once(
    network: Network, alice: Person, bob: Person, cora: Person
) -> None:
    """After the curator attaches the group, the same question gets the entry, no restart."""
    question = CONFIDENTIAL
    assert (await alice.says(question))[0].text == texts.DONT_KNOW
    await cora.says("/unanswered")
    labels = cora.last_message.labels
    attach = next(label for label in labels if label == ATTACH_TRUST)
    [done] = await cora.presses(attach)
    assert done.text == texts.GROUP_ATTACHED.format(
        id=1, title="Persons of trust in the defence system", added=1
    )
    [answer] = await bob.says(question)
    assert answer.text.startswith("Persons of trust in the defence system\n")


async def test_a_group_decided_once_cannot_be_decided_again(alice: Person, cora: Person) -> None:
    """Pressing attach after out of scope (or twice) changes nothing and says why."""
    await alice.says(CONFIDENTIAL)
    await cora.says("/unanswered")
    card = cora.last_message
    await cora.presses(texts.OUT_OF_SCOPE)
    assert cora.last_message.text == texts.GROUP_DISMISSED.format(id=1)
    assert await cora.sends_press(card.button(ATTACH_TRUST).data) == []
    assert cora.last_notice == texts.GROUP_DECIDED


async def test_a_dismissed_group_leaves_the_queue_and_keeps_its_kind(
    alice: Person, bob: Person, cora: Person
) -> None:
    """Out of scope takes a group off the queue; the same question asked again stays off it."""
    await alice.says(SARMA)
    await cora.says("/unanswered")
    await cora.presses(texts.OUT_OF_SCOPE)
    await bob.says(SARMA)
    assert [r.text for r in await cora.says("/unanswered")] == [texts.UNANSWERED_EMPTY]


async def test_a_member_cannot_press_a_coordinators_queue_button(
    network: Network, alice: Person, cora: Person
) -> None:
    """A queue button signed for a member's own chat still needs the coordinator's role."""
    await alice.says(SARMA)
    await cora.says("/unanswered")
    forged = network.signer.sign(alice.chat, "q", "d.1")
    assert await alice.sends_press(forged) == []
    assert alice.last_notice == texts.NOT_ALLOWED
    assert len(await cora.says("/unanswered")) == 2


async def test_the_queue_speaks_the_coordinators_language(network: Network, alice: Person) -> None:
    """A Macedonian coordinator reads the queue's words in Macedonian."""
    marko = await network.member("Marko", country="MK", role=Role.COORDINATOR, language=Language.MK)
    await alice.says(SARMA)
    [head, group] = await marko.says("/unanswered")
    mk = network.tr(Language.MK)
    assert head.text == mk(texts.UNANSWERED_QUEUE_HEAD).format(shown=1, total=1)
    assert group.labels[-1] == mk(texts.OUT_OF_SCOPE)


async def test_blank_and_invisible_messages_are_ignored_and_queue_nothing(
    alice: Person, cora: Person
) -> None:
    """Spaces, zero-width characters or a lone emoji get no reply, or no group in the queue."""
    for blank in ("   ", "\u200b", "\u200b\u200d \ufeff", "\u2060\n\t"):
        assert await alice.says(blank) == []
    await alice.says("🙂")
    assert (await cora.says("/unanswered"))[-1].text == texts.UNANSWERED_EMPTY


async def test_a_zero_width_space_inside_a_word_still_finds_the_answer(alice: Person) -> None:
    """A word broken by an invisible character is the same word to search."""
    await alice.says("what is a per\u200bson of tr\u200bust")
    assert alice.last_message.text.startswith("Persons of trust in the defence system\n")
