"""Mreža on the emulated Signal daemon, and the people writing to it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.app import Mreza
from bot.transports.signal_cli.signal_runner import run_on_signal
from bot.transports.telegram_api.telegram_runner import Listen
from bot.transports.together import run_on_telegram_and_signal
from emulators.signal import ACCOUNT, SignalEmulator
from emulators.telegram import BotApiEmulator
from tests.bot.conftest import network
from tests.signal.channels import Channel, MemoryChannel, SignalChannel, TelegramChannel
from tests.signal.people import REPLY_WAIT, SignalPeople, SignalPerson
from tests.telegram.conftest import emu, mreza, on_telegram, runner_log, settings
from tests.telegram.people import People
from tests.telegram.running import free_port, logged

# The in-memory network of tests/bot, and Mreža on the emulated Telegram (its settings carry the
# emulator's token; Signal ignores it).
__all__ = ["emu", "mreza", "network", "on_telegram", "runner_log", "settings"]

SHUTDOWN_WAIT = 10.0


class Failures(logging.Handler):
    """What the conversation logged as a failure: it swallows them, tests must not."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record."""
        self.records.append(record)


@pytest.fixture
async def signal_emu() -> AsyncIterator[SignalEmulator]:
    """A fresh emulated signal-cli daemon on a free port."""
    async with SignalEmulator() as emulator:
        yield emulator


async def listening(signal_emu: SignalEmulator, task: asyncio.Task[None]) -> None:
    """Wait until Mreža's event stream is open (re-raising whatever ended ``task`` first)."""
    async with asyncio.timeout(REPLY_WAIT):
        while signal_emu.world.listening == 0:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)


@asynccontextmanager
async def serving(
    run: Coroutine[Any, Any, None], stop: asyncio.Event
) -> AsyncIterator[asyncio.Task[None]]:
    """``run`` as a task until the block ends; a failure the conversation logged fails the test."""
    failures = Failures()
    logging.getLogger("bot.router").addHandler(failures)
    task = asyncio.create_task(run)
    try:
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, SHUTDOWN_WAIT)
        logging.getLogger("bot.router").removeHandler(failures)
    assert not failures.records, failures.records[0].exc_info


@pytest.fixture
async def on_signal(signal_emu: SignalEmulator, mreza: Mreza) -> AsyncIterator[asyncio.Task[None]]:
    """Mreža listening to the daemon's events, from when its stream is open."""
    stop = asyncio.Event()
    async with serving(run_on_signal(mreza, signal_emu.url, ACCOUNT, stop), stop) as task:
        await listening(signal_emu, task)
        yield task


@pytest.fixture
async def on_telegram_and_signal(
    signal_emu: SignalEmulator,
    emu: BotApiEmulator,
    mreza: Mreza,
    runner_log: pytest.LogCaptureFixture,
) -> AsyncIterator[asyncio.Task[None]]:
    """Mreža serving both emulators from one process, from when each side runs."""
    stop = asyncio.Event()
    listen = Listen(port=free_port())
    run = run_on_telegram_and_signal(mreza, emu.base_url, listen, signal_emu.url, ACCOUNT, stop)
    async with serving(run, stop) as task:
        await listening(signal_emu, task)
        await logged(runner_log, "is running on Telegram")
        await logged(runner_log, "menus and descriptions are set")
        yield task


@pytest.fixture
def people(signal_emu: SignalEmulator, mreza: Mreza) -> SignalPeople:
    """Makes strangers and members."""
    return SignalPeople(signal_emu, mreza)


@pytest.fixture
async def alice(people: SignalPeople) -> SignalPerson:
    """A member in Serbia, known by her number."""
    return await people.member("Alice")


@pytest.fixture(params=["memory", "telegram", "signal"])
def channel(request: pytest.FixtureRequest) -> Channel:
    """The conversation contract's transports: in-memory, and Telegram and Signal against their
    emulators."""
    if request.param == "memory":
        return MemoryChannel(request.getfixturevalue("network"))
    if request.param == "telegram":
        request.getfixturevalue("on_telegram")
        return TelegramChannel(
            People(request.getfixturevalue("emu"), request.getfixturevalue("mreza"))
        )
    request.getfixturevalue("on_signal")
    return SignalChannel(request.getfixturevalue("people"))
