"""An in-memory transport: records a transcript of everything said; the test double of them all."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from core.events import ButtonPressed, Chat
from core.markup import to_plain
from core.messaging import Attachment, Button, Outgoing, Sent


@dataclass(frozen=True, slots=True)
class Said:
    """One message as a member would read it, with its buttons."""

    chat: Chat
    message_id: str
    text: str
    buttons: tuple[tuple[Button, ...], ...]
    attachments: tuple[Attachment, ...] = ()

    @property
    def labels(self) -> list[str]:
        """Every button label, row by row."""
        return [b.label for row in self.buttons for b in row]

    def button(self, label: str) -> Button:
        """The button with this label (its data is what a press sends back)."""
        return next(b for row in self.buttons for b in row if b.label == label)


@dataclass
class MemoryMessenger:
    """Keeps every message, edit and acknowledgement in order."""

    said: list[Said] = field(default_factory=list)
    acknowledged: list[tuple[ButtonPressed, str | None]] = field(default_factory=list)
    _ids: count[int] = field(default_factory=lambda: count(1))

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Record a message."""
        text = to_plain(message.paragraphs)
        said = Said(chat, str(next(self._ids)), text, message.buttons, message.attachments)
        self.said.append(said)
        return Sent(chat, said.message_id)

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """Record an edit as a new version of the message."""
        self.said.append(
            Said(sent.chat, sent.message_id, to_plain(message.paragraphs), message.buttons)
        )

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """Record the acknowledgement of a press."""
        self.acknowledged.append((press, notice))

    def to(self, chat: Chat) -> list[Said]:
        """What was said in one chat."""
        return [s for s in self.said if s.chat == chat]

    def last(self, chat: Chat) -> Said:
        """The last message in a chat."""
        return self.to(chat)[-1]
