"""The ports the delivery engine needs from the bot: who a recipient is, and what to say to them.

The engine knows schedules and deliveries; the words, the language and the signed buttons of a
message are the bot's business, composed per recipient when the message is sent (so an edited
or cancelled schedule never sends its old version).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from core.events import Chat
from core.members import Member
from core.messaging import Outgoing, Sent


@dataclass(frozen=True, slots=True)
class EventInfo:
    """An event as invitations and reminders describe it."""

    id: int
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    place: str
    zone: str
    created_by: int | None
    sequence: int = 0  # raised by every change members were told of (the calendar's SEQUENCE)
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Occasion:
    """What is being delivered: one occurrence of a schedule, with the schedule as it is now."""

    occurrence_id: int
    schedule_id: int
    kind: str  # announcement, invitation, reminder
    payload: dict[str, object]
    fire_at: datetime
    event: EventInfo | None = None
    # Other language forms of the text, by Language value (scheduler/versions.py).
    versions: Mapping[str, Mapping[str, object]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Recipient:
    """Where one delivery goes: a member's chat, or a group chat (no member)."""

    key: str  # the delivery's recipient key
    chat: Chat
    member: Member | None = None


class Composer(Protocol):
    """Words, language and buttons of a scheduled message, per recipient."""

    def compose(self, occasion: Occasion, recipient: Recipient) -> Outgoing:
        """The message this recipient gets for this occasion."""
        ...


class Reporter(Protocol):
    """Tells creators how their deliveries went, in their language."""

    async def report(self, occurrence_id: int) -> None:
        """Send the report of one finished (or missed) occurrence to its creator."""
        ...

    async def stopped(self, schedule_id: int) -> None:
        """Tell the creator their schedule was switched off, and why (kept in its payload)."""
        ...


class Keeper(Protocol):
    """Remembers what a sent message needs later (a poll's id, say); most messages need nothing."""

    async def kept(self, occasion: Occasion, recipient: Recipient, sent: Sent) -> None:
        """Called once a message is out, before its outcome is recorded."""
        ...
