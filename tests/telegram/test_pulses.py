"""Pulse checks on the emulated Telegram: native polls, votes changed and counted, polls stopped
at the deadline, results with a chart to the creator, and nothing in the database that ties a
member to an answer (confidential) or to a poll (anonymous)."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import inspect, select, text

from bot.app import Mreza
from core.events import Chat
from core.members import Role
from emulators.telegram import BotApiEmulator
from scheduler.audience import Audience
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import Mode, PulseDraft
from scheduler.pulses.pulse_tables import PulseAnswerRow
from tests.telegram.people import Chatter, People, eventually_true, identity
from tests.telegram.running import RunningBot

QUESTION = "Do you know whom to tell if you face harassment at work?"
OPTIONS = ("Yes", "No", "Not sure")
# Columns that name a person, in any table: a member id, an account, a chat, a delivery's target.
WHO_COLUMNS = {"member_id", "external_id", "chat_id", "recipient", "user_id", "respondent"}


async def start(mreza: Mreza, mode: Mode = Mode.CONFIDENTIAL, creator: int | None = None) -> int:
    """A pulse opening now for everyone, open three days."""
    draft = PulseDraft(QUESTION, Audience(everyone=True), options=OPTIONS, mode=mode)
    return await mreza.planner.start_pulse(draft, creator)


async def poll_message(emu: BotApiEmulator, person: Chatter) -> tuple[int, dict[str, object]]:
    """The poll Mreža sent this person: its message id and the Poll object."""

    async def sent() -> bool:
        return any(c.ok for c in await emu.calls(method="sendPoll", chat_id=person.id))

    await eventually_true(sent, f"a poll to {person.user.first_name}")
    [call] = [c for c in await emu.calls(method="sendPoll", chat_id=person.id) if c.ok]
    poll = call.result["poll"]
    assert isinstance(poll, dict)
    return int(call.result["message_id"]), poll


async def stored(mreza: Mreza) -> list[PulseAnswerRow]:
    """Every answer Mreža keeps."""
    async with mreza.sessions() as session:
        return list(await session.scalars(select(PulseAnswerRow).order_by(PulseAnswerRow.id)))


async def counts_become(mreza: Mreza, expected: list[list[int]]) -> None:
    """Wait until the stored answers' choices are these, in any order."""

    async def there() -> bool:
        return sorted(a.choices for a in await stored(mreza)) == sorted(expected)

    await eventually_true(there, f"answers {expected}")


async def rows_of_every_table(mreza: Mreza) -> list[tuple[str, dict[str, object]]]:
    """Every row of every table, as (table, columns)."""
    async with mreza.sessions() as session:
        connection = await session.connection()
        names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        found: list[tuple[str, dict[str, object]]] = []
        for name in names:
            result = await session.execute(text(f'SELECT * FROM "{name}"'))
            found += [(name, dict(row._mapping)) for row in result]
    return found


async def test_a_confidential_pulse_counts_votes_and_their_changes(
    emu: BotApiEmulator, mreza: Mreza, people: People, on_telegram: RunningBot
) -> None:
    """Five members get a non-anonymous native poll; votes, a change and a retraction count."""
    crowd = [await people.member(f"Member {n}") for n in range(5)]
    await start(mreza)
    polls = [await poll_message(emu, person) for person in crowd]
    assert [poll["is_anonymous"] for _, poll in polls] == [False] * 5
    assert polls[0][1]["allows_revoting"] is True
    for person, (message_id, _) in zip(crowd, polls, strict=True):
        await emu.vote(person.id, message_id, [0])
    await counts_become(mreza, [[0]] * 5)
    await emu.vote(crowd[0].id, polls[0][0], [1])
    await emu.vote(crowd[1].id, polls[1][0], [])
    await counts_become(mreza, [[1], [0], [0], [0]])
    members = [await mreza.members.by_identity(identity(person)) for person in crowd]
    ids = {str(m.id) for m in members if m is not None} | {str(p.id) for p in crowd}
    for answer in await stored(mreza):
        values = {str(v) for v in (answer.respondent, answer.value)}
        assert not values & ids


@pytest.mark.real_time  # storing the poll takes a real second here, and the vote waits for it
async def test_a_vote_before_the_poll_is_stored_still_counts(
    emu: BotApiEmulator,
    mreza: Mreza,
    people: People,
    on_telegram: RunningBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A member votes while Mreža is still storing the poll (a busy database): nothing is lost."""
    keep = Ballots.keep_poll

    async def slowly(
        self: Ballots, round_id: int, chat: Chat, message_id: str, poll_id: str
    ) -> None:
        await asyncio.sleep(1.0)
        await keep(self, round_id, chat, message_id, poll_id)

    monkeypatch.setattr(Ballots, "keep_poll", slowly)
    quick = await people.member("Quick")
    await start(mreza)
    message_id, _ = await poll_message(emu, quick)
    await emu.vote(quick.id, message_id, [2])
    await counts_become(mreza, [[2]])


async def test_an_anonymous_pulse_is_counted_without_anyone(
    emu: BotApiEmulator, mreza: Mreza, people: People, on_telegram: RunningBot
) -> None:
    """Anonymous polls: counts arrive without names; no row ties a member to a poll id."""
    crowd = [await people.member(f"Member {n}") for n in range(3)]
    await start(mreza, Mode.ANONYMOUS)
    polls = [await poll_message(emu, person) for person in crowd]
    assert [poll["is_anonymous"] for _, poll in polls] == [True] * 3
    for person, (message_id, _) in zip(crowd, polls, strict=True):
        await emu.vote(person.id, message_id, [2])
    await counts_become(mreza, [[2]] * 3)

    async def forgotten() -> bool:  # the closing chore scrubs finished deliveries every tick
        rows = await rows_of_every_table(mreza)
        return all(row["member_id"] is None for table, row in rows if table == "deliveries")

    await eventually_true(forgotten, "deliveries without members")
    members = [await mreza.members.by_identity(identity(person)) for person in crowd]
    people_ids = {str(m.id) for m in members if m is not None} | {str(p.id) for p in crowd}
    poll_ids = {str(poll["id"]) for _, poll in polls}
    for table, row in await rows_of_every_table(mreza):
        if {str(value) for value in row.values()} & poll_ids:
            who = {str(value) for column, value in row.items() if column in WHO_COLUMNS}
            assert not who & people_ids, (table, row)


async def test_polls_stop_at_the_deadline_and_the_creator_gets_a_chart(
    emu: BotApiEmulator, mreza: Mreza, people: People, on_telegram: RunningBot
) -> None:
    """At the deadline every poll is stopped; the creator gets the summary and a real PNG."""
    cora = await people.member("Cora", Role.COORDINATOR)
    crowd = [await people.member(f"Member {n}") for n in range(5)]
    creator = await mreza.members.by_identity(identity(cora))
    assert creator is not None
    await start(mreza, creator=creator.id)
    polls = [await poll_message(emu, person) for person in crowd]
    for person, (message_id, _) in zip(crowd, polls, strict=True):
        await emu.vote(person.id, message_id, [1])
    await counts_become(mreza, [[1]] * 5)
    mreza.clock.advance(timedelta(days=3, minutes=1))  # type: ignore[attr-defined]

    async def stopped() -> bool:
        return len([c for c in await emu.calls(method="stopPoll") if c.ok]) == 6  # Cora's too

    await eventually_true(stopped, "every poll stopped")

    async def photo() -> bool:
        return any(c.ok for c in await emu.calls(method="sendPhoto", chat_id=cora.id))

    await eventually_true(photo, "a chart to the creator")
    texts_to_cora = [str(c.result.get("text", "")) for c in await emu.calls(chat_id=cora.id)]
    assert any("No: 5" in text for text in texts_to_cora)
    [sent] = [c for c in await emu.calls(method="sendPhoto", chat_id=cora.id) if c.ok]
    largest = sent.result["photo"][-1]
    picture = emu.core.files.get(str(largest["file_id"]))
    with Image.open(io.BytesIO(picture.data)) as image:
        assert image.format == "PNG"
        image.verify()
    with pytest.raises(Exception, match="closed"):
        await emu.vote(crowd[0].id, polls[0][0], [0])


async def test_a_confidential_scale_is_answered_with_buttons(
    emu: BotApiEmulator, mreza: Mreza, people: People, on_telegram: RunningBot
) -> None:
    """An agreement scale comes as inline buttons; a press is saved and said so, and can change."""
    alice = await people.member("Alice")
    draft = PulseDraft(
        "My commander takes reports of harassment seriously.",
        Audience(everyone=True),
        Scale.LIKERT5,
    )
    await mreza.planner.start_pulse(draft, None)
    await alice.presses("2 · disagree")
    notice = await alice.acknowledgement()
    assert notice.params.get("text") == "Saved: 2 · disagree"
    await alice.presses("4 · agree")
    await alice.acknowledgement()
    [answer] = await stored(mreza)
    assert answer.value == 4
    assert not await emu.calls(method="sendPoll")


async def test_the_reminder_reaches_only_who_has_not_voted(
    emu: BotApiEmulator, mreza: Mreza, people: People, on_telegram: RunningBot
) -> None:
    """After two days, the member who voted in the poll is not reminded; the other one is."""
    alice, bob = await people.member("Alice"), await people.member("Bob")
    await start(mreza)
    message_id, _ = await poll_message(emu, alice)
    await poll_message(emu, bob)
    await emu.vote(alice.id, message_id, [0])
    await counts_become(mreza, [[0]])
    mreza.clock.advance(timedelta(days=2, minutes=1))  # type: ignore[attr-defined]
    reminder = await emu.wait_for(
        method="sendMessage",
        chat_id=bob.id,
        predicate=lambda call: str(call.result.get("text", "")).startswith("Reminder"),
        timeout=10.0,
    )
    assert reminder.ok
    texts_to_alice = [str(c.result.get("text", "")) for c in await emu.calls(chat_id=alice.id)]
    assert not any(text.startswith("Reminder") for text in texts_to_alice)
