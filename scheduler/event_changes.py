"""Events that change after members answered: moved or called off, those coming are told.

Each change raises the event's sequence, since a calendar app replaces the entry it holds only
when SEQUENCE grows, and schedules a notice for now to the members who answered going or maybe
(firing narrows the event's audience to them). Nobody else needs to hear: an invitation not yet
sent goes out with the new time, and those who declined are not coming.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.storage import utc
from scheduler.schedule_drafts import PAST_TOLERANCE, ScheduleError
from scheduler.schedule_rows import find_event
from scheduler.schedule_tables import EventRow, RsvpRow, ScheduleRow

MOVE = "event-moved"
CANCELLATION = "event-cancelled"
NOTICE_KINDS = (MOVE, CANCELLATION)
COMING = ("going", "maybe")


@dataclass(frozen=True, slots=True)
class EventMoved:
    """Where an event went, and how many members who said they are coming will be told."""

    event_id: int
    starts: datetime
    ends: datetime
    told: int


async def coming(session: AsyncSession, event_id: int) -> int:
    """How many members answered going or maybe."""
    counted = await session.scalar(
        select(func.count())
        .select_from(RsvpRow)
        .where(RsvpRow.event_id == event_id, RsvpRow.answer.in_(COMING))
    )
    return int(counted or 0)


async def tell_coming(
    session: AsyncSession, event: EventRow, kind: str, now: datetime, payload: dict[str, object]
) -> int:
    """Raise the event's sequence and schedule a notice of the change to those coming."""
    event.sequence += 1
    told = await coming(session, event.id)
    invited = await session.scalar(
        select(ScheduleRow.payload).where(
            ScheduleRow.event_id == event.id, ScheduleRow.kind == "invitation"
        )
    )
    # The new calendar file keeps the alarms the invitation's file set.
    alarms = (invited or {}).get("reminder_minutes")
    if alarms is not None:
        payload = {**payload, "reminder_minutes": alarms}
    if told:
        local = now.astimezone(ZoneInfo(event.zone)).replace(tzinfo=None, microsecond=0)
        session.add(
            ScheduleRow(
                kind=kind, status="active", version=1, audience=event.audience,
                starts_local=local, zone=event.zone, rule=None, next_fire_at=now,
                payload={"title": event.title, **payload}, language=event.language,
                event_id=event.id, created_by=event.created_by, created_at=now, updated_at=now,
            )
        )  # fmt: skip
    return told


class EventChanges:
    """Moving events; cancelling them is the planner's, through their invitation."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    async def move(self, event_id: int, starts: datetime, ends: datetime | None) -> EventMoved:
        """Give an event a new start (and end: by default it keeps its length); reminders follow."""
        now = self._clock.now()
        async with self._sessions.begin() as session:
            event = await find_event(session, event_id)
            if event.status != "active":
                raise ScheduleError("ended", f"event {event_id} is {event.status}")
            before = utc(event.starts_at)
            ends = ends or starts + (utc(event.ends_at) - before)
            if starts < now - PAST_TOLERANCE:
                raise ScheduleError("past", f"the event would start in the past ({starts})")
            if ends <= starts:
                raise ScheduleError("order", "the event must end after it starts")
            event.starts_at, event.ends_at = starts, ends
            await _follow(session, event, now)
            told = await tell_coming(session, event, MOVE, now, {"was": before.isoformat()})
            return EventMoved(event_id, starts, ends, told)


async def _follow(session: AsyncSession, event: EventRow, now: datetime) -> None:
    """Reminders keep their distance to the new start; one whose time has passed is done."""
    reminders = await session.scalars(
        select(ScheduleRow).where(
            ScheduleRow.event_id == event.id,
            ScheduleRow.kind == "reminder",
            ScheduleRow.status != "cancelled",
        )
    )
    zone = ZoneInfo(event.zone)
    for reminder in reminders:
        minutes = reminder.payload.get("before_minutes")
        at = utc(event.starts_at) - timedelta(minutes=minutes if isinstance(minutes, int) else 0)
        reminder.starts_local = at.astimezone(zone).replace(tzinfo=None)
        reminder.next_fire_at = at if at > now else None
        reminder.status = "active" if at > now else "finished"
        reminder.version += 1
        reminder.updated_at = now
