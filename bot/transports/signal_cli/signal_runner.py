"""Running Mreža on Signal: connect to the daemon, listen to its events, deliver schedules."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.app import Mreza, conversation_for, delivery_engine
from bot.transports.routes import Routes
from bot.transports.signal_cli.choices import ChoiceBook
from bot.transports.signal_cli.listener import TRANSPORT, SignalListener
from bot.transports.signal_cli.rpc import SignalRpc
from bot.transports.signal_cli.signal_messenger import Backoff, SignalMessenger
from bot.transports.signal_cli.stream import events
from bot.transports.signal_cli.wording import Wording
from core.messaging import DeliveryFailed, Messenger
from scheduler.pacer import Pacer

log = logging.getLogger(__name__)
START_RETRY_CAP = 60.0
DELIVERY_RETRIES = 5  # rate limits a scheduled message waits out before its attempt counts


@dataclass(frozen=True)
class SignalSide:
    """The connection to one daemon: messengers for replies and for deliveries, one pacer."""

    mreza: Mreza
    rpc: SignalRpc
    account: str
    book: ChoiceBook
    wording: Wording
    replies: SignalMessenger
    deliveries: SignalMessenger

    async def serve(self, stop: asyncio.Event, speaking: Messenger | None = None) -> None:
        """Answer every incoming message until ``stop``; the stream reconnects by itself.

        ``speaking``: the conversation's messenger, when it must reach other transports too.
        """
        conversation = await conversation_for(self.mreza, speaking or self.replies, None)
        listener = SignalListener(
            self.account, conversation.handle, self.mreza.members, self.book, self.replies,
            self.wording, self.mreza.translations,
        )  # fmt: skip
        log.info("Mreža is running on Signal as %s", self.account)
        stream = events(self.rpc.client, stop)
        waiting = asyncio.ensure_future(stop.wait())
        try:
            while not stop.is_set():
                step = asyncio.ensure_future(anext(stream))
                await asyncio.wait({step, waiting}, return_when=asyncio.FIRST_COMPLETED)
                if not step.done():
                    step.cancel()
                    with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                        await step
                    break
                try:
                    await listener.take(step.result())
                except Exception:  # one event's failure must not end the stream
                    log.exception("could not take a Signal event; going on")
        finally:
            waiting.cancel()
            await stream.aclose()


@asynccontextmanager
async def signal_side(mreza: Mreza, rpc_url: str, account: str) -> AsyncIterator[SignalSide]:
    """Connect to the daemon at ``rpc_url`` for ``account``; close the connection after."""
    settings = mreza.settings
    rpc = SignalRpc(rpc_url)
    book = ChoiceBook()
    wording = Wording(mreza.members, mreza.translations)
    pacer = Pacer(settings.signal_send_rate, mreza.timer)  # replies and deliveries share it
    backoff = Backoff(settings.signal_backoff)
    try:
        yield SignalSide(
            mreza, rpc, account, book, wording,
            replies=SignalMessenger(rpc, book, wording, pacer, backoff),
            deliveries=SignalMessenger(rpc, book, wording, pacer, backoff, DELIVERY_RETRIES),
        )  # fmt: skip
    finally:
        await rpc.close()


async def reachable(rpc: SignalRpc, stop: asyncio.Event) -> bool:
    """Wait until the daemon answers, retrying with backoff; False if stopped first."""
    delay = 1.0
    while not stop.is_set():
        try:
            await rpc.call("version")
            return True
        except DeliveryFailed as failure:
            log.warning("signal-cli is not reachable (%s); retrying in %.0f s", failure, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, START_RETRY_CAP)
    return False


async def run_on_signal(mreza: Mreza, rpc_url: str, account: str, stop: asyncio.Event) -> None:
    """Serve members on Signal alone, scheduled deliveries included, until ``stop``."""
    async with signal_side(mreza, rpc_url, account) as side:
        if not await reachable(side.rpc, stop):
            return
        # Reports and reminders go to members' own chats, which may be on Telegram: the routes
        # refuse those plainly (and they are logged) instead of handing signal-cli a Telegram
        # id. The worker pauses its pacer only for a failure with a retry_after, which Signal's
        # messenger never raises: it waits out rate limits on its own pacer.
        engine = await delivery_engine(
            mreza,
            Routes({TRANSPORT: side.deliveries}),
            Routes({TRANSPORT: side.replies}),
            Pacer(mreza.settings.signal_send_rate, mreza.timer),
        )
        await engine.start()
        try:
            await side.serve(stop, Routes({TRANSPORT: side.replies}))
        finally:
            await engine.stop()
