"""The unanswered queue: questions answered "I don't know" or rated 👎, grouped by similarity.

Grouping is incremental and stored, so a group keeps its id from one look to the next and a
curator's decision about it sticks: a new question joins the most similar open (or dismissed, or
drafted) group, or starts one of its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz, process
from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.storage import utc
from knowledge.curation_tables import GroupQuestionRow, GroupRow
from knowledge.entry_tables import AskedRow

# token_sort_ratio on normalised text: 75 keeps "what's the weather in Podgorica" and
# "weather in podgorica today" together, and "weather" apart from "weather in Skopje reports".
SIMILAR = 75.0
EXAMPLES = 3  # distinct phrasings shown per group
OPEN, ATTACHED, DISMISSED, DRAFTED = "open", "attached", "dismissed", "drafted"


@dataclass(frozen=True, slots=True)
class Group:
    """One group of similar unanswered questions, as curators see it: never who asked."""

    id: int
    count: int
    examples: tuple[str, ...]
    countries: tuple[tuple[str, int], ...]  # (country, questions), most first
    first_seen: datetime
    last_seen: datetime
    status: str
    entry_id: str | None

    def as_json(self) -> dict[str, object]:
        """The shape of ``mreza kb unanswered --json``."""
        return {
            "id": self.id,
            "count": self.count,
            "examples": list(self.examples),
            "countries": dict(self.countries),
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
        }


async def gather(session: AsyncSession, now: datetime) -> int:
    """Put every ungrouped unanswered or 👎-rated question into a group; how many were placed."""
    grouped = select(GroupQuestionRow.asked_id)
    waiting = await session.scalars(
        select(AskedRow)
        .where(
            or_(AskedRow.decision == "none", AskedRow.feedback == -1),
            AskedRow.id.not_in(grouped),
            AskedRow.normalised != "",  # emoji or punctuation alone: nothing a curator can use
        )
        .order_by(AskedRow.id)
    )
    candidates = list(await session.scalars(select(GroupRow).where(GroupRow.status != ATTACHED)))
    placed = 0
    for asked in waiting:
        group = _closest(asked.normalised, candidates)
        if group is None:
            group = GroupRow(normalised=asked.normalised, status=OPEN, created_at=now)
            session.add(group)
            await session.flush()
            candidates.append(group)
        session.add(GroupQuestionRow(asked_id=asked.id, group_id=group.id))
        placed += 1
    await session.flush()
    return placed


def _closest(normalised: str, groups: list[GroupRow]) -> GroupRow | None:
    if not groups or not normalised:
        return None
    found = process.extractOne(
        normalised,
        [g.normalised for g in groups],
        scorer=fuzz.token_sort_ratio,
        score_cutoff=SIMILAR,
    )
    return groups[found[2]] if found else None


async def open_groups(session: AsyncSession) -> list[Group]:
    """Every open group, largest first, then the most recently asked."""
    rows = {r.id: r for r in await session.scalars(select(GroupRow).where(GroupRow.status == OPEN))}
    members: dict[int, list[AskedRow]] = {number: [] for number in rows}
    found = await session.execute(
        select(GroupQuestionRow.group_id, AskedRow)
        .join(AskedRow, GroupQuestionRow.asked_id == AskedRow.id)
        .where(GroupQuestionRow.group_id.in_(rows))
        .order_by(AskedRow.id)
    )
    for number, asked in found:
        members[number].append(asked)
    groups = [describe(rows[number], asked) for number, asked in members.items()]
    return sorted(groups, key=lambda g: (-g.count, -g.last_seen.timestamp(), g.id))


def describe(row: GroupRow, asked: list[AskedRow]) -> Group:
    """One group with its counts, dates, examples and countries."""
    return Group(
        id=row.id,
        count=len(asked),
        examples=tuple(distinct_phrasings(asked)[:EXAMPLES]),
        countries=tuple(Counter(a.country or "?" for a in asked).most_common()),
        first_seen=utc(min(a.asked_at for a in asked)) if asked else utc(row.created_at),
        last_seen=utc(max(a.asked_at for a in asked)) if asked else utc(row.created_at),
        status=row.status,
        entry_id=row.entry_id,
    )


def distinct_phrasings(asked: list[AskedRow]) -> list[str]:
    """The texts of the questions, one per normalised form, most asked first."""
    counts = Counter(a.normalised for a in asked)
    first: dict[str, str] = {}
    for a in asked:
        first.setdefault(a.normalised, a.text.strip())
    return [first[n] for n, _ in counts.most_common() if n]


async def group_count(session: AsyncSession) -> int:
    """How many groups are open."""
    found = await session.scalar(
        select(func.count()).select_from(GroupRow).where(GroupRow.status == OPEN)
    )
    return int(found or 0)
