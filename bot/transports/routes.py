"""One Messenger over several transports: each chat goes to its own transport's messenger.

The delivery engine sends through one messenger; serving Telegram and Signal at once, it gets
this one, and every member's chat (on their preferred transport) finds its way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from core.events import ButtonPressed, Chat
from core.messaging import DeliveryFailed, Messenger, Outgoing, PollStopper, Sent


class Routes:
    """Sends, edits and acknowledges through the messenger of each chat's transport."""

    def __init__(self, messengers: Mapping[str, Messenger]) -> None:
        self._messengers = dict(messengers)

    def add(self, transport: str, messenger: Messenger) -> None:
        """Serve one more transport (one that connects later than the others)."""
        self._messengers[transport] = messenger

    @property
    def transports(self) -> tuple[str, ...]:
        """The transports served, in the order given (the first is preferred)."""
        return tuple(self._messengers)

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Send on the chat's transport."""
        return await self._route(chat).send(chat, message)

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """Edit on the message's transport."""
        await self._route(sent.chat).edit(sent, message)

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """Acknowledge on the press's transport."""
        await self._route(press.chat).acknowledge(press, notice)

    async def stop_poll(self, chat: Chat, message_id: str) -> None:
        """Close a native poll, where the chat's transport has them."""
        # PollStopper is no runtime protocol: a messenger has the method or it has not.
        stopper: PollStopper | None = getattr(self._route(chat), "stop_poll", None) and cast(
            PollStopper, self._route(chat)
        )
        if stopper is not None:
            await stopper.stop_poll(chat, message_id)

    def _route(self, chat: Chat) -> Messenger:
        messenger = self._messengers.get(chat.transport)
        if messenger is None:
            raise DeliveryFailed(f"Mreža does not run on {chat.transport} here")
        return messenger
