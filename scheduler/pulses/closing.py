"""Rounds at their deadline: polls stopped, unsent invitations dropped, results to the creator;
and deliveries made to forget whom they went to once they are done: anonymous rounds' (who got
which poll), and every reminder's (a confidential round reminds only those who have not
answered, so its reminders would tell who had).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import String, cast, delete, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.events import Chat
from core.messaging import PollStopper, Sent
from scheduler.composing import Occasion, Recipient
from scheduler.pulses.ballots import Ballots, to_round
from scheduler.pulses.pulse_drafts import KIND, REMINDER_KIND, Mode
from scheduler.pulses.pulse_tables import PulseHandleRow, PulseRoundRow
from scheduler.schedule_tables import DeliveryRow, OccurrenceRow, ScheduleRow

log = logging.getLogger(__name__)
UNDER_WAY = ("pending", "sending")
CLOSED = "the pulse closed before it was sent"
SETTLING = timedelta(hours=1)  # sends under way at a close have ended well within this


class RoundReporter(Protocol):
    """Tells a pulse's creator how a round went."""

    async def report_round(self, round_id: int) -> None:
        """Send the results of a closed round to the pulse's creator."""
        ...


class PollKeeper:
    """After a native poll is sent: its id and place kept, for answers and for closing."""

    def __init__(self, ballots: Ballots) -> None:
        self._ballots = ballots

    async def kept(self, occasion: Occasion, recipient: Recipient, sent: Sent) -> None:
        """Remember the poll of a pulse round; anything else needs nothing."""
        if occasion.kind == KIND and sent.poll_id is not None:
            await self._ballots.keep_poll(
                occasion.occurrence_id, sent.chat, sent.message_id, sent.poll_id
            )


class RoundClosing:
    """A chore of the scheduler, run every tick."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        stopper: PollStopper | None = None,
        reporter: RoundReporter | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._stopper = stopper
        self._reporter = reporter

    async def tick(self) -> None:
        """Close what is due, then make finished deliveries that would tell too much forget
        their members."""
        await self.close_due()
        await self.forget_anonymous()

    async def close_due(self) -> list[int]:
        """Close every round past its deadline (or of a cancelled pulse); returns their ids."""
        now = self._clock.now()
        async with self._sessions() as session:
            due = list(
                await session.scalars(
                    select(PulseRoundRow.occurrence_id).where(
                        PulseRoundRow.closed_at.is_(None), PulseRoundRow.closes_at <= now
                    )
                )
            )
            due += await _cancelled_open_rounds(session)
        closed = [round_id for round_id in sorted(set(due)) if await self._close(round_id)]
        return closed

    async def _close(self, round_id: int) -> bool:
        now = self._clock.now()
        async with self._sessions.begin() as session:
            claimed = await session.execute(
                update(PulseRoundRow)
                .where(PulseRoundRow.occurrence_id == round_id, PulseRoundRow.closed_at.is_(None))
                .values(closed_at=now)
                .execution_options(synchronize_session=False)
            )
            if not getattr(claimed, "rowcount", 0):
                return False  # closed meanwhile by another instance
            await session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.occurrence_id == round_id, DeliveryRow.status == "pending")
                .values(status="cancelled", last_error=CLOSED)
                .execution_options(synchronize_session=False)
            )
            handles = list(
                await session.scalars(
                    select(PulseHandleRow).where(PulseHandleRow.occurrence_id == round_id)
                )
            )
            await session.execute(
                delete(PulseHandleRow).where(PulseHandleRow.occurrence_id == round_id)
            )
        for handle in handles:
            await self._stop(handle)
        log.info("pulse round %s closed; %d polls stopped", round_id, len(handles))
        if self._reporter is not None:
            try:
                await self._reporter.report_round(round_id)
            except Exception:
                log.exception("could not report pulse round %s to its creator", round_id)
        return True

    async def _stop(self, handle: PulseHandleRow) -> None:
        if self._stopper is None:
            return
        try:
            await self._stopper.stop_poll(Chat(handle.transport, handle.chat_id), handle.message_id)
        except Exception as error:  # a poll the member deleted, or a chat gone: nothing to stop
            log.info("could not stop a poll of round %s: %s", handle.occurrence_id, error)

    async def forget_anonymous(self) -> int:
        """Deliveries of anonymous rounds and of all reminders, once done, drop the member."""
        async with self._sessions.begin() as session:
            occurrences = await _telling_occurrences(session, self._clock.now() - SETTLING)
            if not occurrences:
                return 0
            result = await session.execute(
                update(DeliveryRow)
                .where(
                    DeliveryRow.occurrence_id.in_(occurrences),
                    DeliveryRow.status.not_in(UNDER_WAY),
                    DeliveryRow.member_id.is_not(None),
                )
                .values(
                    member_id=None,
                    message_id=None,
                    recipient=literal("done:") + cast(DeliveryRow.id, String),
                )
                .execution_options(synchronize_session=False)
            )
        return int(getattr(result, "rowcount", 0))


async def _cancelled_open_rounds(session: AsyncSession) -> list[int]:
    return list(
        await session.scalars(
            select(PulseRoundRow.occurrence_id)
            .join(ScheduleRow, ScheduleRow.id == PulseRoundRow.pulse_id)
            .where(PulseRoundRow.closed_at.is_(None), ScheduleRow.status == "cancelled")
        )
    )


async def _telling_occurrences(session: AsyncSession, since: datetime) -> list[int]:
    """Occurrences of anonymous rounds, and the reminders of any round, that may still hold
    members: of open rounds, and of those closed since ``since`` (a send under way at the close
    ends later)."""
    rows = await session.execute(
        select(PulseRoundRow, ScheduleRow)
        .join(ScheduleRow, ScheduleRow.id == PulseRoundRow.pulse_id)
        .where(or_(PulseRoundRow.closed_at.is_(None), PulseRoundRow.closed_at > since))
    )
    recent = {
        round_row.occurrence_id: to_round(round_row, schedule) for round_row, schedule in rows
    }
    if not recent:
        return []
    anonymous = [key for key, found in recent.items() if found.pulse.mode is Mode.ANONYMOUS]
    reminders = await session.execute(
        select(OccurrenceRow.id, ScheduleRow.payload)
        .join(ScheduleRow, ScheduleRow.id == OccurrenceRow.schedule_id)
        .where(ScheduleRow.kind == REMINDER_KIND)
    )
    return anonymous + [
        occurrence for occurrence, payload in reminders if payload.get("round") in recent
    ]
