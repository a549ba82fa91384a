"""Members' lessons learnt, accepted by a curator, become entries served at once.

An accepted lesson lives in the database (origin "accepted") until ``mreza kb write-back``
drafts it as a file; importing the curated files never retires it. A curator's draft is a
lesson too: a title and an answer written for a group of unanswered questions, whose wordings
become the entry's phrasings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core import markup
from knowledge.card import TELEGRAM_TEXT_LIMIT, card_html, visible_length
from knowledge.entry import COUNTRIES, Entry
from knowledge.entry_tables import EntryRow, QuestionRow
from knowledge.normalise import words
from knowledge.teaching import (
    ATTACHED_ORIGIN,
    TeachingRefused,
    add_phrasings,
    guess_language,
)

ACCEPTED = "accepted"
TITLE_LIMIT = 80
FIELD_LIMIT = 2000  # characters per answer of the form: a lesson, not a report
TAG_LIMIT = 5
SLUG_WORDS = 6
TEXT_FIELDS = ("situation", "action", "worked", "not_worked")
FIELDS = ("title", *TEXT_FIELDS, "answer", "country", "tags")  # what a reviewer may change


class FieldInvalid(ValueError):
    """A value a lesson's field cannot take; ``code`` names the problem, ``values`` its details."""

    def __init__(self, code: str, message: str, **values: object) -> None:
        super().__init__(message)
        self.code = code  # "empty", "too-long", "markup", "answer-too-long", "country", "field"
        self.values = values


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
    given_title: str | None = None  # a curator's, instead of the situation's first line
    given_answer: str | None = None  # a curator's, instead of one composed of the fields
    phrasings: tuple[str, ...] = ()  # members' questions the entry is to answer

    @property
    def title(self) -> str:
        """The curator's title, or a first one: the situation's first line, shortened."""
        if self.given_title:
            return self.given_title
        first = self.situation.strip().splitlines()[0] if self.situation.strip() else "Lesson"
        return first if len(first) <= TITLE_LIMIT else first[: TITLE_LIMIT - 1].rstrip() + "…"

    def answer(self) -> str:
        """The entry's answer in the knowledge base's Markdown subset.

        A question a coordinator answered (nothing on what worked) is just that answer.
        """
        credit = f"_Shared by {self.author} ({self.country})._" if self.author else ""
        if self.given_answer:
            return "\n\n".join(part for part in (self.given_answer.strip(), credit) if part)
        if not self.worked.strip() and not self.not_worked.strip():
            return self.action.strip()
        parts = [
            f"**Situation.** {self.situation.strip()}",
            f"**What was done.** {self.action.strip()}",
            f"**What worked.** {self.worked.strip()}",
            f"**What did not.** {self.not_worked.strip()}",
        ]
        return "\n\n".join([*parts, credit] if credit else parts)

    def revised(self, field: str, text: str) -> Lesson:
        """The lesson with one field changed, checked as the form and the knowledge base would."""
        if field not in FIELDS:
            raise FieldInvalid("field", f"there is no field {field!r} (known: {', '.join(FIELDS)})")
        if field == "title":
            return replace(self, given_title=checked_title(text))
        if field == "answer":
            return replace(self, given_answer=checked_answer(text, self.title))
        if field == "country":
            return replace(self, country=checked_country(text))
        if field == "tags":
            return replace(self, tags=tags_of(text))
        changed: dict[str, Any] = {field: checked_text(text)}  # one of TEXT_FIELDS
        return replace(self, **changed)


def checked_title(text: str) -> str:
    """A title on one line, not empty, at most TITLE_LIMIT characters."""
    title = " ".join(text.split())
    if not title:
        raise FieldInvalid("empty", "the title is empty")
    if len(title) > TITLE_LIMIT:
        raise FieldInvalid(
            "too-long", f"the title is longer than {TITLE_LIMIT} characters", limit=TITLE_LIMIT
        )
    return title


def checked_answer(text: str, title: str) -> str:
    """An answer the knowledge base takes: valid markup, one Telegram message with its title."""
    answer = text.strip()
    if not answer:
        raise FieldInvalid("empty", "the answer is empty")
    problems = markup.problems(answer)
    if problems:
        reason = problems[0]
        raise FieldInvalid("markup", f"the answer has invalid markup: {reason}", reason=reason)
    length = visible_length(card_html(_shown(title, answer)))
    if length > TELEGRAM_TEXT_LIMIT:
        raise FieldInvalid(
            "answer-too-long",
            f"the answer is too long for one Telegram message: {length} characters with its "
            f"title, the limit is {TELEGRAM_TEXT_LIMIT}",
            length=length,
            limit=TELEGRAM_TEXT_LIMIT,
        )
    return answer


def checked_text(text: str) -> str:
    """One of the form's answers: not empty, at most FIELD_LIMIT characters."""
    value = text.strip()
    if not value:
        raise FieldInvalid("empty", "the text is empty")
    if len(value) > FIELD_LIMIT:
        raise FieldInvalid(
            "too-long", f"the text is longer than {FIELD_LIMIT} characters", limit=FIELD_LIMIT
        )
    return value


def checked_country(text: str) -> str:
    """One of the network's countries, or "regional"."""
    value = "regional" if text.strip().lower() == "regional" else text.strip().upper()
    if value not in COUNTRIES:
        known = ", ".join(COUNTRIES)
        raise FieldInvalid("country", f"unknown country {text!r} (known: {known})")
    return value


def tags_of(text: str) -> tuple[str, ...]:
    """Comma-separated keywords as slugs, as the form makes them; none is allowed."""
    tags = ("-".join(words(part))[:40].strip("-") for part in text.split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))[:TAG_LIMIT]


def _shown(title: str, answer: str) -> Entry:
    """The entry as members would first see it: no sources yet."""
    return Entry("draft", title, answer, (), (), (), (), date.min)


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
    try:  # four full answers of the form make more than one message
        checked_answer(lesson.answer(), title)
    except FieldInvalid as problem:
        raise TeachingRefused(
            "not-an-entry", f"{problem}; write a shorter answer with edit --answer first"
        ) from problem
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
    await add_phrasings(session, entry_id, lesson.phrasings)  # and bumps the revision
    return entry_id
