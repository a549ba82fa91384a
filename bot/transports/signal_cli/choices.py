"""Buttons on Signal: numbered lines the member answers by number, by label or by reaction.

Signal has no buttons, so each message's choices are remembered per chat: a reply "2" presses
the second choice of the message it quotes, or else of the latest message that offered any; a
reaction presses the choice whose label is that emoji (👍 and 👎 on an answer).
"""

from __future__ import annotations

from collections import OrderedDict

from core.events import Chat
from core.messaging import Button

KEPT_PER_CHAT = 20  # messages whose choices still answer a quote or a reaction
KEPT_CHATS = 10_000  # chats remembered; the quietest are forgotten first


class ChoiceBook:
    """The choices each chat was offered, by the timestamp of the message that offered them."""

    def __init__(self) -> None:
        self._chats: OrderedDict[tuple[str, str], OrderedDict[str, tuple[Button, ...]]] = (
            OrderedDict()
        )

    def offered(self, chat: Chat, message_id: str, buttons: tuple[Button, ...]) -> None:
        """Remember a message's choices (none: it offers nothing, but stays the latest)."""
        key = (chat.transport, chat.id)
        messages = self._chats.pop(key, OrderedDict())
        messages.pop(message_id, None)
        messages[message_id] = buttons
        while len(messages) > KEPT_PER_CHAT:
            messages.popitem(last=False)
        self._chats[key] = messages
        while len(self._chats) > KEPT_CHATS:
            self._chats.popitem(last=False)

    def answer(self, chat: Chat, text: str, quoted: str | None) -> tuple[Button, str] | None:
        """The choice a reply means, and the message offering it; None if it is no choice."""
        found = self._message(chat, quoted)
        if found is None:
            return None
        message_id, buttons = found
        typed = text.strip().rstrip(".)")
        if typed.isdigit() and 1 <= int(typed) <= len(buttons):
            return buttons[int(typed) - 1], message_id
        label = text.strip().casefold()
        chosen = next((b for b in buttons if b.label.casefold() == label), None)
        return (chosen, message_id) if chosen else None

    def reaction(self, chat: Chat, emoji: str, target: str) -> Button | None:
        """The choice of message ``target`` whose label is this emoji."""
        messages = self._chats.get((chat.transport, chat.id))
        buttons = messages.get(target, ()) if messages else ()
        return next((b for b in buttons if b.label == emoji), None)

    def _message(self, chat: Chat, quoted: str | None) -> tuple[str, tuple[Button, ...]] | None:
        messages = self._chats.get((chat.transport, chat.id))
        if not messages:
            return None
        if quoted is not None and quoted in messages:
            return quoted, messages[quoted]
        offering = [(m, b) for m, b in messages.items() if b]
        return offering[-1] if offering else None
