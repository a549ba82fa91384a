"""An event moved or called off in /schedules: those who said they are coming are told."""

from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar

from bot.languages import texts
from core.markup import to_plain
from core.messaging import Outgoing
from scheduler.audience import Audience
from scheduler.composing import Recipient
from scheduler.firing import Firing
from scheduler.occasions import load_occasion
from scheduler.schedule_drafts import EventDraft
from tests.bot.people import Network, Person
from tests.bot.scheduled import deliver, schedule_rows, texts_of

TITLE = "Gender advisers' workshop"
MOVED_TO = "2030-01-20 10:00"  # the fake clock's week later, in Belgrade
MOVED_SHOWN = "2030-01-20 10:00–12:00 (Europe/Belgrade)"


async def invited(network: Network, cora: Person, *guests: Person) -> None:
    """A two-hour workshop in two days, reminded 3 hours before; its invitation delivered."""
    starts = network.clock.now() + timedelta(days=2)
    draft = EventDraft(
        TITLE, starts, starts + timedelta(hours=2), Audience.parse("all"),
        reminders=(timedelta(hours=3),),
    )  # fmt: skip
    plan = await network.mreza.planner.plan_event(draft, (await cora.member()).id)
    for guest in guests:
        await deliver(network, plan.invitation, guest)


async def notices(network: Network, person: Person) -> list[Outgoing]:
    """Fire what is due; the change notices as the engine would compose them for ``person``."""
    fired = await Firing(
        network.mreza.sessions, network.mreza.members, network.clock, timedelta(hours=1)
    ).fire_due()
    member = await person.member()
    found = []
    for occurrence in fired.occurrences:
        occasion = await load_occasion(network.mreza.sessions, occurrence)
        if occasion is not None and occasion.kind.startswith("event-"):
            recipient = Recipient(f"member:{member.id}", person.chat, member)
            found.append(network.services.composer.compose(occasion, recipient))
    return found


def calendar_of(message: Outgoing) -> Calendar:
    """The calendar file a message carries."""
    [attachment] = message.attachments
    assert attachment.content is not None
    return Calendar.from_ical(attachment.content)


async def test_moving_the_event_tells_who_is_going(
    network: Network, cora: Person, alice: Person, bob: Person
) -> None:
    """Alice said Going, Bob Not going: Cora moves it a week on, and only Alice is told."""
    await invited(network, cora, alice, bob)
    await alice.presses("Going")
    await bob.presses("Not going")
    await cora.says("/schedules")
    [ask] = await cora.presses(texts.MOVE_EVENT)
    assert ask.text.startswith("When does the event of #2 start now?")  # its reminder
    replies = await cora.says(MOVED_TO)
    assert texts_of(replies) == [texts.EVENT_MOVED_SAVED.format(when=MOVED_SHOWN, count=1)]
    [notice] = await notices(network, alice)
    assert to_plain(notice.paragraphs).startswith(
        texts.EVENT_MOVED.format(title=TITLE, when=MOVED_SHOWN)
    )
    assert [b.label for b in notice.buttons[0]] == ["Going", "Maybe", "Not going"]
    [event] = calendar_of(notice).walk("VEVENT")
    assert (event["SEQUENCE"], event["DTSTART"].dt.isoformat()) == (1, "2030-01-20T09:00:00+00:00")
    assert [alarm["TRIGGER"].dt for alarm in event.walk("VALARM")] == [-timedelta(hours=3)]
    assert await notices(network, bob) == []  # fired once: nothing more for anyone


async def test_cancelling_sends_a_cancellation_file(
    network: Network, cora: Person, alice: Person
) -> None:
    """The notice says it is cancelled, has no buttons, and its file is a CANCEL of the UID."""
    await invited(network, cora, alice)
    await alice.presses("Maybe")
    await cora.says("/schedules")
    await cora.presses(texts.CANCEL)
    [said] = await cora.presses(texts.YES_CANCEL)
    assert said.text == (
        texts.SCHEDULE_CANCELLED.format(id=2) + "\n" + texts.EVENT_CANCELLED_TOLD.format(count=1)
    )
    [notice] = await notices(network, alice)
    assert notice.buttons == ()
    calendar = calendar_of(notice)
    [event] = calendar.walk("VEVENT")
    assert (str(calendar["METHOD"]), str(event["STATUS"])) == ("CANCEL", "CANCELLED")
    assert (str(event["UID"]), event["SEQUENCE"]) == ("event-1@mreza", 1)
    assert event.walk("VALARM") == []


async def test_a_new_start_in_the_past_is_refused(
    network: Network, cora: Person, alice: Person
) -> None:
    """The dialog says what is wrong and waits for another time; nothing moved."""
    await invited(network, cora, alice)
    await cora.says("/schedules")
    await cora.presses(texts.MOVE_EVENT)
    assert texts_of(await cora.says("2020-01-01 10:00")) == [texts.PROBLEMS["past"]]
    assert [row.kind for row in await schedule_rows(network)] == ["invitation", "reminder"]
