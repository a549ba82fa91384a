"""getUpdates like Telegram: numbering, confirmation by offset, long polling, conflicts."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from emulators.telegram import BotApiEmulator, UserInfo
from emulators.telegram.errors import EmulatorError

from .conftest import RawApi


async def test_update_ids_increase(emu: BotApiEmulator, ana: UserInfo) -> None:
    """Each update gets the next update_id."""
    first = await emu.send_message(ana.id, "a")
    second = await emu.forge_callback(ana.id, "b")
    assert second["update_id"] == first["update_id"] + 1


async def test_offset_confirms_updates(emu: BotApiEmulator, api: RawApi, ana: UserInfo) -> None:
    """Updates stay until getUpdates is called with a higher offset."""
    for text in ("a", "b", "c"):
        await emu.send_message(ana.id, text)
    _, body = await api("getUpdates", limit=2)
    assert [u["message"]["text"] for u in body["result"]] == ["a", "b"]
    _, body = await api("getUpdates", offset=body["result"][-1]["update_id"] + 1)
    assert [u["message"]["text"] for u in body["result"]] == ["c"]
    assert len(await emu.pending_updates()) == 1


async def test_negative_offset_keeps_the_last(
    emu: BotApiEmulator, api: RawApi, ana: UserInfo
) -> None:
    """offset=-1 forgets all but the last update."""
    for text in ("a", "b", "c"):
        await emu.send_message(ana.id, text)
    _, body = await api("getUpdates", offset=-1)
    assert [u["message"]["text"] for u in body["result"]] == ["c"]


async def test_long_poll_returns_when_a_user_writes(
    emu: BotApiEmulator, api: RawApi, ana: UserInfo
) -> None:
    """A waiting getUpdates answers as soon as an update exists."""
    polling = asyncio.create_task(api("getUpdates", timeout=10))
    await asyncio.sleep(0.05)
    await emu.send_message(ana.id, "wake up")
    _, body = await asyncio.wait_for(polling, 5)
    assert body["result"][0]["message"]["text"] == "wake up"


async def test_second_poller_terminates_the_first(api: RawApi) -> None:
    """Two bots polling at once: the older request gets 409 Conflict."""
    older = asyncio.create_task(api("getUpdates", timeout=10))
    await asyncio.sleep(0.05)
    newer = asyncio.create_task(api("getUpdates", timeout=1))
    status, body = await asyncio.wait_for(older, 5)
    assert status == 409
    assert body["description"] == (
        "Conflict: terminated by other getUpdates request; "
        "make sure that only one bot instance is running"
    )
    assert (await newer)[0] == 200


async def test_allowed_updates_filters_new_updates(
    emu: BotApiEmulator, api: RawApi, ana: UserInfo
) -> None:
    """After allowed_updates=["message"], button presses are not queued."""
    await api("getUpdates", allowed_updates=["message"])
    await emu.forge_callback(ana.id, "ignored")
    await emu.send_message(ana.id, "kept")
    _, body = await api("getUpdates")
    assert [list(u)[1] for u in body["result"]] == ["message"]


async def test_delete_webhook_hands_updates_back_to_polling(
    emu: BotApiEmulator, api: RawApi, ana: UserInfo
) -> None:
    """drop_pending_updates on setWebhook clears the queue; deleteWebhook re-enables polling."""
    await emu.send_message(ana.id, "old")
    url = "http://127.0.0.1:9/unreachable"
    assert (await api("setWebhook", url=url, drop_pending_updates=True))[0] == 200
    _, info = await api("getWebhookInfo")
    assert (info["result"]["url"], info["result"]["pending_update_count"]) == (url, 0)
    assert (await api("deleteWebhook"))[0] == 200
    await emu.send_message(ana.id, "new")
    _, body = await api("getUpdates")
    assert [u["message"]["text"] for u in body["result"]] == ["new"]


async def test_text_with_a_lone_surrogate_is_refused_and_polling_carries_on(
    emu: BotApiEmulator, api: RawApi, ana: UserInfo
) -> None:
    """Injected over the control API, text no client could send gets one clear 422 and is not
    queued; getUpdates keeps answering, with the next message."""
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{emu.url}/emulator/send_message",
            content=b'{"user_id": %d, "text": "bad \\ud800 text"}' % ana.id,
        )
    assert response.status_code == 422
    assert "lone surrogate" in response.json()["description"]
    await emu.send_message(ana.id, "still here")
    status, body = await api("getUpdates")
    assert status == 200
    assert [u["message"]["text"] for u in body["result"]] == ["still here"]


async def test_a_lone_surrogate_is_refused_in_process_too(
    emu: BotApiEmulator, ana: UserInfo
) -> None:
    """The simulator refuses it the same way when a test calls it directly."""
    with pytest.raises(EmulatorError, match="lone surrogate"):
        await emu.send_message(ana.id, "bad \ud800 text")
    assert await emu.pending_updates() == []
