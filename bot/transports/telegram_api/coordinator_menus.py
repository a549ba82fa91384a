"""Each coordinator's and admin's own commands menu, kept in step with their role and language.

It is set for their private chat (BotCommandScopeChat) with no language code, so it shows in the
language they chose in Mreža whatever their app is set to. Which chats have one is kept in the
database, so that someone demoted from the command line, even while Mreža was down, loses theirs
at the next sync; a member's own messages bring theirs up to date at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime

from sqlalchemy import DateTime, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column
from telegram import Bot, BotCommandScopeChat
from telegram.error import TelegramError

from bot.languages.i18n import Translations
from bot.transports.telegram_api.menus import COORDINATOR_COMMANDS, menu
from bot.transports.telegram_api.updates import TRANSPORT
from core.clock import Clock
from core.members import Identity, Language, Member, MemberDirectory, Role
from core.storage import Base, utc

log = logging.getLogger(__name__)
SYNC_EVERY = 300.0  # seconds between checks for roles changed from the command line


class ChatMenuRow(Base):
    """A private chat that has a menu of its own, and which one ("coordinator:mk")."""

    __tablename__ = "telegram_chat_menus"

    chat_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    menu: Mapped[str] = mapped_column(String(40))
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def wanted(member: Member | None) -> dict[str, str]:
    """The menus a member's Telegram chats should have: none unless they coordinate."""
    if member is None or not member.active or not member.role.includes(Role.COORDINATOR):
        return {}
    key = f"{Role.COORDINATOR.value}:{member.language.value}"
    return {i.external_id: key for i in member.identities if i.transport == TRANSPORT}


class ChatMenus:
    """Sets and removes the menus of coordinators' and admins' chats."""

    def __init__(
        self,
        bot: Bot,
        translations: Translations,
        sessions: async_sessionmaker[AsyncSession],
        members: MemberDirectory,
        clock: Clock,
    ) -> None:
        self._bot = bot
        self._translations = translations
        self._sessions = sessions
        self._members = members
        self._clock = clock
        self._set: dict[str, str] = {}  # as last read from the database or set here

    async def sync(self) -> None:
        """Bring every chat's menu in step with the directory."""
        desired: dict[str, str] = {}
        for member in await self._members.all():
            desired.update(wanted(member))
        async with self._sessions() as session:
            rows = await session.scalars(select(ChatMenuRow))
            self._set = {row.chat_id: row.menu for row in rows}
        for chat_id in sorted(desired.keys() | self._set.keys()):
            await self._bring(chat_id, desired.get(chat_id))

    async def refresh(self, user_id: str) -> None:
        """Bring one person's chat menu in step, after they wrote or pressed a button."""
        member = await self._members.by_identity(Identity(TRANSPORT, user_id))
        await self._bring(user_id, wanted(member).get(user_id))

    async def keep_in_step(self, stop: asyncio.Event) -> None:
        """Sync every few minutes until ``stop``; a failed sync is logged and tried again."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), SYNC_EVERY)
            if stop.is_set():
                return
            try:
                await self.sync()
            except Exception:
                log.exception("could not bring the coordinators' menus in step")

    async def _bring(self, chat_id: str, key: str | None) -> None:
        if self._set.get(chat_id) == key:
            return
        scope = BotCommandScopeChat(int(chat_id))
        try:
            if key is None:
                await self._bot.delete_my_commands(scope)
            else:
                tr = self._translations(Language(key.partition(":")[2]))
                await self._bot.set_my_commands(menu(COORDINATOR_COMMANDS, tr), scope)
        except TelegramError as error:  # e.g. they never opened the chat: try at the next sync
            log.info("could not set the menu of chat %s: %s", chat_id, error)
            return
        await self._note(chat_id, key)

    async def _note(self, chat_id: str, key: str | None) -> None:
        try:
            async with self._sessions.begin() as session:
                row = await session.get(ChatMenuRow, chat_id)
                if key is None and row is not None:
                    await session.delete(row)
                elif key is not None and row is None:
                    session.add(ChatMenuRow(chat_id=chat_id, menu=key, set_at=self._now()))
                elif key is not None and row is not None:
                    row.menu, row.set_at = key, self._now()
        except IntegrityError:  # another instance noted the same chat at the same moment
            pass
        if key is None:
            self._set.pop(chat_id, None)
        else:
            self._set[chat_id] = key

    def _now(self) -> datetime:
        return utc(self._clock.now())
