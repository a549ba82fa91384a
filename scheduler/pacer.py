"""The one gate every Telegram send passes: a global rate, per-chat limits, and flood pauses.

Telegram allows about 30 messages a second in all, one a second to one private chat and 20 a
minute to one group, and answers 429 ("retry after N") to a bot that goes faster. The global
rate is a leaky bucket (aiolimiter) holding ``burst`` messages that drains at ``drain`` a
second: a one-second window then holds at most burst + drain - 1 messages, and drain is chosen
so that this is R. Up to 199 a second the bucket holds one message and drains at R, so sends
go out evenly 1/R apart. Faster than that, 1% of a second's messages may leave together: one
event-loop turn for ten sends instead of ten turns, which at R = 1,000 took the bot's CPU per
message from 1.8 to 1.4 ms (measured against the emulator), for a drain of 991 instead of 1,000.

The bucket spaces sends when they leave, but Telegram counts them when they arrive, a few
milliseconds later and not always the same few: two sends R apart that left a hair more than a
second apart may arrive a hair less. So a sliding window also holds each send until the one R
before it left more than ``MARGIN`` past a second ago. The bucket's own wake-ups run a little
late, so at R = 30 the window rarely holds anything back and costs almost none of the rate.

Several instances share the global rate through the database instead (``SharedRate``); the
per-chat limits stay in each instance, since one chat's messages rarely come from two.

Replies go ahead of broadcasts: a member who asks something while ten thousand announcements
leave should not wait behind them. Scheduled sends ask for a slot as ``urgent=False``; they
wait while any reply waits for the global rate, and (on one instance) only one of them at a
time waits in the bucket, so a reply is behind at most one broadcast send.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from aiolimiter import AsyncLimiter

from core.events import Chat
from core.metrics import Metrics, NoMetrics
from scheduler.shared_rate import SharedRate

log = logging.getLogger(__name__)
BURST_SHARE = 100  # a burst is at most a hundredth of a second's messages
PRUNE_AT = 4096  # chats remembered before idle ones are forgotten, so memory stays flat
# Arrival jitter to absorb: sends reached the local Bot API emulator 1 to 12 ms after they left
# (p99 4 ms) in a 30-a-second broadcast on this 2-core machine; twice the worst, for a real
# network's wider spread.
MARGIN = 0.025


class Timer(Protocol):
    """Monotonic time and sleeping, injected so tests need not wait."""

    def now(self) -> float:
        """Seconds on a monotonic clock."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait this long."""
        ...


class MonotonicTimer:
    """The real thing."""

    def now(self) -> float:
        """``time.monotonic()``: the clock asyncio's event loop uses too."""
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        """``asyncio.sleep``."""
        await asyncio.sleep(seconds)


@dataclass(frozen=True, slots=True)
class ChatLimit:
    """At most ``count`` messages in any ``seconds`` to one chat."""

    count: int
    seconds: float


PRIVATE = ChatLimit(1, 1.0)
GROUP = ChatLimit(20, 60.0)


class _Window:
    """Recent sends to one chat; the lock keeps that chat's senders in line."""

    __slots__ = ("limit", "lock", "stamps", "users")

    def __init__(self, limit: ChatLimit) -> None:
        self.limit = limit
        self.lock = asyncio.Lock()
        self.stamps: deque[float] = deque(maxlen=limit.count)
        self.users = 0  # senders holding or awaiting the lock

    def free_at(self) -> float:
        """When one more message fits (the past, if it fits now)."""
        if len(self.stamps) < self.limit.count:
            return 0.0
        return self.stamps[0] + self.limit.seconds

    def idle(self, now: float) -> bool:
        """True when forgetting this chat changes nothing."""
        return self.users == 0 and (not self.stamps or self.free_at() <= now)


class _LastSecond:
    """The times of the last ``limit`` sends, to keep any one second to ``limit`` of them."""

    __slots__ = ("margin", "stamps")

    def __init__(self, limit: int, margin: float) -> None:
        self.stamps: deque[float] = deque(maxlen=max(1, limit))
        self.margin = margin

    def free_at(self) -> float:
        """When one more send leaves no second with more than ``limit`` (the past if now)."""
        if len(self.stamps) < (self.stamps.maxlen or 1):
            return 0.0
        return self.stamps[0] + 1.0 + self.margin


class Pacer:
    """``await pacer.slot(chat)`` before each send; ``pacer.pause(s)`` after a 429."""

    def __init__(
        self,
        rate: float,
        timer: Timer | None = None,
        private: ChatLimit = PRIVATE,
        group: ChatLimit = GROUP,
        shared: SharedRate | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        """``shared``: the rate of every instance together; without it, this one's alone."""
        self._metrics = metrics or NoMetrics()
        self.rate = rate
        burst = max(1, int(rate // BURST_SHARE))
        self._limiter = AsyncLimiter(burst, burst / (rate - burst + 1))
        self._shared = shared
        self._holds: set[asyncio.Task[None]] = set()
        self._timer = timer or MonotonicTimer()
        self._limits = {True: private, False: group}
        self._windows: dict[tuple[str, str], _Window] = {}
        self._prune_at = PRUNE_AT
        self._paused_until = 0.0
        self._last_second = _LastSecond(int(rate), MARGIN)
        self._urgent_waiting = 0  # replies waiting for the global rate
        self._no_urgent = asyncio.Event()
        self._no_urgent.set()
        self._bulk_turn = asyncio.Lock()  # the one scheduled send waiting in the bucket

    async def slot(self, chat: Chat, urgent: bool = True) -> None:
        """Wait until a message to ``chat`` keeps every limit, and count it as sent.

        ``urgent``: a reply to someone waiting; False for scheduled sends, which give way.
        """
        key = (chat.transport, chat.id)
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = _Window(self._limits[chat.private])
        window.users += 1
        try:
            async with window.lock:
                await self._take(window, urgent)
        finally:
            window.users -= 1
        self._prune()

    async def _take(self, window: _Window, urgent: bool) -> None:
        while True:
            await self._until(lambda: self._paused_until)
            await self._until(window.free_at)
            await (self._urgent_slot() if urgent else self._bulk_slot())
            await self._until(self._last_second.free_at)
            if self._timer.now() >= self._paused_until:
                break  # a 429 arrived while this one waited for the rate: wait that out too
        now = self._timer.now()
        window.stamps.append(now)
        self._last_second.stamps.append(now)
        self._metrics.message_sent()

    async def _urgent_slot(self) -> None:
        self._urgent_waiting += 1
        self._no_urgent.clear()
        try:
            await self._global_slot()
        finally:
            self._urgent_waiting -= 1
            if not self._urgent_waiting:
                self._no_urgent.set()

    async def _bulk_slot(self) -> None:
        if self._shared is not None:  # a database round trip per slot: keep them side by side
            await self._no_urgent.wait()
            await self._global_slot()
            return
        async with self._bulk_turn:
            await self._no_urgent.wait()
            await self._global_slot()

    async def _global_slot(self) -> None:
        if self._shared is None:
            await self._limiter.acquire()
            return
        try:
            await self._shared.acquire()
        except Exception as error:  # the database is away: keep this instance's own rate
            log.warning("shared send rate unavailable (%s); pacing this instance alone", error)
            await self._limiter.acquire()

    def pause(self, seconds: float) -> None:
        """Telegram said "retry after": every sender waits that long from now."""
        until = self._timer.now() + seconds
        if until > self._paused_until:
            log.warning("asked to slow down: every send of this pacer pauses for %.1f s", seconds)
            self._paused_until = until
            if self._shared is not None:  # and every other instance with it
                task = asyncio.create_task(self._hold(seconds))
                self._holds.add(task)
                task.add_done_callback(self._holds.discard)

    async def _hold(self, seconds: float) -> None:
        assert self._shared is not None  # only scheduled with a shared rate
        try:
            await self._shared.hold(seconds)
        except Exception as error:
            log.warning("could not tell the other instances to pause: %s", error)

    @property
    def paused(self) -> bool:
        """True while a flood wait lasts."""
        return self._timer.now() < self._paused_until

    async def _until(self, free_at: Callable[[], float]) -> None:
        """Wait for a moment that others' sends (or a 429) may move while this one sleeps."""
        while (wait := free_at() - self._timer.now()) > 0:
            await self._timer.sleep(wait)

    def _prune(self) -> None:
        """Forget idle chats once many are remembered; the threshold grows with what stays."""
        if len(self._windows) < self._prune_at:
            return
        now = self._timer.now()
        self._windows = {k: w for k, w in self._windows.items() if not w.idle(now)}
        self._prune_at = max(PRUNE_AT, 2 * len(self._windows))
