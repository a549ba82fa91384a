"""A schedule as coordinators see it in lists: what, for whom, when next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.storage import utc
from scheduler.schedule_tables import ScheduleRow


@dataclass(frozen=True, slots=True)
class ScheduleView:
    """A schedule as coordinators see it in lists."""

    id: int
    kind: str
    status: str
    audience: str
    summary: str  # the announcement's text or the event's title
    rule: str | None
    next_fire_at: datetime | None
    created_by: int | None
    event_id: int | None


def view(row: ScheduleRow) -> ScheduleView:
    """The row as a view."""
    payload = row.payload
    summary = str(payload.get("text") or payload.get("title") or payload.get("question") or "")
    next_fire = utc(row.next_fire_at) if row.next_fire_at else None
    return ScheduleView(
        row.id,
        row.kind,
        row.status,
        row.audience,
        summary,
        row.rule,
        next_fire,
        row.created_by,
        row.event_id,
    )
