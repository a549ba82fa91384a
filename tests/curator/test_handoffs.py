"""Ask a coordinator: pass on, claim, answer through Mreža, and a reminder after a day."""

from __future__ import annotations

from datetime import timedelta

from bot.conversation.turn import shortened
from bot.handoffs.handing_off import remind_unclaimed, retry_unheard
from bot.languages import texts
from core.members import Language, Role
from tests.bot.people import Network, Person

QUESTION = "recept za sarmu"
ANSWER = "Ask the mess hall in Niš; they publish it every winter."


async def passes_on(member: Person, question: str = QUESTION) -> None:
    """The member asks something Mreža does not know and passes it on."""
    await member.says(question)
    await member.presses(texts.PASS_ON)


async def test_pressing_pass_on_twice_passes_the_question_once(alice: Person, cora: Person) -> None:
    """The second press is acknowledged with "already with the coordinators", and sends nothing."""
    await passes_on(alice)
    assert await alice.presses(texts.PASS_ON) == []
    assert alice.last_notice == texts.ALREADY_PASSED_ON
    assert len(cora.messages) == 1


async def test_the_coordinator_gets_a_claim_button(alice: Person, cora: Person) -> None:
    """The hand-off reaches the coordinator with the question and one button to take it."""
    await passes_on(alice)
    assert cora.last_message.text == texts.HANDED_OVER.format(country="Serbia", question=QUESTION)
    assert cora.last_message.labels == [texts.CLAIM_HANDOFF]


async def test_claiming_tells_the_member_and_asks_the_coordinator_for_the_answer(
    alice: Person, cora: Person
) -> None:
    """Alice hears that someone took her question; Cora is asked to write the answer."""
    await passes_on(alice)
    replies = await cora.presses(texts.CLAIM_HANDOFF)
    assert [(r.chat, r.text) for r in replies] == [
        (alice.chat, texts.HANDOFF_CLAIMED.format(question=QUESTION)),
        (
            cora.chat,
            texts.ASK_HANDOFF_ANSWER.format(question=QUESTION) + "\n" + texts.STOP_HINT,
        ),
    ]


async def test_the_answer_is_relayed_to_the_member(alice: Person, cora: Person) -> None:
    """Cora's typed answer reaches Alice through Mreža, and Cora is told it was sent."""
    await passes_on(alice)
    await cora.presses(texts.CLAIM_HANDOFF)
    replies = await cora.says(ANSWER)
    assert [(r.chat, r.text) for r in replies] == [
        (alice.chat, texts.HANDOFF_ANSWERED.format(question=QUESTION, answer=ANSWER)),
        (cora.chat, texts.HANDOFF_RELAYED),
    ]
    assert "Cora" not in alice.last_message.text


async def test_a_second_coordinator_cannot_claim_a_taken_question(
    network: Network, alice: Person, cora: Person
) -> None:
    """Dragan's press after Cora's gets "another coordinator already took this"."""
    dragan = await network.member("Dragan", country="RS", role=Role.COORDINATOR)
    await passes_on(alice)
    await cora.presses(texts.CLAIM_HANDOFF)
    assert await dragan.presses(texts.CLAIM_HANDOFF) == []
    assert dragan.last_notice == texts.HANDOFF_TAKEN


async def test_an_answered_question_cannot_be_answered_again(alice: Person, cora: Person) -> None:
    """Claiming again after answering opens no second answer; the first one stands."""
    await passes_on(alice)
    await cora.presses(texts.CLAIM_HANDOFF)
    await cora.says(ANSWER)
    assert await cora.presses(texts.CLAIM_HANDOFF) == []
    assert cora.last_notice == texts.HANDOFF_TAKEN
    assert [r.text for r in await cora.says("another answer")] != [texts.HANDOFF_RELAYED]


async def test_an_empty_answer_is_refused_and_the_question_waits(
    alice: Person, cora: Person
) -> None:
    """A blank answer gets the "empty" explanation; the next real one is relayed."""
    await passes_on(alice)
    await cora.presses(texts.CLAIM_HANDOFF)
    assert [r.text for r in await cora.says("   ")] == [texts.PROBLEMS["empty"]]
    assert (await cora.says(ANSWER))[-1].text == texts.HANDOFF_RELAYED


async def test_a_10000_character_answer_is_refused(alice: Person, cora: Person) -> None:
    """An answer past the limit is refused with the limit, and nothing reaches Alice."""
    await passes_on(alice)
    await cora.presses(texts.CLAIM_HANDOFF)
    replies = await cora.says("x" * 10_000)
    assert [r.text for r in replies] == [texts.PROBLEMS["too-long"].format(limit=3000)]
    assert alice.last_message.text == texts.HANDOFF_CLAIMED.format(question=QUESTION)


async def test_an_unclaimed_question_is_reminded_after_a_day_once(
    network: Network, alice: Person, cora: Person
) -> None:
    """After a day unclaimed the coordinators see it again, with the claim button; only once."""
    await passes_on(alice)
    services = network.conversation.services
    assert await remind_unclaimed(services) == 0
    network.clock.advance(timedelta(days=1, minutes=1))
    assert await remind_unclaimed(services) == 1
    reminder = texts.HANDOFF_REMINDER.format(country="Serbia", question=QUESTION)
    assert (cora.last_message.text, cora.last_message.labels) == (
        reminder,
        [texts.CLAIM_HANDOFF],
    )
    network.clock.advance(timedelta(days=1))
    assert await remind_unclaimed(services) == 0


async def test_a_claimed_question_is_not_reminded(
    network: Network, alice: Person, cora: Person
) -> None:
    """Once someone took it, nobody is reminded."""
    await passes_on(alice)
    await cora.presses(texts.CLAIM_HANDOFF)
    network.clock.advance(timedelta(days=2))
    assert await remind_unclaimed(network.conversation.services) == 0


async def answered(alice: Person, cora: Person, question: str = QUESTION) -> None:
    """Alice passed a question on, Cora claimed it and answered."""
    await passes_on(alice, question)
    await cora.presses(texts.CLAIM_HANDOFF)
    await cora.says(ANSWER)


async def test_an_answered_pair_becomes_a_draft_entry_in_one_press(
    network: Network, alice: Person, cora: Person
) -> None:
    """ "Draft an entry from it" puts question and answer in the review queue, once."""
    await answered(alice, cora)
    [drafted] = await cora.presses(texts.DRAFT_ENTRY)
    assert drafted.text == texts.HANDOFF_DRAFTED.format(id=1)
    [pending] = await network.conversation.services.submissions.listed()
    assert (pending.lesson.title, pending.lesson.answer()) == (QUESTION, ANSWER)
    assert pending.lesson.author is None
    assert await cora.presses(texts.DRAFT_ENTRY) == []
    assert cora.last_notice == texts.HANDOFF_TAUGHT


async def test_an_answered_question_becomes_a_phrasing_in_one_press(
    alice: Person, bob: Person, cora: Person
) -> None:
    """ "Add the question to: <entry>" makes the next member's same question answered."""
    question = "is there someone confidential in my unit"
    await answered(alice, cora, question)
    title = "Persons of trust in the defence system"
    [phrased] = await cora.presses(texts.ADD_AS_PHRASING.format(title=title))
    assert phrased.text == texts.HANDOFF_PHRASED.format(title=title)
    assert (await bob.says(question))[0].text.startswith(title + "\n")


async def test_only_the_coordinator_who_answered_can_teach_from_it(
    network: Network, alice: Person, cora: Person
) -> None:
    """Another coordinator's forged press on the draft button is an expired button."""
    dragan = await network.member("Dragan", country="RS", role=Role.COORDINATOR)
    await answered(alice, cora)
    forged = network.signer.sign(dragan.chat, "j", "e.1")
    assert await dragan.sends_press(forged) == []
    assert dragan.last_notice == texts.BUTTON_EXPIRED


async def test_a_question_no_coordinator_heard_reaches_the_first_one_who_can(
    network: Network, alice: Person
) -> None:
    """Passed on while no coordinator could be reached, it is shown to one a little later."""
    await passes_on(alice)
    assert alice.last_message.text == texts.NOBODY_TO_PASS_ON_TO
    cora = await network.member("Cora", country="RS", role=Role.COORDINATOR)
    services = network.conversation.services
    network.clock.advance(timedelta(minutes=2))
    assert await retry_unheard(services) == 1
    assert cora.last_message.text == texts.HANDED_OVER.format(country="Serbia", question=QUESTION)
    assert cora.last_message.labels == [texts.CLAIM_HANDOFF]
    network.clock.advance(timedelta(minutes=10))
    assert await retry_unheard(services) == 0
    assert len(cora.messages) == 1


async def test_a_question_a_coordinator_heard_is_not_shown_again_early(
    network: Network, alice: Person, cora: Person
) -> None:
    """Heard at once, it waits for the day's reminder like any other."""
    await passes_on(alice)
    network.clock.advance(timedelta(hours=1))
    assert await retry_unheard(network.conversation.services) == 0
    assert len(cora.messages) == 1


async def test_a_macedonian_coordinator_teaches_from_entries_named_in_macedonian(
    network: Network, ana: Person
) -> None:
    """The entries offered to add the question to, and the confirmation, are Macedonian titles."""
    goran = await network.member("Goran", country="MK", role=Role.COORDINATOR, language=Language.MK)
    mk = network.tr(Language.MK)
    await ana.says("is there someone confidential in my unit")
    await ana.presses(mk(texts.PASS_ON))
    await goran.presses(mk(texts.CLAIM_HANDOFF))
    await goran.says(ANSWER)
    title = "Лица од доверба во системот на одбрана"
    [phrased] = await goran.presses(shortened(mk(texts.ADD_AS_PHRASING).format(title=title)))
    assert phrased.text == mk(texts.HANDOFF_PHRASED).format(title=title)


async def test_with_no_coordinator_in_the_country_the_regional_ones_get_it(
    network: Network, alice: Person
) -> None:
    """Serbia has no coordinator: the regional coordinator is shown the question, not an admin."""
    rea = await network.member("Rea", country="regional", role=Role.COORDINATOR)
    ada = await network.member("Ada", country="ME", role=Role.ADMIN)
    await passes_on(alice)
    assert rea.last_message.text == texts.HANDED_OVER.format(country="Serbia", question=QUESTION)
    assert ada.messages == []
    assert alice.last_message.text == texts.PASSED_ON


async def test_with_no_coordinator_in_the_country_or_the_region_the_admins_get_it(
    network: Network, alice: Person
) -> None:
    """No coordinator for Serbia or the region: an admin of another country can still answer."""
    ada = await network.member("Ada", country="ME", role=Role.ADMIN)
    await network.member("Mila", country="ME", role=Role.COORDINATOR)
    await passes_on(alice)
    assert ada.last_message.text == texts.HANDED_OVER.format(country="Serbia", question=QUESTION)
    assert alice.last_message.text == texts.PASSED_ON


async def test_with_nobody_to_answer_the_member_is_told_so(network: Network, alice: Person) -> None:
    """No coordinator and no admin anywhere: no promise of a reply, and the question is kept."""
    await network.member("Bob", country="RS")
    await passes_on(alice)
    assert alice.last_message.text == texts.NOBODY_TO_PASS_ON_TO
    assert await alice.presses(texts.PASS_ON) == []
    assert alice.last_notice == texts.ALREADY_PASSED_ON
