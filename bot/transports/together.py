"""Telegram and Signal served by one process: one conversation core, one delivery engine."""

from __future__ import annotations

import asyncio

from bot.app import Mreza
from bot.transports.routes import Routes
from bot.transports.signal_cli.listener import TRANSPORT as SIGNAL
from bot.transports.signal_cli.signal_runner import reachable, signal_side
from bot.transports.telegram_api.telegram_runner import Listen, run_on_telegram


async def run_on_telegram_and_signal(
    mreza: Mreza, api_url: str, listen: Listen, rpc_url: str, account: str, stop: asyncio.Event
) -> None:
    """Serve both until ``stop``; if one side fails, the other is stopped too."""
    async with signal_side(mreza, rpc_url, account) as side:
        if not await reachable(side.rpc, stop):
            return
        also = {SIGNAL: side.deliveries}
        shared = Routes({SIGNAL: side.replies})  # Telegram's replies join once it connects
        async with asyncio.TaskGroup() as group:
            group.create_task(
                run_on_telegram(mreza, api_url, listen, stop, also=also, shared=shared)
            )
            group.create_task(side.serve(stop, shared))
