"""The real python-telegram-bot Application against the emulator: polling, webhook, polls."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.operations.http_server import ServerRunner
from emulators.telegram import SECRET_HEADER, BotApiEmulator, EmulatorError, UserInfo

from .conftest import RawApi

AGAIN = InlineKeyboardMarkup([[InlineKeyboardButton("Again", callback_data="again")]])


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text(f"echo: {update.message.text}", reply_markup=AGAIN)


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("Got it")
    await query.edit_message_text(f"pressed {query.data}")


async def thank_voter(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    answer = update.poll_answer
    assert answer is not None
    assert answer.user is not None
    await context.bot.send_message(answer.user.id, f"thanks for {list(answer.option_ids)}")


def build_app(emu: BotApiEmulator) -> Application[Any, Any, Any, Any, Any, Any]:
    app = (
        Application.builder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(pressed))
    app.add_handler(PollAnswerHandler(thank_voter))
    return app


@pytest.fixture
async def polling_app(
    emu: BotApiEmulator,
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    app = build_app(emu)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0)
    yield app
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


async def talk_and_press(emu: BotApiEmulator, user: UserInfo) -> None:
    """The shared conversation: a message gets an echo with a button; pressing it edits."""
    await emu.send_message(user.id, "zdravo")
    reply = await emu.wait_for(method="sendMessage", chat_id=user.id)
    assert reply.result["text"] == "echo: zdravo"
    press = await emu.press_button(user.id, reply.result["message_id"], text="Again")
    answer = await emu.wait_for(method="answerCallbackQuery")
    assert answer.params["text"] == "Got it"
    edit = await emu.wait_for(method="editMessageText", chat_id=user.id)
    assert edit.result["text"] == "pressed again"
    assert await emu.callback_answer(press["callback_query"]["id"]) == {"text": "Got it"}


@pytest.mark.usefixtures("polling_app")
async def test_long_polling_conversation(emu: BotApiEmulator, ana: UserInfo) -> None:
    """With getUpdates, the echo handler answers and the button handler edits the reply."""
    await talk_and_press(emu, ana)


async def test_poll_vote_reaches_poll_answer_handler(
    emu: BotApiEmulator, ana: UserInfo, polling_app: Application[Any, Any, Any, Any, Any, Any]
) -> None:
    """A vote in a non-anonymous poll arrives as a poll_answer update."""
    poll = await polling_app.bot.send_poll(ana.id, "Kafa?", ["Da", "Ne"], is_anonymous=False)
    update = await emu.vote(ana.id, poll.message_id, [0])
    assert update["poll_answer"]["option_ids"] == [0]
    thanks = await emu.wait_for(method="sendMessage", chat_id=ana.id)
    assert thanks.params["text"] == "thanks for [0]"
    poll_message, _thanks = await emu.shown_messages(ana.id)
    assert poll_message.data["poll"]["options"][0]["voter_count"] == 1


async def test_button_that_is_not_there_cannot_be_pressed(
    emu: BotApiEmulator, ana: UserInfo, api: RawApi
) -> None:
    """The emulator refuses to press a button the message does not show."""
    _, body = await api("sendMessage", chat_id=ana.id, text="menu", reply_markup=AGAIN.to_dict())
    with pytest.raises(EmulatorError, match="has 'Again'"):
        await emu.press_button(ana.id, body["result"]["message_id"], data="admin")


async def test_forged_callback_reaches_the_bot(
    emu: BotApiEmulator, ana: UserInfo, api: RawApi
) -> None:
    """A forged press with arbitrary data is delivered as a callback_query."""
    update = await emu.forge_callback(ana.id, "admin:delete-all")
    assert update["callback_query"]["data"] == "admin:delete-all"
    _, body = await api("getUpdates")
    assert body["result"][0]["callback_query"]["data"] == "admin:delete-all"


async def test_old_callback_query_cannot_be_answered(
    emu: BotApiEmulator, ana: UserInfo, api: RawApi
) -> None:
    """Answering twice (or an unknown id) gets Telegram's "query is too old" error."""
    update = await emu.forge_callback(ana.id, "x")
    query_id = update["callback_query"]["id"]
    assert (await api("answerCallbackQuery", callback_query_id=query_id))[0] == 200
    description = await api.error("answerCallbackQuery", callback_query_id=query_id)
    assert description == (
        "Bad Request: query is too old and response timeout expired or query ID is invalid"
    )


class WebhookReceiver:
    """A tiny Starlette endpoint that feeds PTB's update queue, like a production webhook."""

    def __init__(self, app: Application[Any, Any, Any, Any, Any, Any], secret: str) -> None:
        self.app, self.secret = app, secret
        self.runner = ServerRunner(Starlette(routes=[Route("/hook", self.hook, methods=["POST"])]))

    async def hook(self, request: Request) -> Response:
        if request.headers.get(SECRET_HEADER) != self.secret:
            return Response(status_code=403)
        await self.app.update_queue.put(Update.de_json(await request.json(), self.app.bot))
        return Response()


@pytest.fixture
async def webhook_app(emu: BotApiEmulator) -> AsyncIterator[WebhookReceiver]:
    app = build_app(emu)
    receiver = WebhookReceiver(app, "s3cret")
    await receiver.runner.start()
    await app.initialize()
    await app.start()
    yield receiver
    await app.stop()
    await app.shutdown()
    await receiver.runner.stop()


async def test_webhook_conversation(
    emu: BotApiEmulator, ana: UserInfo, webhook_app: WebhookReceiver
) -> None:
    """With a webhook, the emulator POSTs updates with the secret header; the bot answers."""
    await webhook_app.app.bot.set_webhook(f"{webhook_app.runner.url}/hook", secret_token="s3cret")
    await talk_and_press(emu, ana)
    deliveries = await emu.webhook_deliveries()
    assert [d.status for d in deliveries] == [200, 200]


async def test_webhook_retries_rejected_deliveries(
    emu: BotApiEmulator, ana: UserInfo, webhook_app: WebhookReceiver, api: RawApi
) -> None:
    """A webhook that refuses (wrong secret) is retried a few times and the error reported."""
    await webhook_app.app.bot.set_webhook(f"{webhook_app.runner.url}/hook", secret_token="wrong")
    update = await emu.send_message(ana.id, "anyone?")
    for _ in range(100):
        deliveries = await emu.webhook_deliveries()
        if len(deliveries) == 3:
            break
        await asyncio.sleep(0.05)
    assert [(d.update_id, d.status) for d in deliveries] == [(update["update_id"], 403)] * 3
    info = await webhook_app.app.bot.get_webhook_info()
    assert info.last_error_message == "Wrong response from the webhook: 403 Forbidden"
    status, body = await api("getUpdates")
    assert (status, body["description"]) == (
        409,
        "Conflict: can't use getUpdates method while webhook is active; "
        "use deleteWebhook to delete the webhook first",
    )
