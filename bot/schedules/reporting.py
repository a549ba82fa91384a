"""Delivery reports for whoever scheduled a message, in their language, after each occurrence."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.conversation.reaching import write_to
from bot.languages import texts
from bot.languages.i18n import Translations
from bot.languages.times import local_time, span
from bot.schedules.describing import excerpt, kind_words
from core.members import Language, MemberDirectory
from core.messaging import Messenger, Outgoing
from scheduler.reports import OccurrenceReport, occurrence_report
from scheduler.schedule_tables import ScheduleRow


class CreatorReports:
    """Implements scheduler.composing.Reporter: tells the schedule's creator how it went."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        members: MemberDirectory,
        messenger: Messenger,
        translations: Translations,
    ) -> None:
        self._sessions = sessions
        self._members = members
        self._messenger = messenger
        self._translations = translations

    async def report(self, occurrence_id: int) -> None:
        """Send one occurrence's report to its creator, if there is one and they are active."""
        found = await occurrence_report(self._sessions, occurrence_id)
        async with self._sessions() as session:
            schedule = await session.get(ScheduleRow, found.schedule_id)
        if schedule is None or schedule.created_by is None:
            return  # scheduled from the CLI: the operator reads `mreza announce report`
        creator = await self._members.get(schedule.created_by)
        if creator is None:
            return
        text = report_text(found, schedule, self._translations, creator.language)
        await write_to(self._messenger, self._members, creator, Outgoing.text(text))

    async def stopped(self, schedule_id: int) -> None:
        """Tell the creator their schedule was switched off because its rule cannot be used."""
        async with self._sessions() as session:
            schedule = await session.get(ScheduleRow, schedule_id)
        if schedule is None or schedule.created_by is None:
            return  # scheduled from the CLI: `mreza announce list` shows it stopped
        creator = await self._members.get(schedule.created_by)
        if creator is None:
            return
        tr = self._translations(creator.language)
        text = tr(texts.REPORT_STOPPED).format(
            kind=kind_words(schedule.kind, tr),
            id=schedule.id,
            summary=excerpt(_summary(schedule)),
            rule=schedule.rule,
        )
        await write_to(self._messenger, self._members, creator, Outgoing.text(_capital(text)))


def report_text(
    report: OccurrenceReport, schedule: ScheduleRow, translations: Translations, language: Language
) -> str:
    """The report in words: the counts and reasons, or that it was missed and not sent late."""
    tr = translations(language)
    about = {
        "kind": kind_words(schedule.kind, tr),
        "id": schedule.id,
        "summary": excerpt(_summary(schedule)),
        "when": f"{local_time(report.fire_at, schedule.zone)} ({schedule.zone})",
    }
    if report.status == "missed":
        return _capital(tr(texts.REPORT_MISSED).format(**about))
    duration = report.duration_seconds
    lines = [
        tr(texts.REPORT).format(
            **about,
            recipients=report.recipients,
            delivered=report.delivered,
            failed=report.failed,
            blocked=report.blocked,
            pending=report.pending,
            duration="-"
            if duration is None
            else span(timedelta(seconds=round(duration)), language),
        )
    ]
    if report.cancelled:
        lines.append(tr(texts.REPORT_CANCELLED).format(cancelled=report.cancelled))
    if report.failures:
        lines += ["", tr(texts.REPORT_REASONS)]
        lines += [f"• {reason}: {count}" for reason, count in sorted(report.failures.items())]
    return "\n".join(lines)


def _summary(schedule: ScheduleRow) -> str:
    payload = schedule.payload
    return str(payload.get("text") or payload.get("title") or payload.get("question") or "")


def _capital(text: str) -> str:
    """The kind's name starts the sentence."""
    return text[:1].upper() + text[1:]
