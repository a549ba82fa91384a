"""Where each event's RSVP counts message is, so that any instance edits the same message.

The first answer claims the row before sending; an answer that finds the claim still unsent leaves
the count to the next answer, and a claim left by a crash is taken over after a minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.conversation.dialog_tables import EventMessageRow
from core.events import Chat
from core.messaging import Sent
from core.storage import insert_ignoring_duplicates, utc

STALE_CLAIM = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class CountMessage:
    """An event's counts message; ``sent`` is None while another answer is sending it."""

    sent: Sent | None


class CountMessages:
    """Claims, records and releases the counts message of each event."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def claim(self, event_id: int, chat: Chat, now: datetime) -> CountMessage | None:
        """The counts message there is; None after claiming the right to send the first one."""
        claim = {"event_id": event_id, "transport": chat.transport, "chat_id": chat.id,
                 "message_id": None, "updated_at": now}  # fmt: skip
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            inserted = insert_ignoring_duplicates(dialect, EventMessageRow, [claim])
            if await session.scalar(inserted.returning(EventMessageRow.event_id)) is not None:
                return None
            row = await session.scalar(
                select(EventMessageRow).where(EventMessageRow.event_id == event_id)
            )
            assert row is not None  # the insert found it
            if row.message_id is None and utc(row.updated_at) < now - STALE_CLAIM:
                row.updated_at = now
                return None
            if row.message_id is None:
                return CountMessage(None)
            return CountMessage(Sent(Chat(row.transport, row.chat_id), row.message_id))

    async def sent(self, event_id: int, message_id: str) -> None:
        """The first counts message went out: later answers edit it."""
        where = EventMessageRow.event_id == event_id
        async with self._sessions.begin() as session:
            await session.execute(
                update(EventMessageRow).where(where).values(message_id=message_id)
            )

    async def release(self, event_id: int) -> None:
        """The first counts message could not be sent: a later answer tries again."""
        async with self._sessions.begin() as session:
            await session.execute(
                delete(EventMessageRow).where(EventMessageRow.event_id == event_id)
            )
