"""The audit log: every change made in the console, who made it and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.console_tables import AuditRow
from core.members import Member
from core.storage import utc

DETAIL_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change, as the audit page lists it."""

    at: datetime
    who: str
    member_id: int | None
    action: str
    target: str
    detail: str


class AuditLog:
    """Writes and reads the audit log."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def record(
        self, member: Member, action: str, target: str, detail: str, now: datetime
    ) -> None:
        """Note one change."""
        async with self._sessions.begin() as session:
            session.add(
                AuditRow(
                    at=utc(now),
                    member_id=member.id,
                    who=member.name or f"#{member.id}",
                    action=action,
                    target=target[:200],
                    detail=detail[:DETAIL_LIMIT],
                )
            )

    async def recent(self, limit: int = 200, action: str | None = None) -> list[AuditEntry]:
        """The newest changes first, optionally of one kind."""
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if action:
            query = query.where(AuditRow.action == action)
        async with self._sessions() as session:
            rows = await session.scalars(query)
            return [
                AuditEntry(utc(r.at), r.who, r.member_id, r.action, r.target, r.detail)
                for r in rows
            ]
