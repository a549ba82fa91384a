"""Optional enforcement of Telegram's broadcast limits, and the counters benchmarks read."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emulators.telegram import BotApiEmulator, RateLimits, UserInfo

from .conftest import RawApi


@pytest.fixture
async def strict() -> AsyncIterator[BotApiEmulator]:
    limits = RateLimits(overall_per_second=3, private_per_second=1, group_per_minute=2)
    async with BotApiEmulator(enforce_limits=True, limits=limits) as emulator:
        yield emulator


async def test_second_message_to_private_chat_within_a_second(strict: BotApiEmulator) -> None:
    """More than one message per second to one private chat gets 429."""
    api = RawApi(strict)
    ana = await strict.add_user("Ana")
    assert (await api("sendMessage", chat_id=ana.id, text="1"))[0] == 200
    status, body = await api("sendMessage", chat_id=ana.id, text="2")
    assert (status, body["parameters"]) == (429, {"retry_after": 1})
    await api.http.aclose()


async def test_group_limit_per_minute(strict: BotApiEmulator) -> None:
    """More than the per-minute limit to one group gets 429 with a long retry_after."""
    api = RawApi(strict)
    ana = await strict.add_user("Ana")
    group = await strict.add_group("Tim", [ana.id])
    for text in ("1", "2"):
        assert (await api("sendMessage", chat_id=group.id, text=text))[0] == 200
    status, body = await api("sendMessage", chat_id=group.id, text="3")
    assert status == 429
    assert 55 <= body["parameters"]["retry_after"] <= 60
    await api.http.aclose()


async def test_overall_limit_and_counters(strict: BotApiEmulator) -> None:
    """Beyond the overall per-second limit sends get 429; counters show the busiest second."""
    api = RawApi(strict)
    users = [await strict.add_user(f"U{i}") for i in range(4)]
    statuses = [(await api("sendMessage", chat_id=u.id, text="news"))[0] for u in users]
    assert statuses == [200, 200, 200, 429]
    counters = await strict.counters()
    assert (counters.messages_sent, counters.max_messages_per_second) == (3, 3)
    assert counters.rate_limited == 1
    await api.http.aclose()


async def test_limits_are_off_by_default(emu: BotApiEmulator, api: RawApi, ana: UserInfo) -> None:
    """Without enforcement, a burst to one chat all succeeds and is counted."""
    for i in range(5):
        assert (await api("sendMessage", chat_id=ana.id, text=str(i)))[0] == 200
    counters = await emu.counters()
    assert counters.messages_sent == 5
    assert counters.max_messages_per_second == 5
