"""``mreza run``: serve members on Telegram, Signal or both until SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import Annotated

import typer
from telegram.error import InvalidToken

from bot.app import Mreza, tally_for
from bot.cli.common import checked, fail, with_mreza
from bot.operations.log_format import use_log_format
from bot.transports.signal_cli.signal_runner import run_on_signal
from bot.transports.telegram_api.telegram_runner import Listen, run_on_telegram
from bot.transports.together import run_on_telegram_and_signal
from core.heap import keep_for_good
from core.instance_key import HOW_TO_SET
from core.settings import Settings
from scheduler.instances import InstanceNameTaken

log = logging.getLogger(__name__)
TELEGRAM, SIGNAL = "telegram", "signal"


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
    transport: Annotated[
        str, typer.Option(help="telegram, signal, or both: telegram,signal.")
    ] = TELEGRAM,
) -> None:
    """Run the bot on Telegram (long polling by default), Signal, or both at once."""
    settings = Settings()
    transports = checked(parse_transports, transport)
    if SIGNAL in transports and not settings.signal_account:
        fail("set MREZA_SIGNAL_ACCOUNT to the bot's Signal number, e.g. +38160000000", 2)
    if transports == (SIGNAL,):
        url, account = settings.signal_rpc_url, settings.signal_account or ""
        _serve(lambda mreza, stop: run_on_signal(mreza, url, account, stop), settings)
        return
    options = _telegram_listen(settings, webhook, listen, public_url)
    api_url = telegram_api_url or settings.telegram_api_url

    async def serve(mreza: Mreza, stop: asyncio.Event) -> None:
        if SIGNAL not in transports:
            await run_on_telegram(mreza, api_url, options, stop)
            return
        rpc_url, account = settings.signal_rpc_url, settings.signal_account or ""
        await run_on_telegram_and_signal(mreza, api_url, options, rpc_url, account, stop)

    try:
        _serve(serve, settings)
    except* InvalidToken:  # its message repeats the token: say it without (alone or in a group)
        fail("Telegram rejected the bot token; check MREZA_TELEGRAM_TOKEN", 1)


def _telegram_listen(
    settings: Settings, webhook: bool, listen: str, public_url: str | None
) -> Listen:
    """Where Telegram's side listens, once its settings are checked (exit 2 when they fail)."""
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
    return Listen(host, int(port), public_url if webhook else None, secret)


def parse_transports(text: str) -> tuple[str, ...]:
    """("telegram", "signal") from "telegram,signal"; each known, none twice."""
    names = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = [name for name in names if name not in (TELEGRAM, SIGNAL)]
    if not names or unknown or len(set(names)) != len(names):
        raise ValueError(f"--transport must be telegram, signal or telegram,signal, not {text!r}")
    return names


async def _refuse_confidential_without_key(mreza: Mreza) -> None:
    """Confidential pulses cannot run without the secret key: say which, and how to set it."""
    if mreza.secret_key is not None:
        return
    waiting = await (await tally_for(mreza)).confidential_under_way()
    if waiting:
        ids = ", ".join(str(pulse) for pulse in waiting)
        fail(f"confidential pulses {ids} need a secret key: {HOW_TO_SET}", 2)


def _serve(serve: Callable[[Mreza, asyncio.Event], Awaitable[None]], settings: Settings) -> None:
    """Run ``serve`` on Mreža until SIGTERM or SIGINT sets its stop event."""

    async def work(mreza: Mreza) -> None:
        await _refuse_confidential_without_key(mreza)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(number, stop.set)
        keep_for_good()  # what start-up built serves until the end
        await serve(mreza, stop)

    logging.getLogger().setLevel(settings.log_level or logging.INFO)
    use_log_format(settings.log_format, settings.instance_id)
    try:
        with_mreza(work, settings)
    except* InstanceNameTaken as taken:  # alone, or from one transport of several
        fail(str(taken.exceptions[0]), 2)
