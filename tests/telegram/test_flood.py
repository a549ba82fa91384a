"""Over Telegram with the product's budget: a flood gets five answers, one notice, then silence."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from bot.conversation.budget import BURST
from bot.languages import texts
from core.settings import BUNDLED_KB_PATH, Settings
from emulators.telegram import DEFAULT_TOKEN
from tests.telegram.people import Chatter, People

QUESTION = "What is resolution 1325?"


@pytest.fixture
def settings(database_url: str) -> Settings:
    """The product's own budget per sender: five at once, then one every three seconds."""
    return Settings(
        database_url=database_url, kb_path=BUNDLED_KB_PATH, telegram_token=SecretStr(DEFAULT_TOKEN)
    )


@pytest.mark.usefixtures("on_telegram")
async def test_a_flooding_member_gets_five_answers_and_one_notice(alice: Chatter) -> None:
    """Thirty questions at once: five answers, "slow down", and nothing more."""
    for _ in range(30):
        await alice.says(QUESTION)
    heard = [await alice.hears() for _ in range(BURST + 1)]
    assert heard.count(texts.SLOW_DOWN) == 1
    assert all("1325" in text for text in heard if text != texts.SLOW_DOWN)
    await alice.hears_nothing()


@pytest.mark.usefixtures("on_telegram")
async def test_a_stranger_guessing_codes_gets_one_answer(people: People) -> None:
    """Forty /start with made-up codes: one refusal of the code, then silence."""
    eve = await people.stranger("Eve")
    for number in range(40):
        await eve.says(f"/start guess{number:04d}")
    assert await eve.hears() == texts.INVITE_UNKNOWN
    await eve.hears_nothing()
