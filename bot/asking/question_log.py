"""The questions members asked, as the conversation reads and marks them: picks and votes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge.entry_tables import AskedRow


@dataclass(frozen=True, slots=True)
class Asked:
    """One logged question."""

    id: int
    member_id: int | None
    text: str


class QuestionLog:
    """Reads logged questions and records what members made of the answers."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def asked(self, log_id: int) -> Asked | None:
        """One logged question by id."""
        async with self._sessions() as session:
            row = await session.get(AskedRow, log_id)
        return Asked(row.id, row.member_id, row.text) if row else None

    async def pick(self, log_id: int, member_id: int, entry_id: str) -> bool:
        """Note the entry a member chose among a clarify's choices; False unless it was theirs."""
        mine = (AskedRow.member_id == member_id) & (AskedRow.decision == "clarify")
        return await self._mark(log_id, mine, picked_entry_id=entry_id)

    async def rate(self, log_id: int, member_id: int, helpful: bool, now: datetime) -> bool:
        """Store a member's 👍 or 👎 on their own question; False unless it was theirs."""
        mine = AskedRow.member_id == member_id
        return await self._mark(log_id, mine, feedback=1 if helpful else -1, feedback_at=now)

    async def _mark(self, log_id: int, condition: ColumnElement[bool], **values: object) -> bool:
        query = update(AskedRow).where(AskedRow.id == log_id, condition).values(**values)
        async with self._sessions.begin() as session:
            changed = await session.execute(query)
        return bool(changed.rowcount)  # type: ignore[attr-defined]  # a CursorResult for UPDATE
