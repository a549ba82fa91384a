"""``mreza chat``: the console transport, the zero-setup way to talk to Mreža."""

from __future__ import annotations

import sys

import typer

from bot.app import Mreza, conversation_for
from bot.cli.common import with_mreza
from bot.transports import console
from core.members import Identity, Language, NewMember, Role

GREETING = "Mreža - the network's lessons learnt. Ask a question, or type /help; /quit to leave.\n"


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(chat)


def chat() -> None:
    """Chat with Mreža in the terminal (reads piped questions too, one per line)."""

    async def work(mreza: Mreza) -> None:
        await _console_member(mreza)
        messenger = console.ConsoleMessenger(sys.stdout)
        conversation = await conversation_for(
            mreza, messenger, mreza.settings.telegram_bot_username
        )
        interactive = sys.stdin.isatty()
        if interactive:
            sys.stdout.write(GREETING)
        await console.chat(
            conversation.handle, messenger, sys.stdin.readline, sys.stdout if interactive else None
        )

    with_mreza(work)


async def _console_member(mreza: Mreza) -> None:
    """Whoever runs the console has the database already: they are this instance's administrator."""
    identity = Identity(console.TRANSPORT, console.SENDER.id)
    if await mreza.members.by_identity(identity) is None:
        new = NewMember("Console", "regional", identity, Role.ADMIN, Language.EN)
        await mreza.members.add(new, mreza.clock.now())
