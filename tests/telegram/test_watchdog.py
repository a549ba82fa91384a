"""A blocked event loop is noticed: logged from outside the loop, and /healthz says so."""

from __future__ import annotations

import logging

import httpx
import pytest

from bot.operations.watchdog import LIMIT, RECOVERY, LoopWatchdog
from bot.transports.telegram_api.webhook import web_app


class Monotonic:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        """Let time pass."""
        self.seconds += seconds


def turns(clock: Monotonic, watchdog: LoopWatchdog, seconds: float) -> None:
    """The loop turns freely for ``seconds``: a beat every half second, each looked at."""
    for _ in range(int(seconds * 2)):
        clock.advance(0.5)
        watchdog.beat()
        assert not watchdog.check()


async def health_of(watchdog: LoopWatchdog, running: bool = True) -> tuple[int, object]:
    """GET /healthz of a bot watched by ``watchdog``: status code and status."""
    app = web_app(None, None, lambda: watchdog.status(running))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mreza") as client:
        answer = await client.get("/healthz")
    return answer.status_code, answer.json()["status"]


async def test_a_loop_that_turns_is_healthy() -> None:
    """Beats every half second for a minute: never blocked, and /healthz says ok."""
    clock = Monotonic()
    watchdog = LoopWatchdog(clock)
    turns(clock, watchdog, 60)
    assert watchdog.blocks == 0
    assert await health_of(watchdog) == (200, "ok")


def test_a_blocked_loop_is_logged_with_where_it_is(caplog: pytest.LogCaptureFixture) -> None:
    """No beat for longer than the limit: logged once, with the stack it is stuck in."""
    clock = Monotonic()
    watchdog = LoopWatchdog(clock)
    clock.advance(LIMIT + 1)
    with caplog.at_level(logging.ERROR, "bot.operations.watchdog"):
        assert watchdog.check(lambda: "rrule.after()")
        clock.advance(1)
        assert watchdog.check(lambda: "rrule.after()")
    [logged] = caplog.messages
    assert "the event loop is blocked (6.0 s without a turn)" in logged
    assert logged.endswith("rrule.after()")
    assert watchdog.blocks == 1


async def test_healthz_is_unhealthy_while_blocked_and_for_a_while_after() -> None:
    """503 "blocked" during the block and until the loop has turned freely for a while."""
    clock = Monotonic()
    watchdog = LoopWatchdog(clock)
    clock.advance(LIMIT + 1)
    watchdog.check()
    assert await health_of(watchdog) == (503, "blocked")
    watchdog.beat()
    turns(clock, watchdog, RECOVERY - 1)
    assert await health_of(watchdog) == (503, "blocked")
    turns(clock, watchdog, 1)
    assert await health_of(watchdog) == (200, "ok")


def test_a_block_seen_only_afterwards_still_counts() -> None:
    """A stall shorter than the watcher's look is found by the next beat's gap."""
    clock = Monotonic()
    watchdog = LoopWatchdog(clock)
    clock.advance(LIMIT + 3)
    watchdog.beat()
    assert (watchdog.blocks, watchdog.healthy) == (1, False)


async def test_a_bot_not_yet_running_is_starting() -> None:
    """Before the Application runs, /healthz says starting (503)."""
    assert await health_of(LoopWatchdog(Monotonic()), running=False) == (503, "starting")
