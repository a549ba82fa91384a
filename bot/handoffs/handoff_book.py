"""Hand-offs in the database: each state change is one conditional update, so two coordinators
pressing at once (on two instances) cannot both claim, or both answer, the same question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.handoffs.handoff_tables import HandoffRow

OPEN, CLAIMED, ANSWERED, TAUGHT = "open", "claimed", "answered", "taught"
REMIND_AFTER = timedelta(days=1)
# A hand-off no coordinator could be shown (none reachable, or a transport still connecting) is
# tried again from this old on: the first try has surely finished by then.
RETRY_AFTER = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Handoff:
    """A passed-on question, as the bot and the CLI see it."""

    id: int
    asked_id: int
    member_id: int | None
    country: str
    question: str
    status: str
    created_at: datetime
    claimed_by: int | None
    answer: str | None


class HandoffBook:
    """Opens, claims and answers hand-offs."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def open(
        self, asked_id: int, member_id: int, country: str, question: str, now: datetime
    ) -> Handoff | None:
        """A new hand-off; None when this question was passed on already."""
        row = HandoffRow(
            asked_id=asked_id,
            member_id=member_id,
            country=country,
            question=question,
            status=OPEN,
            created_at=now,
        )
        try:
            async with self._sessions.begin() as session:
                session.add(row)
        except IntegrityError:  # the unique asked_id: a second press, here or on another instance
            return None
        return _handoff(row)

    async def get(self, handoff_id: int) -> Handoff | None:
        """One hand-off by id."""
        async with self._sessions() as session:
            row = await session.get(HandoffRow, handoff_id)
        return _handoff(row) if row else None

    async def claim(self, handoff_id: int, coordinator_id: int, now: datetime) -> bool:
        """Take an open hand-off; False when someone else already has."""
        return await self._change(
            handoff_id,
            HandoffRow.status == OPEN,
            status=CLAIMED,
            claimed_by=coordinator_id,
            claimed_at=now,
        )

    async def answer(self, handoff_id: int, coordinator_id: int, text: str, now: datetime) -> bool:
        """Record the claimer's answer; False when it was answered already or is not theirs."""
        return await self._change(
            handoff_id,
            (HandoffRow.status == CLAIMED) & (HandoffRow.claimed_by == coordinator_id),
            status=ANSWERED,
            answer=text,
            answered_at=now,
        )

    async def teach(self, handoff_id: int, coordinator_id: int) -> bool:
        """Mark an answered hand-off as turned into knowledge; False if it was already."""
        return await self._change(
            handoff_id,
            (HandoffRow.status == ANSWERED) & (HandoffRow.claimed_by == coordinator_id),
            status=TAUGHT,
        )

    async def heard(self, handoff_id: int, now: datetime) -> None:
        """A coordinator has been shown the hand-off."""
        await self._change(handoff_id, HandoffRow.heard_at.is_(None), heard_at=now)

    async def unheard(self, now: datetime) -> list[Handoff]:
        """Open hand-offs no coordinator has been shown yet, oldest first."""
        query = select(HandoffRow).where(
            HandoffRow.status == OPEN,
            HandoffRow.heard_at.is_(None),
            HandoffRow.created_at <= now - RETRY_AFTER,
        )
        async with self._sessions() as session:
            return [_handoff(row) for row in await session.scalars(query.order_by(HandoffRow.id))]

    async def due_reminders(self, now: datetime) -> list[Handoff]:
        """Open hand-offs a day old that were never reminded; marked reminded as they are read."""
        async with self._sessions.begin() as session:
            rows = list(
                await session.scalars(
                    select(HandoffRow).where(
                        HandoffRow.status == OPEN,
                        HandoffRow.reminded_at.is_(None),
                        HandoffRow.created_at <= now - REMIND_AFTER,
                    )
                )
            )
            for row in rows:
                row.reminded_at = now
        return [_handoff(row) for row in rows]

    async def listed(self, status: str | None = None) -> list[Handoff]:
        """Every hand-off (or those in one state), oldest first."""
        query = select(HandoffRow).order_by(HandoffRow.id)
        if status is not None:
            query = query.where(HandoffRow.status == status)
        async with self._sessions() as session:
            return [_handoff(row) for row in await session.scalars(query)]

    async def _change(
        self, handoff_id: int, condition: ColumnElement[bool], **values: object
    ) -> bool:
        query = update(HandoffRow).where(HandoffRow.id == handoff_id, condition).values(**values)
        async with self._sessions.begin() as session:
            result = await session.execute(query)
        return bool(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult for UPDATE


def _handoff(row: HandoffRow) -> Handoff:
    return Handoff(
        id=row.id,
        asked_id=row.asked_id,
        member_id=row.member_id,
        country=row.country,
        question=row.question,
        status=row.status,
        created_at=row.created_at,
        claimed_by=row.claimed_by,
        answer=row.answer,
    )
