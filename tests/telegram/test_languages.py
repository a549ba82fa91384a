"""A Macedonian member on Telegram: the answer in Macedonian, and the topic list turning its
pages in place."""

from __future__ import annotations

import html

import pytest

from bot.app import Mreza
from bot.asking.topic_browser import NEXT, PREVIOUS
from bot.languages import texts
from core.members import Language, NewMember
from emulators.telegram import BotApiEmulator, ShownMessage
from tests.telegram.people import Chatter, People, eventually_true, identity

pytestmark = pytest.mark.usefixtures("on_telegram")


@pytest.fixture
async def ana(people: People, mreza: Mreza) -> Chatter:
    """A member in North Macedonia who reads Macedonian."""
    person = await people.stranger("Ana", language_code="mk")
    new = NewMember("Ana", "MK", identity(person), language=Language.MK, met=True)
    await mreza.members.add(new, mreza.clock.now())
    return person


async def shown_after_edit(emu: BotApiEmulator, ana: Chatter, message_id: int) -> ShownMessage:
    """The message as Ana's app shows it once Mreža has edited it."""
    found: list[ShownMessage] = []

    async def edited() -> bool:
        found[:] = [
            m
            for m in await emu.shown_messages(ana.chat_id)
            if m.message_id == message_id and m.edited
        ]
        return bool(found)

    await eventually_true(edited, f"message {message_id} to be edited")
    return found[0]


async def test_a_macedonian_question_gets_the_macedonian_card(ana: Chatter, mreza: Mreza) -> None:
    """The card's bold title, answer and "Sources" are Macedonian; the sources keep their titles."""
    entry = mreza.librarian.entry("persons-of-trust")
    assert entry is not None
    mk = entry.translation("mk")
    assert mk is not None
    await ana.says("Што е лице од доверба?")
    card = (await ana.reply()).params["text"]
    assert card.startswith(f"<b>{html.escape(mk.title, quote=False)}</b>")
    assert "<i>Извори</i>" in card
    assert all(html.escape(s.title, quote=False) in card for s in entry.sources)
    assert "A person of trust" not in card


async def test_topics_turn_pages_and_come_back_in_one_message(
    ana: Chatter, emu: BotApiEmulator, mreza: Mreza
) -> None:
    """▶ edits the list into page two; a topic, then Back, edit the same message again."""
    mk = mreza.translations(Language.MK)
    await ana.sends("topics")
    first = await ana.reply()
    assert first.result["text"] == mk(texts.TOPICS_PAGE).format(page=1, pages=5)
    message_id = first.result["message_id"]
    await ana.presses(NEXT)
    second = await shown_after_edit(emu, ana, message_id)
    assert second.text == mk(texts.TOPICS_PAGE).format(page=2, pages=5)
    assert [b["text"] for b in second.buttons()][-2:] == [PREVIOUS, NEXT]
    await ana.presses("Вознемирување (4)")
    entries = mk(texts.TOPIC_ENTRIES).format(topic="Вознемирување")
    await eventually_true(lambda: _text_is(emu, ana, message_id, entries), "the topic's entries")
    await ana.presses(mk(texts.TOPICS_BACK))
    await eventually_true(
        lambda: _text_is(emu, ana, message_id, second.text or ""), "page two again"
    )
    assert len(await emu.shown_messages(ana.chat_id)) == 1


async def _text_is(emu: BotApiEmulator, ana: Chatter, message_id: int, text: str) -> bool:
    shown = await emu.shown_messages(ana.chat_id)
    return any(m.message_id == message_id and m.text == text for m in shown)
