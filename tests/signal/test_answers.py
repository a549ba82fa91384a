"""Asking on Signal: plain text with sources as links, numbered choices, feedback; all of it in
the member's language."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import Mreza
from bot.asking.topic_browser import NEXT, PREVIOUS
from bot.languages import texts
from core.members import Language
from emulators.signal import SignalEmulator
from knowledge.entry_tables import AskedRow
from tests.signal.people import SignalPeople, SignalPerson

pytestmark = pytest.mark.usefixtures("on_signal")

QUESTION = "What is resolution 1325?"
ENTRY = "wps-unscr-1325-overview"


async def feedback(mreza: Mreza) -> list[int | None]:
    """The feedback stored on the logged questions answered with the entry."""
    async with mreza.sessions() as session:
        rows = await session.scalars(select(AskedRow.feedback).where(AskedRow.entry_id == ENTRY))
        return list(rows)


async def test_an_answer_is_plain_text_with_its_sources_written_out(
    alice: SignalPerson, mreza: Mreza
) -> None:
    """The title, the answer, every source's address, and 👍 / 👎 as numbered choices."""
    await alice.says(QUESTION)
    answer = await alice.hears()
    entry = mreza.librarian.entry(ENTRY)
    assert entry is not None
    assert answer.text.startswith(entry.title)
    assert "<b>" not in answer.text
    assert "**" not in answer.text
    for source in entry.sources:
        assert f"({source.url})" in answer.text
    assert answer.labels == ("👍", "👎")
    assert answer.text.endswith("Reply 1 or 2, or react to this message with 👍 or 👎.")


async def test_mreza_shows_it_is_typing_before_it_answers(
    alice: SignalPerson, signal_emu: SignalEmulator
) -> None:
    """A sendTyping to the member comes before the answer."""
    await alice.says(QUESTION)
    answer = await alice.hears()
    typing = [c for c in signal_emu.world.calls if c.method == "sendTyping"]
    assert typing[0].params["recipient"] == [alice.address]
    sent = next(c for c in signal_emu.world.calls if c.method == "send")
    assert sent.timestamp == answer.timestamp
    assert typing[0].seq < sent.seq


async def test_replying_1_to_an_answer_records_a_thumbs_up(
    alice: SignalPerson, mreza: Mreza
) -> None:
    """ "1" presses 👍; Mreža thanks the member and stores the feedback."""
    await alice.says(QUESTION)
    await alice.hears()
    await alice.says("1")
    assert (await alice.hears()).text == texts.THANKS_FEEDBACK
    assert await feedback(mreza) == [1]


async def test_a_thumbs_down_reaction_records_feedback(alice: SignalPerson, mreza: Mreza) -> None:
    """Reacting 👎 to the answer is the same as choosing 👎: the two ways on, and thanks."""
    await alice.says(QUESTION)
    answer = await alice.hears()
    await alice.reacts("👎", answer)
    offer = await alice.hears()
    assert offer.text.startswith(texts.NOT_HELPFUL_OFFER)
    assert offer.labels == (texts.OTHER_WORDS, texts.PASS_ON)
    assert (await alice.hears()).text == texts.THANKS_FEEDBACK
    assert await feedback(mreza) == [-1]


async def test_any_other_reaction_is_ignored(alice: SignalPerson, mreza: Mreza) -> None:
    """A ❤️ picks no choice: nothing is said and nothing stored."""
    await alice.says(QUESTION)
    answer = await alice.hears()
    await alice.reacts("❤️", answer)
    await alice.hears_nothing()
    assert await feedback(mreza) == [None]


async def test_an_ambiguous_question_offers_numbered_candidates(alice: SignalPerson) -> None:
    """ "SEESAC" fits two entries: they come as numbered lines and "Reply 1 or 2."."""
    await alice.says("SEESAC")
    clarify = await alice.hears()
    assert clarify.text.startswith(texts.CLARIFY)
    assert len(clarify.labels) == 2
    assert clarify.text.endswith("Reply 1 or 2.")


async def test_replying_with_a_number_quoting_the_choices_shows_that_entry(
    alice: SignalPerson, mreza: Mreza
) -> None:
    """The second candidate's entry arrives when the member replies "2" to the choices."""
    await alice.says("SEESAC")
    clarify = await alice.hears()
    await alice.picks(clarify.labels[1])
    shown = await alice.hears()
    assert shown.text.startswith(clarify.labels[1].rstrip("…"))


async def test_a_serbian_member_reads_the_cyrillic_answer(
    people: SignalPeople, mreza: Mreza
) -> None:
    """On Signal too the card is in the member's language, the prompt included."""
    milica = await people.member("Milica", language=Language.SR_CYRL)
    entry = mreza.librarian.entry(ENTRY)
    assert entry is not None
    sr = entry.translation("sr-cyrl")
    assert sr is not None
    await milica.says(QUESTION)
    answer = await milica.hears()
    assert answer.text.startswith(sr.title + "\n\n")
    assert "\n\nИзвори\n" in answer.text
    tr = mreza.translations(Language.SR_CYRL)
    assert answer.text.endswith(
        tr(texts.SIGNAL_REPLY_OR_REACT).format(
            numbers=f"1 {tr(texts.SIGNAL_OR)} 2", emoji=f"👍 {tr(texts.SIGNAL_OR)} 👎"
        )
    )


async def test_the_next_page_of_topics_replaces_the_list(
    people: SignalPeople, mreza: Mreza, signal_emu: SignalEmulator
) -> None:
    """Choosing ▶ edits the numbered list into page two, named in the member's language."""
    milica = await people.member("Milica", language=Language.SR_CYRL)
    tr = mreza.translations(Language.SR_CYRL)
    await milica.says("/topics")
    first = await milica.hears()
    assert first.text.startswith(tr(texts.TOPICS_PAGE).format(page=1, pages=5))
    assert "Обука (7)" in first.labels
    await milica.picks(NEXT)
    second = await milica.hears()
    assert second.text.startswith(tr(texts.TOPICS_PAGE).format(page=2, pages=5))
    assert second.labels[-2:] == (PREVIOUS, NEXT)
    edit = next(c for c in signal_emu.world.calls if c.params.get("editTimestamp"))
    assert edit.params["editTimestamp"] == first.timestamp
