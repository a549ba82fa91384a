"""/schedules: what is scheduled, cancelled only after a confirmation, its text and time edited."""

from __future__ import annotations

from datetime import timedelta

from bot.languages import texts
from core.markup import to_plain
from scheduler.audience import Audience
from scheduler.schedule_drafts import AnnouncementDraft, EventDraft, When, parse_time
from tests.bot.people import Network, Person
from tests.bot.scheduled import LATER, LATER_SHOWN, composed, schedule_rows, texts_of

TEXT = "The regional gender focal points meeting moves to Skopje."
ZONE = "Europe/Belgrade"


async def announced(network: Network, cora: Person, rule: str | None = "FREQ=WEEKLY") -> int:
    """An announcement to Serbia at LATER, weekly, by Cora."""
    when = When(parse_time(LATER, ZONE), rule, ZONE)
    draft = AnnouncementDraft(TEXT, Audience.parse("country:RS"), when)
    return await network.mreza.planner.announce(draft, (await cora.member()).id)


async def test_nothing_scheduled(cora: Person) -> None:
    """With no schedules, /schedules says so."""
    assert texts_of(await cora.says("/schedules")) == [texts.SCHEDULES_NONE]


async def test_a_schedule_is_listed_with_its_buttons(network: Network, cora: Person) -> None:
    """Kind, next time in Belgrade, repeat, audience, first words; Cancel, Edit text, Edit time."""
    schedule_id = await announced(network, cora)
    [reply] = await cora.says("/schedules")
    assert reply.text == texts.SCHEDULE_CARD.format(
        id=schedule_id, kind="announcement", when=LATER_SHOWN, repeat=texts.WEEKLY,
        audience="Serbia", summary="The regional gender focal points meeting moves to Skopje.",
    )  # fmt: skip
    assert reply.labels == [texts.CANCEL, texts.EDIT_TEXT, texts.EDIT_TIME, texts.EDIT_REPEAT]


async def test_an_events_schedules_have_no_edit_text(network: Network, cora: Person) -> None:
    """An invitation and its reminders can be cancelled or moved, not rewritten."""
    starts = network.clock.now() + timedelta(days=3)
    draft = EventDraft("Workshop", starts, starts + timedelta(hours=1), Audience.parse("all"))
    await network.mreza.planner.plan_event(draft, (await cora.member()).id)
    replies = await cora.says("/schedules")
    assert [r.labels for r in replies] == [[texts.CANCEL, texts.MOVE_EVENT]] * 3


async def test_cancel_asks_first(network: Network, cora: Person) -> None:
    """Cancel asks "Cancel #N (...)?"; until the answer, the schedule stays active."""
    schedule_id = await announced(network, cora)
    await cora.says("/schedules")
    [reply] = await cora.presses(texts.CANCEL)
    assert reply.text == texts.CANCEL_SCHEDULE.format(id=schedule_id, summary=TEXT)
    assert reply.labels == [texts.YES_CANCEL, texts.NO_KEEP]
    assert [row.status for row in await schedule_rows(network)] == ["active"]


async def test_keeping_it_cancels_nothing(network: Network, cora: Person) -> None:
    """No, keep it: "Nothing was cancelled", and it is still active."""
    await announced(network, cora)
    await cora.says("/schedules")
    await cora.presses(texts.CANCEL)
    assert texts_of(await cora.presses(texts.NO_KEEP)) == [texts.SCHEDULE_KEPT]
    assert [row.status for row in await schedule_rows(network)] == ["active"]


async def test_yes_cancels_it(network: Network, cora: Person) -> None:
    """Yes, cancel it: the schedule is cancelled and no longer listed."""
    schedule_id = await announced(network, cora)
    await cora.says("/schedules")
    await cora.presses(texts.CANCEL)
    replies = await cora.presses(texts.YES_CANCEL)
    assert texts_of(replies) == [texts.SCHEDULE_CANCELLED.format(id=schedule_id)]
    assert [row.status for row in await schedule_rows(network)] == ["cancelled"]
    assert texts_of(await cora.says("/schedules")) == [texts.SCHEDULES_NONE]


async def test_cancelling_an_invitation_cancels_the_event(network: Network, cora: Person) -> None:
    """The confirmation warns that the event and its reminders go too; then they all do."""
    starts = network.clock.now() + timedelta(days=3)
    draft = EventDraft("Workshop", starts, starts + timedelta(hours=1), Audience.parse("all"))
    plan = await network.mreza.planner.plan_event(draft, (await cora.member()).id)
    await cora.says("/schedules")
    invitation_card = cora.messages[-3]
    await cora.sends_press(invitation_card.button(texts.CANCEL).data)
    assert cora.last_message.text == texts.CANCEL_EVENT.format(
        id=plan.invitation, summary="Workshop"
    )
    await cora.presses(texts.YES_CANCEL)
    assert {row.status for row in await schedule_rows(network)} == {"cancelled"}


async def test_a_cancelled_schedules_buttons_have_expired(network: Network, cora: Person) -> None:
    """Edit text on the card of a schedule cancelled since: expired."""
    schedule_id = await announced(network, cora)
    await cora.says("/schedules")
    card = cora.last_message
    await network.mreza.planner.cancel(schedule_id)
    assert await cora.sends_press(card.button(texts.EDIT_TEXT).data) == []
    assert cora.last_notice == texts.BUTTON_EXPIRED


async def test_edit_text_changes_what_members_will_get(
    network: Network, cora: Person, alice: Person
) -> None:
    """Edit text asks for the new text; afterwards members get the new one, never the old."""
    schedule_id = await announced(network, cora)
    await cora.says("/schedules")
    [ask] = await cora.presses(texts.EDIT_TEXT)
    assert ask.text == texts.ASK_NEW_TEXT.format(id=schedule_id) + "\n" + texts.STOP_HINT
    replies = await cora.says("The meeting stays in Belgrade.")
    assert texts_of(replies) == [texts.TEXT_CHANGED.format(id=schedule_id)]
    message = to_plain((await composed(network, schedule_id, alice)).paragraphs)
    assert message == f"{texts.ANNOUNCEMENT}\n\nThe meeting stays in Belgrade."
    [row] = await schedule_rows(network)
    assert row.version == 2


async def test_an_empty_new_text_is_refused(network: Network, cora: Person) -> None:
    """An empty text gets "That is empty" and the old text stays until a good one comes."""
    await announced(network, cora)
    await cora.says("/schedules")
    await cora.presses(texts.EDIT_TEXT)
    assert texts_of(await cora.says("  ")) == [texts.PROBLEMS["empty"]]
    assert (await schedule_rows(network))[0].payload["text"] == TEXT
    await cora.says("New text")
    assert (await schedule_rows(network))[0].payload["text"] == "New text"


async def test_edit_time_moves_it(network: Network, cora: Person) -> None:
    """Edit time asks for the new local time; the schedule moves there, keeping its rule."""
    schedule_id = await announced(network, cora)
    await cora.says("/schedules")
    [ask] = await cora.presses(texts.EDIT_TIME)
    assert ask.labels == [texts.NOW]
    replies = await cora.says("2030-02-01 09:00")
    assert texts_of(replies) == [
        texts.TIME_CHANGED.format(id=schedule_id, when="2030-02-01 09:00 (Europe/Belgrade)")
    ]
    [row] = await schedule_rows(network)
    assert (f"{row.starts_local:%Y-%m-%d %H:%M}", row.rule) == ("2030-02-01 09:00", "FREQ=WEEKLY")


async def test_a_past_new_time_is_refused(network: Network, cora: Person) -> None:
    """A time in the past gets "in the past" with the Now button, and nothing moves."""
    await announced(network, cora, rule=None)
    await cora.says("/schedules")
    await cora.presses(texts.EDIT_TIME)
    [reply] = await cora.says("2020-02-01 09:00")
    assert (reply.text, reply.labels) == (texts.PROBLEMS["past"], [texts.NOW])
    assert f"{(await schedule_rows(network))[0].starts_local:%Y-%m-%d %H:%M}" == LATER


async def test_an_edit_of_a_schedule_cancelled_meanwhile(network: Network, cora: Person) -> None:
    """Cancelled (say, from the CLI) while Cora writes: she is told, and the dialog ends."""
    schedule_id = await announced(network, cora)
    await cora.says("/schedules")
    await cora.presses(texts.EDIT_TEXT)
    await network.mreza.planner.cancel(schedule_id)
    assert texts_of(await cora.says("New text")) == [texts.PROBLEMS["ended"]]
    assert texts_of(await cora.says("/cancel")) == [texts.NOTHING_TO_STOP]


async def test_members_cannot_see_or_change_schedules(
    network: Network, cora: Person, alice: Person
) -> None:
    """/schedules is for coordinators; a schedule button signed for a member does nothing."""
    schedule_id = await announced(network, cora)
    assert texts_of(await alice.says("/schedules")) == [texts.NOT_ALLOWED]
    assert (
        await alice.sends_press(network.signer.sign(alice.chat, "s", f"drop.{schedule_id}")) == []
    )
    assert alice.last_notice == texts.BUTTON_EXPIRED
    assert [row.status for row in await schedule_rows(network)] == ["active"]


async def test_a_long_list_is_cut(network: Network, cora: Person) -> None:
    """Ten schedules are shown, then "…and 2 more"."""
    for _ in range(12):
        await announced(network, cora)
    replies = await cora.says("/schedules")
    assert len(replies) == 11
    assert replies[-1].text == texts.SCHEDULES_MORE.format(count=2)
