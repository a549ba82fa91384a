"""The message that shows an event's creator its RSVP counts: sent once, then edited in place
(bot/schedules/count_messages.py keeps where it is)."""

from __future__ import annotations

import logging

from bot.conversation.reaching import private_chat, write_to
from bot.conversation.services import Services
from bot.languages import texts
from bot.schedules.rsvp_book import InvitedTo
from core.members import Member, Status
from core.messaging import DeliveryFailed, Outgoing

log = logging.getLogger(__name__)


async def show_counts(services: Services, event: InvitedTo, counts: dict[str, int]) -> None:
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
    shown = await services.count_messages.claim(event.id, chat, services.clock.now())
    if shown is None:
        await _first(services, event.id, creator, Outgoing.text(text))
    elif shown.sent is not None:
        try:
            await services.messenger.edit(shown.sent, Outgoing.text(text))
        except DeliveryFailed as failure:  # deleted by the creator, say: the next count will tell
            log.info("could not edit the counts of event %s: %s", event.id, failure.reason)


async def _first(services: Services, event_id: int, creator: Member, message: Outgoing) -> None:
    sent = await write_to(services.messenger, services.members, creator, message)
    if sent is None:  # unreachable now: let a later answer try again
        await services.count_messages.release(event_id)
    else:
        await services.count_messages.sent(event_id, sent.message_id)
