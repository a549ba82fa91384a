"""The review queue of shared lessons: submitted by members, accepted or declined by curators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.member_tables import MemberRow
from bot.submission_tables import SubmissionRow
from knowledge.lessons import Lesson, accept_lesson, entry_id_for
from knowledge.teaching import TeachingRefused

PENDING, ACCEPTED, DECLINED = "pending", "accepted", "declined"
FIELD_LIMIT = 2000  # characters per answer of the form: a lesson, not a report


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

    def as_json(self) -> dict[str, object]:
        """The shape of ``mreza kb submissions --json``."""
        return {
            "id": self.id,
            "status": self.status,
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
        }


class SubmissionBook:
    """Keeps the review queue."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def submit(
        self, member_id: int, lesson: Lesson, credit: bool, language: str, now: datetime
    ) -> int:
        """Put a lesson in the queue; its number."""
        row = SubmissionRow(
            member_id=member_id,
            credit=credit,
            situation=lesson.situation,
            action=lesson.action,
            worked=lesson.worked,
            not_worked=lesson.not_worked,
            country=lesson.country,
            tags=list(lesson.tags),
            language=language,
            status=PENDING,
            created_at=now,
        )
        async with self._sessions.begin() as session:
            session.add(row)
        return row.id

    async def listed(self, status: str | None = PENDING) -> list[Submission]:
        """The submissions in one state (all with None), oldest first."""
        query = select(SubmissionRow).order_by(SubmissionRow.id)
        if status is not None:
            query = query.where(SubmissionRow.status == status)
        async with self._sessions() as session:
            rows = list(await session.scalars(query))
            return [await _submission(session, row) for row in rows]

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
        return chosen_id

    async def decline(self, number: int, note: str, now: datetime) -> None:
        """Decline a pending lesson; the note goes to its author."""
        if not note.strip():
            raise TeachingRefused("empty", "a decline needs a note for the author")
        async with self._sessions.begin() as session:
            row = await _pending(session, number)
            row.status, row.note, row.decided_at = DECLINED, note.strip(), now

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
    row = await session.get(SubmissionRow, number)
    if row is None:
        raise TeachingRefused("no-group", f"there is no submission {number}")
    if row.status != PENDING:
        raise TeachingRefused("decided", f"submission {number} was already {row.status}")
    return row


async def _submission(session: AsyncSession, row: SubmissionRow) -> Submission:
    author = None
    if row.credit and row.member_id is not None:
        member = await session.get(MemberRow, row.member_id)
        author = member.name if member is not None and member.name else None
    lesson = Lesson(
        row.situation, row.action, row.worked, row.not_worked, row.country, tuple(row.tags), author
    )
    return Submission(
        id=row.id,
        member_id=row.member_id,
        lesson=lesson,
        language=row.language,
        status=row.status,
        note=row.note,
        entry_id=row.entry_id,
        created_at=row.created_at,
    )
