"""Webhook mode: Telegram posts updates with the secret header; nobody else gets in."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.app import Mreza
from bot.languages import texts
from bot.transports.telegram_api.telegram_runner import Listen, run_on_telegram
from bot.transports.telegram_api.webhook import MAX_BODY, WEBHOOK_PATH
from emulators.telegram import SECRET_HEADER, BotApiEmulator
from tests.telegram.people import Chatter
from tests.telegram.running import RunningBot, free_port, logged, running

SECRET = "s3cret-Token_for-the-webhook"
QUESTION = "What is resolution 1325?"


def listen_with_webhook(secret: str | None) -> Listen:
    """Listen on a free port that is also the public address Telegram posts to."""
    port = free_port()
    return Listen(port=port, public_url=f"http://127.0.0.1:{port}", secret=secret)


@pytest.fixture
async def on_webhook(
    emu: BotApiEmulator, mreza: Mreza, runner_log: pytest.LogCaptureFixture
) -> AsyncIterator[RunningBot]:
    """Mreža taking updates by webhook from the emulator."""
    async with running(mreza, emu.base_url, listen_with_webhook(SECRET)) as bot:
        await logged(runner_log, "is running on Telegram")
        yield bot


def webhook_url(bot: RunningBot) -> str:
    """Where the bot takes Telegram's posts."""
    return f"http://{bot.listen.host}:{bot.listen.port}{WEBHOOK_PATH}"


def update_from(person: Chatter, text: str) -> dict[str, object]:
    """A private message update, as Telegram would post it."""
    user = {"id": person.id, "is_bot": False, "first_name": person.user.first_name}
    chat = {"id": person.id, "type": "private", "first_name": person.user.first_name}
    message = {"message_id": 99, "from": user, "chat": chat, "date": 1, "text": text}
    return {"update_id": 424242, "message": message}


async def test_the_webhook_is_registered_with_the_secret(
    on_webhook: RunningBot, emu: BotApiEmulator
) -> None:
    """setWebhook names the bot's /telegram address and the secret token."""
    registered = await emu.wait_for(method="setWebhook")
    assert registered.ok
    assert registered.params["url"] == webhook_url(on_webhook)
    assert registered.params["secret_token"] == SECRET
    assert await emu.calls(method="getUpdates") == []


@pytest.mark.usefixtures("on_webhook")
async def test_a_posted_update_is_answered(alice: Chatter, emu: BotApiEmulator) -> None:
    """A question delivered by webhook (secret header included) gets its answer."""
    await alice.says(QUESTION)
    assert (await alice.reply()).params["parse_mode"] == "HTML"
    assert [delivery.status for delivery in await emu.webhook_deliveries()] == [200]


@pytest.mark.usefixtures("on_webhook")
async def test_a_button_press_by_webhook_is_acknowledged(alice: Chatter) -> None:
    """Pressing 👍 under a webhook-delivered answer is acknowledged with thanks."""
    await alice.says(QUESTION)
    await alice.reply()
    await alice.presses("👍")
    assert (await alice.acknowledgement()).params["text"] == texts.THANKS_FEEDBACK


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "guess"}, {SECRET_HEADER: ""}])
async def test_a_post_without_the_secret_is_refused(
    on_webhook: RunningBot, alice: Chatter, headers: dict[str, str]
) -> None:
    """A POST to /telegram without the right secret gets 403 and is not processed."""
    async with httpx.AsyncClient() as http:
        response = await http.post(
            webhook_url(on_webhook), json=update_from(alice, "/whoami"), headers=headers
        )
    assert response.status_code == 403
    await alice.hears_nothing()


async def test_a_post_with_the_secret_is_processed(on_webhook: RunningBot, alice: Chatter) -> None:
    """The same POST with the secret header is taken like one from Telegram."""
    async with httpx.AsyncClient() as http:
        response = await http.post(
            webhook_url(on_webhook),
            json=update_from(alice, "/whoami"),
            headers={SECRET_HEADER: SECRET},
        )
    assert response.status_code == 200
    assert (await alice.hears()).startswith("Name: Alice")


async def test_the_health_check_answers_in_webhook_mode(on_webhook: RunningBot) -> None:
    """/healthz shares the port with the webhook and says ok."""
    async with httpx.AsyncClient() as http:
        response = await http.get(on_webhook.health_url)
    assert response.json() == {"status": "ok"}


async def test_a_webhook_without_a_secret_refuses_to_start(
    emu: BotApiEmulator, mreza: Mreza
) -> None:
    """Webhook mode without a secret token does not start, rather than serve a deaf webhook."""
    never = asyncio.Event()
    with pytest.raises(ValueError, match="secret"):
        await asyncio.wait_for(
            run_on_telegram(mreza, emu.base_url, listen_with_webhook(None), never), 10
        )
    assert await emu.calls(method="setWebhook") == []


async def test_a_public_url_ending_in_telegram_is_taken_as_it_is(
    emu: BotApiEmulator, mreza: Mreza, runner_log: pytest.LogCaptureFixture
) -> None:
    """--public-url https://host/telegram registers that address, not .../telegram/telegram."""
    port = free_port()
    listen = Listen(port=port, public_url=f"http://127.0.0.1:{port}/telegram/", secret=SECRET)
    async with running(mreza, emu.base_url, listen):
        await logged(runner_log, "is running on Telegram")
    registered = await emu.wait_for(method="setWebhook")
    assert registered.params["url"] == f"http://127.0.0.1:{port}{WEBHOOK_PATH}"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"update_id": 8, "message": {"message_id": 1, "chat": {"id": 5, "type": "private"}}},
    ],
)
async def test_a_body_that_is_no_update_gets_400_and_the_next_update_is_answered(
    on_webhook: RunningBot, alice: Chatter, body: dict[str, object]
) -> None:
    """{} or a message without its date, with the secret: 400, and nothing stops."""
    async with httpx.AsyncClient() as http:
        refused = await http.post(
            webhook_url(on_webhook), json=body, headers={SECRET_HEADER: SECRET}
        )
        taken = await http.post(
            webhook_url(on_webhook),
            json=update_from(alice, "/whoami"),
            headers={SECRET_HEADER: SECRET},
        )
    assert (refused.status_code, refused.text) == (400, "not an update")
    assert taken.status_code == 200
    assert (await alice.hears()).startswith("Name: Alice")


async def test_a_body_past_the_limit_is_refused_unread(on_webhook: RunningBot) -> None:
    """A body over a megabyte gets 413, whether it says its length or streams without one."""

    async def stream() -> AsyncIterator[bytes]:
        for _ in range(MAX_BODY // 65536 + 2):
            yield b" " * 65536

    async with httpx.AsyncClient() as http:
        declared = await http.post(
            webhook_url(on_webhook), content=b" " * (MAX_BODY + 1), headers={SECRET_HEADER: SECRET}
        )
        streamed = await http.post(
            webhook_url(on_webhook), content=stream(), headers={SECRET_HEADER: SECRET}
        )
    assert (declared.status_code, streamed.status_code) == (413, 413)
