"""The ``mreza`` command line."""

from __future__ import annotations

import logging

import typer

from bot.cli import (
    announce,
    ask,
    bench,
    chat,
    db,
    evaluate,
    event,
    invite,
    kb,
    members,
    pulse,
    run,
)


def build() -> typer.Typer:
    """Assemble every command group."""
    app = typer.Typer(
        name="mreza",
        help="Mreža: the knowledge-sharing chatbot of the regional gender-in-defence network.",
        no_args_is_help=True,
        add_completion=False,
    )
    chat.register(app)
    ask.register(app)
    run.register(app)
    evaluate.register(app)
    app.add_typer(kb.build(), name="kb")
    app.add_typer(db.build(), name="db")
    app.add_typer(bench.build(), name="bench")
    app.add_typer(members.build(), name="members")
    app.add_typer(invite.build(), name="invite")
    app.add_typer(announce.build(), name="announce")
    app.add_typer(event.build(), name="event")
    app.add_typer(pulse.build(), name="pulse")
    return app


def main() -> None:
    """Entry point of the installed ``mreza`` command."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # The token is part of every Bot API URL: the HTTP clients must never log requests.
    for noisy in ("bm25s", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    build()()
