"""Events as the command line reads them: the guest list, and the invitation behind an event."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.members import MemberDirectory
from core.storage import utc
from scheduler.schedule_drafts import ScheduleError
from scheduler.schedule_rows import find_event
from scheduler.schedule_tables import EventRow, RsvpRow, ScheduleRow

ANSWERS = ("going", "maybe", "no")  # the order the guest list is read in


@dataclass(frozen=True, slots=True)
class Answer:
    """One member's reply to an invitation."""

    member: int
    name: str  # empty when the member was forgotten
    country: str
    answer: str  # going, maybe, no


@dataclass(frozen=True, slots=True)
class GuestList:
    """Who answered an event's invitation, and how."""

    event_id: int
    title: str
    answers: tuple[Answer, ...]

    def count(self, answer: str) -> int:
        """How many gave this answer."""
        return sum(1 for given in self.answers if given.answer == answer)


@dataclass(frozen=True, slots=True)
class EventView:
    """An event as the list shows it: when, where, for whom, and how many answered what."""

    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    audience: str
    status: str
    answers: dict[str, int]


async def events(
    sessions: async_sessionmaker[AsyncSession], now: datetime, include_ended: bool = False
) -> list[EventView]:
    """Events, soonest first; cancelled and past ones only when asked for."""
    query = select(EventRow).order_by(EventRow.starts_at, EventRow.id)
    async with sessions() as session:
        rows = list(await session.scalars(query))
        counted = await session.execute(
            select(RsvpRow.event_id, RsvpRow.answer, func.count()).group_by(
                RsvpRow.event_id, RsvpRow.answer
            )
        )
    answers: dict[int, Counter[str]] = {}
    for event, answer, count in counted:
        answers.setdefault(event, Counter())[answer] = count
    views = [_view(row, answers.get(row.id, Counter())) for row in rows]
    if include_ended:
        return views
    return [view for view in views if view.status == "active" and view.ends_at > now]


def _view(row: EventRow, answers: Counter[str]) -> EventView:
    return EventView(
        id=row.id,
        title=row.title,
        starts_at=utc(row.starts_at),
        ends_at=utc(row.ends_at),
        place=row.place,
        audience=row.audience,
        status=row.status,
        answers={answer: answers[answer] for answer in ANSWERS},
    )


async def guest_list(
    sessions: async_sessionmaker[AsyncSession], members: MemberDirectory, event_id: int
) -> GuestList:
    """Every answer to an event, going first; ``ScheduleError("unknown")`` for no such event."""
    async with sessions() as session:
        event = await find_event(session, event_id)
        rows = (await session.scalars(select(RsvpRow).where(RsvpRow.event_id == event_id))).all()
    answers = []
    for row in rows:
        member = await members.get(row.member_id)
        if member is not None:
            answers.append(Answer(member.id, member.name, member.country, row.answer))
    answers.sort(key=lambda a: (ANSWERS.index(a.answer) if a.answer in ANSWERS else 3, a.member))
    return GuestList(event.id, event.title, tuple(answers))


async def invitation_of(sessions: async_sessionmaker[AsyncSession], event_id: int) -> int:
    """The id of an active event's invitation schedule (cancelling it cancels the event)."""
    async with sessions() as session:
        event = await find_event(session, event_id)
        if event.status != "active":
            raise ScheduleError("ended", f"event {event_id} is already {event.status}")
        invitation = await session.scalar(
            select(ScheduleRow.id).where(
                ScheduleRow.event_id == event_id, ScheduleRow.kind == "invitation"
            )
        )
    if invitation is None:
        raise ScheduleError("unknown", f"event {event_id} has no invitation to cancel")
    return invitation
