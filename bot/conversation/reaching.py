"""Writing to a member outside a conversation: their private chat, and when they blocked Mreža."""

from __future__ import annotations

import logging

from core.events import Chat
from core.members import Member, MemberDirectory, Status
from core.messaging import DeliveryFailed, Messenger, Outgoing, RecipientGone, Sent

log = logging.getLogger(__name__)


def private_chat(member: Member) -> Chat | None:
    """The member's private chat on their preferred transport, else on their first account."""
    if not member.identities:
        return None
    preferred = [i for i in member.identities if i.transport == member.preferred]
    identity = (preferred or list(member.identities))[0]
    return Chat(identity.transport, identity.external_id, private=True)


async def write_to(
    messenger: Messenger, members: MemberDirectory, member: Member, message: Outgoing
) -> Sent | None:
    """Send to an active member; None when they cannot be reached (a block is recorded)."""
    chat = private_chat(member)
    if chat is None or member.status is not Status.ACTIVE:
        return None
    try:
        return await messenger.send(chat, message)
    except RecipientGone:
        await members.set_status(member.id, Status.BLOCKED)
    except DeliveryFailed as failure:  # a report or a count is not worth a retry queue
        log.warning("could not write to member %s: %s", member.id, failure.reason)
    return None
