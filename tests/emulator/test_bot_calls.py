"""A real telegram.Bot sends, edits and deletes; the emulator shows the chat as a user sees it."""

from __future__ import annotations

import asyncio

import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from emulators.telegram import BotApiEmulator, UserInfo


def menu(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(x, callback_data=x.lower())] for x in labels]
    )


async def test_send_and_edit_with_ptb(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """PTB sends a message with buttons, then edits it; the chat shows the edited version."""
    sent = await bot.send_message(
        ana.id, "<b>Izaberi</b>", parse_mode="HTML", reply_markup=menu("Da")
    )
    edited = await bot.edit_message_text(
        "Hvala!", chat_id=ana.id, message_id=sent.message_id, reply_markup=menu("Opet")
    )
    assert edited.text == "Hvala!"
    assert edited.edit_date is not None
    (shown,) = await emu.shown_messages(ana.id)
    assert (shown.text, shown.edited, shown.entities) == ("Hvala!", True, ())
    assert [b["callback_data"] for b in shown.buttons()] == ["opet"]


async def test_history_keeps_every_version(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """History lists sent, edited and deleted events; the view shows only what remains."""
    sent = await bot.send_message(ana.id, "first", parse_mode="HTML")
    await bot.edit_message_text("second", chat_id=ana.id, message_id=sent.message_id)
    await bot.delete_message(ana.id, sent.message_id)
    history = await emu.history(ana.id)
    assert [(e.action, e.message.text) for e in history] == [
        ("sent", "first"),
        ("edited", "second"),
        ("deleted", "second"),
    ]
    assert history[0].message.parse_mode == "HTML"
    assert await emu.shown_messages(ana.id) == []


async def test_message_not_modified(bot: telegram.Bot, ana: UserInfo) -> None:
    """Editing to the same text and keyboard is a Bad Request."""
    sent = await bot.send_message(ana.id, "same")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("same", chat_id=ana.id, message_id=sent.message_id)


async def test_edit_of_missing_message(bot: telegram.Bot, ana: UserInfo) -> None:
    """Editing a message that is not there fails with "message to edit not found"."""
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", chat_id=ana.id, message_id=999)


async def test_cannot_edit_users_message(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """The bot may not edit what the user wrote."""
    update = await emu.send_message(ana.id, "my words")
    with pytest.raises(BadRequest, match="can't be edited"):
        await bot.edit_message_text(
            "yours", chat_id=ana.id, message_id=update["message"]["message_id"]
        )


async def test_edit_reply_markup_removes_keyboard(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """editMessageReplyMarkup without markup removes the keyboard."""
    sent = await bot.send_message(ana.id, "pick", reply_markup=menu("A", "B"))
    await bot.edit_message_reply_markup(chat_id=ana.id, message_id=sent.message_id)
    (shown,) = await emu.shown_messages(ana.id)
    assert shown.reply_markup is None


async def test_document_upload_and_download(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """A multipart upload is stored; getFile and the file URL give the bytes back."""
    sent = await bot.send_document(
        ana.id, document=b"report body", filename="r.txt", caption="Izvještaj"
    )
    assert sent.document.file_name == "r.txt"
    assert sent.caption == "Izvještaj"
    record = await emu.wait_for(method="sendDocument")
    assert record.params["document"]["size"] == len(b"report body")
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"report body"


async def test_photo_by_file_id_is_reused(bot: telegram.Bot, ana: UserInfo) -> None:
    """A file_id from an earlier message can be sent again; an unknown one cannot."""
    first = await bot.send_photo(ana.id, photo=b"\x89PNG-fake")
    again = await bot.send_photo(ana.id, photo=first.photo[-1].file_id)
    assert again.photo[-1].file_id == first.photo[-1].file_id
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_photo(ana.id, photo="no-such-file-id")


async def test_commands_per_scope_and_language(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """setMyCommands stores one list per scope and language; tests and getMyCommands read it."""
    await bot.set_my_commands([("ask", "Postavi pitanje")], language_code="sr")
    scope = telegram.BotCommandScopeChat(ana.id)
    await bot.set_my_commands([("help", "Help")], scope=scope)
    assert await emu.bot_commands(language_code="sr") == [
        {"command": "ask", "description": "Postavi pitanje"}
    ]
    assert await emu.bot_commands(scope={"type": "chat", "chat_id": ana.id}) == [
        {"command": "help", "description": "Help"}
    ]
    assert await emu.bot_commands() == []
    assert [c.command for c in await bot.get_my_commands(scope=scope)] == ["help"]


async def test_descriptions_per_language(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    """A description set for a language is what its users get; everyone else gets the default."""
    await bot.set_my_description("About Mreža")
    await bot.set_my_description("О Мрежи", language_code="sr")
    await bot.set_my_short_description("Lessons learnt", language_code="mk")
    assert (await bot.get_my_description(language_code="sr")).description == "О Мрежи"
    assert (await bot.get_my_description(language_code="mk")).description == "About Mreža"
    assert await emu.bot_description(language_code="mk", short=True) == "Lessons learnt"
    assert await emu.bot_description(language_code="mk") == ""
    assert (await bot.get_my_short_description()).short_description == ""


async def test_a_description_too_long_is_refused(bot: telegram.Bot) -> None:
    """Telegram takes at most 120 characters of short description."""
    with pytest.raises(BadRequest, match="Short_description_invalid"):
        await bot.set_my_short_description("x" * 121)


async def test_invalid_command_name(bot: telegram.Bot) -> None:
    """Command names are lowercase letters, digits and underscores."""
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([("Ask-Me", "x")])


async def test_wait_for_returns_future_call(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """wait_for also finds a call made after it started waiting."""
    waiting = asyncio.create_task(emu.wait_for(method="sendMessage", chat_id=ana.id, timeout=2))
    await asyncio.sleep(0.05)
    await bot.send_message(ana.id, "later")
    assert (await waiting).params["text"] == "later"


async def test_wait_for_timeout_lists_calls(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """A failed wait says what was recorded instead."""
    await bot.send_message(ana.id, "something else")
    with pytest.raises(TimeoutError, match=r"(?s)sendPhoto call.*sendMessage chat=\d+ -> ok"):
        await emu.wait_for(method="sendPhoto", timeout=0.1)


async def test_group_command_and_mention_entities(emu: BotApiEmulator, ana: UserInfo) -> None:
    """In groups /ask@bot is one bot_command entity and @bot a mention."""
    group = await emu.add_group("Tim", [ana.id])
    update = await emu.send_command(ana.id, "ask", "kako?", chat_id=group.id)
    message = update["message"]
    assert message["text"] == f"/ask@{emu.bot.username} kako?"
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 19}]
    mention = await emu.send_message(ana.id, f"hej @{emu.bot.username}!", chat_id=group.id)
    assert mention["message"]["entities"] == [{"type": "mention", "offset": 4, "length": 15}]


async def test_call_log_keeps_what_was_answered(
    emu: BotApiEmulator, bot: telegram.Bot, ana: UserInfo
) -> None:
    """A later edit does not change the recorded response of the original send."""
    sent = await bot.send_message(ana.id, "original")
    await bot.edit_message_text("edited", chat_id=ana.id, message_id=sent.message_id)
    record = await emu.wait_for(method="sendMessage")
    assert record.result["text"] == "original"
