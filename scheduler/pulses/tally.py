"""Results of pulse rounds as the privacy rules allow, read from the answers table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.pulses.ballots import pulse_of, to_round
from scheduler.pulses.disclosure import Answer, Results, results, suppressed
from scheduler.pulses.pulse_drafts import KIND, Mode
from scheduler.pulses.pulse_tables import PulseAnswerRow, PulseCommentRow, PulseRoundRow
from scheduler.pulses.respondents import Groups, Respondents
from scheduler.pulses.rounds import Pulse, Round
from scheduler.schedule_tables import OccurrenceRow, ScheduleRow

UNKNOWN = "unknown"  # the group of answers with no country or role (anonymous ones)


@dataclass(frozen=True, slots=True)
class RoundResults:
    """One round and what may be shown of it."""

    round: Round
    results: Results


class Tally:
    """Reads answers and applies the rules; ``k`` is the smallest group shown.

    Breakdowns by country and role need ``respondents`` (and the secret key it holds); without
    them every answer counts in the group "unknown".
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        k: int,
        respondents: Respondents | None = None,
    ) -> None:
        self._sessions = sessions
        self.k = k
        self._respondents = respondents

    async def _groups(self, found: Round) -> dict[str, Groups]:
        return {} if self._respondents is None else await self._respondents.groups(found)

    async def pulse(self, pulse_id: int) -> Pulse | None:
        """A pulse by id; None if there is no such pulse."""
        async with self._sessions() as session:
            schedule = await session.get(ScheduleRow, pulse_id)
        if schedule is None or schedule.kind != KIND:
            return None
        return pulse_of(schedule)

    async def recent_pulses(self, limit: int = 5) -> list[Pulse]:
        """The newest pulses that have opened at least once."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(ScheduleRow)
                .where(ScheduleRow.kind == KIND)
                .where(ScheduleRow.id.in_(select(PulseRoundRow.pulse_id)))
                .order_by(ScheduleRow.id.desc())
                .limit(limit)
            )
            return [pulse_of(row) for row in rows]

    async def confidential_under_way(self) -> list[int]:
        """Confidential pulses still to fire, or with a round still open."""
        async with self._sessions() as session:
            open_rounds = select(PulseRoundRow.pulse_id).where(PulseRoundRow.closed_at.is_(None))
            schedules = await session.scalars(
                select(ScheduleRow).where(
                    ScheduleRow.kind == KIND,
                    (ScheduleRow.status == "active") | ScheduleRow.id.in_(open_rounds),
                )
            )
            return [row.id for row in schedules if pulse_of(row).mode is Mode.CONFIDENTIAL]

    async def rounds(self, pulse_id: int) -> list[Round]:
        """Every round of a pulse, oldest first."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(PulseRoundRow, ScheduleRow)
                .join(ScheduleRow, ScheduleRow.id == PulseRoundRow.pulse_id)
                .where(PulseRoundRow.pulse_id == pulse_id)
                .order_by(PulseRoundRow.opens_at)
            )
            return [to_round(round_row, schedule) for round_row, schedule in rows]

    async def of_round(self, found: Round, seed: int | None = None) -> RoundResults:
        """A round's results under the rules (comments shuffled by ``seed``)."""
        async with self._sessions() as session:
            answers = list(
                await session.scalars(
                    select(PulseAnswerRow).where(PulseAnswerRow.occurrence_id == found.id)
                )
            )
            comments = list(
                await session.scalars(
                    select(PulseCommentRow.text).where(PulseCommentRow.occurrence_id == found.id)
                )
            )
            invited = await session.scalar(
                select(OccurrenceRow.recipients).where(OccurrenceRow.id == found.id)
            )
        groups = await self._groups(found)
        shown = results(
            [_answer(row, groups) for row in answers],
            found.pulse.scale,
            len(found.pulse.labels),
            self.k,
            invited or None,
            seed,
            comments,
        )
        return RoundResults(found, shown)

    async def export(self, pulse_id: int) -> list[dict[str, object]]:
        """One row per answer, without respondent or time of day; small groups left blank."""
        lines: list[dict[str, object]] = []
        for found in await self.rounds(pulse_id):
            async with self._sessions() as session:
                answers = list(
                    await session.scalars(
                        select(PulseAnswerRow).where(PulseAnswerRow.occurrence_id == found.id)
                    )
                )
            if len(answers) < max(self.k, 3):
                continue  # the rules hide the round, the export does too
            groups = await self._groups(found)
            rows = [_answer(row, groups) for row in answers]
            hidden_countries = suppressed(_sizes(a.country for a in rows), self.k)
            hidden_roles = suppressed(_sizes(a.role for a in rows), self.k)
            # A row shows both groups, so their pairs must be as large: the only coordinator
            # of a country would otherwise be the row with that country and that role.
            hidden_pairs = suppressed(_sizes(_pair(a) for a in rows), self.k)
            labels = found.pulse.labels
            for row in sorted(rows, key=lambda a: (a.choices, a.value or 0)):
                paired = _pair(row) not in hidden_pairs
                lines.append(
                    {
                        "round": found.opens_at.date().isoformat(),
                        "answer": "; ".join(labels[c] for c in row.choices),
                        "value": "" if row.value is None else row.value,
                        "country": _unless_hidden(row.country, hidden_countries) if paired else "",
                        "role": _unless_hidden(row.role, hidden_roles) if paired else "",
                    }
                )
        return lines


def _answer(row: PulseAnswerRow, groups: dict[str, Groups]) -> Answer:
    found = groups.get(row.respondent, Groups())
    return Answer(tuple(row.choices), row.value, "", found.country, found.role)


def _pair(answer: Answer) -> str:
    return f"{answer.country}|{answer.role}"


def _sizes(values: Iterable[str]) -> dict[str, int]:
    return dict(Counter(value or UNKNOWN for value in values))


def _unless_hidden(group: str, hidden: set[str]) -> str:
    """The group's name, or blank where the rules hide the group."""
    return "" if (group or UNKNOWN) in hidden else group
