"""Firing due schedules: one occurrence per (schedule, time), one delivery per recipient.

Both keys are unique in the database, so a firing repeated by a restart or run by a second
instance creates nothing twice. A firing found later than the misfire grace is recorded as
missed and reported to its creator instead of being sent late.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.members import Member, MemberDirectory
from core.storage import insert_ignoring_duplicates, utc
from scheduler.audience import Audience
from scheduler.chat_audience import chats_reached
from scheduler.event_changes import COMING, NOTICE_KINDS
from scheduler.recurrence import Recurrence, RecurrenceError
from scheduler.schedule_tables import DeliveryRow, OccurrenceRow, RsvpRow, ScheduleRow

log = logging.getLogger(__name__)
BATCH = 1000  # rows per INSERT: SQLite allows at most 32,766 bound values in one statement
DECLINED = "no"
STOPPED = "stopped"  # a schedule's status once its rule is found impossible to compute
STOPPED_BECAUSE = "stopped_because"  # where its payload keeps why


class FiringRules(Protocol):
    """What one kind of schedule adds to firing, in the firing's own transaction."""

    async def recipients(
        self, session: AsyncSession, schedule: ScheduleRow, members: list[Member]
    ) -> list[Member]:
        """Narrow the audience's members down to those this firing reaches."""
        ...

    async def fired(
        self, session: AsyncSession, schedule: ScheduleRow, occurrence_id: int, fire_at: datetime
    ) -> None:
        """Record what the new occurrence needs beside its deliveries."""
        ...


@dataclass(frozen=True, slots=True)
class Fired:
    """What one pass created."""

    occurrences: tuple[int, ...]
    missed: tuple[int, ...]
    stopped: tuple[int, ...] = ()  # schedules switched off: their rule cannot be computed


class Firing:
    """Finds due schedules and turns them into deliveries."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        members: MemberDirectory,
        clock: Clock,
        grace: timedelta,
        rules: Mapping[str, FiringRules] | None = None,
    ) -> None:
        """``rules``: by schedule kind, for kinds that need more than their audience."""
        self._sessions = sessions
        self._members = members
        self._clock = clock
        self._grace = grace
        self._rules = dict(rules or {})

    async def fire_due(self) -> Fired:
        """Fire every active schedule whose time has come."""
        now = self._clock.now()
        fired: list[int] = []
        missed: list[int] = []
        stopped: list[int] = []
        async with self._sessions.begin() as session:
            due = await session.scalars(
                select(ScheduleRow)
                .where(ScheduleRow.status == "active", ScheduleRow.next_fire_at <= now)
                .order_by(ScheduleRow.next_fire_at)
                .with_for_update(skip_locked=True)  # another instance firing it already: leave it
            )
            for schedule in due.all():
                if not await self._catch_up(session, schedule, now, fired, missed):
                    stopped.append(schedule.id)
        return Fired(tuple(fired), tuple(missed), tuple(stopped))

    async def _catch_up(
        self,
        session: AsyncSession,
        schedule: ScheduleRow,
        now: datetime,
        fired: list[int],
        missed: list[int],
    ) -> bool:
        """Fire a schedule's due times in order: recent ones are sent, older ones are missed.

        False when its rule cannot be computed: the schedule is switched off rather than
        tried again every tick, and the reason kept for its creator.
        """
        try:
            # In a thread: a rule stored before it was checked may be costly to compute.
            recurrence = await asyncio.to_thread(
                Recurrence, schedule.starts_local, schedule.zone, schedule.rule
            )
            while schedule.next_fire_at is not None and utc(schedule.next_fire_at) <= now:
                fire_at = utc(schedule.next_fire_at)
                late = now - fire_at > self._grace
                occurrence = await self._occurrence(session, schedule, fire_at, now, late)
                if occurrence is not None:
                    (missed if late else fired).append(occurrence)
                schedule.next_fire_at = await asyncio.to_thread(recurrence.next_after, fire_at)
        except RecurrenceError as error:
            log.error("schedule %s switched off: rule %r: %s", schedule.id, schedule.rule, error)
            schedule.status, schedule.next_fire_at = STOPPED, None
            schedule.payload = {**schedule.payload, STOPPED_BECAUSE: str(error)}
            return False
        if schedule.next_fire_at is None:
            schedule.status = "finished"
        return True

    async def _occurrence(
        self,
        session: AsyncSession,
        schedule: ScheduleRow,
        fire_at: datetime,
        now: datetime,
        late: bool,
    ) -> int | None:
        dialect = session.get_bind().dialect.name
        status = "missed" if late else "delivering"
        values = {"schedule_id": schedule.id, "fire_at": fire_at, "fired_at": now, "status": status}
        inserted = insert_ignoring_duplicates(dialect, OccurrenceRow, [values])
        occurrence_id = await session.scalar(inserted.returning(OccurrenceRow.id))
        if occurrence_id is None:
            return None  # fired before, here or on another instance: its deliveries exist
        if late:
            log.warning(
                "schedule %s missed its %s firing; reporting it, not sending", schedule.id, fire_at
            )
            return occurrence_id
        rows = [
            _delivery(occurrence_id, key, member, now)
            for key, member in await self._recipients(session, schedule)
        ]
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            await session.execute(insert_ignoring_duplicates(dialect, DeliveryRow, chunk))
        occurrence = await session.get(OccurrenceRow, occurrence_id)
        assert occurrence is not None  # inserted above, in this transaction
        occurrence.recipients = len(rows)
        rules = self._rules.get(schedule.kind)
        if rules is not None:
            await rules.fired(session, schedule, occurrence_id, fire_at)
        log.info("schedule %s fired for %s: %d recipients", schedule.id, fire_at, len(rows))
        return occurrence_id

    async def _recipients(
        self, session: AsyncSession, schedule: ScheduleRow
    ) -> list[tuple[str, int | None]]:
        """Delivery keys: "member:ID", and "group:TRANSPORT:CHAT" when the group chats hear it."""
        audience = Audience.parse(schedule.audience)
        chats: list[tuple[str, int | None]] = []
        if audience.reaches_chats:
            groups = await session.scalars(chats_reached(audience))
            chats = [(f"group:{g.transport}:{g.chat_id}", None) for g in groups]
        if not audience.reaches_members:
            return chats
        members = audience.members(await self._members.all())
        if schedule.kind == "reminder" and schedule.event_id is not None:
            declined = set(
                await session.scalars(
                    select(RsvpRow.member_id).where(
                        RsvpRow.event_id == schedule.event_id, RsvpRow.answer == DECLINED
                    )
                )
            )
            members = [m for m in members if m.id not in declined]
        if schedule.kind in NOTICE_KINDS and schedule.event_id is not None:
            coming = set(
                await session.scalars(
                    select(RsvpRow.member_id).where(
                        RsvpRow.event_id == schedule.event_id, RsvpRow.answer.in_(COMING)
                    )
                )
            )
            members = [m for m in members if m.id in coming]
        rules = self._rules.get(schedule.kind)
        if rules is not None:
            members = await rules.recipients(session, schedule, members)
        return chats + [(f"member:{m.id}", m.id) for m in members]


def _delivery(
    occurrence: int, recipient: str, member: int | None, now: datetime
) -> dict[str, object]:
    return {
        "occurrence_id": occurrence,
        "recipient": recipient,
        "member_id": member,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
    }
