"""The librarian in the real app: `ask` answers and logs for the curators, `find` only answers."""

from __future__ import annotations

from datetime import UTC, timedelta

from sqlalchemy import select

from bot.app import Mreza
from core.clock import FakeClock
from knowledge.entry_tables import AskedRow
from knowledge.search import Decision


async def logged(mreza: Mreza) -> list[AskedRow]:
    async with mreza.sessions() as session:
        return list(await session.scalars(select(AskedRow).order_by(AskedRow.id)))


async def test_ask_logs_the_question_with_its_normalised_text_and_decision(mreza: Mreza) -> None:
    """A Cyrillic question is logged as asked, as read, and with the entry it got."""
    finding = await mreza.librarian.ask("Шта је особа од поверења?", channel="console")
    assert finding.decision is Decision.ANSWER
    [row] = await logged(mreza)
    assert (row.text, row.normalised, row.decision, row.entry_id, row.channel) == (
        "Шта је особа од поверења?",
        "sta je osoba od poverenja",
        "answer",
        "persons-of-trust",
        "console",
    )
    assert row.score == finding.hits[0].score


async def test_ask_logs_the_channel_and_the_time(mreza: Mreza, clock: FakeClock) -> None:
    """The log holds where the question came from and the clock's time; no member here."""
    await mreza.librarian.ask("sexual harassment", channel="console")
    [row] = await logged(mreza)
    assert (row.channel, row.member_id) == ("console", None)
    # SQLite keeps no time zone; the clock's UTC wall time is what was stored.
    assert row.asked_at.replace(tzinfo=UTC) == clock.now()


async def test_ask_logs_a_clarification_with_the_best_candidate(mreza: Mreza) -> None:
    """A clarify decision is logged with the best of the offered entries."""
    finding = await mreza.librarian.ask("glass ceiling women officers", channel="console")
    [row] = await logged(mreza)
    assert (row.decision, row.entry_id) == ("clarify", finding.hits[0].entry_id)


async def test_ask_logs_an_unanswered_question_without_an_entry(mreza: Mreza) -> None:
    """ "I don't know" is logged with no entry: the curators' to-do list."""
    await mreza.librarian.ask("recept za sarmu", channel="console")
    [row] = await logged(mreza)
    assert (row.text, row.normalised, row.decision, row.entry_id, row.score) == (
        "recept za sarmu",
        "recept za sarmu",
        "none",
        None,
        None,
    )


async def test_ask_logs_every_question_in_order(mreza: Mreza, clock: FakeClock) -> None:
    """Each question is one row, in the order asked."""
    await mreza.librarian.ask("what is a person of trust", channel="console")
    clock.advance(timedelta(minutes=5))
    await mreza.librarian.ask("tell me a joke", channel="console")
    rows = await logged(mreza)
    assert [(r.text, r.decision) for r in rows] == [
        ("what is a person of trust", "answer"),
        ("tell me a joke", "none"),
    ]
    assert rows[1].asked_at - rows[0].asked_at == timedelta(minutes=5)


async def test_find_does_not_log(mreza: Mreza) -> None:
    """Previews and tools search without leaving a trace."""
    finding = mreza.librarian.find("what is a person of trust")
    assert finding.decision is Decision.ANSWER
    assert await logged(mreza) == []


def test_librarian_serves_every_entry_in_id_order(mreza: Mreza) -> None:
    """The librarian holds the 45 imported entries, sorted by id, and finds one by id."""
    ids = [e.id for e in mreza.librarian.entries]
    assert (len(ids), ids == sorted(ids)) == (45, True)
    entry = mreza.librarian.entry("persons-of-trust")
    assert entry is not None
    assert entry.title == "Persons of trust in the defence system"
    assert mreza.librarian.entry("no-such-entry") is None
