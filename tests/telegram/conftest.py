"""Mreža on the emulated Telegram: the emulator, the bot running on it, and the people in it."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from bot.app import Mreza, open_mreza
from bot.groundwork import Groundwork
from bot.transports.telegram_api.telegram_runner import Listen
from core.clock import FakeClock
from core.members import Role
from core.settings import BUNDLED_KB_PATH, Settings
from emulators.telegram import DEFAULT_TOKEN, BotApiEmulator
from scheduler.pacer import Timer
from tests.conftest import TESTS_TYPE_FAST
from tests.keys import SECRET_KEY
from tests.telegram.people import Chatter, People
from tests.telegram.running import (
    INTAKE_LOGGER,
    RUNNER_LOGGER,
    RunningBot,
    free_port,
    logged,
    running,
)


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    """A fresh emulated Telegram on a free port."""
    async with BotApiEmulator() as emulator:
        yield emulator


# Signal's one message a second in all would make every Signal test wait a second a reply;
# its own tests of that rate set it themselves.
TEST_SIGNAL_RATE = 100.0


# Scheduled messages go out at the next look at the schedules; a test need not wait a second.
TESTS_TICK = 0.1


@pytest.fixture
def settings(database_url: str) -> Settings:
    """A temp database, the bundled knowledge base and the emulator's token."""
    return Settings(
        database_url=database_url,
        kb_path=BUNDLED_KB_PATH,
        telegram_token=SecretStr(DEFAULT_TOKEN),
        signal_send_rate=TEST_SIGNAL_RATE,
        secret_key=SecretStr(SECRET_KEY),
        sender_burst=TESTS_TYPE_FAST,
        schedule_tick=TESTS_TICK,
    )


@pytest.fixture
async def mreza(
    settings: Settings, clock: FakeClock, groundwork: Groundwork, timer: Timer
) -> AsyncIterator[Mreza]:
    """The real app on these settings."""
    async with open_mreza(settings, clock, groundwork, timer) as app:
        yield app


@pytest.fixture
def runner_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """What the Telegram runner logs, from INFO up (and everyone's warnings and errors)."""
    caplog.set_level(logging.INFO, logger=RUNNER_LOGGER)
    caplog.set_level(logging.INFO, logger=INTAKE_LOGGER)
    return caplog


@pytest.fixture
async def on_telegram(
    emu: BotApiEmulator, mreza: Mreza, runner_log: pytest.LogCaptureFixture
) -> AsyncIterator[RunningBot]:
    """Mreža taking updates by long polling from the emulator, from when it says it runs and
    its menus are set (so that no test sees their calls)."""
    async with running(mreza, emu.base_url, Listen(port=free_port())) as bot:
        await logged(runner_log, "is running on Telegram")
        await logged(runner_log, "menus and descriptions are set")
        yield bot


@pytest.fixture
def people(emu: BotApiEmulator, mreza: Mreza) -> People:
    """Makes strangers and members."""
    return People(emu, mreza)


@pytest.fixture
async def alice(people: People) -> Chatter:
    """A member in Serbia."""
    return await people.member("Alice")


@pytest.fixture
async def bob(people: People) -> Chatter:
    """A coordinator in Serbia."""
    return await people.member("Bob", Role.COORDINATOR)
