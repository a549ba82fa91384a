"""The deliveries table as a work queue: claim due rows, keep the claims alive, record outcomes.

A claim turns pending rows into "sending" with this instance's name and the time. On PostgreSQL
the rows are picked with SELECT ... FOR UPDATE SKIP LOCKED, so several instances claiming at
once each get different rows without waiting for one another; SQLite runs one write at a time,
so the same conditional UPDATE is enough there. A claim held by a process that died is noticed
by its age (live holders renew theirs) or by the same instance starting again, and goes back
to pending.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.outcomes import Claimed, Outcome
from scheduler.schedule_tables import DeliveryRow, GroupChatRow

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=60)  # a claim not renewed for this long belongs to a dead process

_RECORD = (
    update(DeliveryRow)
    .where(
        DeliveryRow.id == bindparam("b_id"),
        DeliveryRow.status == "sending",
        DeliveryRow.claimed_by == bindparam("b_instance"),  # a claim taken over is not ours
    )
    .values(
        status=bindparam("b_status"),
        attempts=bindparam("b_attempts"),
        next_attempt_at=bindparam("b_next"),
        sent_at=bindparam("b_sent_at"),
        message_id=bindparam("b_message_id"),
        last_error=bindparam("b_error"),
        claimed_at=None,
        claimed_by=None,
    )
)


class Outbox:
    """Claims and outcomes of one instance, named ``instance`` in the rows it holds."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], instance: str, lease: timedelta = LEASE
    ) -> None:
        self.sessions = sessions
        self.instance = instance
        self.lease = lease

    async def claim(self, now: datetime, limit: int) -> list[Claimed]:
        """Take up to ``limit`` due pending rows, oldest due first."""
        due = (
            select(DeliveryRow.id)
            .where(DeliveryRow.status == "pending", DeliveryRow.next_attempt_at <= now)
            .order_by(DeliveryRow.next_attempt_at, DeliveryRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)  # PostgreSQL: rows another instance is claiming
        )
        # The ids are read first and updated after, in one transaction: as a subquery of the
        # UPDATE, PostgreSQL may run the LIMIT ... SKIP LOCKED select again for each row and
        # claim far more than ``limit``.
        async with self.sessions.begin() as session:
            ids = list(await session.scalars(due))
            if not ids:
                return []
            claim = (
                update(DeliveryRow)
                .where(DeliveryRow.id.in_(ids), DeliveryRow.status == "pending")
                .values(status="sending", claimed_at=now, claimed_by=self.instance)
                .returning(
                    DeliveryRow.id,
                    DeliveryRow.occurrence_id,
                    DeliveryRow.recipient,
                    DeliveryRow.member_id,
                    DeliveryRow.attempts,
                )
                .execution_options(synchronize_session=False)
            )
            rows = (await session.execute(claim)).all()
        return sorted((Claimed(*row) for row in rows), key=lambda job: job.id)

    async def record(self, outcomes: Sequence[Outcome]) -> None:
        """Write outcomes in one transaction (one statement, many rows)."""
        if not outcomes:
            return
        params = [_params(outcome, self.instance) for outcome in outcomes]
        async with self.sessions.begin() as session:
            connection = await session.connection()
            await connection.execute(_RECORD, params)

    async def release(self, ids: Sequence[int]) -> None:
        """Give back claimed rows that were never tried (a graceful stop)."""
        if not ids:
            return
        async with self.sessions.begin() as session:
            await session.execute(
                update(DeliveryRow)
                .where(
                    DeliveryRow.id.in_(ids),
                    DeliveryRow.status == "sending",
                    DeliveryRow.claimed_by == self.instance,
                )
                .values(status="pending", claimed_at=None, claimed_by=None)
                .execution_options(synchronize_session=False)
            )

    async def claimants(self) -> list[str]:
        """The instance names that hold claims now."""
        async with self.sessions() as session:
            found = await session.scalars(
                select(DeliveryRow.claimed_by)
                .where(DeliveryRow.status == "sending", DeliveryRow.claimed_by.is_not(None))
                .distinct()
            )
            return [name for name in found if name is not None]

    async def recover(
        self, now: datetime, starting: bool = False, stopped: Sequence[str] = ()
    ) -> int:
        """Return abandoned claims to pending: expired ones, on start our own earlier ones, and
        those of ``stopped`` instances (known to have stopped, so their claims need not wait)."""
        abandoned = DeliveryRow.claimed_at < now - self.lease
        if starting:  # nothing is in flight here yet: whatever we hold is from a previous run
            abandoned = or_(abandoned, DeliveryRow.claimed_by == self.instance)
        if stopped:
            abandoned = or_(abandoned, DeliveryRow.claimed_by.in_(stopped))
        async with self.sessions.begin() as session:
            result = await session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.status == "sending", abandoned)
                .values(status="pending", claimed_at=None, claimed_by=None)
                .execution_options(synchronize_session=False)
            )
        count: int = getattr(result, "rowcount", 0)
        if count:
            log.warning(
                "took back %d deliveries a stopped process had claimed; they go out again", count
            )
        return count

    async def renew(self, now: datetime) -> None:
        """Keep our claims from looking abandoned while they wait their turn."""
        async with self.sessions.begin() as session:
            await session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.status == "sending", DeliveryRow.claimed_by == self.instance)
                .values(claimed_at=now)
                .execution_options(synchronize_session=False)
            )

    async def leave_group(self, transport: str, chat_id: str) -> None:
        """Mreža was removed from a group: the groups audience stops reaching it."""
        async with self.sessions.begin() as session:
            await session.execute(
                update(GroupChatRow)
                .where(GroupChatRow.transport == transport, GroupChatRow.chat_id == chat_id)
                .values(active=False)
                .execution_options(synchronize_session=False)
            )


def _params(outcome: Outcome, instance: str) -> dict[str, object]:
    return {
        "b_id": outcome.delivery_id,
        "b_instance": instance,
        "b_status": outcome.status,
        "b_attempts": outcome.attempts,
        "b_next": outcome.next_attempt_at,
        "b_sent_at": outcome.sent_at,
        "b_message_id": outcome.message_id,
        "b_error": outcome.error,
    }
