"""Members by the hundred: how the delivery engine looks up a claimed batch in one query.

A MemberRoll for scheduler.recipients; it belongs with ``SqlMemberDirectory`` (whose query
and conversion it reuses) as a ``many`` method once the MemberDirectory port grows one.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.members.directory import _member, _members
from bot.members.member_tables import MemberRow
from core.members import Member

CHUNK = 500  # ids per query, far below SQLite's limit on bound values


class SqlMemberRoll:
    """Many members by id, with their accounts, in one query per chunk."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def many(self, member_ids: Collection[int]) -> list[Member]:
        """The members with these ids that exist, in id order."""
        ids = sorted(member_ids)
        found: list[Member] = []
        async with self._sessions() as session:
            for start in range(0, len(ids), CHUNK):
                query = _members().where(MemberRow.id.in_(ids[start : start + CHUNK]))
                found += [
                    _member(row) for row in await session.scalars(query.order_by(MemberRow.id))
                ]
        return found

    async def groups(self, member_ids: Collection[int]) -> dict[int, tuple[str, str]]:
        """Country and role of the members with these ids that exist (no accounts loaded)."""
        ids = sorted(member_ids)
        found: dict[int, tuple[str, str]] = {}
        async with self._sessions() as session:
            for start in range(0, len(ids), CHUNK):
                rows = await session.execute(
                    select(MemberRow.id, MemberRow.country, MemberRow.role).where(
                        MemberRow.id.in_(ids[start : start + CHUNK])
                    )
                )
                found.update((member, (country, role)) for member, country, role in rows)
        return found
