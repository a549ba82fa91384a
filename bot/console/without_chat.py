"""The messenger of a console served alone (``mreza web``): no chat transport runs beside it."""

from __future__ import annotations

from core.events import ButtonPressed, Chat
from core.messaging import DeliveryFailed, Outgoing, Sent


class NoChat:
    """Refuses to send: nothing reaches members until ``mreza run`` serves them."""

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Refused: there is no transport to send on."""
        raise DeliveryFailed(f"no {chat.transport} transport runs in this process (mreza web)")

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """Refused, as sending is."""
        raise DeliveryFailed("no chat transport runs in this process (mreza web)")

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """Nothing to acknowledge: no button can be pressed without a chat."""
