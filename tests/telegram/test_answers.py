"""Asking: an answer as HTML with sources and feedback buttons, and clarifying by button."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from bot.app import Mreza
from bot.asking.answering import HELPFUL, NOT_HELPFUL
from bot.languages import texts
from emulators.telegram import BotApiEmulator
from knowledge.entry_tables import AskedRow
from tests.telegram.people import Chatter

pytestmark = pytest.mark.usefixtures("on_telegram")

QUESTION = "What is resolution 1325?"
ENTRY = "wps-unscr-1325-overview"
SEESAC = ("seesac-project-history", "seesac-project-evaluation-2023")


def names(label: str, title: str) -> bool:
    """True if a button label shows this title, whole or shortened with an ellipsis."""
    return label == title or (label.endswith("…") and title.startswith(label[:-1]))


def title(mreza: Mreza, entry_id: str) -> str:
    """An entry's title, as the knowledge base has it."""
    entry = mreza.librarian.entry(entry_id)
    assert entry is not None
    return entry.title


async def test_an_answer_comes_as_one_html_message(alice: Chatter, mreza: Mreza) -> None:
    """One sendMessage in HTML: the title in <b>, every source as a link."""
    await alice.says(QUESTION)
    answer = await alice.reply()
    entry = mreza.librarian.entry(ENTRY)
    assert entry is not None
    assert answer.params["parse_mode"] == "HTML"
    assert answer.params["text"].startswith(f"<b>{html.escape(entry.title, quote=False)}</b>")
    for source in entry.sources:
        assert f'<a href="{html.escape(source.url)}">' in answer.params["text"]
    entities = answer.result["entities"]
    assert entities[0] == {"type": "bold", "offset": 0, "length": len(entry.title)}
    links = [e["url"] for e in entities if e["type"] == "text_link"]
    assert links == [source.url for source in entry.sources]
    await alice.hears_nothing()


async def test_an_answer_offers_feedback_buttons(alice: Chatter) -> None:
    """The answer carries 👍 and 👎, each with callback data Telegram accepts."""
    await alice.says(QUESTION)
    keyboard = (await alice.reply()).params["reply_markup"]["inline_keyboard"]
    assert [[button["text"] for button in row] for row in keyboard] == [[HELPFUL, NOT_HELPFUL]]
    for button in keyboard[0]:
        assert len(button["callback_data"].encode()) <= 64


async def test_a_thumbs_up_is_acknowledged_and_stored(
    alice: Chatter, emu: BotApiEmulator, mreza: Mreza
) -> None:
    """Pressing 👍 answers the callback query with thanks and records the feedback."""
    await alice.says(QUESTION)
    await alice.reply()
    await alice.presses(HELPFUL)
    acknowledged = await alice.acknowledgement()
    assert acknowledged.params["text"] == texts.THANKS_FEEDBACK
    async with mreza.sessions() as session:
        feedback = await session.scalars(
            select(AskedRow.feedback).where(AskedRow.entry_id == ENTRY)
        )
        assert list(feedback) == [1]


async def test_a_thumbs_down_offers_other_words_and_a_coordinator(alice: Chatter) -> None:
    """👎 is thanked in the pop-up; then a message with the two ways on, one button each."""
    await alice.says(QUESTION)
    await alice.reply()
    await alice.presses(NOT_HELPFUL)
    offer = await alice.reply()
    assert offer.params["text"] == texts.NOT_HELPFUL_OFFER
    keyboard = offer.params["reply_markup"]["inline_keyboard"]
    assert [[b["text"] for b in row] for row in keyboard] == [[texts.OTHER_WORDS], [texts.PASS_ON]]
    assert (await alice.acknowledgement()).params["text"] == texts.THANKS_FEEDBACK
    await alice.presses(texts.OTHER_WORDS)
    assert (await alice.reply()).params["text"] == texts.ASK_IN_OTHER_WORDS


async def test_an_ambiguous_question_offers_the_candidates(alice: Chatter, mreza: Mreza) -> None:
    """A question two entries fit asks which was meant, with one button per entry."""
    await alice.says("SEESAC")
    clarify = await alice.reply()
    assert clarify.result["text"] == texts.CLARIFY
    labels = [row[0]["text"] for row in clarify.params["reply_markup"]["inline_keyboard"]]
    assert len(labels) == len(SEESAC)
    for entry_id in SEESAC:
        assert any(names(label, title(mreza, entry_id)) for label in labels), entry_id
    buttons = [row[0] for row in clarify.params["reply_markup"]["inline_keyboard"]]
    assert all(len(button["callback_data"].encode()) <= 64 for button in buttons)


async def test_pressing_a_candidate_sends_that_entry(alice: Chatter, mreza: Mreza) -> None:
    """The chosen candidate's entry arrives, titled in bold, and the press is answered."""
    await alice.says("SEESAC")
    clarify = await alice.reply()
    chosen = title(mreza, SEESAC[1])
    rows = clarify.params["reply_markup"]["inline_keyboard"]
    await alice.presses(next(row[0]["text"] for row in rows if names(row[0]["text"], chosen)))
    shown = await alice.reply()
    assert shown.params["text"].startswith(f"<b>{html.escape(chosen, quote=False)}</b>")
    assert "text" not in (await alice.acknowledgement()).params
