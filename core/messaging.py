"""What Mreža says, independent of where: rich text and buttons, and the port that delivers them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from core.events import ButtonPressed, Chat
from core.markup import Line, Paragraph, Run, Style, parse


@dataclass(frozen=True, slots=True)
class Button:
    """An option the member can choose; ``data`` comes back in a ``ButtonPressed``."""

    label: str
    data: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file or a picture sent with a message: bytes to upload, or a URL to fetch."""

    filename: str
    mime: str
    content: bytes | None = None
    url: str | None = None

    @property
    def is_image(self) -> bool:
        """True for a picture (shown inline) rather than a document."""
        return self.mime.startswith("image/")


@dataclass(frozen=True, slots=True)
class Poll:
    """A native poll, for transports that have them; the message's text and buttons stand in
    for it everywhere else."""

    intro: tuple[Paragraph, ...]  # said before the poll
    question: str
    options: tuple[str, ...]
    multiple: bool = False
    anonymous: bool = True
    intro_buttons: tuple[tuple[Button, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message: paragraphs of styled text, rows of buttons, and any attachments after it."""

    paragraphs: tuple[Paragraph, ...]
    buttons: tuple[tuple[Button, ...], ...] = field(default=())
    attachments: tuple[Attachment, ...] = field(default=())
    poll: Poll | None = None

    @classmethod
    def text(cls, text: str, buttons: Sequence[Sequence[Button]] = ()) -> Outgoing:
        """Plain text, shown exactly as written: nothing in it is markup."""
        return cls(plain(text), tuple(tuple(row) for row in buttons))

    @classmethod
    def markup(cls, text: str, buttons: Sequence[Sequence[Button]] = ()) -> Outgoing:
        """Text in the knowledge base's Markdown subset (trusted, curated text only)."""
        return cls(parse(text), tuple(tuple(row) for row in buttons))


def plain(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs of unstyled text; every character is kept literally."""
    blocks = [b for b in text.strip().split("\n\n") if b.strip()]
    return tuple(
        tuple(Line((Run(Style.PLAIN, line),), hard=True) for line in b.split("\n")) for b in blocks
    )


@dataclass(frozen=True, slots=True)
class Sent:
    """A message a transport delivered, so that it can be edited later."""

    chat: Chat
    message_id: str
    poll_id: str | None = None  # where the message was a native poll


class Messenger(Protocol):
    """The outbound port every transport implements."""

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Deliver a message; long ones may be split, the last part is returned."""
        ...

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """Replace a message's text and buttons, where the transport can."""
        ...

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """Tell the member their press arrived, with an optional short notice."""
        ...


class PollStopper(Protocol):
    """Closes native polls, on transports that have them."""

    async def stop_poll(self, chat: Chat, message_id: str) -> None:
        """Close the poll in that message; later votes are refused by the transport itself."""
        ...


class DeliveryFailed(Exception):
    """A message could not be delivered; ``transient`` failures are worth retrying."""

    def __init__(
        self, reason: str, transient: bool = False, retry_after: float | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after


class RecipientGone(DeliveryFailed):
    """The member blocked Mreža, or the chat no longer exists: stop writing there."""
