"""The ``mreza`` command line."""

from __future__ import annotations

import logging
from importlib.metadata import entry_points, version
from typing import Annotated

import typer

from bot.cli import (
    announce,
    ask,
    chat,
    db,
    evaluate,
    event,
    invite,
    kb,
    member_commands,
    pulse_commands,
    run,
    web,
)
from bot.cli.common import Surroundings, configured, enter
from core.settings import Settings

# Command groups that live outside the product (``mreza bench``) register under this group of
# entry points, so the product never imports them.
PLUGINS = "mreza.commands"


def build(around: Surroundings | None = None) -> typer.Typer:
    """Assemble every command group; ``around`` gives a clock other than the system's."""
    app = typer.Typer(
        name="mreza",
        help="Mreža: the knowledge-sharing chatbot of the regional gender-in-defence network.",
        no_args_is_help=True,
    )
    surrounded = around or Surroundings()

    @app.callback()
    def root(
        _version: Annotated[
            bool,
            typer.Option(
                "--version", callback=show_version, is_eager=True, help="Print the version."
            ),
        ] = False,
    ) -> None:
        enter(surrounded)
        use_log_level(configured())

    chat.register(app)
    ask.register(app)
    run.register(app)
    evaluate.register(app)
    app.add_typer(kb.build(), name="kb")
    app.add_typer(db.build(), name="db")
    app.add_typer(member_commands.build(), name="members")
    app.add_typer(invite.build(), name="invite")
    app.add_typer(announce.build(), name="announce")
    app.add_typer(event.build(), name="event")
    app.add_typer(pulse_commands.build(), name="pulse")
    app.add_typer(web.build(), name="web")
    for plugin in entry_points(group=PLUGINS):
        app.add_typer(plugin.load()(), name=plugin.name)
    return app


def show_version(wanted: bool) -> None:
    """``mreza --version``: print the installed version and stop."""
    if wanted:
        typer.echo(f"mreza {version('mreza')}")
        raise typer.Exit()


def use_log_level(settings: Settings) -> None:
    """Follow MREZA_LOG_LEVEL when it is set; otherwise each command keeps its own level."""
    if settings.log_level is not None:
        logging.getLogger().setLevel(settings.log_level)


def main() -> None:
    """Entry point of the installed ``mreza`` command."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # The token is part of every Bot API URL: the HTTP clients must never log requests.
    for noisy in ("bm25s", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    build()()
