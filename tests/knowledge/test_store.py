"""The knowledge base in the database: migrations, idempotent imports, retiring and reading back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.storage import create_engine, session_factory, upgrade
from knowledge.entry import Entry, Question
from knowledge.entry_tables import EntryRow, QuestionRow
from knowledge.loader import LoadReport
from knowledge.store import SyncReport, active_entries, import_entries

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=1)


@pytest.fixture
async def engine(empty_database_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated, empty database."""
    engine = create_engine(empty_database_url)
    await upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return session_factory(engine)


@pytest.fixture
def entries(bundled: LoadReport) -> list[Entry]:
    return sorted(bundled.entries, key=lambda e: e.id)


async def sync(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry], now: datetime = NOW
) -> SyncReport:
    async with sessions.begin() as session:
        return await import_entries(session, entries, now)


async def read(sessions: async_sessionmaker[AsyncSession]) -> list[Entry]:
    async with sessions() as session:
        return await active_entries(session)


async def test_upgrade_creates_the_tables(engine: AsyncEngine) -> None:
    """After `upgrade` the knowledge base and question log tables exist."""
    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert {"kb_entries", "kb_questions", "question_log", "alembic_version"} <= tables


async def test_upgrade_twice_is_harmless(engine: AsyncEngine) -> None:
    """Running the migrations again on an up-to-date database changes nothing."""
    await upgrade(engine)
    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert "kb_entries" in tables


async def test_first_import_adds_all_42(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """An empty database gets every entry."""
    report = await sync(sessions, entries)
    assert (len(report.added), report.updated, report.retired, report.unchanged) == (45, (), (), 0)


async def test_second_import_changes_nothing(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """Importing the same files again is a no-op."""
    await sync(sessions, entries)
    report = await sync(sessions, entries, LATER)
    assert report == SyncReport(added=(), updated=(), retired=(), unchanged=45)


async def test_active_entries_round_trip_every_field(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """What goes in comes back equal: title, answer, questions, tags, countries, sources, date."""
    await sync(sessions, entries)
    assert await read(sessions) == entries


async def test_changed_entry_is_updated_with_its_questions_replaced(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """A file whose content changed updates its row; its curated questions follow the file."""
    await sync(sessions, entries)
    changed = replace(
        entries[0], title="A new title", questions=(Question("Only this one now?", "en"),)
    )
    report = await sync(sessions, [changed, *entries[1:]], LATER)
    assert (report.added, report.updated, report.unchanged) == ((), (changed.id,), 44)
    assert (await read(sessions))[0] == changed


async def test_curator_phrasings_survive_an_update(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """Questions a curator attached in the database stay when the file changes."""
    await sync(sessions, entries)
    async with sessions.begin() as session:
        session.add(
            QuestionRow(
                entry_id=entries[0].id, text="asked by a member", lang="en", origin="member"
            )
        )
    await sync(sessions, [replace(entries[0], title="Changed"), *entries[1:]], LATER)
    texts = {(q.text, q.curated) for q in (await read(sessions))[0].questions}
    assert ("asked by a member", False) in texts


async def test_removed_entry_is_retired_not_deleted(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """A file that goes away retires its entry; the row stays for the question log."""
    await sync(sessions, entries)
    gone = entries[-1].id
    report = await sync(sessions, entries[:-1], LATER)
    assert report.retired == (gone,)
    assert gone not in {e.id for e in await read(sessions)}
    async with sessions() as session:
        row = await session.get(EntryRow, gone)
    assert row is not None
    assert row.retired_at is not None


async def test_retired_entry_stays_retired_once(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """Importing again without the file does not retire it a second time."""
    await sync(sessions, entries)
    await sync(sessions, entries[:-1], LATER)
    report = await sync(sessions, entries[:-1], LATER + timedelta(days=1))
    assert (report.retired, report.unchanged) == ((), 44)


async def test_retired_entry_comes_back_when_re_added(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """Putting the file back makes the entry active again, unchanged."""
    await sync(sessions, entries)
    await sync(sessions, entries[:-1], LATER)
    report = await sync(sessions, entries, LATER + timedelta(days=1))
    assert report.updated == (entries[-1].id,)
    assert await read(sessions) == entries


async def test_questions_keep_their_order(
    sessions: async_sessionmaker[AsyncSession], entries: list[Entry]
) -> None:
    """Curated questions come back in the order of the file."""
    await sync(sessions, entries)
    async with sessions() as session:
        rows = await session.scalars(
            select(QuestionRow.text).where(QuestionRow.entry_id == entries[0].id)
        )
        assert list(rows) == [q.text for q in entries[0].questions]
