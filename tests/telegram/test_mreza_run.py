"""`mreza run` as operators start it: a process serving Telegram until SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import pytest

from bot.app import Mreza
from core.settings import Settings
from emulators.telegram import BotApiEmulator
from tests.telegram.people import People
from tests.telegram.running import free_port

pytestmark = pytest.mark.slow  # a real `mreza run` process per test

STARTUP_WAIT = 60.0  # seconds: a cold interpreter imports everything and loads the knowledge base
Process = asyncio.subprocess.Process


@asynccontextmanager
async def mreza_run(settings: Settings, *args: str, **environment: str) -> AsyncIterator[Process]:
    """``python -m bot.cli run ARGS`` on the test's database, with these MREZA_ variables."""
    env = dict(os.environ, MREZA_DATABASE_URL=settings.database_url)
    env.update({f"MREZA_{name.upper()}": value for name, value in environment.items()})
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bot.cli", "run", *args),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def on_telegram(
    settings: Settings, api_url: str, token: str
) -> AbstractAsyncContextManager[Process]:
    """``mreza run`` against the given Bot API."""
    listen = f"127.0.0.1:{free_port()}"
    return mreza_run(
        settings, "--telegram-api-url", api_url, "--listen", listen, telegram_token=token
    )


async def read_until(process: Process, fragment: str) -> str:
    """Read the process's standard error up to a line containing ``fragment``."""
    assert process.stderr is not None
    seen = ""
    while fragment not in seen:
        line = await asyncio.wait_for(process.stderr.readline(), STARTUP_WAIT)
        if not line:
            pytest.fail(f"mreza run ended before saying {fragment!r}:\n{seen}")
        seen += line.decode()
    return seen


async def test_mreza_run_serves_until_sigterm(
    emu: BotApiEmulator, mreza: Mreza, settings: Settings
) -> None:
    """The process answers a member, then stops cleanly on SIGTERM without printing the token."""
    alice = await People(emu, mreza).member("Alice")
    async with on_telegram(settings, emu.base_url, emu.token) as process:
        printed = await read_until(process, "is running on Telegram")
        await alice.says("What is resolution 1325?")
        assert (await alice.reply()).params["parse_mode"] == "HTML"
        process.send_signal(signal.SIGTERM)
        _, rest = await asyncio.wait_for(process.communicate(), STARTUP_WAIT)
    assert process.returncode == 0
    assert emu.token not in printed + rest.decode()


async def test_a_rejected_token_is_reported_without_printing_it(
    emu: BotApiEmulator, mreza: Mreza, settings: Settings
) -> None:
    """A wrong token ends `mreza run` with an error that does not contain the token."""
    wrong = "999:do-not-print-this-token"
    async with on_telegram(settings, emu.base_url, wrong) as process:
        out, err = await asyncio.wait_for(process.communicate(), STARTUP_WAIT)
    assert process.returncode != 0
    assert wrong not in out.decode() + err.decode()
