"""Going, maybe, not going: one answer per member, the last kept, live counts for the creator."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.languages import texts
from bot.schedules.composer import Composer
from core.members import Language, Role
from scheduler.audience import Audience
from scheduler.composing import Recipient
from scheduler.planner import EventPlan
from scheduler.schedule_drafts import EventDraft
from scheduler.schedule_tables import RsvpRow
from tests.bot.people import Network, Person
from tests.bot.scheduled import deliver, occasion

TITLE = "Gender advisers' workshop"


async def invited(network: Network, creator: Person, *guests: Person) -> EventPlan:
    """An event in two days by ``creator``, its invitation delivered to each guest."""
    starts = network.clock.now() + timedelta(days=2)
    draft = EventDraft(TITLE, starts, starts + timedelta(hours=2), Audience.parse("all"))
    plan = await network.mreza.planner.plan_event(draft, (await creator.member()).id)
    for guest in guests:
        await deliver(network, plan.invitation, guest)
    return plan


def counts(going: int, maybe: int, declined: int) -> str:
    """The creator's live count, in English."""
    return texts.RSVP_COUNTS.format(title=TITLE, going=going, maybe=maybe, declined=declined)


async def answers(network: Network) -> list[tuple[int, str]]:
    """Every stored RSVP: (member id, answer)."""
    async with network.mreza.sessions() as session:
        rows = await session.scalars(select(RsvpRow).order_by(RsvpRow.member_id))
        return [(row.member_id, row.answer) for row in rows]


async def test_going_is_stored_and_acknowledged(
    network: Network, cora: Person, alice: Person
) -> None:
    """Alice presses Going: her answer is stored and the press says so."""
    await invited(network, cora, alice)
    await alice.presses("Going")
    assert alice.last_notice == texts.RSVP_NOTED["going"]
    assert await answers(network) == [((await alice.member()).id, "going")]


async def test_the_first_answer_sends_the_creator_the_count(
    network: Network, cora: Person, alice: Person
) -> None:
    """The first answer gives Cora one message with the counts."""
    await invited(network, cora, alice)
    replies = await alice.presses("Going")
    assert [(r.chat, r.text) for r in replies] == [(cora.chat, counts(1, 0, 0))]


async def test_later_answers_edit_the_same_message(
    network: Network, cora: Person, alice: Person, bob: Person
) -> None:
    """Bob's Maybe edits the message Alice's answer made: same message, new counts."""
    await invited(network, cora, alice, bob)
    [first] = await alice.presses("Going")
    [edited] = await bob.presses("Maybe")
    assert edited.message_id == first.message_id
    assert edited.text == counts(1, 1, 0)


async def test_a_new_answer_replaces_the_old(network: Network, cora: Person, alice: Person) -> None:
    """Going, then Not going: one row, the last answer, and the count follows."""
    await invited(network, cora, alice)
    await alice.presses("Going")
    [edited] = await alice.presses("Not going")
    assert await answers(network) == [((await alice.member()).id, "no")]
    assert edited.text == counts(0, 0, 1)


async def test_the_same_answer_again_edits_nothing(
    network: Network, cora: Person, alice: Person
) -> None:
    """Pressing Going twice is acknowledged, but the count has not changed: no edit."""
    await invited(network, cora, alice)
    await alice.presses("Going")
    assert await alice.presses("Going") == []
    assert alice.last_notice == texts.RSVP_NOTED["going"]


async def test_the_count_is_in_the_creators_language(network: Network, alice: Person) -> None:
    """A Macedonian coordinator reads the count in Macedonian."""
    marija = await network.member("Marija", "MK", Role.COORDINATOR, Language.MK)
    await invited(network, marija, alice)
    [reply] = await alice.presses("Going")
    tr = network.tr(Language.MK)
    assert reply.text == tr(texts.RSVP_COUNTS).format(title=TITLE, going=1, maybe=0, declined=0)


async def test_a_cancelled_event_has_expired(network: Network, cora: Person, alice: Person) -> None:
    """After the event is cancelled, its buttons have expired and nothing is stored."""
    plan = await invited(network, cora, alice)
    await network.mreza.planner.cancel(plan.invitation)
    assert await alice.presses("Going") == []
    assert alice.last_notice == texts.BUTTON_EXPIRED
    assert await answers(network) == []


async def test_a_past_event_has_expired(network: Network, cora: Person, alice: Person) -> None:
    """Once the event is over, its buttons have expired."""
    await invited(network, cora, alice)
    network.clock.advance(timedelta(days=3))
    assert await alice.presses("Maybe") == []
    assert alice.last_notice == texts.BUTTON_EXPIRED


async def test_a_forged_answer_has_expired(network: Network, cora: Person, alice: Person) -> None:
    """An answer to an unknown event, an unknown answer, or another chat's button: expired."""
    plan = await invited(network, cora, alice)
    for data in (
        network.signer.sign(alice.chat, "r", "999.going"),
        network.signer.sign(alice.chat, "r", f"{plan.event_id}.yes"),
        network.signer.sign(cora.chat, "r", f"{plan.event_id}.going"),
    ):
        assert await alice.sends_press(data) == []
        assert alice.last_notice == texts.BUTTON_EXPIRED
    assert await answers(network) == []


async def test_an_answer_in_a_group_is_the_members_own(
    network: Network, cora: Person, alice: Person
) -> None:
    """An invitation in a group (in English) records the answer of whoever pressed."""
    plan = await invited(network, cora)
    group = network.group()
    composer = Composer(network.mreza.translations, network.signer)
    message = composer.compose(await occasion(network, plan.invitation), Recipient("g", group))
    await network.messenger.send(group, message)
    await alice.in_(group).presses("Going")
    assert await answers(network) == [((await alice.member()).id, "going")]
