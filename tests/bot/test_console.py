"""The console prints what a terminal can: text, numbered buttons, what was attached; in the
member's language."""

from __future__ import annotations

import io
from dataclasses import replace

from bot.app import Mreza, services_for
from bot.conversation.buttons import ButtonSigner
from bot.languages import texts
from bot.router import Conversation
from bot.transports import console
from bot.transports.console import ConsoleMessenger
from core.events import Chat
from core.members import Identity, Language, NewMember, Role
from core.messaging import Attachment, Button, Outgoing
from scheduler.pulses.pseudonyms import Pseudonyms

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


async def test_a_macedonian_at_the_console_reads_the_macedonian_card_and_topics(
    mreza: Mreza,
) -> None:
    """The console speaks the member's language too: the card, then the topic list and page two."""
    identity = Identity(console.TRANSPORT, console.SENDER.id)
    new = NewMember("Ana", "MK", identity, Role.MEMBER, Language.MK, met=True)
    await mreza.members.add(new, mreza.clock.now())
    out = io.StringIO()
    messenger = console.ConsoleMessenger(out)
    signer, pseudonyms = ButtonSigner(b"console key"), Pseudonyms(b"console key")
    conversation = Conversation(services_for(mreza, messenger, signer, pseudonyms))
    lines = iter(["Што е лице од доверба?\n", "/topics\n", "9\n", ""])
    await console.chat(conversation.handle, messenger, lambda: next(lines), None)
    printed = out.getvalue()
    assert printed.startswith("Лица од доверба во системот на одбрана\n\nЛице од доверба е ")
    assert "\n\nИзвори\n" in printed
    mk = mreza.translations(Language.MK)
    assert mk(texts.TOPICS_PAGE).format(page=2, pages=5) in printed
    assert "  1. SEESAC (10)\n  2. Обука (7)\n" in printed
