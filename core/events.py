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


Event = TextReceived | ButtonPressed | MemberLeft
