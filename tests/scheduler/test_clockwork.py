"""The clockwork: fires what falls due, reports what finished and what was missed."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from scheduler.clockwork import Clockwork
from scheduler.firing import Firing
from scheduler.reports import occurrence_reports
from tests.scheduler.fakes import ReportLog
from tests.scheduler.world import GRACE, SETTLE_WAIT, World

QUICK = 0.05  # seconds between ticks in these tests


def clockwork(world: World, reports: ReportLog, fired: asyncio.Event | None = None) -> Clockwork:
    """Clockwork on the world's database, ticking quickly."""
    firing = Firing(world.sessions, world.members, world.clock, GRACE)
    woken = fired or asyncio.Event()
    return Clockwork(firing, world.sessions, world.clock, reports, woken.set, QUICK)


async def test_a_schedule_made_after_start_is_fired(world: World) -> None:
    """Created (as by the CLI in another process) while the clockwork runs: it fires."""
    await world.join("Alice")
    fired = asyncio.Event()
    ticking = clockwork(world, ReportLog(), fired)
    ticking.start()
    try:
        schedule = await world.announce("Hello")
        await asyncio.wait_for(fired.wait(), SETTLE_WAIT)
    finally:
        await ticking.stop()
    (report,) = await occurrence_reports(world.sessions, schedule)
    assert (report.status, report.pending) == ("delivering", 1)


async def test_a_firing_missed_beyond_the_grace_is_reported_not_sent(world: World) -> None:
    """Down for two hours: the firing is recorded as missed, reported, and nothing is queued."""
    await world.join("Alice")
    schedule = await world.announce("Hello")
    world.clock.advance(GRACE * 2)
    reports = ReportLog()
    await clockwork(world, reports).tick()
    (report,) = await occurrence_reports(world.sessions, schedule)
    assert report.status == "missed"
    assert reports.reported == [report.occurrence_id]
    assert await world.deliveries() == []


async def test_a_firing_missed_within_the_grace_is_sent_late(world: World) -> None:
    """Down for half an hour: the firing still goes out, and is not reported as missed."""
    await world.join("Alice")
    await world.announce("Hello")
    world.clock.advance(timedelta(minutes=30))
    reports = ReportLog()
    await clockwork(world, reports).tick()
    assert reports.reported == []
    assert await world.statuses() == ["pending"]


async def test_a_finished_occurrence_is_reported_once(world: World) -> None:
    """Delivered, then two ticks: one report to the creator."""
    await world.join("Alice")
    schedule = await world.announce("Hello")
    reports = ReportLog()
    ticking = clockwork(world, reports)
    await ticking.tick()
    await world.deliver()
    await ticking.tick()
    await ticking.tick()
    (report,) = await occurrence_reports(world.sessions, schedule)
    assert (report.status, report.delivered) == ("done", 1)
    assert reports.reported == [report.occurrence_id]
