"""``mreza chat``: the console transport, the zero-setup way to talk to Mreža."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from bot.app import Mreza, conversation_for
from bot.cli import parsing
from bot.cli.common import checked, with_mreza
from bot.transports import console
from core.members import Identity, Language, NewMember, Role

GREETING = "Mreža - the network's lessons learnt. Ask a question, or type /help; /quit to leave.\n"


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(chat)


def chat(
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help="en, bcms, sr-cyrl or mk; left out, it is found from the first question.",
        ),
    ] = None,
) -> None:
    """Chat with Mreža in the terminal (reads piped questions too, one per line)."""
    language = None if lang is None else checked(parsing.language, lang)

    async def work(mreza: Mreza) -> None:
        await _console_member(mreza, language)
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


async def _console_member(mreza: Mreza, language: Language | None) -> None:
    """Whoever runs the console has the database already: they are this instance's administrator.

    Their language is the one asked for, else found from their first question; the console
    prints its own greeting, so they count as met.
    """
    identity = Identity(console.TRANSPORT, console.SENDER.id)
    member = await mreza.members.by_identity(identity)
    if member is None:
        new = NewMember("Console", "regional", identity, Role.ADMIN, language, met=True)
        await mreza.members.add(new, mreza.clock.now())
    elif language is not None:
        await mreza.members.set_language(member.id, language)
