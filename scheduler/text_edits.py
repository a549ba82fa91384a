"""New words for what is already scheduled: an announcement's text, an event's title and
description, a pulse's question. Each edit passes the same draft check as creation, so nothing
is stored that could not have been scheduled that way; a version in another language form
changes only that version, and the others stay as they are."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.members import Language
from core.storage import utc
from scheduler.audience import Audience
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import KIND as PULSE
from scheduler.pulses.pulse_drafts import Mode, PulseDraft
from scheduler.pulses.pulse_tables import PulseRoundRow
from scheduler.schedule_drafts import AnnouncementDraft, EventDraft, ScheduleError, When
from scheduler.schedule_rows import (
    ScheduleView,
    active_row,
    find_event,
    find_row,
    text_or_none,
    view_of,
)
from scheduler.schedule_tables import EventRow, ScheduleRow
from scheduler.versions import stored


@dataclass(frozen=True, slots=True)
class EventTexts:
    """An event's words as its author wrote them."""

    event_id: int
    title: str
    description: str


class TextEdits:
    """Changing the words of schedules that have not gone out (or, for pulses, not opened)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    async def announcement(
        self, schedule_id: int, text: str, language: Language | None
    ) -> ScheduleView:
        """New text for an announcement, or for its version in ``language``."""
        async with self._sessions.begin() as session:
            row = await active_row(session, schedule_id)
            if row.kind != "announcement":
                raise ScheduleError("kind", f"schedule {schedule_id} is not an announcement")
            if _is_author(row.language, language):
                link = text_or_none(row.payload.get("link"))
                AnnouncementDraft(text, Audience.parse(row.audience), When(), link).check(
                    self._clock.now()
                )
                row.payload = {**row.payload, "text": text}
            else:
                assert language is not None  # another form than the author's was named
                AnnouncementDraft(text, Audience(everyone=True)).check(self._clock.now())
                row.versions = {**row.versions, language.value: {"text": text}}
            return self._touched(row)

    async def event_texts(self, event_id: int) -> EventTexts:
        """An event's title and description; ``ScheduleError("unknown")`` when there is none."""
        async with self._sessions() as session:
            event = await find_event(session, event_id)
            return EventTexts(event.id, event.title, event.description)

    async def event(
        self, event_id: int, title: str, description: str, language: Language | None
    ) -> EventTexts:
        """A new title and description for an event still ahead, or for one version of them;
        its invitation and reminders not yet sent carry the new words."""
        now = self._clock.now()
        async with self._sessions.begin() as session:
            event = await find_event(session, event_id)
            if event.status != "active":
                raise ScheduleError("ended", f"event {event_id} is {event.status}")
            draft = EventDraft(
                title, utc(event.starts_at), utc(event.ends_at), Audience.parse(event.audience),
                description=description, place=event.place, zone=event.zone,
            )  # fmt: skip
            if _is_author(event.language, language):
                draft.check(now)
                event.title, event.description = title.strip(), description.strip()
                await _retitle(session, event)
            else:
                assert language is not None  # another form than the author's was named
                versioned = EventDraft(
                    event.title, draft.starts, draft.ends, draft.audience,
                    description=event.description, place=event.place, zone=event.zone,
                    language=_author(event.language), versions={language: (title, description)},
                )  # fmt: skip
                versioned.check(now)
                event.versions = {**event.versions, **stored(versioned.version_fields())}
            # A calendar app replaces the entry it holds only when SEQUENCE grows.
            event.sequence += 1
            return EventTexts(event.id, event.title, event.description)

    async def pulse(
        self, schedule_id: int, question: str, language: Language | None
    ) -> ScheduleView:
        """A new question for a pulse (or for one version of it) before its first round opens:
        once members were asked, their answers belong to the question they saw."""
        async with self._sessions.begin() as session:
            row = await find_row(session, schedule_id)
            if row.kind != PULSE:
                raise ScheduleError("kind", f"schedule {schedule_id} is not a pulse")
            if await _opened(session, schedule_id):
                raise ScheduleError(
                    "opened", f"pulse {schedule_id} has already asked its question; start a new one"
                )
            row = await active_row(session, schedule_id)
            draft = _pulse_draft(row)
            if _is_author(row.language, language):
                replace(draft, question=question).check(self._clock.now())
                row.payload = {**row.payload, "question": question.strip()}
            else:
                assert language is not None  # another form than the author's was named
                version = row.versions.get(language.value)
                if version is None:
                    raise ScheduleError(
                        "no-version", f"pulse {schedule_id} has no {language.value} version"
                    )
                options = _texts(version.get("options"))
                forms = {language: (question, options)}
                replace(draft, versions=forms).check(self._clock.now())
                row.versions = {
                    **row.versions, language.value: {**version, "question": question.strip()}
                }  # fmt: skip
            return self._touched(row)

    def _touched(self, row: ScheduleRow) -> ScheduleView:
        row.version += 1
        row.updated_at = self._clock.now()
        return view_of(row)


def _author(language: str | None) -> Language:
    return Language(language) if language else Language.EN


def _is_author(author: str | None, language: Language | None) -> bool:
    return language is None or language.value == author


async def _retitle(session: AsyncSession, event: EventRow) -> None:
    """The event's schedules still to fire name it by its new title."""
    rows = await session.scalars(
        select(ScheduleRow).where(ScheduleRow.event_id == event.id, ScheduleRow.status == "active")
    )
    for row in rows:
        row.payload = {**row.payload, "title": event.title}
        row.version += 1


async def _opened(session: AsyncSession, schedule_id: int) -> bool:
    rounds = await session.scalar(
        select(func.count()).select_from(PulseRoundRow).where(PulseRoundRow.pulse_id == schedule_id)
    )
    return bool(rounds)


def _pulse_draft(row: ScheduleRow) -> PulseDraft:
    """The pulse as it was drafted, read back from what its schedule keeps."""
    payload = row.payload
    remind = payload.get("remind_minutes")
    return PulseDraft(
        str(payload.get("question", "")),
        Audience.parse(row.audience),
        scale=Scale(str(payload.get("scale", Scale.OPTIONS.value))),
        options=_texts(payload.get("options")),
        multiple=bool(payload.get("multiple")),
        comment=bool(payload.get("comment")),
        open_for=timedelta(minutes=_number(payload.get("open_minutes"))),
        remind_after=timedelta(minutes=int(remind)) if isinstance(remind, int) else None,
        mode=Mode(str(payload.get("mode", Mode.CONFIDENTIAL.value))),
        language=_author(row.language),
    )


def _texts(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _number(value: object) -> int:
    return value if isinstance(value, int) else 0
