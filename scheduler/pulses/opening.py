"""Firing rules of pulses: a round opens with its reminder, and reminders skip who answered."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.members import Member
from core.storage import insert_ignoring_duplicates
from scheduler.pulses.ballots import load_round, opened, pulse_of
from scheduler.pulses.pseudonyms import Pseudonyms
from scheduler.pulses.pulse_drafts import REMINDER_KIND, Mode
from scheduler.pulses.pulse_tables import PulseAnswerRow, PulseRoundRow
from scheduler.schedule_tables import ScheduleRow

log = logging.getLogger(__name__)


class RoundOpening:
    """Kind "pulse": each firing opens a round and plans its reminder."""

    async def recipients(
        self, session: AsyncSession, schedule: ScheduleRow, members: list[Member]
    ) -> list[Member]:
        """Everyone in the audience."""
        return members

    async def fired(
        self, session: AsyncSession, schedule: ScheduleRow, occurrence_id: int, fire_at: datetime
    ) -> None:
        """Open the round; a reminder goes out after ``remind_after`` if it is still open then."""
        pulse = pulse_of(schedule)
        dialect = session.get_bind().dialect.name
        row = opened(occurrence_id, schedule.id, fire_at, pulse)
        await session.execute(insert_ignoring_duplicates(dialect, PulseRoundRow, [row]))
        if pulse.remind_after is None or pulse.remind_after >= pulse.open_for:
            return
        at = fire_at + pulse.remind_after
        payload: dict[str, object] = {
            "pulse": schedule.id,
            "round": occurrence_id,
            "question": pulse.question,
            "closes_at": (fire_at + pulse.open_for).isoformat(),
            "zone": schedule.zone,
        }
        session.add(
            ScheduleRow(
                kind=REMINDER_KIND,
                status="active",
                version=1,
                audience=schedule.audience,
                starts_local=at.astimezone(ZoneInfo(schedule.zone)).replace(tzinfo=None),
                zone=schedule.zone,
                rule=None,
                next_fire_at=at,
                payload=payload,
                language=schedule.language,
                # The reminder repeats the question, so it keeps the question's versions.
                versions={
                    form: {"question": fields["question"]}
                    for form, fields in schedule.versions.items()
                    if "question" in fields
                },
                created_by=schedule.created_by,
                created_at=fire_at,
                updated_at=fire_at,
            )
        )


class ReminderNarrowing:
    """Kind "pulse-reminder": confidential rounds remind only who has not answered."""

    def __init__(self, pseudonyms: Pseudonyms) -> None:
        self._pseudonyms = pseudonyms

    async def recipients(
        self, session: AsyncSession, schedule: ScheduleRow, members: list[Member]
    ) -> list[Member]:
        """Nobody once the round has closed; in anonymous rounds, everyone."""
        round_id = schedule.payload.get("round")
        found = await load_round(session, round_id) if isinstance(round_id, int) else None
        if found is None or found.closed:
            return []
        if found.pulse.mode is Mode.ANONYMOUS:
            return members
        if not self._pseudonyms.keyed:  # start-up refuses this; never guess who answered
            log.error("round %s is confidential and no secret key is set: no reminder", found.id)
            return []
        answered = set(
            await session.scalars(
                select(PulseAnswerRow.respondent).where(PulseAnswerRow.occurrence_id == found.id)
            )
        )
        return [m for m in members if self._pseudonyms.respondent(found.id, m.id) not in answered]

    async def fired(
        self, session: AsyncSession, schedule: ScheduleRow, occurrence_id: int, fire_at: datetime
    ) -> None:
        """Nothing to add."""
