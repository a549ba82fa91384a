"""Noticing an event loop that stops turning: every member's reply waits on that one loop.

A task on the loop beats every half second; a thread beside it looks at the beats. When none
came for ``limit`` seconds the loop is blocked: the thread logs it at once, with where the loop
is stuck (it may never turn again, and then nothing on the loop could log), and the health
check says "blocked" until the loop has turned freely for ``recovery`` seconds, so a probe
that asks only now and then still sees that it happened.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
import traceback
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress

log = logging.getLogger(__name__)
LIMIT = 5.0  # seconds without a beat that count as blocked; a busy turn takes milliseconds
RECOVERY = 60.0  # seconds of free turning before the health check is ok again
BEAT = 0.5  # seconds between beats, and between the thread's looks
STACK_DEPTH = 6  # frames of the blocked loop's stack worth logging


class LoopWatchdog:
    """Beats from the loop, checks from outside it; ``healthy`` for the health check."""

    def __init__(
        self,
        monotonic: Callable[[], float] = time.monotonic,
        limit: float = LIMIT,
        recovery: float = RECOVERY,
    ) -> None:
        self._now = monotonic
        self._limit = limit
        self._recovery = recovery
        self._guard = threading.Lock()  # beats come from the loop, checks from the thread
        self._last_beat = monotonic()
        self._reported = False  # the current block is logged already
        self._last_blocked: float | None = None
        self.blocks = 0  # how many times the loop was found blocked

    def beat(self) -> None:
        """The loop turned: called from a task on it."""
        now = self._now()
        with self._guard:
            gap = now - self._last_beat
            if gap > self._limit:
                if not self._reported:
                    self.blocks += 1
                log.warning("the event loop turns again after %.1f s blocked", gap)
                self._last_blocked = now
            self._last_beat, self._reported = now, False

    def check(self, where: Callable[[], str] = str) -> bool:
        """From outside the loop: True while it is blocked (logged once per block, ``where``)."""
        now = self._now()
        with self._guard:
            stalled = now - self._last_beat
            if stalled <= self._limit:
                return False
            self._last_blocked = now
            if not self._reported:
                self._reported = True
                self.blocks += 1
                stack = where()
                log.error(
                    "the event loop is blocked (%.1f s without a turn): no update is handled "
                    "and no message sent until it turns%s",
                    stalled,
                    f"; it is at\n{stack}" if stack else "",
                )
            return True

    def status(self, running: bool) -> str:
        """What the health check says: ok, starting (not running yet) or blocked."""
        if not self.healthy:
            return "blocked"
        return "ok" if running else "starting"

    @property
    def healthy(self) -> bool:
        """False while blocked, and for ``recovery`` seconds after."""
        now = self._now()
        with self._guard:
            if now - self._last_beat > self._limit:
                return False
            return self._last_blocked is None or now - self._last_blocked >= self._recovery


@asynccontextmanager
async def watching(watchdog: LoopWatchdog, every: float = BEAT) -> AsyncIterator[None]:
    """Beat on this loop and watch from a thread for the duration of the block."""
    loop_thread = threading.get_ident()
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(every):
            watchdog.check(lambda: _stack_of(loop_thread))

    async def beat() -> None:
        while True:
            watchdog.beat()
            await asyncio.sleep(every)

    beating = asyncio.create_task(beat())
    thread = threading.Thread(target=watch, name="loop-watchdog", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        beating.cancel()
        with suppress(asyncio.CancelledError):
            await beating


def _stack_of(thread_id: int) -> str:
    frame = sys._current_frames().get(thread_id)
    if frame is None:
        return ""
    return "".join(traceback.format_stack(frame)[-STACK_DEPTH:]).rstrip()
