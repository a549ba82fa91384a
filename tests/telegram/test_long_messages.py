"""Messages over Telegram's 4,096 characters: split between paragraphs, every part accepted."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator

import pytest
import telegram

from bot.transports.telegram_api.telegram_messenger import (
    TELEGRAM_RATE,
    TelegramMessenger,
    split_html,
)
from core.events import Chat
from core.messaging import Button, Outgoing, plain
from emulators.telegram import BotApiEmulator, UserInfo
from knowledge.card import TELEGRAM_TEXT_LIMIT, visible_length
from scheduler.pacer import Pacer, Timer

TRAP = "Tom & Jerry <b>not bold</b> *stars* _under_ `tick` 1 < 2 > 0; "
PARAGRAPH = (TRAP * 60)[:3000].strip()
HUGE_LINE = (TRAP * 200)[:10_000].strip()


def squeezed(text: str) -> str:
    """Text without whitespace, to compare what was cut at spaces and trimmed by Telegram."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
async def alice(emu: BotApiEmulator) -> UserInfo:
    """Someone to write to."""
    return await emu.add_user("Alice")


@pytest.fixture
async def messenger(emu: BotApiEmulator, timer: Timer) -> AsyncIterator[TelegramMessenger]:
    """The Telegram messenger on a plain python-telegram-bot Bot, talking to the emulator; its
    one message a second to a chat kept on the test's timer."""
    async with telegram.Bot(emu.token, base_url=emu.base_url) as bot:
        yield TelegramMessenger(bot, Pacer(TELEGRAM_RATE, timer))


def test_paragraphs_that_fit_stay_together() -> None:
    """Two short paragraphs make one chunk, joined by a blank line."""
    assert list(split_html(plain("one & two\n\nthree < four"))) == [
        "one &amp; two\n\nthree &lt; four"
    ]


def test_long_text_is_cut_between_paragraphs() -> None:
    """Three paragraphs of 3,000 characters make three chunks, each a whole paragraph."""
    chunks = list(split_html(plain("\n\n".join([PARAGRAPH] * 3))))
    assert len(chunks) == 3
    assert all(visible_length(chunk) == len(PARAGRAPH) for chunk in chunks)


def test_a_huge_line_is_sliced_without_breaking_entities() -> None:
    """10,000 characters on one line: every slice fits and no &entity; is cut in two."""
    chunks = list(split_html(plain(HUGE_LINE)))
    assert len(chunks) >= 3
    assert all(visible_length(chunk) <= TELEGRAM_TEXT_LIMIT for chunk in chunks)
    assert all(not re.search(r"&[a-z]*$", chunk) for chunk in chunks)
    assert squeezed(html.unescape("".join(chunks))) == squeezed(HUGE_LINE)


async def test_every_part_of_a_long_message_is_accepted(
    emu: BotApiEmulator, messenger: TelegramMessenger, alice: UserInfo
) -> None:
    """Sent through the messenger, each part is a valid HTML message; the buttons come last."""
    long = Outgoing.text("\n\n".join([PARAGRAPH] * 3), [[Button("OK", "ok")]])
    await messenger.send(Chat("telegram", str(alice.id)), long)
    parts = await emu.calls(method="sendMessage", chat_id=alice.id)
    assert [part.status for part in parts] == [200, 200, 200]
    assert [part.result["text"] for part in parts] == [PARAGRAPH] * 3
    assert ["reply_markup" in part.params for part in parts] == [False, False, True]


async def test_every_slice_of_a_huge_line_is_accepted(
    emu: BotApiEmulator, messenger: TelegramMessenger, alice: UserInfo
) -> None:
    """One line of 10,000 characters arrives in slices that together say all of it."""
    await messenger.send(Chat("telegram", str(alice.id)), Outgoing.text(HUGE_LINE))
    parts = await emu.calls(method="sendMessage", chat_id=alice.id)
    assert all(part.ok for part in parts), [part.describe() for part in parts]
    assert squeezed("".join(part.result["text"] for part in parts)) == squeezed(HUGE_LINE)


async def test_a_bold_phrase_across_the_cut_is_accepted(
    emu: BotApiEmulator, messenger: TelegramMessenger, alice: UserInfo
) -> None:
    """A long line is cut inside a bold phrase; each part must still be valid HTML."""
    line = "plain words " * 338 + "**a bold phrase right where the text is cut**" + " more" * 200
    await messenger.send(Chat("telegram", str(alice.id)), Outgoing.markup(line))
    parts = await emu.calls(method="sendMessage", chat_id=alice.id)
    assert all(part.ok for part in parts), [part.describe() for part in parts]
