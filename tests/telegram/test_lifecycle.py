"""Starting and stopping: health check, graceful shutdown, Telegram down or the token wrong."""

from __future__ import annotations

import asyncio
import dataclasses
import time

import httpx
import pytest
from pydantic import SecretStr
from telegram.error import InvalidToken

from bot.app import Mreza
from bot.transports.telegram_api.telegram_runner import Listen, run_on_telegram
from emulators.telegram import BotApiEmulator
from tests.telegram.people import QUIET, People
from tests.telegram.running import SHUTDOWN_WAIT, RunningBot, free_port, logged, running

QUESTION = "What is resolution 1325?"


async def test_health_check_answers_ok_while_running(on_telegram: RunningBot) -> None:
    """GET /healthz on the listen port says {"status": "ok"}."""
    async with httpx.AsyncClient() as http:
        response = await http.get(on_telegram.health_url)
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


async def test_setting_stop_ends_the_bot(
    on_telegram: RunningBot, runner_log: pytest.LogCaptureFixture
) -> None:
    """The stop event ends run_on_telegram cleanly, and the health check goes away with it."""
    await on_telegram.shut_down()
    assert on_telegram.task.done()
    assert "shutting down" in runner_log.messages
    async with httpx.AsyncClient() as http:
        with pytest.raises(httpx.ConnectError):
            await http.get(on_telegram.health_url)


async def test_stopping_ends_polling(on_telegram: RunningBot, emu: BotApiEmulator) -> None:
    """Once stopped, the bot starts no new getUpdates, and a new message stays unread."""
    await on_telegram.shut_down()
    stopped = time.monotonic()
    update = await emu.send_message((await emu.add_user("Late")).id, "anyone there?")
    with pytest.raises(TimeoutError):
        await emu.wait_for(
            method="getUpdates", predicate=lambda call: call.time > stopped, timeout=QUIET
        )
    assert update in await emu.pending_updates()


async def test_the_bot_waits_for_telegram_to_come_up(
    mreza: Mreza, runner_log: pytest.LogCaptureFixture
) -> None:
    """Started before Telegram listens, the bot logs its retry, then connects and answers."""
    port = free_port()
    async with running(mreza, f"http://127.0.0.1:{port}/bot", Listen(port=free_port())) as bot:
        await logged(runner_log, "retrying")
        async with BotApiEmulator(port=port) as emu:
            alice = await People(emu, mreza).member("Alice")
            await logged(runner_log, "is running on Telegram")
            await alice.says(QUESTION)
            assert (await alice.reply()).params["parse_mode"] == "HTML"
            await bot.shut_down()
    assert not [line for line in runner_log.messages if emu.token in line]


async def test_a_stop_while_telegram_is_down_ends_the_bot(
    mreza: Mreza, runner_log: pytest.LogCaptureFixture
) -> None:
    """Told to stop while still retrying, run_on_telegram returns without connecting."""
    api_url = f"http://127.0.0.1:{free_port()}/bot"
    async with running(mreza, api_url, Listen(port=free_port())) as bot:
        await logged(runner_log, "retrying")
        await bot.shut_down()
    assert "is running on Telegram" not in " ".join(runner_log.messages)


async def test_a_wrong_token_raises_invalid_token(emu: BotApiEmulator, mreza: Mreza) -> None:
    """A token the Bot API rejects (401) ends run_on_telegram with InvalidToken at once."""
    settings = mreza.settings.model_copy(update={"telegram_token": SecretStr("999:wrong")})
    wrong = dataclasses.replace(mreza, settings=settings)
    listen = Listen(port=free_port())
    with pytest.raises(InvalidToken):
        await asyncio.wait_for(
            run_on_telegram(wrong, emu.base_url, listen, asyncio.Event()), SHUTDOWN_WAIT
        )
    assert [call.status for call in await emu.calls(method="getMe")] == [401]
