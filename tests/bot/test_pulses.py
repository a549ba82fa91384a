"""Members answer pulse checks in one press; coordinators see numbers only about enough people."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.languages import texts
from core.events import PollAnswered
from core.members import Role
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import Mode
from scheduler.pulses.pulse_tables import PulseAnswerRow, PulseCommentRow
from scheduler.pulses.tally import Tally
from tests.bot.people import Network, Person
from tests.bot.pulses import Pulses

QUESTION = "Do you know whom to tell if you face harassment at work?"
OPTIONS = ("Yes", "No", "Not sure")


@pytest.fixture
def pulses(network: Network) -> Pulses:
    """Pulses on this network."""
    return Pulses(network)


async def crowd(network: Network, size: int, country: str = "RS") -> list[Person]:
    """Members from one country."""
    return [await network.member(f"{country} member {n}", country) for n in range(size)]


async def answers(network: Network) -> list[PulseAnswerRow]:
    """Every stored answer."""
    async with network.mreza.sessions() as session:
        return list(await session.scalars(select(PulseAnswerRow)))


async def test_members_get_the_question_with_a_button_per_option(
    pulses: Pulses, alice: Person
) -> None:
    """Where there are no native polls, the question comes with one button per option."""
    await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    message = alice.last_message
    assert QUESTION in message.text
    assert texts.PULSE_CONFIDENTIAL_NOTE.format(k=5) in message.text
    assert message.labels == list(OPTIONS)


async def test_an_answer_is_saved_and_can_be_changed(
    network: Network, pulses: Pulses, alice: Person
) -> None:
    """One press saves, another replaces it: one answer per member, under a pseudonym."""
    await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    await alice.presses("No")
    assert alice.last_notice == texts.PULSE_SAVED.format(answer="No")
    await alice.presses("Yes")
    [stored] = await answers(network)
    assert stored.choices == [0]


async def test_several_options_toggle(network: Network, pulses: Pulses, alice: Person) -> None:
    """With several allowed, a press adds an option and a second press removes it."""
    await pulses.start(QUESTION, OPTIONS, multiple=True)
    await pulses.deliver()
    await alice.presses("Yes")
    await alice.presses("Not sure")
    assert alice.last_notice == texts.PULSE_SAVED.format(answer="Yes, Not sure")
    await alice.presses("Yes")
    [stored] = await answers(network)
    assert stored.choices == [2]


async def test_results_stay_hidden_below_k_and_show_from_k(
    network: Network, pulses: Pulses
) -> None:
    """Four answers: hidden, no counts; the fifth shows the counts."""
    people = await crowd(network, 5)
    pulse = await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    for person in people[:4]:
        await person.presses("Yes")
    hidden = (await pulses.results(pulse)).results
    assert (hidden.hidden, hidden.summary) == (True, None)
    await people[4].presses("No")
    shown = (await pulses.results(pulse)).results
    assert shown.summary is not None
    assert shown.summary.counts == (4, 1, 0)
    assert (shown.respondents, shown.invited) == (5, 5)


async def test_a_small_country_is_hidden_with_the_next_smallest(
    network: Network, pulses: Pulses
) -> None:
    """Six from Serbia, five from Montenegro, two from Bosnia: Bosnia and Montenegro both hide."""
    people = [
        *await crowd(network, 6),
        *await crowd(network, 5, "ME"),
        *await crowd(network, 2, "BA"),
    ]
    pulse = await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    for person in people:
        await person.presses("Yes")
    by_country = (await pulses.results(pulse)).results.by_country
    assert by_country["BA"] is None
    assert by_country["ME"] is None
    assert by_country["RS"] is not None


async def test_a_closed_pulse_refuses_answers_politely(
    network: Network, pulses: Pulses, alice: Person
) -> None:
    """After the deadline a press is answered "this pulse is closed" and nothing is stored."""
    await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    network.clock.advance(timedelta(days=3, minutes=1))
    await pulses.close()
    await alice.presses("Yes")
    assert alice.last_notice == texts.PULSE_CLOSED
    assert await answers(network) == []


async def test_the_reminder_goes_only_to_who_has_not_answered(
    network: Network, pulses: Pulses, alice: Person, bob: Person
) -> None:
    """Confidential: after two days Bob, who did not answer, is reminded; Alice is not."""
    await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    await alice.presses("Yes")
    network.clock.advance(timedelta(days=2, minutes=1))
    await pulses.deliver()
    reminder = texts.PULSE_REMINDER.split("“")[0]
    assert bob.last_message.text.startswith(reminder)
    assert not alice.last_message.text.startswith(reminder)


async def test_anonymous_deliveries_forget_their_members(
    network: Network, pulses: Pulses, alice: Person, bob: Person
) -> None:
    """Once sent, an anonymous pulse's delivery rows hold no member; both are reminded."""
    await pulses.start(QUESTION, OPTIONS, mode=Mode.ANONYMOUS)
    await pulses.deliver()
    await alice.presses("Yes")
    await pulses.close()  # the chore runs every tick, the deadline is days away
    rows = await pulses.deliveries()
    assert [(row.member_id, row.message_id) for row in rows] == [(None, None)] * 2
    network.clock.advance(timedelta(days=2, minutes=1))
    await pulses.deliver()
    await pulses.close()
    reminder = texts.PULSE_REMINDER.split("“")[0]
    assert alice.last_message.text.startswith(reminder)
    assert bob.last_message.text.startswith(reminder)
    assert all(row.member_id is None for row in await pulses.deliveries())


async def test_an_anonymous_answer_is_given_once(
    network: Network, pulses: Pulses, alice: Person
) -> None:
    """Anonymous answers cannot be changed: a second press is refused, one answer is kept."""
    await pulses.start(QUESTION, OPTIONS, mode=Mode.ANONYMOUS)
    await pulses.deliver()
    await alice.presses("Yes")
    await alice.presses("No")
    assert alice.last_notice == texts.PULSE_ONCE
    [stored] = await answers(network)
    assert stored.choices == [0]


async def test_a_scale_takes_its_values(network: Network, pulses: Pulses, alice: Person) -> None:
    """An agreement scale shows five labelled buttons; the value pressed is stored."""
    await pulses.start("My commander takes reports of harassment seriously.", scale=Scale.LIKERT5)
    await pulses.deliver()
    assert alice.last_message.labels == list(texts.LIKERT_LABELS.values())
    await alice.presses(texts.LIKERT_LABELS[4])
    [stored] = await answers(network)
    assert stored.value == 4


async def test_a_comment_is_stored_without_a_name(
    network: Network, pulses: Pulses, alice: Person
) -> None:
    """ "Add a comment", then the text: it is stored with a pseudonym, never the member."""
    await pulses.start(QUESTION, OPTIONS, comment=True)
    await pulses.deliver()
    await alice.presses(texts.ADD_COMMENT)
    assert alice.last_message.text.startswith(texts.PULSE_ASK_COMMENT)
    await alice.says("Our unit has a person of trust, but few know her name.")
    assert alice.last_message.text == texts.PULSE_COMMENT_SAVED
    async with network.mreza.sessions() as session:
        [comment] = await session.scalars(select(PulseCommentRow))
    assert comment.text == "Our unit has a person of trust, but few know her name."
    assert comment.respondent is not None  # a keyed pseudonym: one comment per respondent
    assert len(comment.respondent) == 48


async def test_a_forged_answer_button_has_expired(
    network: Network, pulses: Pulses, alice: Person
) -> None:
    """A press signed for another chat, or for an option that does not exist, stores nothing."""
    await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    [round_id] = {b.data.split(":")[1].split(".")[0] for b in alice.last_message.buttons[0]}
    forged = network.signer.sign(alice.chat, "v", f"{round_id}.7")
    await alice.sends_press(forged)
    assert alice.last_notice == texts.BUTTON_EXPIRED
    await alice.sends_press("v:1.0:forged")
    assert alice.last_notice == texts.BUTTON_EXPIRED
    assert await answers(network) == []


async def test_the_creator_gets_the_results_when_the_round_closes(
    network: Network, pulses: Pulses
) -> None:
    """At the deadline the coordinator who made the pulse gets the summary and a bar chart."""
    cora = await network.member("Cora", role=Role.COORDINATOR)
    people = await crowd(network, 5)
    await pulses.start(QUESTION, OPTIONS, creator=(await cora.member()).id)
    await pulses.deliver()
    for person in people:
        await person.presses("No")
    network.clock.advance(timedelta(days=3, minutes=1))
    await pulses.close()
    summary = cora.last_message
    assert "No: 5" in summary.text
    [chart] = summary.attachments
    assert chart.mime == "image/png"
    assert chart.content is not None
    assert chart.content.startswith(b"\x89PNG")


async def test_a_poll_vote_after_the_deadline_is_refused_politely(
    network: Network, pulses: Pulses, alice: Person
) -> None:
    """A native poll's vote that arrives after the close gets "this pulse is closed"."""
    pulse = await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    [round_] = await Tally(network.mreza.sessions, 5).rounds(pulse)
    await network.services.ballots.keep_poll(round_.id, alice.chat, "77", "poll-1")
    network.clock.advance(timedelta(days=3, minutes=1))
    replies = await network.hears(PollAnswered(alice.chat, alice.sender, "poll-1", (0,)))
    assert [reply.text for reply in replies] == [texts.PULSE_CLOSED]
    assert await answers(network) == []


async def test_results_come_with_a_bar_chart(network: Network, pulses: Pulses) -> None:
    """/results ID: the summary with the counts, and a PNG bar chart."""
    cora = await network.member("Cora", role=Role.COORDINATOR)
    people = await crowd(network, 5)
    pulse = await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    for person in people:
        await person.presses("Not sure")
    [reply] = await cora.says(f"/results {pulse}")
    assert "Respondents: 5 of 6 (83%)" in reply.text
    assert "Not sure: 5" in reply.text
    assert [a.mime for a in reply.attachments] == ["image/png"]


async def test_results_list_the_latest_pulses_to_choose_from(
    network: Network, pulses: Pulses
) -> None:
    """/results alone offers the pulses that have opened; pressing one shows it."""
    cora = await network.member("Cora", role=Role.COORDINATOR)
    pulse = await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    [choice] = await cora.says("/results")
    assert choice.text == texts.RESULTS_PICK
    [label] = choice.labels
    assert label.startswith(f"#{pulse} Do you know")
    [reply] = await cora.presses(label)
    assert texts.RESULTS_HIDDEN.format(k=5) in reply.text
    assert reply.attachments == ()


async def test_a_recurring_pulse_gets_a_trend_chart(network: Network, pulses: Pulses) -> None:
    """Two daily rounds: the results carry the round's bars and the trend across rounds."""
    cora = await network.member("Cora", role=Role.COORDINATOR)
    people = await crowd(network, 5)
    pulse = await pulses.start(
        "My commander takes reports seriously.", scale=Scale.LIKERT5, daily=True
    )
    for value in (texts.LIKERT_LABELS[2], texts.LIKERT_LABELS[4]):
        await pulses.deliver()
        for person in people:
            await person.presses(value)
        network.clock.advance(timedelta(days=1))
        await pulses.close()
    [reply] = await cora.says(f"/results {pulse}")
    assert "Mean: 4.00" in reply.text
    assert [a.filename for a in reply.attachments] == [
        f"pulse-{pulse}.png",
        f"pulse-{pulse}-trend.png",
    ]


async def test_members_cannot_read_results(alice: Person) -> None:
    """/results is for coordinators."""
    [reply] = await alice.says("/results")
    assert reply.text == texts.NOT_ALLOWED


async def test_the_export_never_pairs_a_country_and_role_held_by_too_few(
    network: Network, pulses: Pulses
) -> None:
    """Serbia and coordinators are each large enough, but Cora is Serbia's only coordinator:
    no exported row says "RS, coordinator"."""
    cora = await network.member("Cora", "RS", Role.COORDINATOR)
    serbia = await crowd(network, 5, "RS")
    montenegro = [await network.member(f"ME {n}", "ME", Role.COORDINATOR) for n in range(5)]
    pulse = await pulses.start(QUESTION, OPTIONS)
    await pulses.deliver()
    for person in (cora, *serbia, *montenegro):
        await person.presses("Yes")
    rows = await pulses.tally.export(pulse)
    assert len(rows) == 11
    assert ("RS", "coordinator") not in {(row["country"], row["role"]) for row in rows}
    assert ("RS", "member") in {(row["country"], row["role"]) for row in rows}
