"""Wordings worth teaching, proposed from what members did; never added without a curator.

Two signals: several members who got "clarify" for similar wordings picked the same entry, or
a member rated an answer 👎, asked again in other words right away, and rated that answer 👍:
their first wording is proposed for the entry that helped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.curation_tables import SuggestionRow
from knowledge.entry_tables import AskedRow, QuestionRow
from knowledge.normalise import normalise
from knowledge.teaching import TeachingRefused, add_phrasings
from knowledge.unanswered import SIMILAR

SEVERAL = 2  # members who must pick the same entry for similar wording
RIGHT_AWAY = timedelta(minutes=10)  # a rephrasing, not a new question
PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed alternate question for an entry."""

    id: int
    text: str
    entry_id: str
    reason: str
    members: int

    def as_json(self) -> dict[str, object]:
        """The shape of ``mreza kb suggestions --json``."""
        return {
            "id": self.id,
            "text": self.text,
            "entry_id": self.entry_id,
            "reason": self.reason,
            "members": self.members,
        }


async def propose(session: AsyncSession, now: datetime) -> int:
    """Look at what members did and store new suggestions; how many are new."""
    found = _from_clarify_picks(await _picks(session)) + _from_rephrasings(await _rated(session))
    known = {(row.normalised, row.entry_id) for row in await session.scalars(select(SuggestionRow))}
    phrased = {(normalise(q.text), q.entry_id) for q in await session.scalars(select(QuestionRow))}
    added = 0
    for text, entry_id, reason, members in found:
        key = (normalise(text), entry_id)
        if key in known or key in phrased or not key[0]:
            continue
        known.add(key)
        session.add(
            SuggestionRow(
                text=text,
                normalised=key[0],
                entry_id=entry_id,
                reason=reason,
                members=members,
                status=PENDING,
                created_at=now,
            )
        )
        added += 1
    await session.flush()
    return added


async def _picks(session: AsyncSession) -> list[AskedRow]:
    query = select(AskedRow).where(AskedRow.picked_entry_id.is_not(None)).order_by(AskedRow.id)
    return list(await session.scalars(query))


async def _rated(session: AsyncSession) -> list[AskedRow]:
    query = select(AskedRow).where(AskedRow.member_id.is_not(None)).order_by(AskedRow.id)
    return list(await session.scalars(query))


_Found = list[tuple[str, str, str, int]]  # text, entry, reason, members


def _from_clarify_picks(picks: Sequence[AskedRow]) -> _Found:
    """Similar wordings whose askers picked the same entry, when several members did."""
    clusters: list[tuple[str, list[AskedRow]]] = []  # (entry, rows) of similar wordings
    for row in picks:
        assert row.picked_entry_id is not None  # selected so
        for entry_id, rows in clusters:
            if entry_id == row.picked_entry_id and _similar(rows[0].normalised, row.normalised):
                rows.append(row)
                break
        else:
            clusters.append((row.picked_entry_id, [row]))
    found: _Found = []
    for entry_id, rows in clusters:
        members = {r.member_id for r in rows if r.member_id is not None}
        if len(members) >= SEVERAL:
            found.append((rows[0].text.strip(), entry_id, "clarify", len(members)))
    return found


def _from_rephrasings(rows: Sequence[AskedRow]) -> _Found:
    """A 👎, then right away the same member's next question answered and rated 👍."""
    previous: dict[int, AskedRow] = {}
    found: _Found = []
    for row in rows:
        assert row.member_id is not None  # selected so
        before = previous.get(row.member_id)
        previous[row.member_id] = row
        helped = row.picked_entry_id or (row.entry_id if row.decision == "answer" else None)
        if before is None or row.feedback != 1 or helped is None or before.feedback != -1:
            continue
        if row.asked_at - before.asked_at <= RIGHT_AWAY and before.entry_id != helped:
            found.append((before.text.strip(), helped, "rephrase", 1))
    return found


def _similar(a: str, b: str) -> bool:
    return fuzz.token_sort_ratio(a, b) >= SIMILAR


async def pending(session: AsyncSession) -> list[Suggestion]:
    """The suggestions waiting for a curator, best backed first."""
    rows = await session.scalars(
        select(SuggestionRow)
        .where(SuggestionRow.status == PENDING)
        .order_by(SuggestionRow.members.desc(), SuggestionRow.id)
    )
    return [Suggestion(r.id, r.text, r.entry_id, r.reason, r.members) for r in rows]


async def decide(session: AsyncSession, number: int, accept: bool, now: datetime) -> Suggestion:
    """Accept (the wording becomes a phrasing of its entry, in effect at once) or reject."""
    row = await session.get(SuggestionRow, number)
    if row is None:
        raise TeachingRefused("no-group", f"there is no suggestion {number}")
    if row.status != PENDING:
        raise TeachingRefused("decided", f"suggestion {number} was already {row.status}")
    if accept:
        await add_phrasings(session, row.entry_id, [row.text])
    row.status, row.decided_at = (ACCEPTED if accept else REJECTED), now
    return Suggestion(row.id, row.text, row.entry_id, row.reason, row.members)
