"""What the conversation handlers need, wired once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.buttons import ButtonSigner
from bot.i18n import Translations
from bot.invites import InviteBook, RefusalLog
from core.clock import Clock
from core.members import MemberDirectory
from core.messaging import Messenger
from knowledge.librarian import Librarian


@dataclass(frozen=True)
class Services:
    """The ports and services behind every conversation."""

    librarian: Librarian
    members: MemberDirectory
    invites: InviteBook
    refusals: RefusalLog
    messenger: Messenger
    signer: ButtonSigner
    translations: Translations
    clock: Clock
    sessions: async_sessionmaker[AsyncSession]
    bot_username: str | None = None
