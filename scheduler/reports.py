"""Delivery reports: per occurrence and per schedule, for creators and for the CLI."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.storage import utc
from scheduler.schedule_tables import DeliveryRow, OccurrenceRow

# Delivery statuses: pending and sending are still under way; the rest are final.
UNDERWAY = ("pending", "sending")


@dataclass(frozen=True, slots=True)
class OccurrenceReport:
    """What happened to one firing."""

    occurrence_id: int
    schedule_id: int
    fire_at: datetime
    status: str  # delivering, done, missed
    recipients: int
    delivered: int
    failed: int
    blocked: int
    cancelled: int
    pending: int
    failures: dict[str, int] = field(default_factory=dict)  # reason -> count
    duration_seconds: float | None = None  # from the firing to the last message sent

    def as_json(self) -> dict[str, object]:
        """The report as JSON-ready data."""
        return {
            "occurrence": self.occurrence_id,
            "schedule": self.schedule_id,
            "fire_at": self.fire_at.isoformat(),
            "status": self.status,
            "recipients": self.recipients,
            "delivered": self.delivered,
            "failed": self.failed,
            "blocked": self.blocked,
            "cancelled": self.cancelled,
            "pending": self.pending,
            "failures": self.failures,
            "duration_seconds": self.duration_seconds,
        }


async def occurrence_reports(
    sessions: async_sessionmaker[AsyncSession], schedule_id: int
) -> list[OccurrenceReport]:
    """Every firing of a schedule, oldest first."""
    async with sessions() as session:
        occurrences = await session.scalars(
            select(OccurrenceRow)
            .where(OccurrenceRow.schedule_id == schedule_id)
            .order_by(OccurrenceRow.fire_at)
        )
        return [await _report(session, occurrence) for occurrence in occurrences.all()]


async def recent_reports(
    sessions: async_sessionmaker[AsyncSession], limit: int = 10
) -> list[OccurrenceReport]:
    """The latest firings of every schedule, newest first."""
    async with sessions() as session:
        occurrences = await session.scalars(
            select(OccurrenceRow).order_by(OccurrenceRow.fire_at.desc()).limit(limit)
        )
        return [await _report(session, occurrence) for occurrence in occurrences.all()]


async def occurrence_report(
    sessions: async_sessionmaker[AsyncSession], occurrence_id: int
) -> OccurrenceReport:
    """One firing's report."""
    async with sessions() as session:
        occurrence = await session.get(OccurrenceRow, occurrence_id)
        if occurrence is None:
            raise LookupError(f"there is no occurrence {occurrence_id}")
        return await _report(session, occurrence)


async def finish_completed(sessions: async_sessionmaker[AsyncSession], now: datetime) -> list[int]:
    """Mark occurrences with nothing left under way as done; returns their ids, to report once."""
    async with sessions.begin() as session:
        underway = select(DeliveryRow.occurrence_id).where(DeliveryRow.status.in_(UNDERWAY))
        done = list(
            await session.scalars(
                update(OccurrenceRow)
                .where(OccurrenceRow.status == "delivering", OccurrenceRow.id.not_in(underway))
                .values(status="done", finished_at=now)
                .returning(OccurrenceRow.id)
            )
        )
    return sorted(done)


async def _report(session: AsyncSession, occurrence: OccurrenceRow) -> OccurrenceReport:
    rows = (
        await session.execute(
            select(
                DeliveryRow.status,
                DeliveryRow.last_error,
                func.count(),
                func.max(DeliveryRow.sent_at),
            )
            .where(DeliveryRow.occurrence_id == occurrence.id)
            .group_by(DeliveryRow.status, DeliveryRow.last_error)
        )
    ).all()
    counts: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    last_sent: datetime | None = None
    for status, error, count, sent in rows:
        counts[status] += count
        if status == "failed":
            failures[error or "unknown"] += count
        if sent is not None and (last_sent is None or utc(sent) > last_sent):
            last_sent = utc(sent)
    fired = utc(occurrence.fired_at)
    return OccurrenceReport(
        occurrence_id=occurrence.id,
        schedule_id=occurrence.schedule_id,
        fire_at=utc(occurrence.fire_at),
        status=occurrence.status,
        recipients=occurrence.recipients,
        delivered=counts["sent"],
        failed=counts["failed"],
        blocked=counts["blocked"],
        cancelled=counts["cancelled"],
        pending=counts["pending"] + counts["sending"],
        failures=dict(failures),
        duration_seconds=(last_sent - fired).total_seconds() if last_sent else None,
    )
