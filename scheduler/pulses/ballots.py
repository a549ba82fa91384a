"""Casting answers to pulse rounds: checked, keyed by pseudonym, replaced when changed."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.events import Chat
from core.members import Member
from core.storage import insert_ignoring_duplicates, utc
from scheduler.pulses.pseudonyms import Pseudonyms
from scheduler.pulses.pulse_drafts import Mode
from scheduler.pulses.pulse_tables import (
    PulseAnswerRow,
    PulseCommentRow,
    PulseHandleRow,
    PulsePollRow,
    PulseRoundRow,
    PulseVoterRow,
)
from scheduler.pulses.rounds import Pulse, Round
from scheduler.schedule_tables import ScheduleRow

COMMENT_LIMIT = 1000


class BallotError(ValueError):
    """An answer that cannot count; ``code``: unknown, closed, choice, once, empty, too-long."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class Ballots:
    """Rounds looked up, and answers and comments stored, without names."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], pseudonyms: Pseudonyms, clock: Clock
    ) -> None:
        self._sessions = sessions
        self._pseudonyms = pseudonyms
        self._clock = clock

    async def round(self, round_id: int) -> Round | None:
        """A round by its id (its occurrence's)."""
        async with self._sessions() as session:
            return await load_round(session, round_id)

    async def round_of_poll(self, poll_id: str) -> Round | None:
        """The round a native poll was sent for."""
        async with self._sessions() as session:
            round_id = await session.scalar(
                select(PulsePollRow.occurrence_id).where(PulsePollRow.poll_id == poll_id)
            )
            return await load_round(session, round_id) if round_id is not None else None

    async def open_round(self, round_id: int) -> Round:
        """The round, if answers still count in it."""
        found = await self.round(round_id)
        if found is None:
            raise BallotError("unknown")
        if not found.is_open(self._clock.now()):
            raise BallotError("closed")
        return found

    async def cast(self, round_: Round, member: Member, picks: Sequence[int]) -> None:
        """A member's answer: option indexes (scales: the index of the value); none retracts."""
        pulse = round_.pulse
        _check_picks(pulse, picks)
        if pulse.mode is Mode.ANONYMOUS:
            await self._cast_anonymously(round_, member, picks)
            return
        respondent = self._pseudonyms.respondent(round_.id, member.id)
        async with self._sessions.begin() as session:
            await session.execute(
                delete(PulseAnswerRow).where(
                    PulseAnswerRow.occurrence_id == round_.id,
                    PulseAnswerRow.respondent == respondent,
                )
            )
            if picks:
                session.add(self._answer(round_, respondent, picks))

    async def cast_in_poll(self, round_: Round, poll_id: str, picks: Sequence[int]) -> None:
        """An anonymous native poll's answer: the poll's one voter, whoever that is."""
        _check_picks(round_.pulse, picks)
        respondent = self._pseudonyms.poll(poll_id)
        async with self._sessions.begin() as session:
            await session.execute(
                delete(PulseAnswerRow).where(
                    PulseAnswerRow.occurrence_id == round_.id,
                    PulseAnswerRow.respondent == respondent,
                )
            )
            if picks:
                session.add(self._answer(round_, respondent, picks))

    async def picks(self, round_: Round, member: Member) -> tuple[int, ...]:
        """What a member answered in a confidential round so far (empty if nothing)."""
        if round_.pulse.mode is Mode.ANONYMOUS:
            return ()
        respondent = self._pseudonyms.respondent(round_.id, member.id)
        async with self._sessions() as session:
            row = await session.scalar(
                select(PulseAnswerRow).where(
                    PulseAnswerRow.occurrence_id == round_.id,
                    PulseAnswerRow.respondent == respondent,
                )
            )
        return tuple(row.choices) if row is not None else ()

    async def comment(self, round_: Round, member: Member, text: str) -> None:
        """A comment without a name or time; in a confidential round a new one replaces the last.

        Its pseudonym is not its answer's, so nothing in the database joins the two.
        """
        text = text.strip()
        if not text:
            raise BallotError("empty")
        if len(text) > COMMENT_LIMIT:
            raise BallotError("too-long")
        respondent = None
        if round_.pulse.mode is Mode.CONFIDENTIAL:
            respondent = self._pseudonyms.commenter(round_.id, member.id)
        async with self._sessions.begin() as session:
            if respondent is not None:
                await session.execute(
                    delete(PulseCommentRow).where(
                        PulseCommentRow.occurrence_id == round_.id,
                        PulseCommentRow.respondent == respondent,
                    )
                )
            session.add(PulseCommentRow(occurrence_id=round_.id, respondent=respondent, text=text))

    async def keep_poll(self, round_id: int, chat: Chat, message_id: str, poll_id: str) -> None:
        """Remember a poll that was sent: its id for the answers, where it is for closing it."""
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            row = {"poll_id": poll_id, "occurrence_id": round_id}
            await session.execute(insert_ignoring_duplicates(dialect, PulsePollRow, [row]))
            session.add(
                PulseHandleRow(
                    occurrence_id=round_id,
                    transport=chat.transport,
                    chat_id=chat.id,
                    message_id=message_id,
                )
            )

    async def _cast_anonymously(self, round_: Round, member: Member, picks: Sequence[int]) -> None:
        """One answer per member, stored apart from the token that says they have voted."""
        if not picks:
            raise BallotError("once")  # a retraction would need to know which answer was theirs
        token = self._pseudonyms.voter(round_.id, member.id)
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            voter = {"occurrence_id": round_.id, "token": token}
            inserted = await session.scalar(
                insert_ignoring_duplicates(dialect, PulseVoterRow, [voter]).returning(
                    PulseVoterRow.id
                )
            )
            if inserted is None:
                raise BallotError("once")
            session.add(self._answer(round_, secrets.token_hex(16), picks))

    @staticmethod
    def _answer(round_: Round, respondent: str, picks: Sequence[int]) -> PulseAnswerRow:
        """The stored answer: no group and no time, which could single a member out."""
        return PulseAnswerRow(
            occurrence_id=round_.id,
            respondent=respondent,
            choices=sorted(set(picks)),
            value=round_.pulse.value_of(picks[0]),
        )


def _check_picks(pulse: Pulse, picks: Sequence[int]) -> None:
    if any(not 0 <= pick < len(pulse.labels) for pick in picks):
        raise BallotError("choice")
    if len(picks) > 1 and not pulse.multiple:
        raise BallotError("choice")


async def load_round(session: AsyncSession, round_id: int) -> Round | None:
    """A round with its pulse as the schedule describes it now."""
    row = await session.get(PulseRoundRow, round_id)
    if row is None:
        return None
    schedule = await session.get(ScheduleRow, row.pulse_id)
    if schedule is None:
        return None
    return to_round(row, schedule)


def to_round(row: PulseRoundRow, schedule: ScheduleRow) -> Round:
    """A round from its row and its pulse's schedule."""
    pulse = pulse_of(schedule)
    closed = row.closed_at is not None or schedule.status == "cancelled"
    return Round(row.occurrence_id, pulse, utc(row.opens_at), utc(row.closes_at), closed)


def pulse_of(schedule: ScheduleRow) -> Pulse:
    """The pulse a schedule of kind "pulse" holds."""
    return Pulse.from_schedule(
        schedule.id, schedule.payload, schedule.audience, schedule.created_by
    )


def opened(round_id: int, pulse_id: int, fire_at: datetime, pulse: Pulse) -> dict[str, object]:
    """The row of a round that opens now."""
    return {
        "occurrence_id": round_id,
        "pulse_id": pulse_id,
        "opens_at": fire_at,
        "closes_at": fire_at + pulse.open_for,
    }
