"""Updates Mreža does not handle are ignored quietly, and the bot carries on."""

from __future__ import annotations

import logging

import pytest
import telegram

from bot.app import Mreza
from core.members import Status
from emulators.telegram import BotApiEmulator
from tests.telegram.people import Chatter, identity
from tests.telegram.running import logged

pytestmark = pytest.mark.usefixtures("on_telegram")

IGNORED = "ignored an update of a kind Mreža does not handle"


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Every ERROR or CRITICAL line logged during the test."""
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def still_answers(person: Chatter) -> None:
    """The bot goes on answering questions."""
    await person.says("What is resolution 1325?")
    assert (await person.reply()).params["parse_mode"] == "HTML"


async def test_a_vote_in_a_poll_that_is_no_pulse_is_ignored(
    alice: Chatter, emu: BotApiEmulator, runner_log: pytest.LogCaptureFixture
) -> None:
    """A vote in a poll Mreža did not send for a pulse gets no reply and logs no error."""
    runner_log.set_level(logging.INFO, logger="bot.pulses.pulsing")
    async with telegram.Bot(emu.token, base_url=emu.base_url) as other_client:
        poll = await other_client.send_poll(alice.id, "Coffee?", ["Yes", "No"], is_anonymous=False)
    alice.seen = await emu.last_seq()
    await emu.vote(alice.id, poll.message_id, [0])
    await logged(runner_log, "which is no pulse of ours")
    await alice.hears_nothing()
    assert errors(runner_log) == []
    await still_answers(alice)


async def test_someone_joining_a_group_is_ignored(
    alice: Chatter, bob: Chatter, emu: BotApiEmulator, runner_log: pytest.LogCaptureFixture
) -> None:
    """A "new members" service message in a group gets no reply and logs no error."""
    group = await emu.add_group("Trainers", [alice.id])
    here = alice.in_chat(group.id)
    here.seen = await emu.last_seq()
    await emu.add_member(group.id, bob.id, by_user_id=alice.id)
    await logged(runner_log, IGNORED)
    await here.hears_nothing()
    assert errors(runner_log) == []
    await still_answers(alice)


async def test_removing_mreza_from_a_group_does_not_block_the_remover(
    alice: Chatter, emu: BotApiEmulator, mreza: Mreza
) -> None:
    """Alice removes the bot from a group; she has not blocked it and stays active."""
    group = await emu.add_group("Trainers", [alice.id])
    await emu.remove_member(group.id, emu.bot.id, by_user_id=alice.id)
    await alice.hears_nothing()  # the update was taken and had time to be handled
    member = await mreza.members.by_identity(identity(alice))
    assert member is not None
    assert member.status is Status.ACTIVE
