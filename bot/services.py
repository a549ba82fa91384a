"""What the conversation handlers need, wired once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.buttons import ButtonSigner
from bot.composer import Composer
from bot.dialogs import DialogStore
from bot.i18n import Translations
from bot.invites import InviteBook, RefusalLog
from core.clock import Clock
from core.members import MemberDirectory
from core.messaging import Messenger
from knowledge.librarian import Librarian
from scheduler.planner import Planner


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
    planner: Planner
    bot_username: str | None = None
    zone: str = "Europe/Belgrade"  # where coordinators' typed times are local

    @property
    def composer(self) -> Composer:
        """Scheduled messages in words, for previews that match what members will get."""
        return Composer(self.translations, self.signer)

    @property
    def dialogs(self) -> DialogStore:
        """The members' open guided conversations."""
        return DialogStore(self.sessions, self.clock)
