"""How each entry does: how often it was served, how members rated it, and how old its check is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.entry import Entry
from knowledge.entry_tables import AskedRow

STALE_DAYS = 365  # an entry not checked for a year may state old facts
LOW_RATED = 2  # 👎 beyond 👍 by this many marks an entry as low-rated


@dataclass(frozen=True, slots=True)
class EntryQuality:
    """One entry's figures."""

    entry_id: str
    title: str
    served: int  # answered with it directly, or chosen after a clarify
    helpful: int
    not_helpful: int
    picks: int  # chosen among the entries a clarify offered
    days_since_checked: int

    @property
    def stale(self) -> bool:
        """Not checked for a year."""
        return self.days_since_checked > STALE_DAYS

    @property
    def low_rated(self) -> bool:
        """Clearly more 👎 than 👍."""
        return self.not_helpful - self.helpful >= LOW_RATED

    def as_json(self) -> dict[str, object]:
        """The shape of ``mreza kb report --json``."""
        return {
            "id": self.entry_id,
            "served": self.served,
            "helpful": self.helpful,
            "not_helpful": self.not_helpful,
            "clarify_picks": self.picks,
            "days_since_checked": self.days_since_checked,
            "stale": self.stale,
            "low_rated": self.low_rated,
        }


async def quality_report(
    session: AsyncSession, entries: Sequence[Entry], today: date
) -> list[EntryQuality]:
    """Every entry's figures, most served first."""
    served_as = func.coalesce(AskedRow.picked_entry_id, AskedRow.entry_id)
    answered = (AskedRow.decision == "answer") | AskedRow.picked_entry_id.is_not(None)
    rows = await session.execute(
        select(
            served_as,
            func.count(),
            func.sum(case((AskedRow.feedback == 1, 1), else_=0)),
            func.sum(case((AskedRow.feedback == -1, 1), else_=0)),
            func.sum(case((AskedRow.picked_entry_id.is_not(None), 1), else_=0)),
        )
        .where(answered)
        .group_by(served_as)
    )
    figures: dict[str, tuple[int, int, int, int]] = {}
    for entry_id, served, helpful, not_helpful, picks in rows:
        figures[entry_id] = (int(served), int(helpful or 0), int(not_helpful or 0), int(picks or 0))
    report = []
    for e in entries:
        served, helpful, not_helpful, picks = figures.get(e.id, (0, 0, 0, 0))
        days = (today - e.checked).days
        report.append(EntryQuality(e.id, e.title, served, helpful, not_helpful, picks, days))
    return sorted(report, key=lambda q: (-q.served, q.entry_id))
