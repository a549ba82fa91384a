"""`python -m emulators.telegram` in its own process, driven through EmulatorClient."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import telegram
from telegram.error import NetworkError

from emulators.telegram import EmulatorClient, EmulatorError, EmulatorProcess, FaultKind

pytestmark = pytest.mark.slow  # the emulator in a process of its own

ECHO_BOT = Path(__file__).with_name("echo_bot.py")


@pytest.fixture
async def client() -> AsyncIterator[EmulatorClient]:
    async with EmulatorProcess() as emulator_client:
        yield emulator_client


async def test_client_plays_users_and_reads_calls(client: EmulatorClient) -> None:
    """Users, messages, faults and the call log work across processes."""
    ana = await client.add_user("Ana", username="ana_k")
    assert client.token is not None
    async with telegram.Bot(client.token, base_url=client.base_url) as bot:
        await bot.send_message(ana.id, "<i>zdravo</i>", parse_mode="HTML")
        await client.inject_fault(FaultKind.SERVER_ERROR, status=503)
        with pytest.raises(NetworkError):
            await bot.send_message(ana.id, "lost")
    (shown,) = await client.shown_messages(ana.id)
    assert (shown.text, shown.entities) == (
        "zdravo",
        ({"type": "italic", "offset": 0, "length": 6},),
    )
    record = await client.wait_for(method="sendMessage", predicate=lambda r: not r.ok)
    assert record.status == 503
    with pytest.raises(EmulatorError, match="unknown user"):
        await client.send_message(999, "who am I?")


async def test_wait_for_times_out_across_processes(client: EmulatorClient) -> None:
    """The client's wait_for raises TimeoutError listing the recorded calls."""
    with pytest.raises(TimeoutError, match="no matching sendMessage call"):
        await client.wait_for(method="sendMessage", timeout=0.2)


async def start_echo_bot(client: EmulatorClient) -> asyncio.subprocess.Process:
    assert client.token is not None
    return await asyncio.create_subprocess_exec(
        sys.executable, str(ECHO_BOT), client.base_url, client.token
    )


async def test_bot_killed_and_restarted_gets_pending_updates(client: EmulatorClient) -> None:
    """After SIGKILL of the bot, a message waits in the emulator and the restarted bot answers.

    "one" may come again too: killed before its next getUpdates confirmed it, the bot never
    told the emulator it had it, as with Telegram itself.
    """
    ana = await client.add_user("Ana")
    bot_process = await start_echo_bot(client)
    try:
        await client.send_message(ana.id, "one")
        await client.wait_for(method="sendMessage", chat_id=ana.id, timeout=20)
        bot_process.send_signal(signal.SIGKILL)
        await bot_process.wait()
        mark = await client.last_seq()
        await client.send_message(ana.id, "two")
        bot_process = await start_echo_bot(client)
        reply = await client.wait_for(
            method="sendMessage",
            chat_id=ana.id,
            since=mark,
            predicate=lambda r: r.params.get("text") == "echo: two",
            timeout=20,
        )
        assert reply.ok
    finally:
        if bot_process.returncode is None:
            bot_process.kill()
            await bot_process.wait()
