"""Teaching from the queue: a group's questions become phrasings of an entry, are dismissed, or
go with a draft of a new entry to the review queue.

Every change to what search knows bumps the knowledge revision, so every running instance
rebuilds its index before its next search (see Librarian.ask_logged).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.instance_key import InstanceValue
from core.language_guess import guess_language as guess_text_language
from knowledge.curation_tables import GroupQuestionRow, GroupRow
from knowledge.entry_tables import AskedRow, EntryRow, QuestionRow
from knowledge.normalise import normalise
from knowledge.unanswered import ATTACHED, DISMISSED, DRAFTED, OPEN, distinct_phrasings

REVISION = "kb_revision"
ATTACHED_ORIGIN = "attached"


class TeachingRefused(Exception):
    """A curator's decision that cannot be carried out; ``str()`` says why, ``code`` what."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code  # "no-group", "no-entry", "decided", or why a value was refused


@dataclass(frozen=True, slots=True)
class Attached:
    """What attaching a group did."""

    group_id: int
    entry_id: str
    added: tuple[str, ...]  # the phrasings that were new to the entry


async def attach(session: AsyncSession, group_id: int, entry_id: str, now: datetime) -> Attached:
    """Make a group's questions alternate phrasings of an entry; refused if it cannot be."""
    group = await open_group(session, group_id)
    added = await add_phrasings(session, entry_id, await phrasings_of(session, group_id))
    group.status, group.entry_id, group.decided_at = ATTACHED, entry_id, now
    return Attached(group_id, entry_id, added)


async def add_phrasings(
    session: AsyncSession, entry_id: str, texts: Sequence[str]
) -> tuple[str, ...]:
    """Add members' wordings to an entry as attached phrasings; those that were new to it."""
    entry = await session.get(EntryRow, entry_id)
    if entry is None or entry.retired_at is not None:
        raise TeachingRefused("no-entry", f"there is no entry {entry_id!r}")
    known = {
        normalise(text)
        for text in await session.scalars(
            select(QuestionRow.text).where(QuestionRow.entry_id == entry_id)
        )
    }
    added = []
    for text in texts:
        if text.strip() and normalise(text) not in known:
            known.add(normalise(text))
            language = guess_language(text)
            session.add(
                QuestionRow(entry_id=entry_id, text=text, lang=language, origin=ATTACHED_ORIGIN)
            )
            added.append(text)
    await bump_revision(session)
    return tuple(added)


async def dismiss(session: AsyncSession, group_id: int, now: datetime) -> None:
    """Mark a group out of scope: it leaves the queue, similar questions join it quietly, and
    search declines its questions and their close variants from then on."""
    group = await open_group(session, group_id)
    group.status, group.decided_at = DISMISSED, now
    await bump_revision(session)


async def reopen(session: AsyncSession, group_id: int) -> None:
    """Undo a dismissal: the group is back in the queue and search answers its questions again."""
    group = await session.get(GroupRow, group_id)
    if group is None:
        raise TeachingRefused("no-group", f"there is no unanswered group {group_id}")
    if group.status != DISMISSED:
        raise TeachingRefused("not-dismissed", f"group {group_id} was not dismissed")
    group.status, group.decided_at = OPEN, None
    await bump_revision(session)


async def dismissed_questions(session: AsyncSession) -> tuple[str, ...]:
    """The questions of every dismissed group, for search to decline."""
    found = await session.scalars(
        select(AskedRow.text)
        .join(GroupQuestionRow, GroupQuestionRow.asked_id == AskedRow.id)
        .join(GroupRow, GroupRow.id == GroupQuestionRow.group_id)
        .where(GroupRow.status == DISMISSED)
        .order_by(AskedRow.id)
    )
    return tuple(dict.fromkeys(found))


async def draft_from(session: AsyncSession, group_id: int, now: datetime) -> tuple[str, ...]:
    """Close a group for a draft of a new entry; its questions, to become the entry's phrasings.

    Of two curators drafting the same group at once, one gets it and the other a refusal.
    """
    await open_group(session, group_id)
    claimed = await session.execute(
        update(GroupRow)
        .where(GroupRow.id == group_id, GroupRow.status == OPEN)
        .values(status=DRAFTED, decided_at=now)
    )
    if not claimed.rowcount:  # type: ignore[attr-defined]  # a CursorResult for UPDATE
        raise TeachingRefused("decided", f"group {group_id} was decided a moment ago")
    return await phrasings_of(session, group_id)


async def phrasings_of(session: AsyncSession, group_id: int) -> tuple[str, ...]:
    """Every distinct wording of a group's questions, most asked first."""
    return tuple(distinct_phrasings(await _questions(session, group_id)))


async def draft_settled(
    session: AsyncSession, group_id: int, entry_id: str | None, now: datetime
) -> None:
    """A group's draft was reviewed: accepted, the group is attached to the new entry; declined,
    it is open again, for another decision."""
    group = await session.get(GroupRow, group_id)
    if group is None or group.status != DRAFTED:
        return
    if entry_id is None:
        group.status, group.decided_at = OPEN, None
    else:
        group.status, group.entry_id, group.decided_at = ATTACHED, entry_id, now


async def open_group(session: AsyncSession, group_id: int) -> GroupRow:
    """The group, if it still waits for a decision; refused with what became of it otherwise."""
    group = await session.get(GroupRow, group_id)
    if group is None:
        raise TeachingRefused("no-group", f"there is no unanswered group {group_id}")
    if group.status == ATTACHED:
        raise TeachingRefused(
            "decided", f"group {group_id} is already attached to {group.entry_id!r}"
        )
    if group.status == DRAFTED:
        raise TeachingRefused(
            "decided", f"group {group_id} was already drafted as a new entry, waiting for review"
        )
    if group.status != OPEN:
        raise TeachingRefused("decided", f"group {group_id} was already dismissed")
    return group


async def _questions(session: AsyncSession, group_id: int) -> list[AskedRow]:
    return list(
        await session.scalars(
            select(AskedRow)
            .join(GroupQuestionRow, GroupQuestionRow.asked_id == AskedRow.id)
            .where(GroupQuestionRow.group_id == group_id)
            .order_by(AskedRow.id)
        )
    )


async def bump_revision(session: AsyncSession) -> str:
    """Note that what search knows has changed; the new revision."""
    value = secrets.token_hex(8)
    row = await session.get(InstanceValue, REVISION)
    if row is None:
        session.add(InstanceValue(name=REVISION, value=value))
    else:
        row.value = value
    await session.flush()
    return value


async def revision(session: AsyncSession) -> str:
    """The knowledge revision ("" before anything was ever taught)."""
    value = await session.scalar(select(InstanceValue.value).where(InstanceValue.name == REVISION))
    return value or ""


def guess_language(text: str) -> str:
    """The language form of a member's question, as the entry format names them."""
    guess = guess_text_language(text)
    return guess.language.value if guess else "en"
