"""Running Mreža on Telegram: long polling or a webhook, commands menus, scheduled deliveries,
graceful shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from starlette.routing import BaseRoute
from telegram import Bot, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, TypeHandler

from bot.app import Mreza, conversation_for, delivery_engine
from bot.console.console_app import console_mount
from bot.console.desk import desk_for
from bot.operations.http_server import ServerRunner
from bot.operations.instance_metrics import PrometheusMetrics
from bot.operations.watchdog import LoopWatchdog, watching
from bot.transports.routes import Routes
from bot.transports.telegram_api import menus
from bot.transports.telegram_api.chat_lanes import ChatLanes
from bot.transports.telegram_api.connections import ShardedRequest
from bot.transports.telegram_api.coordinator_menus import ChatMenus
from bot.transports.telegram_api.handled_updates import HandledUpdates
from bot.transports.telegram_api.intake import (
    ALLOWED_UPDATES,
    Intake,
    admission,
    dispatcher,
    error_handler,
    poll,
)
from bot.transports.telegram_api.telegram_messenger import TelegramMessenger
from bot.transports.telegram_api.updates import TRANSPORT
from bot.transports.telegram_api.webhook import MetricsPage, NotAnUpdate, web_app, webhook_url
from core.messaging import Messenger
from core.transient import Sleeper
from scheduler.engine import pacer_for, senders_for

log = logging.getLogger(__name__)
TelegramApp = Application[Any, Any, Any, Any, Any, Any]
START_RETRY_CAP = 60.0
NOTICES_WAIT = 5.0  # seconds at shutdown for "slow down" notices to leave
UPDATE_WORKERS = 16  # connections for replies, beside one per sender


@dataclass(frozen=True, slots=True)
class Listen:
    """Where the health check (and the webhook, if any) listens."""

    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str | None = None  # https://... when serving a webhook
    secret: str | None = None

    @property
    def url(self) -> str:
        """Where browsers reach this server: the public address, else the listening one."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")


def build_application(token: str, api_url: str, senders: int = 0) -> TelegramApp:
    """A python-telegram-bot Application against the given Bot API server.

    No rate limiter of python-telegram-bot's: every send takes its turn from our Pacer instead,
    which deliveries share. Updates run on one lane per chat (``ChatLanes``). Connections:
    one per concurrent sender, and ``UPDATE_WORKERS`` for replies.
    """
    file_url = api_url.removesuffix("/bot") + "/file/bot"
    return (
        Application.builder()
        .token(token)
        .base_url(api_url)
        .base_file_url(file_url)
        .request(ShardedRequest(senders + UPDATE_WORKERS))
        .concurrent_updates(ChatLanes())
        .build()
    )


async def initialize(application: TelegramApp, stop: asyncio.Event) -> bool:
    """Connect to Telegram, retrying with backoff while it is unreachable; False if stopped."""
    delay = 1.0
    while not stop.is_set():
        try:
            await application.initialize()
            return True
        except InvalidToken:
            raise
        except NetworkError as error:
            log.warning("Telegram is not reachable (%s); retrying in %.0f s", error, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, START_RETRY_CAP)
    return False


async def keep_menus(bot: Bot, mreza: Mreza, chat_menus: ChatMenus, stop: asyncio.Event) -> None:
    """Publish the menus and descriptions, set each coordinator's own, and keep those in step.

    Runs beside the updates, so that Mreža answers from the first moment.
    """
    try:
        await menus.publish(bot, mreza.translations)
        await chat_menus.sync()
        log.info("the commands menus and descriptions are set")
    except TelegramError as error:  # Mreža answers without menus; the next sync tries again
        log.warning("could not set the commands menus: %s", error)
    except Exception:
        log.exception("could not set the commands menus")
    await chat_menus.keep_in_step(stop)


async def serve(
    application: TelegramApp,
    listen: Listen,
    stop: asyncio.Event,
    intake: Intake,
    sleeper: Sleeper,
    metrics_page: MetricsPage | None = None,
    also: Sequence[BaseRoute] = (),
) -> None:
    """Take updates by long polling, or by webhook when a public URL is given, until ``stop``.

    ``intake`` records each update before it is confirmed; ``sleeper`` paces the retries;
    ``also``: more routes on the same address (the web console).
    """
    if listen.public_url and not listen.secret:
        raise ValueError("a webhook needs a secret token, or anyone could post fake updates")
    sink = None
    if listen.public_url:

        async def sink(data: dict[str, object]) -> bool:
            try:
                update = Update.de_json(data, application.bot)
            except (KeyError, TypeError, ValueError) as error:  # {} or a message without date
                raise NotAnUpdate(f"{type(error).__name__}: {error}") from None
            return await intake.posted(update)

    watchdog = LoopWatchdog()
    web = web_app(
        sink, listen.secret, lambda: watchdog.status(application.running), metrics_page, also
    )
    http = ServerRunner(web, listen.host, listen.port)
    await http.start()
    await application.start()
    try:
        async with watching(watchdog), _taking_updates(application, listen, intake, sleeper):
            log.info("Mreža is running on Telegram as @%s", application.bot.username)
            await stop.wait()
    finally:
        log.info("shutting down")
        steps = [_lanes_finish(application), application.stop, http.stop]
        for step in steps:  # each step runs even if one before it failed
            try:
                await step()
            except Exception:
                log.exception("error while shutting down")


def _polling_ended(polling: asyncio.Task[None]) -> None:
    """Long polling only ends when shutting down; anything else must not pass unseen."""
    if not polling.cancelled() and polling.exception() is not None:
        log.error("long polling stopped: no update is taken", exc_info=polling.exception())


def _lanes_finish(application: TelegramApp) -> Callable[[], Awaitable[None]]:
    """The replies under way are sent while the bot can still send."""
    lanes = application.update_processor
    return lanes.finish if isinstance(lanes, ChatLanes) else lanes.shutdown


@asynccontextmanager
async def _taking_updates(
    application: TelegramApp, listen: Listen, intake: Intake, sleeper: Sleeper
) -> AsyncIterator[None]:
    """Updates by webhook (the web app's sink takes them) or by long polling, while inside."""
    if listen.public_url:
        url = webhook_url(listen.public_url)
        await application.bot.set_webhook(
            url, secret_token=listen.secret, allowed_updates=ALLOWED_UPDATES
        )
        yield
        return
    await application.bot.delete_webhook()
    polling = asyncio.create_task(poll(application.bot, intake, sleeper), name="long polling")
    polling.add_done_callback(_polling_ended)
    try:
        yield
    finally:
        polling.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await polling


async def run_on_telegram(
    mreza: Mreza,
    api_url: str,
    listen: Listen,
    stop: asyncio.Event,
    also: Mapping[str, Messenger] | None = None,
    shared: Routes | None = None,
) -> None:
    """Connect, register the conversation, deliver schedules, serve until ``stop``; shut down.

    ``also``: the delivery messengers of other transports served at the same time (Signal),
    so that one engine delivers on all of them, each member once. ``shared``: the replies of
    every transport, which Telegram's joins, so that a report or a hand-off reaches a member
    on whichever transport they are.
    """
    settings = mreza.settings
    assert settings.telegram_token is not None  # checked by the command
    senders = settings.send_concurrency or senders_for(settings.send_rate)
    token = settings.telegram_token.get_secret_value()
    application = build_application(token, api_url, senders)
    if not await initialize(application, stop):
        return
    try:
        bot = application.bot
        metrics = PrometheusMetrics(settings.send_rate)
        # replies and deliveries share one pacer
        pacer = pacer_for(settings, mreza.engine, metrics, mreza.timer)
        replies = TelegramMessenger(bot, pacer)
        if shared is not None:
            shared.add(TRANSPORT, replies)
        speaking: Messenger = shared or replies
        conversation = await conversation_for(
            mreza, speaking, bot.username, metrics, console_url=listen.url
        )
        console = console_mount(await desk_for(mreza, conversation.services))
        handled = HandledUpdates(mreza.sessions, mreza.clock)
        chat_menus = ChatMenus(bot, mreza.translations, mreza.sessions, mreza.members, mreza.clock)
        admits = admission(conversation, bot.username, bot.id)
        intake = Intake(handled, application.update_queue, admits, metrics)
        application.add_handler(
            TypeHandler(Update, dispatcher(conversation, bot.username, bot.id, metrics, chat_menus))
        )
        application.add_error_handler(error_handler(metrics))
        # Deliveries hear of every 429 at once: the worker reschedules the row instead of
        # holding a sender, and the attempt is not counted against the message.
        deliveries = TelegramMessenger(bot, pacer, flood_retries=0, urgent=False)
        routes = Routes({TRANSPORT: deliveries, **(also or {})})
        engine = await delivery_engine(
            mreza, routes, speaking, pacer,
            bot_username=bot.username, stopper=deliveries, metrics=metrics,
        )  # fmt: skip
        await engine.start()
        keeping = asyncio.create_task(keep_menus(bot, mreza, chat_menus, stop))
        try:
            page = lambda: metrics.page(mreza.sessions)  # noqa: E731
            await serve(application, listen, stop, intake, mreza.timer, page, (console,))
        finally:
            with contextlib.suppress(TimeoutError):  # "slow down" notices still on their way
                await asyncio.wait_for(conversation.notices_sent(), NOTICES_WAIT)
            await engine.stop()
            keeping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeping
    finally:
        await application.shutdown()
