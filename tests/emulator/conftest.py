"""Fixtures: a running emulator, a user, a PTB Bot pointed at it, and a raw HTTP caller."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import telegram

from emulators.telegram import BotApiEmulator, UserInfo


class RawApi:
    """Calls the emulator the way PTB's HTTPXRequest does: form fields, non-strings as JSON."""

    def __init__(self, emulator: BotApiEmulator) -> None:
        self.emulator = emulator
        self.http = httpx.AsyncClient(timeout=10)

    async def __call__(self, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
        form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
        url = f"{self.emulator.base_url}{self.emulator.token}/{method}"
        response = await self.http.post(url, data=form)
        return response.status_code, response.json()

    async def error(self, method: str, **params: Any) -> str:
        """Call a method that must fail; return Telegram's description."""
        status, body = await self(method, **params)
        assert not body["ok"], body
        assert body["error_code"] == status
        return str(body["description"])


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emulator:
        yield emulator


@pytest.fixture
async def ana(emu: BotApiEmulator) -> UserInfo:
    return await emu.add_user("Ana", username="ana_k", language_code="sr")


@pytest.fixture
async def api(emu: BotApiEmulator) -> AsyncIterator[RawApi]:
    raw = RawApi(emu)
    yield raw
    await raw.http.aclose()


@pytest.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(
        emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url
    ) as ptb_bot:
        yield ptb_bot
