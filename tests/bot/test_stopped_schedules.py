"""A stored schedule whose rule cannot be computed is switched off, and its creator told."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from bot.languages import texts
from bot.schedules.reporting import CreatorReports
from core.members import Language, Role
from scheduler.audience import Audience
from scheduler.clockwork import Clockwork
from scheduler.firing import Firing
from scheduler.schedule_drafts import AnnouncementDraft, When
from scheduler.schedule_tables import OccurrenceRow, ScheduleRow
from tests.bot.people import Network, Person

TEXT = "Monthly coffee of the gender focal points"
FROZE = "FREQ=HOURLY;INTERVAL=0"  # what once spun the event loop for ever at its first firing


async def stored_with(network: Network, creator: Person, rule: str) -> int:
    """A weekly announcement, its rule then overwritten as a row written before the checks."""
    at = network.clock.now() + timedelta(minutes=10)
    draft = AnnouncementDraft(TEXT, Audience.parse("all"), When(at, "FREQ=WEEKLY"))
    schedule_id = await network.mreza.planner.announce(draft, (await creator.member()).id)
    async with network.mreza.sessions.begin() as session:
        await session.execute(
            update(ScheduleRow).where(ScheduleRow.id == schedule_id).values(rule=rule)
        )
    return schedule_id


def clockwork(network: Network) -> Clockwork:
    """The scheduler's tick, reporting to creators through the test transport."""
    mreza = network.mreza
    firing = Firing(mreza.sessions, mreza.members, network.clock, timedelta(hours=1))
    reports = CreatorReports(mreza.sessions, mreza.members, network.messenger, mreza.translations)
    return Clockwork(firing, mreza.sessions, network.clock, reports, lambda: None)


async def row(network: Network, schedule_id: int) -> ScheduleRow:
    """The schedule as stored."""
    async with network.mreza.sessions() as session:
        found = await session.get(ScheduleRow, schedule_id)
        assert found is not None
        return found


async def test_a_rule_that_cannot_be_computed_switches_its_schedule_off(
    network: Network, cora: Person
) -> None:
    """Due with INTERVAL=0: nothing is sent, the schedule stops, and the tick goes on."""
    schedule_id = await stored_with(network, cora, FROZE)
    network.clock.advance(timedelta(minutes=10))
    await clockwork(network).tick()
    stopped = await row(network, schedule_id)
    assert (stopped.status, stopped.next_fire_at) == ("stopped", None)
    assert "INTERVAL=0" in str(stopped.payload["stopped_because"])
    async with network.mreza.sessions() as session:
        assert (await session.scalars(select(OccurrenceRow))).all() == []


async def test_the_creator_is_told_once_in_their_language(network: Network) -> None:
    """One message naming the schedule and its rule; the next ticks say nothing more."""
    cora = await network.member("Cvetanka", "MK", Role.COORDINATOR, Language.MK)
    schedule_id = await stored_with(network, cora, FROZE)
    network.clock.advance(timedelta(minutes=10))
    ticking = clockwork(network)
    await ticking.tick()
    tr = network.tr(Language.MK)
    told = tr(texts.REPORT_STOPPED).format(
        kind=tr(texts.KIND_NAMES["announcement"]), id=schedule_id, summary=TEXT, rule=FROZE
    )
    assert cora.last_message.text == told[:1].upper() + told[1:]
    before = len(cora.messages)
    network.clock.advance(timedelta(hours=2))
    await ticking.tick()
    assert len(cora.messages) == before


async def test_other_schedules_still_fire_beside_a_stopped_one(
    network: Network, cora: Person, alice: Person
) -> None:
    """The bad rule is switched off in the same tick that sends a good announcement."""
    await stored_with(network, cora, FROZE)
    at = network.clock.now() + timedelta(minutes=10)
    draft = AnnouncementDraft("Workshop in Skopje", Audience.parse("all"), When(at))
    await network.mreza.planner.announce(draft, (await cora.member()).id)
    network.clock.advance(timedelta(minutes=10))
    await clockwork(network).tick()
    async with network.mreza.sessions() as session:
        assert len((await session.scalars(select(OccurrenceRow))).all()) == 1
