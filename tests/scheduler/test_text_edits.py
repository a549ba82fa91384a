"""Changing the words of what is scheduled: an event's title and description, a pulse's
question before it opens; the same checks as creating them, versions left as they are."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.members import Language
from scheduler.audience import Audience
from scheduler.firing import Firing
from scheduler.occasions import event_info
from scheduler.pulses.machinery import pulse_machinery
from scheduler.pulses.pseudonyms import Pseudonyms
from scheduler.pulses.pulse_drafts import Mode, PulseDraft
from scheduler.schedule_drafts import EventDraft, ScheduleError
from scheduler.schedule_tables import EventRow
from tests.scheduler.world import World, chat_of

EVERYONE = Audience(everyone=True)


async def _workshop(world: World) -> tuple[int, int]:
    """An event in Ohrid ten days ahead with a Macedonian version; its id and invitation's."""
    starts = world.clock.now() + timedelta(days=10)
    draft = EventDraft(
        "Regional workshop", starts, starts + timedelta(hours=6), EVERYONE,
        description="Gender perspectives in planning", place="Ohrid",
        versions={Language.MK: ("Регионална работилница", "")},
    )  # fmt: skip
    plan = await world.planner.plan_event(draft, None)
    return plan.event_id, plan.invitation


async def _pulse(world: World) -> int:
    draft = PulseDraft(
        "Do you know your person of trust?", EVERYONE, options=("Yes", "No"),
        mode=Mode.ANONYMOUS, versions={Language.MK: ("Дали го знаете?", ("Да", "Не"))},
    )  # fmt: skip
    return await world.planner.start_pulse(draft, None)


async def _event(world: World, event_id: int) -> EventRow:
    async with world.sessions() as session:
        event = await session.get(EventRow, event_id)
        assert event is not None
        return event


async def test_an_event_gets_a_new_title_its_invitation_carries(world: World) -> None:
    """The list names the invitation by the new title; the Macedonian version stays."""
    alice = await world.join("Alice")
    event_id, invitation = await _workshop(world)
    await world.planner.edit_event_text(event_id, "Regional workshop on WPS", "Day one: NAPs")
    assert (await world.planner.get(invitation)).summary == "Regional workshop on WPS"
    event = await _event(world, event_id)
    info = event_info(event)
    assert (info.title, info.description) == ("Regional workshop on WPS", "Day one: NAPs")
    assert event.versions == {"mk": {"title": "Регионална работилница"}}
    assert event.sequence == 1  # calendar apps replace the entry they hold
    await world.fire()
    await world.deliver()
    assert world.messenger.texts_to(chat_of(alice)) == ["Regional workshop on WPS"]


async def test_an_events_version_is_edited_alone(world: World) -> None:
    """A new Macedonian title leaves the author's text untouched."""
    await world.join("Alice")
    event_id, _ = await _workshop(world)
    await world.planner.edit_event_text(event_id, "Работилница", "Ден еден", Language.MK)
    event = await _event(world, event_id)
    assert event.title == "Regional workshop"
    assert event.versions == {"mk": {"title": "Работилница", "description": "Ден еден"}}


async def test_an_event_without_a_title_is_refused(world: World) -> None:
    """The same check as creating it; nothing changes."""
    await world.join("Alice")
    event_id, _ = await _workshop(world)
    with pytest.raises(ScheduleError, match="no title"):
        await world.planner.edit_event_text(event_id, "  ", "Anything")
    assert (await _event(world, event_id)).title == "Regional workshop"


async def test_a_cancelled_event_keeps_its_words(world: World) -> None:
    await world.join("Alice")
    event_id, invitation = await _workshop(world)
    await world.planner.cancel(invitation)
    with pytest.raises(ScheduleError, match="cancelled"):
        await world.planner.edit_event_text(event_id, "Another", "")


async def test_a_pulse_question_changes_before_it_opens(world: World) -> None:
    """The author's question changes; the Macedonian version, options and all, stays."""
    await world.join("Alice")
    pulse = await _pulse(world)
    view = await world.planner.edit_pulse_question(
        pulse, "Do you know who your person of trust is?"
    )
    assert view.summary == "Do you know who your person of trust is?"
    await world.planner.edit_pulse_question(pulse, "Дали знаете кој е?", Language.MK)
    with pytest.raises(ScheduleError, match="no bcms version"):
        await world.planner.edit_pulse_question(pulse, "Da li znate?", Language.BCMS)
    with pytest.raises(ScheduleError, match="no question"):
        await world.planner.edit_pulse_question(pulse, "")


async def test_a_pulse_question_is_refused_once_a_round_opened(world: World) -> None:
    """Members were asked: their answers belong to the question they saw."""
    await world.join("Alice")
    pulse = await _pulse(world)
    rules = pulse_machinery(world.sessions, world.clock, Pseudonyms(None, b"test")).rules
    await Firing(world.sessions, world.members, world.clock, timedelta(hours=1), rules).fire_due()
    with pytest.raises(ScheduleError, match="already asked"):
        await world.planner.edit_pulse_question(pulse, "Another question?")
    assert (await world.planner.get(pulse)).summary == "Do you know your person of trust?"


async def test_an_announcement_is_not_edited_as_a_pulse(world: World) -> None:
    await world.join("Alice")
    schedule = await world.announce("Hello")
    with pytest.raises(ScheduleError, match="not a pulse"):
        await world.planner.edit_pulse_question(schedule, "Hello?")
