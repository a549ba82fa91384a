"""``mreza run``: serve members on Telegram until SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Annotated

import typer
from telegram.error import InvalidToken

from bot.app import Mreza
from bot.cli.common import fail, with_mreza
from bot.transports.telegram_api.runner import Listen, run_on_telegram
from core.settings import Settings

log = logging.getLogger(__name__)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(run)


def run(
    telegram_api_url: Annotated[
        str | None, typer.Option(help="Another Bot API server, e.g. http://127.0.0.1:8081/bot.")
    ] = None,
    webhook: Annotated[
        bool, typer.Option("--webhook", help="Take updates by webhook, not polling.")
    ] = False,
    listen: Annotated[
        str, typer.Option(help="HOST:PORT for /healthz and the webhook.")
    ] = "127.0.0.1:8080",
    public_url: Annotated[
        str | None, typer.Option(help="The https:// address Telegram posts to.")
    ] = None,
) -> None:
    """Run the Telegram bot (long polling by default) with MREZA_TELEGRAM_TOKEN."""
    settings = Settings()
    if settings.telegram_token is None:
        fail("set MREZA_TELEGRAM_TOKEN to the bot's token from @BotFather", 2)
    if webhook and not public_url:
        fail("--webhook needs --public-url https://... where Telegram can reach this server", 2)
    if webhook and settings.telegram_webhook_secret is None:
        fail("--webhook needs MREZA_TELEGRAM_WEBHOOK_SECRET: the same value on every instance", 2)
    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit():
        fail(f"--listen must be HOST:PORT, not {listen!r}", 2)
    secret = (
        settings.telegram_webhook_secret.get_secret_value()
        if settings.telegram_webhook_secret
        else None
    )
    options = Listen(host, int(port), public_url if webhook else None, secret)
    api_url = telegram_api_url or settings.telegram_api_url

    async def work(mreza: Mreza) -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(number, stop.set)
        await run_on_telegram(mreza, api_url, options, stop)

    logging.getLogger().setLevel(logging.INFO)
    try:
        with_mreza(work, settings)
    except InvalidToken:  # its message repeats the token: say it without
        fail("Telegram rejected the bot token; check MREZA_TELEGRAM_TOKEN", 1)
