"""The message that shows an event's creator its RSVP counts: sent once, then edited in place.

Its chat and message id live in event_messages, so any instance edits the same message. The
first answer claims the row before sending; an answer that finds the claim still unsent leaves
the count to the next answer, and a claim left by a crash is taken over after a minute.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import delete, select, update

from bot import texts
from bot.reaching import private_chat, write_to
from bot.services import Services
from bot.state_tables import EventMessageRow
from core.events import Chat
from core.members import Member, Status
from core.messaging import DeliveryFailed, Outgoing, Sent
from core.storage import insert_ignoring_duplicates, utc
from scheduler.tables import EventRow

log = logging.getLogger(__name__)
STALE_CLAIM = timedelta(minutes=1)


async def show_counts(services: Services, event: EventRow, counts: dict[str, int]) -> None:
    """Send the creator the counts, or edit the message that already shows them."""
    creator = await services.members.get(event.created_by) if event.created_by else None
    chat = private_chat(creator) if creator else None
    if creator is None or chat is None or creator.status is not Status.ACTIVE:
        return
    text = services.translations(creator.language)(texts.RSVP_COUNTS).format(
        title=event.title,
        going=counts.get("going", 0),
        maybe=counts.get("maybe", 0),
        declined=counts.get("no", 0),
    )
    shown = await _shown(services, event.id, chat)
    if shown is None:
        await _first(services, event.id, creator, Outgoing.text(text))
    elif shown.message_id is not None:
        sent = Sent(Chat(shown.transport, shown.chat_id), shown.message_id)
        try:
            await services.messenger.edit(sent, Outgoing.text(text))
        except DeliveryFailed as failure:  # deleted by the creator, say: the next count will tell
            log.info("could not edit the counts of event %s: %s", event.id, failure.reason)


async def _shown(services: Services, event_id: int, chat: Chat) -> EventMessageRow | None:
    """The counts message there is; None after claiming the right to send the first one."""
    now = services.clock.now()
    claim = {"event_id": event_id, "transport": chat.transport, "chat_id": chat.id,
             "message_id": None, "updated_at": now}  # fmt: skip
    async with services.sessions.begin() as session:
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
        return row


async def _first(services: Services, event_id: int, creator: Member, message: Outgoing) -> None:
    sent = await write_to(services.messenger, services.members, creator, message)
    async with services.sessions.begin() as session:
        where = EventMessageRow.event_id == event_id
        if sent is None:  # unreachable now: let a later answer try again
            await session.execute(delete(EventMessageRow).where(where))
        else:
            await session.execute(
                update(EventMessageRow).where(where).values(message_id=sent.message_id)
            )
