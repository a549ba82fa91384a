"""A role changed while Mreža was down: the coordinator's menu is brought in step at the start."""

from __future__ import annotations

import pytest

from bot.app import Mreza
from bot.transports.telegram_api.telegram_runner import Listen
from core.members import Role
from emulators.telegram import BotApiEmulator
from tests.telegram.people import People, eventually_true, identity
from tests.telegram.running import free_port, logged, running


async def test_a_coordinator_demoted_while_mreza_was_down_loses_the_menu_at_the_start(
    emu: BotApiEmulator, mreza: Mreza, people: People, runner_log: pytest.LogCaptureFixture
) -> None:
    """Bob's chat had the coordinators' menu; demoted from the command line meanwhile, he
    has none of his own once Mreža is back, without writing a word."""
    bob = await people.member("Bob", Role.COORDINATOR)
    scope = {"type": "chat", "chat_id": bob.id}

    async def menu_of_bob() -> list[dict[str, str]]:
        return await emu.bot_commands(scope=scope)

    async with running(mreza, emu.base_url, Listen(port=free_port())):
        await logged(runner_log, "is running on Telegram")
        await eventually_true(menu_of_bob, "Bob's own menu")
    member = await mreza.members.by_identity(identity(bob))
    assert member is not None
    await mreza.members.set_role(member.id, Role.MEMBER)
    runner_log.clear()
    async with running(mreza, emu.base_url, Listen(port=free_port())):
        await logged(runner_log, "is running on Telegram")

        async def gone() -> bool:
            return await menu_of_bob() == []

        await eventually_true(gone, "Bob's own menu to be removed")
