"""Invite codes: how people join the closed network (a t.me/<bot>?start=<code> link)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from core.members import Identity, Role


class Refusal(StrEnum):
    """Why a code does not let someone in."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED_UP = "used-up"


class InviteRefused(Exception):
    """The code cannot be used; ``reason`` says why."""

    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Invite:
    """What a code grants, and how much longer."""

    id: int
    role: Role
    country: str
    uses_left: int
    expires_at: datetime | None
    created_at: datetime


def invite_state(invite: Invite, now: datetime) -> str:
    """ "live" while it admits someone, else "expired" or "used up"."""
    if invite.expires_at is not None and invite.expires_at <= now:
        return "expired"
    return "live" if invite.uses_left > 0 else "used up"


def new_code() -> str:
    """A fresh code: 72 random bits, URL-safe, fit for a Telegram deep link."""
    return secrets.token_urlsafe(9)


def deep_link(bot_username: str, code: str) -> str:
    """The link that opens a chat with the bot and sends it ``/start <code>``."""
    return f"https://t.me/{bot_username.lstrip('@')}?start={code}"


def code_of(text: str) -> str:
    """The code in what an admin pasted: the code itself or its whole t.me link."""
    text = text.strip()
    return text.rsplit("?start=", 1)[1] if "?start=" in text else text


def code_hash(code: str) -> str:
    """What is stored instead of the code: codes are random, so a plain SHA-256 is enough."""
    return hashlib.sha256(code.strip().encode()).hexdigest()


class InviteBook(Protocol):
    """The storage port for invites."""

    async def create(
        self, role: Role, country: str, uses: int, expires_at: datetime | None, now: datetime
    ) -> tuple[str, Invite]:
        """A new invite and its code; the code is returned once and never stored."""
        ...

    async def redeem(self, code: str, now: datetime) -> Invite:
        """Use one admission of a code; ``InviteRefused`` when it is unknown, expired or used up."""
        ...

    async def all(self) -> Sequence[Invite]:
        """Every invite, oldest first (codes are not kept, so none is shown)."""
        ...

    async def revoke(self, code: str) -> Invite | None:
        """Delete the invite of this code, or of this id; None when there is no such invite."""
        ...


class RefusalLog(Protocol):
    """Remembers which strangers already got their one polite refusal."""

    async def has_been_refused(self, identity: Identity) -> bool:
        """True when this account was refused before."""
        ...

    async def remember_refusal(self, identity: Identity, now: datetime) -> bool:
        """Note a refusal; True only the first time, so that two racing updates refuse once."""
        ...

    async def clear(self, identity: Identity) -> None:
        """Forget a refusal: the stranger became a member."""
        ...
