"""The group chats Mreža is in: the audience "groups" reaches the active ones."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.events import Chat
from core.upsert import upsert
from scheduler.schedule_tables import GroupChatRow


class GroupChats:
    """Records the groups Mreža is seen in, and those it was removed from."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    async def seen(self, chat: Chat, title: str = "") -> None:
        """Record (or re-activate) a group on any message in it; an unknown title keeps the old.

        One small write per group message: groups are few and slow compared with private chats.
        """
        values: dict[str, object] = {
            "transport": chat.transport,
            "chat_id": chat.id,
            "active": True,
            "seen_at": self._clock.now(),
        }
        if title:
            values["title"] = title
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            await session.execute(upsert(dialect, GroupChatRow, values, ["transport", "chat_id"]))

    async def active(self) -> list[tuple[int, str]]:
        """The groups Mreža is in now, as (id, title), in the order they were first seen."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(GroupChatRow.id, GroupChatRow.title)
                .where(GroupChatRow.active)
                .order_by(GroupChatRow.id)
            )
            return [(number, title) for number, title in rows]

    async def left(self, chat: Chat) -> None:
        """Mreža was removed from a group: nothing more is sent there until it is back."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(GroupChatRow)
                .where(GroupChatRow.transport == chat.transport, GroupChatRow.chat_id == chat.id)
                .values(active=False, seen_at=self._clock.now())
            )
