"""What members do, in Mreža's own words: every transport turns its updates into these."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Chat:
    """Where a conversation happens: a private chat with one member, or a group."""

    transport: str  # "telegram", "signal", "console", "memory"
    id: str
    private: bool = True


@dataclass(frozen=True, slots=True)
class Sender:
    """Who wrote, as the transport knows them."""

    transport: str
    id: str
    name: str = ""
    language_code: str | None = None  # what their app is set to, e.g. "sr", "mk", "en-GB"


@dataclass(frozen=True, slots=True)
class TextReceived:
    """A message with text; in a group, ``addressed`` says whether it was meant for Mreža."""

    chat: Chat
    sender: Sender
    text: str
    addressed: bool = True


@dataclass(frozen=True, slots=True)
class ButtonPressed:
    """A member pressed one of Mreža's buttons (or typed its number, where there are none)."""

    chat: Chat
    sender: Sender
    data: str
    message_id: str | None = None  # the message that carried the button, where there is one
    press_id: str | None = None  # for the transport's acknowledgement of the press


@dataclass(frozen=True, slots=True)
class MemberLeft:
    """The member blocked Mreža or left the chat: stop writing to them."""

    chat: Chat
    sender: Sender


@dataclass(frozen=True, slots=True)
class PollAnswered:
    """A member answered one of Mreža's non-anonymous polls; no options means they retracted."""

    chat: Chat  # the private chat with the member
    sender: Sender
    poll_id: str
    options: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PollCounted:
    """One of Mreža's anonymous polls has new counts per option; nobody's name comes with it."""

    chat: Chat  # the transport only: Telegram does not say where the poll is
    poll_id: str
    counts: tuple[int, ...]
    closed: bool = False


Event = TextReceived | ButtonPressed | MemberLeft | PollAnswered | PollCounted
