"""Button data that can be trusted when it comes back: signed, bound to its chat, under 64 bytes.

Telegram returns callback data exactly as sent, and anyone can send any data; so every button
carries a short HMAC over its kind, payload and chat. A forged, altered or forwarded press fails
verification and gets "this button has expired", never an exception or someone else's data.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

from core.events import Chat
from core.messaging import Button

LIMIT = 64  # bytes; Telegram's callback_data limit
_SIGNATURE = 8  # characters of base64url: 48 bits, far beyond what anyone can guess by pressing


@dataclass(frozen=True, slots=True)
class Press:
    """A verified press: what kind of button, and its payload."""

    kind: str
    payload: str


class ButtonSigner:
    """Makes and checks button data with the instance key."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def button(self, label: str, chat: Chat, kind: str, payload: str) -> Button:
        """A button whose press will verify only in this chat."""
        return Button(label, self.sign(chat, kind, payload))

    def sign(self, chat: Chat, kind: str, payload: str) -> str:
        """``kind:payload:signature``; ValueError if it would not fit in 64 bytes."""
        body = f"{kind}:{payload}"
        data = f"{body}:{self._signature(chat, body)}"
        if len(data.encode()) > LIMIT or ":" in kind:
            raise ValueError(f"button data too long or malformed: {data!r}")
        return data

    def verify(self, chat: Chat, data: str) -> Press | None:
        """The press, or None when the data was not made by us for this chat."""
        body, _, signature = data.rpartition(":")
        kind, sep, payload = body.partition(":")
        if not sep or not hmac.compare_digest(signature, self._signature(chat, body)):
            return None
        return Press(kind, payload)

    def _signature(self, chat: Chat, body: str) -> str:
        message = f"{chat.transport}\x00{chat.id}\x00{body}".encode()
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode()[:_SIGNATURE]
