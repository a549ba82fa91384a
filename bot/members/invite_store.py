"""Invites in the database: the SQL side of the invite book."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.members.invites import Invite, InviteRefused, Refusal, code_hash, code_of, new_code
from bot.members.member_tables import InviteRow
from core.members import Role
from core.storage import utc


class SqlInviteBook:
    """Invites; a redemption is one conditional UPDATE, so the last use is given out once."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def create(
        self, role: Role, country: str, uses: int, expires_at: datetime | None, now: datetime
    ) -> tuple[str, Invite]:
        """A new invite and its code; the code is returned once and never stored."""
        if uses < 1:
            raise ValueError("an invite needs at least one use")
        code = new_code()
        row = InviteRow(
            code_hash=code_hash(code),
            role=role.value,
            country=country,
            uses_left=uses,
            expires_at=utc(expires_at) if expires_at else None,
            created_at=utc(now),
        )
        async with self._sessions.begin() as session:
            session.add(row)
        return code, _invite(row)

    async def redeem(self, code: str, now: datetime) -> Invite:
        """Use one admission of a code; ``InviteRefused`` when it is unknown, expired or used up."""
        digest, now = code_hash(code), utc(now)
        live = or_(InviteRow.expires_at.is_(None), InviteRow.expires_at > now)
        # Write first, read after: a racing redemption waits for this one's lock and then finds
        # uses_left at 0. (Reading first would let SQLite deadlock two such transactions.)
        async with self._sessions.begin() as session:
            row = await session.scalar(
                update(InviteRow)
                .where(InviteRow.code_hash == digest, InviteRow.uses_left > 0, live)
                .values(uses_left=InviteRow.uses_left - 1)
                .returning(InviteRow)
            )
            if row is not None:
                return _invite(row)
            found = await session.scalar(select(InviteRow).where(InviteRow.code_hash == digest))
        raise InviteRefused(_why_refused(found, now))

    async def all(self) -> Sequence[Invite]:
        """Every invite, oldest first (codes are not kept, so none is shown)."""
        async with self._sessions() as session:
            rows = await session.scalars(select(InviteRow).order_by(InviteRow.id))
            return [_invite(row) for row in rows]

    async def revoke(self, code: str) -> Invite | None:
        """Delete the invite of this code, or of this id; None when there is no such invite."""
        code = code_of(code)
        wanted = InviteRow.code_hash == code_hash(code)
        if code.isdigit():
            wanted = wanted | (InviteRow.id == int(code))
        async with self._sessions.begin() as session:
            row = await session.scalar(delete(InviteRow).where(wanted).returning(InviteRow))
            return _invite(row) if row is not None else None

    async def live(self, now: datetime) -> list[Invite]:
        """Invites that can still be redeemed, newest first."""
        now = utc(now)
        live = or_(InviteRow.expires_at.is_(None), InviteRow.expires_at > now)
        async with self._sessions() as session:
            rows = await session.scalars(
                select(InviteRow).where(InviteRow.uses_left > 0, live).order_by(InviteRow.id.desc())
            )
            return [_invite(row) for row in rows]


def _why_refused(row: InviteRow | None, now: datetime) -> Refusal:
    if row is None:
        return Refusal.UNKNOWN
    if row.expires_at is not None and utc(row.expires_at) <= now:
        return Refusal.EXPIRED
    return Refusal.USED_UP


def _invite(row: InviteRow) -> Invite:
    return Invite(
        id=row.id,
        role=Role(row.role),
        country=row.country,
        uses_left=row.uses_left,
        expires_at=utc(row.expires_at) if row.expires_at else None,
        created_at=utc(row.created_at),
    )
