"""Telegram saying no: a flood wait (429) is waited out, a block (403) is remembered."""

from __future__ import annotations

import pytest

from bot.app import Mreza
from bot.languages import texts
from bot.transports.telegram_api.telegram_runner import Listen
from core.members import Role, Status
from emulators.telegram import BotApiEmulator, FaultKind
from tests.telegram.people import Chatter, People, eventually_true, identity
from tests.telegram.running import free_port, running

QUESTION = "What is resolution 1325?"


@pytest.fixture(autouse=True)
def timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt in to PTB's coming RetryAfter.retry_after type (and skip its deprecation warning)."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


async def wait_for_status(mreza: Mreza, person: Chatter, status: Status) -> None:
    """Wait until the member behind ``person`` has this status."""

    async def has_it() -> bool:
        member = await mreza.members.by_identity(identity(person))
        return member is not None and member.status is status

    await eventually_true(has_it, f"{person.user.first_name} to be {status}")


@pytest.mark.usefixtures("on_telegram")
@pytest.mark.real_time  # the emulator's 429 lasts a real second
async def test_an_answer_survives_a_flood_wait(alice: Chatter, emu: BotApiEmulator) -> None:
    """A 429 with retry_after 1 on the answer is waited out and the answer sent again."""
    await emu.inject_fault(
        FaultKind.RETRY_AFTER, method="sendMessage", chat_id=alice.id, retry_after=1
    )
    await alice.says(QUESTION)
    answer = await alice.reply()
    assert answer.params["parse_mode"] == "HTML"
    sends = await emu.calls(method="sendMessage", chat_id=alice.id)
    assert [call.status for call in sends] == [429, 200]


@pytest.mark.usefixtures("on_telegram")
async def test_blocking_the_bot_marks_the_member_blocked(
    alice: Chatter, emu: BotApiEmulator, mreza: Mreza
) -> None:
    """When a member blocks Mreža, the my_chat_member update marks them blocked."""
    await emu.block_bot(alice.id)
    await wait_for_status(mreza, alice, Status.BLOCKED)


@pytest.mark.usefixtures("on_telegram")
async def test_writing_again_makes_a_blocked_member_active(alice: Chatter, mreza: Mreza) -> None:
    """A member marked blocked who writes again is answered and active again."""
    member = await mreza.members.by_identity(identity(alice))
    assert member is not None
    await mreza.members.set_status(member.id, Status.BLOCKED)
    await alice.says(QUESTION)
    assert (await alice.reply()).params["parse_mode"] == "HTML"
    await wait_for_status(mreza, alice, Status.ACTIVE)


async def test_unblocking_and_writing_makes_a_member_active(
    alice: Chatter, emu: BotApiEmulator, mreza: Mreza
) -> None:
    """Block, unblock, write: the member is answered and active again."""
    # its own bot, not on_telegram: the poisoned update also breaks the bot's shutdown
    async with running(mreza, emu.base_url, Listen(port=free_port())):
        await emu.block_bot(alice.id)
        await wait_for_status(mreza, alice, Status.BLOCKED)
        await emu.unblock_bot(alice.id)
        await alice.says(QUESTION)
        assert (await alice.reply()).params["parse_mode"] == "HTML"
        await wait_for_status(mreza, alice, Status.ACTIVE)


@pytest.mark.usefixtures("on_telegram")
async def test_a_coordinator_who_blocked_mreza_gets_no_hand_offs(
    alice: Chatter, bob: Chatter, people: People, emu: BotApiEmulator, mreza: Mreza
) -> None:
    """A question passed on goes to the coordinators still listening, not to a blocked one."""
    carol = await people.member("Carol", Role.COORDINATOR)
    await emu.block_bot(bob.id)
    await wait_for_status(mreza, bob, Status.BLOCKED)
    await alice.says("recipe for ćevapi")
    await alice.presses(texts.PASS_ON)
    assert (await carol.hears()).endswith("recipe for ćevapi")
    assert await alice.hears() == texts.PASSED_ON
    assert await emu.calls(method="sendMessage", chat_id=bob.id) == []


@pytest.mark.usefixtures("on_telegram")
async def test_a_403_from_one_coordinator_does_not_stop_a_hand_off(
    alice: Chatter, bob: Chatter, people: People, emu: BotApiEmulator
) -> None:
    """Bob blocked Mreža unnoticed (403 on send): Carol still gets the question, Alice is told."""
    carol = await people.member("Carol", Role.COORDINATOR)
    await emu.inject_fault(FaultKind.FORBIDDEN, method="sendMessage", chat_id=bob.id)
    await alice.says("recipe for ćevapi")
    await alice.presses(texts.PASS_ON)
    assert (await carol.hears()).endswith("recipe for ćevapi")
    assert await alice.hears() == texts.PASSED_ON
