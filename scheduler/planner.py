"""Creating, listing, editing and cancelling schedules; everything checked before it is stored."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.instance_key import HOW_TO_SET
from core.members import Language, MemberDirectory
from scheduler.audience import Audience
from scheduler.chat_audience import chats_reached
from scheduler.event_changes import CANCELLATION, EventChanges, EventMoved, coming, tell_coming
from scheduler.pulses.pulse_drafts import KIND as PULSE
from scheduler.pulses.pulse_drafts import Mode, PulseDraft
from scheduler.recurrence import Recurrence, RecurrenceError
from scheduler.schedule_drafts import (
    AnnouncementDraft,
    EventDraft,
    ScheduleError,
    When,
    rule_error,
)
from scheduler.schedule_rows import EventPlan, ScheduleView, active_row, find_row, view_of
from scheduler.schedule_tables import (
    DeliveryRow,
    EventRow,
    OccurrenceRow,
    ScheduleRow,
)
from scheduler.text_edits import EventTexts, TextEdits
from scheduler.versions import GROUP_LANGUAGE, stored

__all__ = ["EventPlan", "EventTexts", "Planner", "ScheduleView"]


class Planner:
    """The one place schedules are made and changed."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        members: MemberDirectory,
        clock: Clock,
        *,
        secret_key_set: bool = False,
    ) -> None:
        self._sessions = sessions
        self._members = members
        self._clock = clock
        self._secret_key_set = secret_key_set
        self._edits = TextEdits(sessions, clock)

    @property
    def takes_confidential(self) -> bool:
        """Whether confidential pulses can be started: only with a secret key kept outside the
        database, or its holder could tell who answered what."""
        return self._secret_key_set

    async def recipients(self, audience: Audience) -> int:
        """How many members (or group chats) the audience reaches right now."""
        return len(await self.readers(audience))

    async def readers(self, audience: Audience) -> list[Language]:
        """The language of each member (or group chat) the audience reaches right now."""
        chats: list[Language] = []
        if audience.reaches_chats:
            async with self._sessions() as session:
                groups = await session.scalars(chats_reached(audience))
                chats = [GROUP_LANGUAGE for _ in groups]
        if not audience.reaches_members:
            return chats
        return chats + [m.language for m in audience.members(await self._members.all())]

    async def announce(self, draft: AnnouncementDraft, creator: int | None) -> int:
        """Schedule an announcement; returns the schedule's id."""
        now = self._clock.now()
        draft.check(now)
        await self.require_recipients(draft.audience)
        payload: dict[str, object] = {"text": draft.text, "link": draft.link, "image": draft.image}
        async with self._sessions.begin() as session:
            row = self._schedule("announcement", draft.audience, draft.when, payload, creator, now)
            row.language, row.versions = draft.language.value, stored(draft.version_fields())
            session.add(row)
            await session.flush()
            return row.id

    async def start_pulse(self, draft: PulseDraft, creator: int | None) -> int:
        """Schedule a pulse (its rounds open at each firing); returns its id."""
        now = self._clock.now()
        draft.check(now)
        if draft.mode is Mode.CONFIDENTIAL and not self._secret_key_set:
            raise ScheduleError("no-key", f"confidential pulses need a secret key: {HOW_TO_SET}")
        await self.require_recipients(draft.audience)
        async with self._sessions.begin() as session:
            row = self._schedule(PULSE, draft.audience, draft.when, draft.payload(), creator, now)
            row.language, row.versions = draft.language.value, stored(draft.version_fields())
            session.add(row)
            await session.flush()
            return row.id

    async def plan_event(self, draft: EventDraft, creator: int | None) -> EventPlan:
        """Store an event with its invitation and the reminders still ahead of it."""
        now = self._clock.now()
        draft.check(now)
        await self.require_recipients(draft.audience)
        async with self._sessions.begin() as session:
            event = EventRow(
                title=draft.title.strip(),
                description=draft.description.strip(),
                starts_at=draft.starts,
                ends_at=draft.ends,
                place=draft.place.strip(),
                zone=draft.zone,
                audience=str(draft.audience),
                language=draft.language.value,
                versions=stored(draft.version_fields()),
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
            return [view_of(row) for row in await session.scalars(query)]

    async def get(self, schedule_id: int) -> ScheduleView:
        """One schedule; ``ScheduleError("unknown")`` when there is none."""
        async with self._sessions() as session:
            return view_of(await find_row(session, schedule_id))

    async def cancel(self, schedule_id: int) -> ScheduleView:
        """Cancel a schedule and what it has not sent; an event's invitation cancels the event,
        and those who said they are coming are told."""
        async with self._sessions.begin() as session:
            row = await find_row(session, schedule_id)
            ids = [row.id]
            if row.event_id is not None:
                ids = list(
                    await session.scalars(
                        select(ScheduleRow.id).where(ScheduleRow.event_id == row.event_id)
                    )
                )
                event = await session.get(EventRow, row.event_id)
                assert event is not None  # the schedule's foreign key holds it
                if event.status != "cancelled":
                    event.status = "cancelled"
                    await tell_coming(session, event, CANCELLATION, self._clock.now(), {})
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
            return view_of(row)

    async def edit_text(
        self, schedule_id: int, text: str, language: Language | None = None
    ) -> ScheduleView:
        """New text for an announcement, or for its version in ``language`` (another form
        than the author's); what is still unsent goes out in the new version."""
        return await self._edits.announcement(schedule_id, text, language)

    async def edit_event_text(
        self, event_id: int, title: str, description: str, language: Language | None = None
    ) -> EventTexts:
        """A new title and description for an event, or for its version in ``language``."""
        return await self._edits.event(event_id, title, description, language)

    async def event_texts(self, event_id: int) -> EventTexts:
        """An event's title and description as its author wrote them."""
        return await self._edits.event_texts(event_id)

    async def edit_pulse_question(
        self, schedule_id: int, question: str, language: Language | None = None
    ) -> ScheduleView:
        """A new question for a pulse (or its version in ``language``) before a round opens."""
        return await self._edits.pulse(schedule_id, question, language)

    async def edit_time(self, schedule_id: int, when: When) -> ScheduleView:
        """Move a schedule to another first time (and rule)."""
        now = self._clock.now()
        when.check(now)
        async with self._sessions.begin() as session:
            row = await active_row(session, schedule_id)
            recurrence = when.recurrence(now)
            row.starts_local, row.zone, row.rule = (
                recurrence.start,
                recurrence.zone,
                recurrence.rule,
            )
            row.next_fire_at = _first(recurrence, when.at - _EARLIER if when.at else now - _EARLIER)
            row.version += 1
            row.updated_at = now
            return view_of(row)

    async def coming(self, event_id: int) -> int:
        """How many members answered an event's invitation with going or maybe."""
        async with self._sessions() as session:
            return await coming(session, event_id)

    async def move_event(
        self, event_id: int, starts: datetime, ends: datetime | None = None
    ) -> EventMoved:
        """Give an event a new time (by default keeping its length); those coming are told."""
        return await EventChanges(self._sessions, self._clock).move(event_id, starts, ends)

    async def require_recipients(self, audience: Audience) -> None:
        """``ScheduleError`` ("nobody") when the audience reaches nobody right now."""
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
