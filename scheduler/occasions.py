"""What a delivery is about: its occurrence with the schedule and event as they are now.

Read again at most every ``FRESH`` seconds per occurrence rather than once per message: a
broadcast to thousands reads its schedule a few times a second instead of thousands of times,
and an edit or a cancellation still reaches every message that has not gone out a moment later.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.storage import utc
from scheduler.composing import EventInfo, Occasion
from scheduler.event_changes import CANCELLATION
from scheduler.schedule_tables import EventRow, OccurrenceRow, ScheduleRow

FRESH = 1.0  # seconds an occasion is trusted before it is read again
CANCELLED = "cancelled"


async def load_occasion(
    sessions: async_sessionmaker[AsyncSession], occurrence_id: int
) -> Occasion | None:
    """The occasion of one occurrence; None when its schedule or event was cancelled (or gone)."""
    async with sessions() as session:
        occurrence = await session.get(OccurrenceRow, occurrence_id)
        schedule = await session.get(ScheduleRow, occurrence.schedule_id) if occurrence else None
        if occurrence is None or schedule is None or schedule.status == CANCELLED:
            return None
        event = await session.get(EventRow, schedule.event_id) if schedule.event_id else None
    if event is not None and event.status == CANCELLED and schedule.kind != CANCELLATION:
        return None  # the notice of the cancellation is the one thing a cancelled event sends
    return Occasion(
        occurrence_id=occurrence.id,
        schedule_id=schedule.id,
        kind=schedule.kind,
        payload=dict(schedule.payload),
        fire_at=utc(occurrence.fire_at),
        event=event_info(event) if event else None,
        versions=dict(event.versions if event else schedule.versions),
    )


def event_info(row: EventRow) -> EventInfo:
    """An event row as messages describe it."""
    return EventInfo(
        id=row.id,
        title=row.title,
        description=row.description,
        starts_at=utc(row.starts_at),
        ends_at=utc(row.ends_at),
        place=row.place,
        zone=row.zone,
        created_by=row.created_by,
        sequence=row.sequence,
        cancelled=row.status == CANCELLED,
    )


class Occasions:
    """Occasions by occurrence id, each read once per ``fresh`` seconds however many ask."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        fresh: float = FRESH,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = sessions
        self._fresh = fresh
        self._now = now
        self._loaded: dict[int, tuple[float, asyncio.Task[Occasion | None]]] = {}

    async def get(self, occurrence_id: int) -> Occasion | None:
        """The occasion, read now or at most ``fresh`` seconds ago; None when cancelled."""
        now = self._now()
        cached = self._loaded.get(occurrence_id)
        if cached is None or now - cached[0] > self._fresh or _failed(cached[1]):
            self._forget_stale(now)
            task = asyncio.ensure_future(load_occasion(self._sessions, occurrence_id))
            cached = self._loaded[occurrence_id] = (now, task)
        task = cached[1]
        if task.done():
            return task.result()
        # shield: one sender being cancelled must not cancel the read others wait for
        return await asyncio.shield(task)

    def _forget_stale(self, now: float) -> None:
        stale = [key for key, (at, _) in self._loaded.items() if now - at > self._fresh]
        for key in stale:
            del self._loaded[key]


def _failed(task: asyncio.Task[Occasion | None]) -> bool:
    return task.done() and (task.cancelled() or task.exception() is not None)
