"""An update is handled once, however often Telegram posts it and whichever instance it reaches."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.app import Mreza, open_mreza
from core.clock import FakeClock
from core.settings import Settings
from emulators.telegram import SECRET_HEADER, BotApiEmulator
from scheduler.pacer import PRIVATE
from tests.telegram.people import Chatter
from tests.telegram.running import RunningBot, logged, running
from tests.telegram.test_webhook import SECRET, listen_with_webhook, update_from, webhook_url

pytestmark = pytest.mark.slow  # several instances on PostgreSQL


@pytest.fixture
async def twin(settings: Settings, clock: FakeClock) -> AsyncIterator[Mreza]:
    """A second instance of Mreža on the same database."""
    async with open_mreza(settings, clock) as app:
        yield app


@pytest.fixture
async def on_webhook(
    emu: BotApiEmulator, mreza: Mreza, runner_log: pytest.LogCaptureFixture
) -> AsyncIterator[RunningBot]:
    """One instance taking updates by webhook."""
    async with running(mreza, emu.base_url, listen_with_webhook(SECRET)) as bot:
        await logged(runner_log, "is running on Telegram")
        yield bot


async def post(bot: RunningBot, update: dict[str, object]) -> int:
    """Post an update to an instance's webhook as Telegram does; the HTTP status."""
    async with httpx.AsyncClient() as http:
        response = await http.post(webhook_url(bot), json=update, headers={SECRET_HEADER: SECRET})
    return response.status_code


async def test_a_webhook_post_retried_is_answered_once(
    on_webhook: RunningBot, alice: Chatter, runner_log: pytest.LogCaptureFixture
) -> None:
    """Telegram posts /whoami twice (its answer was slow): Alice hears one reply, not two."""
    update = update_from(alice, "/whoami")
    assert [await post(on_webhook, update), await post(on_webhook, update)] == [200, 200]
    assert (await alice.hears()).startswith("Name: Alice")
    await logged(runner_log, "was handled already")
    await asyncio.sleep(PRIVATE.seconds)  # a second reply would wait this long for its turn
    await alice.hears_nothing()


async def test_an_update_reaching_two_instances_is_answered_once(
    on_webhook: RunningBot,
    emu: BotApiEmulator,
    twin: Mreza,
    alice: Chatter,
    runner_log: pytest.LogCaptureFixture,
) -> None:
    """Behind a load balancer the retry reaches the other instance: still one reply."""
    async with running(twin, emu.base_url, listen_with_webhook(SECRET)) as other:
        await logged(runner_log, "is running on Telegram")
        update = update_from(alice, "/whoami")
        assert [await post(on_webhook, update), await post(other, update)] == [200, 200]
        assert (await alice.hears()).startswith("Name: Alice")
        await alice.hears_nothing()
    await logged(runner_log, "was handled already")
