"""The console transport: Mreža in a terminal, with no account and no setup.

Buttons become numbered choices; typing a number presses the button of the latest message.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TextIO

from core.events import ButtonPressed, Chat, Event, Sender, TextReceived
from core.markup import to_plain
from core.messaging import Attachment, Button, Outgoing, Sent

TRANSPORT = "console"
CHAT = Chat(TRANSPORT, "local")
SENDER = Sender(TRANSPORT, "local", "Console", "en")
QUIT = ("/quit", "/exit")


class ConsoleMessenger:
    """Prints messages; remembers the latest buttons so a typed number can press one."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self.buttons: list[Button] = []
        self._count = 0

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Print a message, its buttons as a numbered list."""
        lines = [to_plain(message.paragraphs)]
        # A terminal shows no pictures or files: say what came, and where a picture is.
        lines += [f"  [{attached(a)}]" for a in message.attachments]
        flat = [b for row in message.buttons for b in row]
        if flat:
            self.buttons = flat
            lines += [f"  {n}. {b.label}" for n, b in enumerate(flat, start=1)]
        self._out.write("\n".join(lines) + "\n\n")
        self._out.flush()
        self._count += 1
        return Sent(chat, str(self._count))

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """A terminal cannot change what it printed: print the new version."""
        await self.send(sent.chat, message)

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """Print the notice of a press, if any."""
        if notice:
            self._out.write(notice + "\n\n")
            self._out.flush()


def attached(attachment: Attachment) -> str:
    """An attachment in words: its name, and its address or size."""
    where = attachment.url or f"{len(attachment.content or b'')} bytes"
    return f"{attachment.filename}: {where}"


def to_event(line: str, messenger: ConsoleMessenger) -> Event:
    """A typed number presses a button of the latest message; anything else is text."""
    text = line.strip()
    if text.isdigit() and 1 <= int(text) <= len(messenger.buttons):
        return ButtonPressed(CHAT, SENDER, messenger.buttons[int(text) - 1].data)
    return TextReceived(CHAT, SENDER, text)


async def chat(
    handle: Callable[[Event], Awaitable[None]],
    messenger: ConsoleMessenger,
    read_line: Callable[[], str],
    prompt: TextIO | None,
) -> None:
    """Serve one person at the terminal until end of input or /quit."""
    while True:
        if prompt is not None:
            prompt.write("> ")
            prompt.flush()
        line = await asyncio.to_thread(read_line)
        if not line or line.strip() in QUIT:
            return
        if line.strip():
            await handle(to_event(line, messenger))
