"""Schedules as the planner hands them out, and the rows behind them looked up or refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from core.storage import utc
from scheduler.schedule_drafts import ScheduleError
from scheduler.schedule_tables import EventRow, ScheduleRow


@dataclass(frozen=True, slots=True)
class ScheduleView:
    """A schedule as coordinators see it in lists."""

    id: int
    kind: str
    status: str
    audience: str
    summary: str  # the announcement's text or the event's title
    rule: str | None
    next_fire_at: datetime | None
    created_by: int | None
    event_id: int | None


@dataclass(frozen=True, slots=True)
class EventPlan:
    """The schedules an event was given: its invitation and its reminders."""

    event_id: int
    invitation: int
    reminders: tuple[int, ...]


async def find_row(session: AsyncSession, schedule_id: int) -> ScheduleRow:
    """A schedule's row; ``ScheduleError("unknown")`` when there is none."""
    row = await session.get(ScheduleRow, schedule_id)
    if row is None:
        raise ScheduleError("unknown", f"there is no schedule {schedule_id}")
    return row


async def find_event(session: AsyncSession, event_id: int) -> EventRow:
    """An event's row; ``ScheduleError("unknown")`` when there is none."""
    event = await session.get(EventRow, event_id)
    if event is None:
        raise ScheduleError("unknown", f"there is no event {event_id}")
    return event


async def active_row(session: AsyncSession, schedule_id: int) -> ScheduleRow:
    """A schedule's row while it may still change."""
    row = await find_row(session, schedule_id)
    if row.status != "active":
        raise ScheduleError("ended", f"schedule {schedule_id} is {row.status} and cannot change")
    return row


def view_of(row: ScheduleRow) -> ScheduleView:
    """A schedule as lists show it."""
    payload = row.payload
    summary = str(payload.get("text") or payload.get("title") or payload.get("question") or "")
    next_fire = utc(row.next_fire_at) if row.next_fire_at else None
    return ScheduleView(
        row.id,
        row.kind,
        row.status,
        row.audience,
        summary,
        row.rule,
        next_fire,
        row.created_by,
        row.event_id,
    )


def text_or_none(value: object) -> str | None:
    """A stored value that should be text, or None."""
    return value if isinstance(value, str) else None
