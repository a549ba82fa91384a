"""Members' lessons learnt, accepted by a curator, become entries served at once.

An accepted lesson lives in the database (origin "accepted") until ``mreza kb write-back``
drafts it as a file; importing the curated files never retires it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.normalise import words
from knowledge.tables import EntryRow, QuestionRow
from knowledge.teaching import ATTACHED_ORIGIN, TeachingRefused, bump_revision, guess_language

ACCEPTED = "accepted"
TITLE_LIMIT = 80
SLUG_WORDS = 6


@dataclass(frozen=True, slots=True)
class Lesson:
    """What a member shared: the situation, what was done, what worked and what did not."""

    situation: str
    action: str
    worked: str
    not_worked: str
    country: str
    tags: tuple[str, ...]
    author: str | None = None  # only when they agreed to be named

    @property
    def title(self) -> str:
        """A first title: the situation's first line, shortened."""
        first = self.situation.strip().splitlines()[0] if self.situation.strip() else "Lesson"
        return first if len(first) <= TITLE_LIMIT else first[: TITLE_LIMIT - 1].rstrip() + "…"

    def answer(self) -> str:
        """The entry's answer in the knowledge base's Markdown subset.

        A question a coordinator answered (nothing on what worked) is just that answer.
        """
        if not self.worked.strip() and not self.not_worked.strip():
            return self.action.strip()
        parts = [
            f"**Situation.** {self.situation.strip()}",
            f"**What was done.** {self.action.strip()}",
            f"**What worked.** {self.worked.strip()}",
            f"**What did not.** {self.not_worked.strip()}",
        ]
        if self.author:
            parts.append(f"_Shared by {self.author} ({self.country})._")
        return "\n\n".join(parts)


def entry_id_for(title: str, number: int) -> str:
    """A slug id: the title's first words, then the submission's number to keep it unique."""
    head = "-".join(w for w in words(title)[:SLUG_WORDS] if w.isalnum()) or "lesson"
    return f"{head}-{number}"


async def accept_lesson(
    session: AsyncSession, lesson: Lesson, entry_id: str, title: str, now: datetime
) -> str:
    """Add the lesson as an entry whose title is its first phrasing; its id."""
    if await session.get(EntryRow, entry_id) is not None:
        raise TeachingRefused("decided", f"there is already an entry {entry_id!r}")
    session.add(
        EntryRow(
            id=entry_id,
            title=title,
            answer=lesson.answer(),
            tags=list(lesson.tags),
            countries=[lesson.country],
            sources=[],
            checked=now.date(),
            content_hash="",
            updated_at=now,
            origin=ACCEPTED,
            questions=[QuestionRow(text=title, lang=guess_language(title), origin=ATTACHED_ORIGIN)],
        )
    )
    await session.flush()
    await bump_revision(session)
    return entry_id
