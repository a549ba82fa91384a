"""Injected faults reach python-telegram-bot as the errors Telegram would cause."""

from __future__ import annotations

import datetime as dtm
import time

import pytest
import telegram
from telegram.error import Forbidden, NetworkError, RetryAfter, TimedOut

from emulators.telegram import BotApiEmulator, FaultKind, UserInfo


@pytest.fixture(autouse=True)
def timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt in to PTB's future RetryAfter.retry_after type (and avoid its deprecation warning)."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


def seconds(value: int | dtm.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def test_retry_after_reaches_ptb(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """An injected 429 becomes telegram.error.RetryAfter with Telegram's retry_after."""
    await emu.inject_fault(FaultKind.RETRY_AFTER, method="sendMessage", retry_after=2)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(ana.id, "hello")
    assert seconds(caught.value.retry_after) == 2
    record = await emu.wait_for(method="sendMessage")
    assert record.response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 2",
        "parameters": {"retry_after": 2},
    }


async def test_flood_wait_applies_to_later_sends(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """While the flood wait lasts, other sends get 429 too; other methods still work."""
    await emu.inject_fault("retry_after", method="sendMessage", retry_after=30)
    with pytest.raises(RetryAfter):
        await bot.send_message(ana.id, "first")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_photo(ana.id, photo="https://example.org/p.jpg")
    assert 28 <= seconds(caught.value.retry_after) <= 30
    assert (await bot.get_me()).is_bot
    await emu.clear_faults()
    assert (await bot.send_message(ana.id, "after the wait")).text == "after the wait"


async def test_server_error_reaches_ptb(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """An injected 502 becomes NetworkError; the next call succeeds."""
    await emu.inject_fault(FaultKind.SERVER_ERROR, status=502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(ana.id, "lost")
    assert (await bot.send_message(ana.id, "kept")).text == "kept"
    assert [m.text for m in await emu.shown_messages(ana.id)] == ["kept"]


async def test_forbidden_reaches_ptb(emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo) -> None:
    """An injected 403 becomes telegram.error.Forbidden."""
    await emu.inject_fault(FaultKind.FORBIDDEN)
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(ana.id, "hi")


async def test_fault_for_one_chat_only(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """A fault aimed at one chat leaves other chats alone."""
    bojan = await emu.add_user("Bojan")
    await emu.inject_fault(FaultKind.SERVER_ERROR, chat_id=bojan.id, count=2)
    assert (await bot.send_message(ana.id, "fine")).text == "fine"
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(bojan.id, "broken")
    assert (await bot.send_message(bojan.id, "fine now")).text == "fine now"


async def test_timeout_reaches_ptb(emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo) -> None:
    """A held response outlasts the client's read timeout: telegram.error.TimedOut."""
    await emu.inject_fault(FaultKind.TIMEOUT, hold_seconds=2)
    with pytest.raises(TimedOut):
        await bot.send_message(ana.id, "slow", read_timeout=0.2)
    assert await emu.shown_messages(ana.id) == []


async def test_timeout_after_the_message_was_sent(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """With execute=True the message is delivered although the client timed out."""
    await emu.inject_fault(FaultKind.TIMEOUT, hold_seconds=0.5, execute=True)
    with pytest.raises(TimedOut):
        await bot.send_message(ana.id, "did it arrive?", read_timeout=0.1)
    record = await emu.wait_for(method="sendMessage", timeout=2)
    assert record.ok
    assert [m.text for m in await emu.shown_messages(ana.id)] == ["did it arrive?"]


async def test_dropped_connection_reaches_ptb(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """A dropped connection becomes NetworkError."""
    await emu.inject_fault(FaultKind.DROP)
    with pytest.raises(NetworkError):
        await bot.send_message(ana.id, "into the void")


async def test_latency_delays_responses(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    """A global latency holds every response at least that long."""
    await emu.set_latency(80)
    started = time.monotonic()
    await bot.get_me()
    assert time.monotonic() - started >= 0.08
