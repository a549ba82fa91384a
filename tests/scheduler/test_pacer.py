"""The pacer keeps Telegram's limits: per chat, per group, in all, and after a 429."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from core.events import Chat
from scheduler.pacer import MARGIN, Pacer

FAST = 10_000.0  # a global rate that never holds anything up, for the per-chat tests


class FakeTimer:
    """Time that passes only when someone sleeps."""

    def __init__(self) -> None:
        self.time = 0.0

    def now(self) -> float:
        """The fake time."""
        return self.time

    async def sleep(self, seconds: float) -> None:
        """Jump ahead instead of waiting."""
        self.time += seconds
        await asyncio.sleep(0)


async def stamps(pacer: Pacer, now: Callable[[], float], chats: list[Chat]) -> list[float]:
    """The times at which each slot was granted, one chat after another."""
    granted = []
    for chat in chats:
        await pacer.slot(chat)
        granted.append(now())
    return granted


def different_chats(count: int) -> list[Chat]:
    """A chat each for ``count`` sends, so that only the global rate holds them."""
    return [Chat("telegram", str(number)) for number in range(count)]


def one_second_peak(times: list[float]) -> int:
    """The most slots granted in any one-second window."""
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


async def test_one_private_chat_gets_one_message_a_second() -> None:
    """Three sends to Alice are granted a second apart."""
    timer = FakeTimer()
    alice = Chat("telegram", "1")
    assert await stamps(Pacer(FAST, timer), timer.now, [alice] * 3) == [0.0, 1.0, 2.0]


async def test_other_chats_do_not_wait_for_a_busy_one() -> None:
    """A send to Bob right after one to Alice is not held back by Alice's limit."""
    timer = FakeTimer()
    alice, bob = Chat("telegram", "1"), Chat("telegram", "2")
    assert await stamps(Pacer(FAST, timer), timer.now, [alice, bob]) == [0.0, 0.0]


async def test_a_group_gets_twenty_messages_a_minute() -> None:
    """The 21st send to one group waits until a minute after the first."""
    timer = FakeTimer()
    group = Chat("telegram", "-100123", private=False)
    granted = await stamps(Pacer(FAST, timer), timer.now, [group] * 21)
    assert granted[:20] == [0.0] * 20
    assert granted[20] == 60.0


async def test_senders_to_one_chat_take_turns() -> None:
    """Two concurrent sends to Alice are granted a second apart."""
    timer = FakeTimer()
    pacer, alice = Pacer(FAST, timer), Chat("telegram", "1")
    granted: list[float] = []

    async def send() -> None:
        await pacer.slot(alice)
        granted.append(timer.now())

    await asyncio.gather(send(), send())
    assert granted == [0.0, 1.0]


async def test_a_pause_holds_every_sender() -> None:
    """After pause(5), a send to a chat nobody wrote to yet still waits five seconds."""
    timer = FakeTimer()
    pacer = Pacer(FAST, timer)
    pacer.pause(5)
    assert await stamps(pacer, timer.now, [Chat("telegram", "9")]) == [5.0]
    assert not pacer.paused


async def test_no_second_holds_more_than_the_rate() -> None:
    """At 100 a second, 120 sends to different chats never put 101 in one second."""
    granted = await stamps(Pacer(100), asyncio.get_running_loop().time, different_chats(120))
    assert one_second_peak(granted) <= 100


async def test_a_second_and_a_margin_hold_no_more_than_the_rate() -> None:
    """At 20 a second, the 21st send leaves more than a second and a margin after the 1st.

    Sends arrive at Telegram with a few milliseconds of jitter; evenly spaced sends would put
    the 21st exactly a second after the first, one jitter away from a 429.
    """
    granted = await stamps(Pacer(20), asyncio.get_running_loop().time, different_chats(41))
    assert all(
        later - first > 1.0 + MARGIN for first, later in zip(granted, granted[20:], strict=False)
    )


async def test_senders_woken_together_still_keep_the_window() -> None:
    """Many senders waiting at once cannot all slip through the same free moment."""
    pacer = Pacer(10)
    loop = asyncio.get_running_loop()
    granted: list[float] = []

    async def send(number: int) -> None:
        await pacer.slot(Chat("telegram", str(number)))
        granted.append(loop.time())

    await asyncio.gather(*(send(number) for number in range(25)))
    granted.sort()
    assert all(
        later - first > 1.0 + MARGIN for first, later in zip(granted, granted[10:], strict=False)
    )


async def test_a_reply_goes_ahead_of_a_broadcast() -> None:
    """Eight scheduled sends queued first; the reply leaves after at most two of them: the
    one that left at once and the one already waiting in the bucket."""
    pacer = Pacer(30.0, FakeTimer())
    order: list[str] = []

    async def send(name: str, chat: Chat, urgent: bool) -> None:
        await pacer.slot(chat, urgent)
        order.append(name)

    broadcast = [
        asyncio.create_task(send(f"announcement {n}", chat, urgent=False))
        for n, chat in enumerate(different_chats(8))
    ]
    await asyncio.sleep(0)  # all eight are waiting
    reply = asyncio.create_task(send("reply", Chat("telegram", "alice"), urgent=True))
    await asyncio.gather(*broadcast, reply)
    assert order.index("reply") <= 2
    assert sorted(order) == sorted(["reply", *(f"announcement {n}" for n in range(8))])


async def test_broadcast_sends_keep_the_rate_when_nobody_is_replied_to() -> None:
    """Scheduled sends alone, one waiting in the bucket at a time, still all go out."""
    timer = FakeTimer()
    pacer = Pacer(FAST, timer)
    chats = different_chats(50)
    await asyncio.gather(*(pacer.slot(chat, urgent=False) for chat in chats))
    assert timer.now() == 0.0
