"""``run_on_telegram`` as a task of the test: start it, know when it runs, stop it."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest

from bot.app import Mreza
from bot.transports.telegram_api.telegram_runner import Listen, run_on_telegram
from tests.telegram.people import eventually_true

RUNNER_LOGGER = "bot.transports.telegram_api.telegram_runner"
INTAKE_LOGGER = "bot.transports.telegram_api.intake"
SHUTDOWN_WAIT = 10.0  # seconds the bot may take to stop after being told to


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class RunningBot:
    """``run_on_telegram`` as a task of the test, and the event that stops it."""

    task: asyncio.Task[None]
    stop: asyncio.Event
    listen: Listen

    @property
    def health_url(self) -> str:
        """The bot's own health check."""
        return f"http://{self.listen.host}:{self.listen.port}/healthz"

    async def shut_down(self) -> None:
        """Set the stop event and wait for the task (re-raising whatever ended it)."""
        self.stop.set()
        await asyncio.wait_for(asyncio.shield(self.task), SHUTDOWN_WAIT)


@asynccontextmanager
async def running(mreza: Mreza, api_url: str, listen: Listen) -> AsyncIterator[RunningBot]:
    """Run Mreža on the Bot API at ``api_url`` for the duration of the block."""
    stop = asyncio.Event()
    task = asyncio.create_task(run_on_telegram(mreza, api_url, listen, stop))
    bot = RunningBot(task, stop, listen)
    try:
        yield bot
    finally:
        await bot.shut_down()


async def logged(caplog: pytest.LogCaptureFixture, fragment: str) -> None:
    """Wait until a captured log message contains ``fragment``."""

    async def seen() -> bool:
        return any(fragment in message for message in caplog.messages)

    await eventually_true(seen, f"a log line with {fragment!r}")
