"""The review queue: lessons members shared and entries curators drafted, edited by curators
before they are accepted or declined."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.lessons.submission_tables import SubmissionRow
from bot.members.member_tables import MemberRow
from knowledge.lessons import FIELDS, Lesson, accept_lesson, entry_id_for
from knowledge.teaching import TeachingRefused, draft_from, draft_settled

PENDING, ACCEPTED, DECLINED = "pending", "accepted", "declined"


@dataclass(frozen=True, slots=True)
class Submission:
    """One shared lesson and where it stands."""

    id: int
    member_id: int | None
    lesson: Lesson
    language: str
    status: str
    note: str | None
    entry_id: str | None
    created_at: datetime
    group_id: int | None = None  # the unanswered group a curator drafted it from

    @property
    def drafted(self) -> bool:
        """True for a curator's draft from an unanswered group, not a member's lesson."""
        return self.group_id is not None

    def as_json(self) -> dict[str, object]:
        """The shape of ``mreza kb submissions --json``."""
        return {
            "id": self.id,
            "status": self.status,
            "title": self.lesson.title,
            "answer": self.lesson.given_answer,  # None: made of the fields below
            "situation": self.lesson.situation,
            "action": self.lesson.action,
            "worked": self.lesson.worked,
            "not_worked": self.lesson.not_worked,
            "country": self.lesson.country,
            "tags": list(self.lesson.tags),
            "credit": self.lesson.author is not None,
            "submitted": self.created_at.isoformat(),
            "note": self.note,
            "entry_id": self.entry_id,
            "group": self.group_id,
            "phrasings": list(self.lesson.phrasings),
        }


class SubmissionBook:
    """Keeps the review queue."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def submit(
        self, member_id: int, lesson: Lesson, credit: bool, language: str, now: datetime
    ) -> int:
        """Put a lesson in the queue; its number."""
        row = _row(lesson, member_id, credit, language, now)
        async with self._sessions.begin() as session:
            session.add(row)
        return row.id

    async def draft(
        self, group_id: int, draft: Lesson, member_id: int | None, language: str, now: datetime
    ) -> Submission:
        """Put a curator's draft of a new entry in the queue, with the group's questions as its
        phrasings, and take the group off the unanswered queue; the draft as it waits.

        Refused (FieldInvalid, TeachingRefused) with nothing stored if it cannot be.
        """
        checked = draft.revised("title", draft.given_title or "")
        checked = checked.revised("answer", draft.given_answer or "")
        checked = checked.revised("country", draft.country)
        async with self._sessions.begin() as session:
            phrasings = await draft_from(session, group_id, now)
            row = _row(checked, member_id, False, language, now)
            row.phrasings, row.group_id = list(phrasings), group_id
            session.add(row)
            await session.flush()
            return await _submission(session, row)

    async def edit(self, number: int, changes: Mapping[str, str]) -> Submission:
        """Change fields of a pending submission (title before answer); it as it is now.

        Refused (FieldInvalid, TeachingRefused) with nothing changed if one change cannot be.
        """
        async with self._sessions.begin() as session:
            row = await _pending(session, number)
            lesson = (await _submission(session, row)).lesson
            for field in sorted(changes, key=lambda f: FIELDS.index(f) if f in FIELDS else -1):
                lesson = lesson.revised(field, changes[field])
            _store(row, lesson)
            return await _submission(session, row)

    async def listed(self, status: str | None = PENDING) -> list[Submission]:
        """The submissions in one state (all with None), oldest first."""
        query = select(SubmissionRow).order_by(SubmissionRow.id)
        if status is not None:
            query = query.where(SubmissionRow.status == status)
        async with self._sessions() as session:
            rows = list(await session.scalars(query))
            return [await _submission(session, row) for row in rows]

    async def get(self, number: int) -> Submission | None:
        """One submission, in whatever state; None when there is no such number."""
        async with self._sessions() as session:
            row = await session.get(SubmissionRow, number)
            return None if row is None else await _submission(session, row)

    async def accept(
        self, number: int, now: datetime, title: str | None = None, entry_id: str | None = None
    ) -> str:
        """Make a pending lesson an entry, in effect at once; the entry's id."""
        async with self._sessions.begin() as session:
            row = await _pending(session, number)
            found = await _submission(session, row)
            chosen_title = (title or found.lesson.title).strip()
            chosen_id = entry_id or entry_id_for(chosen_title, number)
            await accept_lesson(session, found.lesson, chosen_id, chosen_title, now)
            row.status, row.entry_id, row.decided_at = ACCEPTED, chosen_id, now
            if row.group_id is not None:
                await draft_settled(session, row.group_id, chosen_id, now)
        return chosen_id

    async def decline(self, number: int, note: str, now: datetime) -> None:
        """Decline a pending lesson; the note goes to its author, a draft's group is open again."""
        if not note.strip():
            raise TeachingRefused("empty", "a decline needs a note for the author")
        async with self._sessions.begin() as session:
            row = await _pending(session, number)
            row.status, row.note, row.decided_at = DECLINED, note.strip(), now
            if row.group_id is not None:
                await draft_settled(session, row.group_id, None, now)

    async def untold(self) -> list[Submission]:
        """Decided submissions whose authors have not heard yet."""
        query = select(SubmissionRow).where(
            SubmissionRow.status != PENDING, SubmissionRow.author_told_at.is_(None)
        )
        async with self._sessions() as session:
            rows = list(await session.scalars(query.order_by(SubmissionRow.id)))
            return [await _submission(session, row) for row in rows]

    async def told(self, number: int, now: datetime) -> bool:
        """Note the author heard; False when another instance told them first."""
        query = (
            update(SubmissionRow)
            .where(SubmissionRow.id == number, SubmissionRow.author_told_at.is_(None))
            .values(author_told_at=now)
        )
        async with self._sessions.begin() as session:
            result = await session.execute(query)
        return bool(result.rowcount)  # type: ignore[attr-defined]  # a CursorResult for UPDATE


async def _pending(session: AsyncSession, number: int) -> SubmissionRow:
    # Locked on PostgreSQL: an edit and an accept of the same submission happen one after the other.
    row = await session.get(SubmissionRow, number, with_for_update=True)
    if row is None:
        raise TeachingRefused("no-group", f"there is no submission {number}")
    if row.status != PENDING:
        raise TeachingRefused("decided", f"submission {number} was already {row.status}")
    return row


def _row(
    lesson: Lesson, member_id: int | None, credit: bool, language: str, now: datetime
) -> SubmissionRow:
    row = SubmissionRow(
        member_id=member_id, credit=credit, language=language, status=PENDING, created_at=now
    )
    _store(row, lesson)
    return row


def _store(row: SubmissionRow, lesson: Lesson) -> None:
    """Write what a lesson says into its row (never the author's name: see _submission)."""
    row.situation, row.action = lesson.situation, lesson.action
    row.worked, row.not_worked = lesson.worked, lesson.not_worked
    row.country, row.tags = lesson.country, list(lesson.tags)
    row.title, row.answer = lesson.given_title, lesson.given_answer


async def _submission(session: AsyncSession, row: SubmissionRow) -> Submission:
    author = None
    if row.credit and row.member_id is not None:
        member = await session.get(MemberRow, row.member_id)
        author = member.name if member is not None and member.name else None
    lesson = Lesson(
        row.situation, row.action, row.worked, row.not_worked, row.country, tuple(row.tags),
        author, row.title, row.answer, tuple(row.phrasings or ()),
    )  # fmt: skip
    return Submission(
        id=row.id,
        member_id=row.member_id,
        lesson=lesson,
        language=row.language,
        status=row.status,
        note=row.note,
        entry_id=row.entry_id,
        created_at=row.created_at,
        group_id=row.group_id,
    )
