"""In a group Mreža answers mentions, /ask and replies to it, and keeps private data private."""

from __future__ import annotations

import pytest

from bot.languages import texts
from emulators.telegram import BotApiEmulator, ChatInfo
from tests.telegram.people import Chatter

pytestmark = pytest.mark.usefixtures("on_telegram")

QUESTION = "What is resolution 1325?"


@pytest.fixture
async def group(emu: BotApiEmulator, alice: Chatter, bob: Chatter) -> ChatInfo:
    """A supergroup of gender focal points with Alice, Bob and the bot in it."""
    return await emu.add_group("Gender focal points", [alice.id, bob.id])


async def test_a_message_not_for_mreza_gets_no_reply(alice: Chatter, group: ChatInfo) -> None:
    """Members talking among themselves are left alone."""
    here = alice.in_chat(group.id)
    await here.says("Does anyone know where the meeting is? It was about resolution 1325.")
    await here.hears_nothing()


async def test_a_mention_is_answered_in_the_group(
    alice: Chatter, emu: BotApiEmulator, group: ChatInfo
) -> None:
    """A question that mentions @mreza_test_bot is answered in the group itself."""
    here = alice.in_chat(group.id)
    await here.says(f"@{emu.bot.username} {QUESTION}")
    answer = await here.reply()
    assert answer.result["text"].startswith("UN Security Council Resolution 1325")


async def test_ask_is_answered_in_the_group(alice: Chatter, group: ChatInfo) -> None:
    """/ask@mreza_test_bot with a question is answered in the group."""
    here = alice.in_chat(group.id)
    await here.sends("ask", QUESTION)
    answer = await here.reply()
    assert answer.result["text"].startswith("UN Security Council Resolution 1325")


async def test_feedback_works_in_the_group(alice: Chatter, group: ChatInfo) -> None:
    """The 👍 under an answer in the group is acknowledged with thanks."""
    here = alice.in_chat(group.id)
    await here.sends("ask", QUESTION)
    await here.reply()
    await here.presses("👍")
    assert (await here.acknowledgement()).params["text"] == texts.THANKS_FEEDBACK


async def test_whoami_in_a_group_is_sent_to_a_private_chat(alice: Chatter, group: ChatInfo) -> None:
    """/whoami in a group reveals nothing there and asks for a private chat."""
    here = alice.in_chat(group.id)
    await here.sends("whoami")
    assert await here.hears() == texts.GROUP_ONLY_PRIVATE.format(command="/whoami")
    await here.hears_nothing()


async def test_a_command_for_another_bot_is_ignored(alice: Chatter, group: ChatInfo) -> None:
    """/help@some_other_bot is not for Mreža."""
    here = alice.in_chat(group.id)
    await here.says("/help@some_other_bot")
    await here.hears_nothing()


async def test_a_reply_to_mreza_is_addressed_to_it(alice: Chatter, group: ChatInfo) -> None:
    """Replying to Mreža's message in the group counts as talking to it."""
    here = alice.in_chat(group.id)
    await here.sends("ask", QUESTION)
    answer = await here.reply()
    await here.replies_to(answer.result["message_id"], "persons of trust")
    assert (await here.reply()).result["text"].startswith("Persons of trust")
