"""The knowledge base in the database: imported from YAML, read back as entries."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.entry import Entry, Question, Source, Translation
from knowledge.entry_tables import EntryRow, QuestionRow


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What an import changed."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    retired: tuple[str, ...]
    unchanged: int


@lru_cache(maxsize=4096)  # an entry is immutable: a process fingerprints each one once
def content_hash(entry: Entry) -> str:
    """A fingerprint of everything curated in an entry."""
    data = asdict(entry)
    del data["accepted"]  # where the entry came from, not what it says
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


async def import_entries(
    session: AsyncSession, entries: Sequence[Entry], now: datetime
) -> SyncReport:
    """Make the database match the curated files: add, update, retire; idempotent.

    Only the rows that changed are loaded whole: a start on an unchanged knowledge base reads
    one fingerprint per entry.
    """
    known = {
        row.id: row
        for row in await session.execute(
            select(EntryRow.id, EntryRow.content_hash, EntryRow.retired_at, EntryRow.origin)
        )
    }
    added, changed = [], {}
    for entry in entries:
        row = known.pop(entry.id, None)
        digest = content_hash(entry)
        if row is None:
            session.add(_new_row(entry, digest, now))
            added.append(entry.id)
        elif row.content_hash != digest or row.retired_at is not None:
            changed[entry.id] = (entry, digest)
    if changed:
        rows = await session.scalars(
            select(EntryRow)
            .where(EntryRow.id.in_(list(changed)))
            .options(selectinload(EntryRow.questions))
        )
        for whole in rows:
            _update_row(whole, *changed[whole.id], now)
    # Entries accepted from members' lessons have no file (until written back): they stay.
    retired = sorted(
        row.id for row in known.values() if row.retired_at is None and row.origin == "curated"
    )
    if retired:
        await session.execute(
            update(EntryRow).where(EntryRow.id.in_(retired)).values(retired_at=now)
        )
    await session.flush()
    updated = [entry_id for entry_id in (e.id for e in entries) if entry_id in changed]
    unchanged = len(entries) - len(added) - len(updated)
    return SyncReport(tuple(added), tuple(updated), tuple(retired), unchanged)


async def update_entry(session: AsyncSession, entry: Entry, now: datetime) -> None:
    """Make one entry's row match its file, as an import would, leaving every other entry be."""
    row = await session.scalar(
        select(EntryRow).where(EntryRow.id == entry.id).options(selectinload(EntryRow.questions))
    )
    if row is None:
        session.add(_new_row(entry, content_hash(entry), now))
    else:
        _update_row(row, entry, content_hash(entry), now)
    await session.flush()


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
    row.kind = entry.kind
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
    """Every entry not retired, with all its phrasings, in id order.

    Read as plain rows rather than ORM objects: nothing here is changed, and a start reads
    every phrasing of every entry.
    """
    active = EntryRow.retired_at.is_(None)
    phrasings: dict[str, list[Question]] = {}
    for q in await session.execute(
        select(QuestionRow.entry_id, QuestionRow.text, QuestionRow.lang, QuestionRow.origin)
        .join(EntryRow, EntryRow.id == QuestionRow.entry_id)
        .where(active)
        .order_by(QuestionRow.entry_id, QuestionRow.id)
    ):
        phrasings.setdefault(q.entry_id, []).append(Question(q.text, q.lang, q.origin == "curated"))
    rows = await session.execute(select(*_ENTRY_COLUMNS).where(active).order_by(EntryRow.id))
    return [_entry(row, phrasings.get(row.id, [])) for row in rows]


_ENTRY_COLUMNS = (
    EntryRow.id, EntryRow.title, EntryRow.answer, EntryRow.tags, EntryRow.countries,
    EntryRow.sources, EntryRow.checked, EntryRow.origin, EntryRow.translations, EntryRow.kind,
)  # fmt: skip


def _entry(row: Any, questions: list[Question]) -> Entry:  # a row of _ENTRY_COLUMNS
    return Entry(
        id=row.id,
        title=row.title,
        answer=row.answer,
        questions=tuple(questions),
        tags=tuple(row.tags),
        countries=tuple(row.countries),
        sources=tuple(Source(s["title"], s["url"]) for s in row.sources),
        checked=row.checked,
        accepted=row.origin != "curated",
        translations=tuple(Translation(**t) for t in row.translations or ()),
        kind=row.kind,
    )
