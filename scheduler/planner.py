"""Creating, listing, editing and cancelling schedules; everything checked before it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.members import MemberDirectory
from scheduler.audience import Audience
from scheduler.pulses.pulse_drafts import KIND as PULSE
from scheduler.pulses.pulse_drafts import PulseDraft
from scheduler.recurrence import Recurrence, RecurrenceError
from scheduler.schedule_drafts import (
    AnnouncementDraft,
    EventDraft,
    ScheduleError,
    When,
    rule_error,
)
from scheduler.schedule_listing import ScheduleView, view
from scheduler.schedule_tables import (
    DeliveryRow,
    EventRow,
    GroupChatRow,
    OccurrenceRow,
    ScheduleRow,
)


@dataclass(frozen=True, slots=True)
class EventPlan:
    """The schedules an event was given: its invitation and its reminders."""

    event_id: int
    invitation: int
    reminders: tuple[int, ...]


class Planner:
    """The one place schedules are made and changed."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], members: MemberDirectory, clock: Clock
    ) -> None:
        self._sessions = sessions
        self._members = members
        self._clock = clock

    async def recipients(self, audience: Audience) -> int:
        """How many members (or group chats) the audience reaches right now."""
        if audience.groups:
            async with self._sessions() as session:
                return len(
                    (
                        await session.scalars(select(GroupChatRow.id).where(GroupChatRow.active))
                    ).all()
                )
        return len(audience.members(await self._members.all()))

    async def announce(self, draft: AnnouncementDraft, creator: int | None) -> int:
        """Schedule an announcement; returns the schedule's id."""
        now = self._clock.now()
        draft.check(now)
        await self._require_recipients(draft.audience)
        payload: dict[str, object] = {"text": draft.text, "link": draft.link, "image": draft.image}
        async with self._sessions.begin() as session:
            row = self._schedule("announcement", draft.audience, draft.when, payload, creator, now)
            session.add(row)
            await session.flush()
            return row.id

    async def start_pulse(self, draft: PulseDraft, creator: int | None) -> int:
        """Schedule a pulse (its rounds open at each firing); returns its id."""
        now = self._clock.now()
        draft.check(now)
        await self._require_recipients(draft.audience)
        async with self._sessions.begin() as session:
            row = self._schedule(PULSE, draft.audience, draft.when, draft.payload(), creator, now)
            session.add(row)
            await session.flush()
            return row.id

    async def plan_event(self, draft: EventDraft, creator: int | None) -> EventPlan:
        """Store an event with its invitation and the reminders still ahead of it."""
        now = self._clock.now()
        draft.check(now)
        await self._require_recipients(draft.audience)
        async with self._sessions.begin() as session:
            event = EventRow(
                title=draft.title.strip(),
                description=draft.description.strip(),
                starts_at=draft.starts,
                ends_at=draft.ends,
                place=draft.place.strip(),
                zone=draft.zone,
                audience=str(draft.audience),
                created_by=creator,
                created_at=now,
            )
            session.add(event)
            await session.flush()
            payload: dict[str, object] = {"title": event.title}
            minutes = [
                int(before.total_seconds() // 60)
                for before in sorted(set(draft.reminders), reverse=True)
            ]
            invitation = self._schedule(
                "invitation",
                draft.audience,
                When(draft.invite_at, None, draft.zone),
                {**payload, "reminder_minutes": minutes},
                creator,
                now,
                event.id,
            )
            reminders = [
                self._schedule(
                    "reminder",
                    draft.audience,
                    When(draft.starts - before, None, draft.zone),
                    {**payload, "before_minutes": int(before.total_seconds() // 60)},
                    creator,
                    now,
                    event.id,
                )
                for before in sorted(set(draft.reminders), reverse=True)
                if draft.starts - before > (draft.invite_at or now)
            ]
            session.add_all([invitation, *reminders])
            await session.flush()
            return EventPlan(event.id, invitation.id, tuple(r.id for r in reminders))

    async def schedules(self, include_ended: bool = False) -> list[ScheduleView]:
        """Schedules, soonest first; cancelled and finished ones only when asked for."""
        query = select(ScheduleRow).order_by(
            ScheduleRow.next_fire_at.is_(None), ScheduleRow.next_fire_at, ScheduleRow.id
        )
        if not include_ended:
            query = query.where(ScheduleRow.status == "active")
        async with self._sessions() as session:
            return [view(row) for row in await session.scalars(query)]

    async def get(self, schedule_id: int) -> ScheduleView:
        """One schedule; ``ScheduleError("unknown")`` when there is none."""
        async with self._sessions() as session:
            return view(await _row(session, schedule_id))

    async def cancel(self, schedule_id: int) -> ScheduleView:
        """Cancel a schedule and what it has not sent; an event's invitation cancels the event."""
        async with self._sessions.begin() as session:
            row = await _row(session, schedule_id)
            ids = [row.id]
            if row.event_id is not None:
                ids = list(
                    await session.scalars(
                        select(ScheduleRow.id).where(ScheduleRow.event_id == row.event_id)
                    )
                )
                await session.execute(
                    update(EventRow).where(EventRow.id == row.event_id).values(status="cancelled")
                )
            await session.execute(
                update(ScheduleRow)
                .where(ScheduleRow.id.in_(ids))
                .values(status="cancelled", next_fire_at=None)
            )
            occurrences = select(OccurrenceRow.id).where(OccurrenceRow.schedule_id.in_(ids))
            await session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.occurrence_id.in_(occurrences), DeliveryRow.status == "pending")
                .values(status="cancelled", last_error="the schedule was cancelled")
            )
            await session.refresh(row)
            return view(row)

    async def edit_text(self, schedule_id: int, text: str) -> ScheduleView:
        """New text for an announcement; what is still unsent goes out in the new version."""
        async with self._sessions.begin() as session:
            row = await _active(session, schedule_id)
            if row.kind != "announcement":
                raise ScheduleError("kind", f"schedule {schedule_id} is not an announcement")
            draft = AnnouncementDraft(
                text, Audience.parse(row.audience), When(), _str(row.payload.get("link"))
            )
            draft.check(self._clock.now())
            row.payload = {**row.payload, "text": text}
            row.version += 1
            row.updated_at = self._clock.now()
            return view(row)

    async def edit_time(self, schedule_id: int, when: When) -> ScheduleView:
        """Move a schedule to another first time (and rule)."""
        now = self._clock.now()
        when.check(now)
        async with self._sessions.begin() as session:
            row = await _active(session, schedule_id)
            recurrence = when.recurrence(now)
            row.starts_local, row.zone, row.rule = (
                recurrence.start,
                recurrence.zone,
                recurrence.rule,
            )
            row.next_fire_at = _first(recurrence, when.at - _EARLIER if when.at else now - _EARLIER)
            row.version += 1
            row.updated_at = now
            return view(row)

    async def _require_recipients(self, audience: Audience) -> None:
        if await self.recipients(audience) == 0:
            raise ScheduleError("nobody", f"the audience {audience} reaches nobody right now")

    def _schedule(
        self,
        kind: str,
        audience: Audience,
        when: When,
        payload: dict[str, object],
        creator: int | None,
        now: datetime,
        event_id: int | None = None,
    ) -> ScheduleRow:
        recurrence = when.recurrence(now)
        first = _first(recurrence, (when.at or now) - _EARLIER)
        return ScheduleRow(
            kind=kind,
            status="active",
            version=1,
            audience=str(audience),
            starts_local=recurrence.start,
            zone=recurrence.zone,
            rule=recurrence.rule,
            next_fire_at=first,
            payload=payload,
            event_id=event_id,
            created_by=creator,
            created_at=now,
            updated_at=now,
        )


# A first time counts itself: occurrences are looked for from just before it.
_EARLIER = timedelta(seconds=1)


def _first(recurrence: Recurrence, after: datetime) -> datetime | None:
    """The first time after ``after``; a rule too costly to compute is refused, not stored."""
    try:
        return recurrence.next_after(after)
    except RecurrenceError as error:
        raise rule_error(error) from error


async def _row(session: AsyncSession, schedule_id: int) -> ScheduleRow:
    row = await session.get(ScheduleRow, schedule_id)
    if row is None:
        raise ScheduleError("unknown", f"there is no schedule {schedule_id}")
    return row


async def _active(session: AsyncSession, schedule_id: int) -> ScheduleRow:
    row = await _row(session, schedule_id)
    if row.status != "active":
        raise ScheduleError("ended", f"schedule {schedule_id} is {row.status} and cannot change")
    return row


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None
