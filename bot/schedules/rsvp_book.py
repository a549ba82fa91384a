"""Answers to event invitations in the database: one per member and event, the last kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.storage import utc
from core.upsert import upsert
from scheduler.schedule_tables import EventRow, RsvpRow


@dataclass(frozen=True, slots=True)
class InvitedTo:
    """The event an answer was for, as its creator's counts message needs it."""

    id: int
    title: str
    created_by: int | None


@dataclass(frozen=True, slots=True)
class Answered:
    """An answer taken: its event, whether it changed the member's answer, and the counts now."""

    event: InvitedTo
    changed: bool
    counts: dict[str, int]


class RsvpBook:
    """Takes answers to invitations."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def answer(
        self, event_id: int, member_id: int, choice: str, now: datetime
    ) -> Answered | None:
        """Keep the member's answer; None for a cancelled, past or unknown event."""
        async with self._sessions.begin() as session:
            event = await session.get(EventRow, event_id)
            if event is None or event.status != "active" or utc(event.ends_at) <= now:
                return None
            before = await session.scalar(
                select(RsvpRow.answer).where(
                    RsvpRow.event_id == event.id, RsvpRow.member_id == member_id
                )
            )
            values: dict[str, object] = {"event_id": event.id, "member_id": member_id,
                                         "answer": choice, "answered_at": now}  # fmt: skip
            dialect = session.get_bind().dialect.name
            await session.execute(upsert(dialect, RsvpRow, values, ["event_id", "member_id"]))
            counts = await _counts(session, event.id)
            invited = InvitedTo(event.id, event.title, event.created_by)
        return Answered(invited, before != choice, counts)


async def _counts(session: AsyncSession, event_id: int) -> dict[str, int]:
    query = (
        select(RsvpRow.answer, func.count())
        .where(RsvpRow.event_id == event_id)
        .group_by(RsvpRow.answer)
    )
    return {answer: count for answer, count in (await session.execute(query)).all()}
