"""The console prints what a terminal can: text, numbered buttons, and what was attached."""

from __future__ import annotations

import io
from dataclasses import replace

from bot.transports.console import ConsoleMessenger
from core.events import Chat
from core.messaging import Attachment, Button, Outgoing

CHAT = Chat("console", "me", private=True)


async def test_buttons_are_numbered_and_attachments_named() -> None:
    """A poster by address and a calendar file by size, then the buttons to type."""
    out = io.StringIO()
    poster = Attachment("poster.jpg", "image/jpeg", url="https://example.org/poster.jpg")
    calendar = Attachment("event.ics", "text/calendar", content=b"BEGIN:VCALENDAR\r\n")
    message = Outgoing.text("Regional meeting in Skopje", [[Button("Going", "r:1")]])
    await ConsoleMessenger(out).send(CHAT, replace(message, attachments=(poster, calendar)))
    assert out.getvalue().splitlines() == [
        "Regional meeting in Skopje",
        "  [poster.jpg: https://example.org/poster.jpg]",
        "  [event.ics: 17 bytes]",
        "  1. Going",
        "",
    ]
