"""`mreza run --transport signal` and `--transport telegram,signal`, as operators start them."""

from __future__ import annotations

import asyncio
import signal

import pytest

from bot.app import Mreza
from core.settings import Settings
from emulators.signal import ACCOUNT, SignalEmulator
from emulators.telegram import BotApiEmulator
from tests.signal.people import SignalPeople
from tests.telegram.people import People
from tests.telegram.running import free_port
from tests.telegram.test_mreza_run import STARTUP_WAIT, Process, mreza_run, read_until

pytestmark = pytest.mark.slow  # a real `mreza run` process per test


async def stops_cleanly(process: Process) -> None:
    """SIGTERM ends the process with status 0."""
    process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(process.communicate(), STARTUP_WAIT)
    assert process.returncode == 0


async def test_mreza_run_serves_signal_alone(
    signal_emu: SignalEmulator, people: SignalPeople, settings: Settings
) -> None:
    """The process answers a member on Signal, then stops on SIGTERM."""
    alice = await people.member("Alice")
    async with mreza_run(
        settings, "--transport", "signal", signal_rpc_url=signal_emu.url, signal_account=ACCOUNT
    ) as process:
        await read_until(process, "is running on Signal")
        await alice.says("What is resolution 1325?")
        assert "1325" in (await alice.hears()).text
        await stops_cleanly(process)


async def test_mreza_run_serves_telegram_and_signal_at_once(
    signal_emu: SignalEmulator,
    emu: BotApiEmulator,
    mreza: Mreza,
    people: SignalPeople,
    settings: Settings,
) -> None:
    """One process answers a member on each transport."""
    on_signal = await people.member("Alice")
    on_telegram = await People(emu, mreza).member("Bob")
    async with mreza_run(
        settings,
        *("--transport", "telegram,signal", "--telegram-api-url", emu.base_url),
        *("--listen", f"127.0.0.1:{free_port()}"),
        signal_rpc_url=signal_emu.url, signal_account=ACCOUNT, telegram_token=emu.token,
    ) as process:  # fmt: skip
        await read_until(process, "is running on Signal")
        await on_signal.says("What is resolution 1325?")
        assert "1325" in (await on_signal.hears()).text
        await on_telegram.says("What is resolution 1325?")
        assert "1325" in await on_telegram.hears()
        await stops_cleanly(process)
