"""What the weekly digest reads and claims in the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.handoffs.handoff_book import ANSWERED, TAUGHT
from bot.handoffs.handoff_tables import HandoffRow
from core.instance_key import InstanceValue
from knowledge.curation_tables import GroupRow
from knowledge.entry import Entry
from knowledge.quality import quality_report
from knowledge.suggestions import pending, propose
from knowledge.unanswered import OPEN, gather

WEEK_KEY = "digest_week"


@dataclass(frozen=True, slots=True)
class Backlog:
    """What waits for the coordinators in the knowledge base."""

    groups: int
    handoffs: int
    suggestions: int
    low: tuple[str, ...]
    stale: tuple[str, ...]


class DigestBook:
    """Reads the backlog and claims each week's digest, once across instances."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def backlog(self, since: datetime, entries: Sequence[Entry], now: datetime) -> Backlog:
        """Groups new since ``since``, open hand-offs, pending wordings, entries to look at."""
        async with self._sessions.begin() as session:
            await gather(session, now)
            await propose(session, now)
            groups = await session.scalar(
                select(func.count())
                .select_from(GroupRow)
                .where(GroupRow.status == OPEN, GroupRow.created_at >= since)
            )
            handoffs = await session.scalar(
                select(func.count())
                .select_from(HandoffRow)
                .where(HandoffRow.status.not_in((ANSWERED, TAUGHT)))
            )
            suggestions = len(await pending(session))
            quality = await quality_report(session, entries, now.date())
        return Backlog(
            int(groups or 0),
            int(handoffs or 0),
            suggestions,
            tuple(q.title for q in quality if q.low_rated),
            tuple(q.title for q in quality if q.stale),
        )

    async def claim_week(self, week: str) -> bool:
        """Take this week's digest for this instance; False when it was sent already."""
        async with self._sessions.begin() as session:
            changed = await session.execute(
                update(InstanceValue)
                .where(InstanceValue.name == WEEK_KEY, InstanceValue.value != week)
                .values(value=week)
            )
            if changed.rowcount:  # type: ignore[attr-defined]  # a CursorResult for UPDATE
                return True
            if await session.get(InstanceValue, WEEK_KEY) is not None:
                return False
        try:
            async with self._sessions.begin() as session:
                session.add(InstanceValue(name=WEEK_KEY, value=week))
        except IntegrityError:  # another instance claimed the first week
            return False
        return True
