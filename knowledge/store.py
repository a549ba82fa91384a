"""The knowledge base in the database: imported from YAML, read back as entries."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.entry import Entry, Question, Source, Translation
from knowledge.tables import EntryRow, QuestionRow


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What an import changed."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    retired: tuple[str, ...]
    unchanged: int


def content_hash(entry: Entry) -> str:
    """A fingerprint of everything curated in an entry."""
    data = asdict(entry)
    del data["accepted"]  # where the entry came from, not what it says
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


async def import_entries(
    session: AsyncSession, entries: Sequence[Entry], now: datetime
) -> SyncReport:
    """Make the database match the curated files: add, update, retire; idempotent."""
    rows = {
        row.id: row
        for row in await session.scalars(select(EntryRow).options(selectinload(EntryRow.questions)))
    }
    added, updated = [], []
    for entry in entries:
        row = rows.pop(entry.id, None)
        digest = content_hash(entry)
        if row is None:
            session.add(_new_row(entry, digest, now))
            added.append(entry.id)
        elif row.content_hash != digest or row.retired_at is not None:
            _update_row(row, entry, digest, now)
            updated.append(entry.id)
    # Entries accepted from members' lessons have no file (until written back): they stay.
    retired = [
        row.id for row in rows.values() if row.retired_at is None and row.origin == "curated"
    ]
    for row_id in retired:
        rows[row_id].retired_at = now
    await session.flush()
    unchanged = len(entries) - len(added) - len(updated)
    return SyncReport(tuple(added), tuple(updated), tuple(sorted(retired)), unchanged)


def _new_row(entry: Entry, digest: str, now: datetime) -> EntryRow:
    row = EntryRow(id=entry.id, questions=[])
    _update_row(row, entry, digest, now)
    return row


def _update_row(row: EntryRow, entry: Entry, digest: str, now: datetime) -> None:
    row.title = entry.title
    row.answer = entry.answer
    row.tags = list(entry.tags)
    row.countries = list(entry.countries)
    row.sources = [{"title": s.title, "url": s.url} for s in entry.sources]
    row.translations = [asdict(t) for t in entry.translations]
    row.checked = entry.checked
    row.content_hash = digest
    row.updated_at = now
    row.retired_at = None
    row.origin = "curated"  # an accepted lesson whose file was added is curated from now on
    # Curated phrasings follow the file; phrasings attached by curators stay.
    kept = [q for q in row.questions if q.origin != "curated"]
    row.questions = [
        QuestionRow(text=q.text, lang=q.lang, origin="curated") for q in entry.questions
    ] + kept


async def active_entries(session: AsyncSession) -> list[Entry]:
    """Every entry not retired, with all its phrasings, in id order."""
    rows = await session.scalars(
        select(EntryRow)
        .where(EntryRow.retired_at.is_(None))
        .options(selectinload(EntryRow.questions))
        .order_by(EntryRow.id)
    )
    return [_entry(row) for row in rows]


def _entry(row: EntryRow) -> Entry:
    return Entry(
        id=row.id,
        title=row.title,
        answer=row.answer,
        questions=tuple(Question(q.text, q.lang, q.origin == "curated") for q in row.questions),
        tags=tuple(row.tags),
        countries=tuple(row.countries),
        sources=tuple(Source(s["title"], s["url"]) for s in row.sources),
        checked=row.checked,
        accepted=row.origin != "curated",
        translations=tuple(Translation(**t) for t in row.translations or ()),
    )
