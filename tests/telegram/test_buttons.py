"""Button presses nobody can fake: forged or replayed callback data only gets "expired"."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import Mreza
from bot.asking.answering import HELPFUL
from bot.languages import texts
from emulators.telegram import BotApiEmulator
from knowledge.entry_tables import AskedRow
from tests.telegram.people import Chatter, People

pytestmark = pytest.mark.usefixtures("on_telegram")


async def bot_calls_since(emu: BotApiEmulator, seq: int) -> list[str]:
    """The methods Mreža called after ``seq``, its polling aside."""
    return [call.method for call in await emu.calls(since=seq) if call.method != "getUpdates"]


async def test_forged_data_gets_expired_and_nothing_else(
    alice: Chatter, emu: BotApiEmulator
) -> None:
    """Made-up callback data is answered "expired"; no message is sent."""
    query_id = await alice.forges("f:1.+:AAAAAAAA")
    acknowledged = await alice.acknowledgement()
    assert acknowledged.params["text"] == texts.BUTTON_EXPIRED
    assert await emu.callback_answer(query_id) == {"text": texts.BUTTON_EXPIRED}
    assert await bot_calls_since(emu, alice.pressed) == ["answerCallbackQuery"]


async def test_a_strangers_forged_press_is_not_a_conversation(
    people: People, emu: BotApiEmulator
) -> None:
    """A stranger's forged press gets "expired", not the refusal for strangers."""
    eve = await people.stranger("Eve")
    await eve.forges("x:yes:AAAAAAAA")
    assert (await eve.acknowledgement()).params["text"] == texts.BUTTON_EXPIRED
    assert await bot_calls_since(emu, eve.pressed) == ["answerCallbackQuery"]


async def test_a_button_replayed_in_another_chat_is_refused(
    alice: Chatter, bob: Chatter, emu: BotApiEmulator, mreza: Mreza
) -> None:
    """Alice's 👍 data sent from Bob's chat is "expired" and her question keeps no feedback."""
    await alice.says("What is resolution 1325?")
    await alice.reply()
    message = await alice.message_with_button(HELPFUL)
    data = next(b["callback_data"] for b in message.buttons() if b["text"] == HELPFUL)
    await bob.forges(data)
    assert (await bob.acknowledgement()).params["text"] == texts.BUTTON_EXPIRED
    async with mreza.sessions() as session:
        assert list(await session.scalars(select(AskedRow.feedback))) == [None]


async def test_garbage_data_does_not_break_the_bot(alice: Chatter) -> None:
    """Data without any structure is "expired" too, and the bot goes on answering."""
    await alice.forges("::::")
    assert (await alice.acknowledgement()).params["text"] == texts.BUTTON_EXPIRED
    await alice.says("What is resolution 1325?")
    assert (await alice.reply()).params["parse_mode"] == "HTML"
