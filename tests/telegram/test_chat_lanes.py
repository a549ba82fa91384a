"""A member flooding their chat holds no one else up: a reply waiting for its chat's turn at
the pacer waits on that chat's lane, not in a worker everyone shares."""

from __future__ import annotations

import asyncio

import pytest

from emulators.telegram import BotApiEmulator
from tests.telegram.people import Chatter
from tests.timing import SkippingTimer

QUESTION = "What is resolution 1325?"
FLOOD = 40  # far more than python-telegram-bot's workers


class HeldTimer(SkippingTimer):
    """The suite's timer, except that every wait lasts until the test lets time go on: a
    reply waiting for its chat's one-a-second turn waits for as long as the test likes."""

    def __init__(self) -> None:
        super().__init__()
        self.going = asyncio.Event()

    async def sleep(self, seconds: float) -> None:
        """Wait until time goes on, then skip the wait."""
        await self.going.wait()
        await super().sleep(seconds)


@pytest.fixture
def timer() -> HeldTimer:
    """Time that stands still until the test says so."""
    return HeldTimer()


@pytest.mark.usefixtures("on_telegram")
async def test_a_flooded_chat_does_not_hold_up_another(
    alice: Chatter, bob: Chatter, emu: BotApiEmulator, timer: HeldTimer
) -> None:
    """Forty questions from Alice wait for her chat's turn; Bob asks and is answered first."""
    for _ in range(FLOOD):
        await alice.says(QUESTION)
    first_to_alice = await alice.reply()  # her chat was free for one; the rest wait
    await bob.says(QUESTION)
    answer = await bob.reply()
    assert "1325" in answer.params["text"]
    timer.going.set()
    for _ in range(FLOOD - 1):
        assert (await alice.reply()).seq > answer.seq
    assert first_to_alice.seq < answer.seq
