"""The group chats Mreža is in: the audience "groups" reaches the active ones."""

from __future__ import annotations

from sqlalchemy import update

from bot.services import Services
from bot.upsert import upsert
from core.events import Chat
from scheduler.tables import GroupChatRow


async def seen(services: Services, chat: Chat, title: str = "") -> None:
    """Record (or re-activate) a group on any message in it; an unknown title keeps the old one.

    One small write per group message: groups are few and slow compared with private chats.
    """
    values: dict[str, object] = {
        "transport": chat.transport,
        "chat_id": chat.id,
        "active": True,
        "seen_at": services.clock.now(),
    }
    if title:
        values["title"] = title
    async with services.sessions.begin() as session:
        dialect = session.get_bind().dialect.name
        await session.execute(upsert(dialect, GroupChatRow, values, ["transport", "chat_id"]))


async def left(services: Services, chat: Chat) -> None:
    """Mreža was removed from a group: nothing more is sent there until it is back."""
    async with services.sessions.begin() as session:
        await session.execute(
            update(GroupChatRow)
            .where(GroupChatRow.transport == chat.transport, GroupChatRow.chat_id == chat.id)
            .values(active=False, seen_at=services.clock.now())
        )
