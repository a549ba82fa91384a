"""``mreza web``: the web console alone, on the configured database; and sign-in links for it."""

from __future__ import annotations

import asyncio
import signal
from typing import Annotated

import typer
from starlette.applications import Starlette
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot.app import Mreza, pseudonyms_for, services_for, signer_for
from bot.cli import parsing
from bot.cli.common import checked, clock, fail, with_mreza
from bot.console.console_app import PREFIX, console_mount
from bot.console.desk import desk_for
from bot.console.sign_in_links import LinkRefused, SignInLinks
from bot.console.without_chat import NoChat
from bot.operations.http_server import ServerRunner
from core.members import Identity

DEFAULT_LISTEN = "127.0.0.1:8080"


def build() -> typer.Typer:
    """The ``web`` command: serve the console; ``login-link`` prints a sign-in link."""
    group = typer.Typer(
        help="The web console for coordinators and admins.", invoke_without_command=True
    )
    group.callback()(web)
    group.command(name="login-link")(login_link)
    return group


def web(
    context: typer.Context,
    listen: Annotated[
        str, typer.Option(help="HOST:PORT to serve the console on.")
    ] = DEFAULT_LISTEN,
) -> None:
    """Serve the web console alone (no chat transport) until Ctrl-C."""
    if context.invoked_subcommand is not None:
        return
    host, port = checked(_listen, listen)

    async def work(mreza: Mreza) -> None:
        runner = ServerRunner(await console_app(mreza), host, port)
        await runner.start()
        typer.echo(f"the console is at http://{host}:{runner.port}{PREFIX}/")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(number, stop.set)
        await stop.wait()
        await runner.stop()

    with_mreza(work)


async def console_app(mreza: Mreza) -> Starlette:
    """The console on its own server, / sending browsers to it."""
    signer, pseudonyms = await signer_for(mreza), await pseudonyms_for(mreza)
    services = services_for(mreza, NoChat(), signer, pseudonyms)

    async def home(_request: object) -> Response:
        return RedirectResponse(f"{PREFIX}/")

    return Starlette(routes=[Route("/", home), console_mount(await desk_for(mreza, services))])


def login_link(
    telegram_id: Annotated[
        str | None, typer.Option("--telegram-id", metavar="ID", help="Their Telegram user id.")
    ] = None,
    signal_number: Annotated[
        str | None,
        typer.Option("--signal-number", metavar="+NUMBER", help="Their Signal number."),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(help="Where the console is served (default MREZA_CONSOLE_URL or local)."),
    ] = None,
) -> None:
    """Print a one-time sign-in link (10 minutes) for a coordinator or admin, as the last line."""
    if (telegram_id is None) == (signal_number is None):
        fail("give either --telegram-id or --signal-number", 2)
    identity: Identity = (
        checked(parsing.telegram_identity, telegram_id)
        if telegram_id is not None
        else checked(parsing.signal_identity, signal_number or "")
    )

    async def work(mreza: Mreza) -> str:
        member = await mreza.members.by_identity(identity)
        if member is None:
            fail(f"no member has the {identity.transport} account {identity.external_id}")
        try:
            made = await SignInLinks(mreza.sessions).issue(member, clock().now())
        except LinkRefused as refused:
            if refused.reason == "role":
                fail(f"member {member.id} is a {member.role}; the console is for coordinators")
            fail("three sign-in links were made for this member in the last 10 minutes; use one")
        base = url or mreza.settings.console_url or f"http://{DEFAULT_LISTEN}"
        return made.url(base)

    link = with_mreza(work)
    typer.echo("valid for 10 minutes, once; do not pass it on:")
    typer.echo(link)


def _listen(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"--listen must be HOST:PORT, not {text!r}")
    return host, int(port)
