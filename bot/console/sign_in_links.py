"""One-time sign-in links: made for a coordinator or admin, valid ten minutes, usable once."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.console_tables import SignInLinkRow
from core.members import Member, Role
from core.storage import utc

VALID_FOR = timedelta(minutes=10)
# Links asked for within one validity period: enough for a typo or a second device, too few
# for a leaked chat to be turned into a stream of fresh links.
LINKS_PER_PERIOD = 3
LINK_PATH = "/console/sign-in/"


class LinkRefused(Exception):
    """No link was made; ``reason`` says why: "role" or "too-many"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SignInLink:
    """A link just made: its secret token is shown once and never stored."""

    token: str
    expires_at: datetime

    def url(self, base_url: str) -> str:
        """The address to open, on the server at ``base_url``."""
        return base_url.rstrip("/") + LINK_PATH + self.token


def token_hash(token: str) -> str:
    """What is stored instead of the token: tokens are random, so a plain SHA-256 is enough."""
    return hashlib.sha256(token.encode()).hexdigest()


class SignInLinks:
    """Makes links and redeems them; a redemption is one conditional UPDATE, so it counts once."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def issue(self, member: Member, now: datetime) -> SignInLink:
        """A fresh link for a coordinator or admin; ``LinkRefused`` for anyone else or too often."""
        if not member.active or not member.role.includes(Role.COORDINATOR):
            raise LinkRefused("role")
        now = utc(now)
        async with self._sessions.begin() as session:
            recent = await session.scalar(
                select(func.count(SignInLinkRow.id)).where(
                    SignInLinkRow.member_id == member.id,
                    SignInLinkRow.created_at > now - VALID_FOR,
                )
            )
            if (recent or 0) >= LINKS_PER_PERIOD:
                raise LinkRefused("too-many")
            token = secrets.token_urlsafe(24)
            session.add(
                SignInLinkRow(
                    token_hash=token_hash(token),
                    member_id=member.id,
                    created_at=now,
                    expires_at=now + VALID_FOR,
                )
            )
        return SignInLink(token, now + VALID_FOR)

    async def redeem(self, token: str, now: datetime) -> int | None:
        """The member a link signs in, marking it used; None when unknown, used or expired."""
        now = utc(now)
        async with self._sessions.begin() as session:
            return await session.scalar(
                update(SignInLinkRow)
                .where(
                    SignInLinkRow.token_hash == token_hash(token),
                    SignInLinkRow.used_at.is_(None),
                    SignInLinkRow.expires_at > now,
                )
                .values(used_at=now)
                .returning(SignInLinkRow.member_id)
            )
