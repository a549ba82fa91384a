"""Telegram's limits: text and caption length, buttons, polls, unknown and blocked chats."""

from __future__ import annotations

import pytest

from emulators.telegram import BotApiEmulator, UserInfo

from .conftest import RawApi


async def test_text_of_4096_characters_is_accepted(api: RawApi, ana: UserInfo) -> None:
    """4096 characters is the maximum message length."""
    status, _ = await api("sendMessage", chat_id=ana.id, text="a" * 4096)
    assert status == 200


async def test_text_of_4097_characters_is_too_long(api: RawApi, ana: UserInfo) -> None:
    """One character more is refused."""
    description = await api.error("sendMessage", chat_id=ana.id, text="a" * 4097)
    assert description == "Bad Request: message is too long"


async def test_length_is_counted_after_parsing(api: RawApi, ana: UserInfo) -> None:
    """Tags and entities do not count: 4096 visible characters inside tags are fine."""
    text = "<b>" + "a" * 2000 + "</b>&lt;" + "<i>" + "b" * 2095 + "</i>"
    status, body = await api("sendMessage", chat_id=ana.id, text=text, parse_mode="HTML")
    assert status == 200
    assert len(body["result"]["text"]) == 4096


async def test_empty_text_after_parsing(api: RawApi, ana: UserInfo) -> None:
    """Markup with nothing visible leaves an empty message."""
    description = await api.error("sendMessage", chat_id=ana.id, text="<b> </b>", parse_mode="HTML")
    assert description == "Bad Request: message text is empty"


async def test_caption_of_1025_characters_is_too_long(api: RawApi, ana: UserInfo) -> None:
    """Captions stop at 1024 characters."""
    url = "https://example.org/cat.jpg"
    assert (await api("sendPhoto", chat_id=ana.id, photo=url, caption="c" * 1024))[0] == 200
    description = await api.error("sendPhoto", chat_id=ana.id, photo=url, caption="c" * 1025)
    assert description == "Bad Request: message caption is too long"


def keyboard(**button: str) -> dict:
    return {"inline_keyboard": [[{"text": "Press", **button}]]}


async def test_callback_data_of_65_bytes_is_invalid(api: RawApi, ana: UserInfo) -> None:
    """callback_data is limited to 64 bytes of UTF-8, not 64 characters."""
    data = "č" * 32 + "x"  # 33 characters, 65 bytes
    markup = keyboard(callback_data=data)
    description = await api.error("sendMessage", chat_id=ana.id, text="Hi", reply_markup=markup)
    assert description == "Bad Request: BUTTON_DATA_INVALID"


async def test_callback_data_of_64_bytes_is_accepted(api: RawApi, ana: UserInfo) -> None:
    """Exactly 64 bytes fits."""
    markup = keyboard(callback_data="č" * 32)
    status, _ = await api("sendMessage", chat_id=ana.id, text="Hi", reply_markup=markup)
    assert status == 200


async def test_button_without_action_is_refused(api: RawApi, ana: UserInfo) -> None:
    """An inline button needs an action such as callback_data or url."""
    description = await api.error("sendMessage", chat_id=ana.id, text="Hi", reply_markup=keyboard())
    assert description == (
        "Bad Request: can't parse inline keyboard button: "
        "Text buttons are unallowed in the inline keyboard"
    )


async def test_button_with_two_actions_is_refused(api: RawApi, ana: UserInfo) -> None:
    """An inline button may not have two actions."""
    markup = keyboard(callback_data="a", url="https://example.org")
    description = await api.error("sendMessage", chat_id=ana.id, text="Hi", reply_markup=markup)
    assert "exactly one of the optional fields" in description


@pytest.mark.parametrize(
    ("question", "options", "reason"),
    [
        ("Q?", ["only one"], "poll must have at least 2 option"),
        ("Q?", [str(i) for i in range(13)], "poll can't have more than 12 options"),
        ("Q" * 301, ["a", "b"], "poll question length must not exceed 300"),
        ("Q?", ["a", "o" * 101], "poll options length must not exceed 100"),
    ],
)
async def test_poll_limits(
    api: RawApi, ana: UserInfo, question: str, options: list[str], reason: str
) -> None:
    """Polls need 2-12 options of 1-100 characters and a 1-300 character question."""
    payload = [{"text": option} for option in options]
    description = await api.error("sendPoll", chat_id=ana.id, question=question, options=payload)
    assert description == f"Bad Request: {reason}"


async def test_unknown_chat_is_not_found(api: RawApi) -> None:
    """Sending to a chat the bot does not know fails with "chat not found"."""
    assert (
        await api.error("sendMessage", chat_id=424242, text="hi") == "Bad Request: chat not found"
    )


async def test_unknown_username_is_not_found(api: RawApi) -> None:
    """An @username that is no public chat is not found either."""
    description = await api.error("sendMessage", chat_id="@nobody_here", text="hi")
    assert description == "Bad Request: chat not found"


async def test_public_group_by_username(emu: BotApiEmulator, api: RawApi, ana: UserInfo) -> None:
    """A public supergroup can be addressed as @username."""
    group = await emu.add_group("Mreža", [ana.id], username="mreza_public")
    status, body = await api("sendMessage", chat_id="@mreza_public", text="hi all")
    assert status == 200
    assert body["result"]["chat"]["id"] == group.id


async def test_blocked_user_gets_403(emu: BotApiEmulator, api: RawApi, ana: UserInfo) -> None:
    """After the user blocks the bot, sends fail with 403 until they unblock it."""
    update = await emu.block_bot(ana.id)
    assert update["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    status, body = await api("sendMessage", chat_id=ana.id, text="still there?")
    assert (status, body["description"]) == (403, "Forbidden: bot was blocked by the user")
    await emu.unblock_bot(ana.id)
    assert (await api("sendMessage", chat_id=ana.id, text="welcome back"))[0] == 200


async def test_bot_removed_from_group_gets_403(
    emu: BotApiEmulator, api: RawApi, ana: UserInfo
) -> None:
    """A bot removed from a group cannot write there."""
    group = await emu.add_group("Team", [ana.id])
    update = await emu.remove_member(group.id, emu.bot.id, by_user_id=ana.id)
    assert update["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    description = await api.error("sendMessage", chat_id=group.id, text="hello?")
    assert description == "Forbidden: bot was kicked from the supergroup chat"
