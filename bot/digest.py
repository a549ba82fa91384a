"""The coordinators' weekly digest: what waits for them in the knowledge base, in their language.

A scheduler chore looks every few minutes; the first look on Monday from 09:00 (network time)
claims the week in the database, so a restart or a second instance never sends it twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from bot import texts
from bot.handlers.handing_off import coordinators_for_all
from bot.handoff_store import ANSWERED, TAUGHT
from bot.handoff_tables import HandoffRow
from bot.reaching import write_to
from bot.services import Services
from core.instance_key import InstanceValue
from core.messaging import Outgoing
from knowledge.curation_tables import GroupRow
from knowledge.quality import quality_report
from knowledge.suggestions import pending, propose
from knowledge.unanswered import OPEN, gather

WEEK_KEY = "digest_week"
MONDAY, NINE = 0, 9
LOOK_EVERY = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Digest:
    """The week's figures."""

    groups: int
    handoffs: int
    submissions: int
    suggestions: int
    low: tuple[str, ...]
    stale: tuple[str, ...]


async def gather_digest(services: Services, since: datetime) -> Digest:
    """What waits: groups new since ``since``, open hand-offs, pending lessons and wordings."""
    now = services.clock.now()
    async with services.sessions.begin() as session:
        await gather(session, now)
        await propose(session, now)
        groups = await session.scalar(
            select(func.count())
            .select_from(GroupRow)
            .where(GroupRow.status == OPEN, GroupRow.created_at >= since)
        )
        handoffs = await session.scalar(
            select(func.count())
            .select_from(HandoffRow)
            .where(HandoffRow.status.not_in((ANSWERED, TAUGHT)))
        )
        suggestions = len(await pending(session))
        quality = await quality_report(session, services.librarian.entries, now.date())
    submissions = len(await services.submissions.listed())
    return Digest(
        int(groups or 0),
        int(handoffs or 0),
        submissions,
        suggestions,
        tuple(q.title for q in quality if q.low_rated),
        tuple(q.title for q in quality if q.stale),
    )


async def send_digest(services: Services, digest: Digest) -> int:
    """The digest to every active coordinator, in their language; how many got it."""
    sent = 0
    for coordinator in await coordinators_for_all(services):
        tr = services.translations(coordinator.language)
        words = tr(texts.DIGEST).format(
            groups=digest.groups,
            handoffs=digest.handoffs,
            submissions=digest.submissions,
            suggestions=digest.suggestions,
            low=", ".join(digest.low) or "-",
            stale=", ".join(digest.stale) or "-",
        )
        message = Outgoing.text(words)
        sent += (
            await write_to(services.messenger, services.members, coordinator, message) is not None
        )
    return sent


async def claim_week(services: Services, week: str) -> bool:
    """Take this week's digest for this instance; False when it was sent already."""
    async with services.sessions.begin() as session:
        changed = await session.execute(
            update(InstanceValue)
            .where(InstanceValue.name == WEEK_KEY, InstanceValue.value != week)
            .values(value=week)
        )
        if changed.rowcount:  # type: ignore[attr-defined]  # a CursorResult for UPDATE
            return True
        if await session.get(InstanceValue, WEEK_KEY) is not None:
            return False
    try:
        async with services.sessions.begin() as session:
            session.add(InstanceValue(name=WEEK_KEY, value=week))
    except IntegrityError:  # another instance claimed the first week
        return False
    return True


def weekly_digest(services: Services) -> Callable[[], Awaitable[int]]:
    """A scheduler chore that sends the digest once a week, Monday from 09:00 network time."""
    last: list[datetime] = []

    async def chore() -> int:
        now = services.clock.now()
        if last and now - last[0] < LOOK_EVERY:
            return 0
        last[:] = [now]
        local = now.astimezone(ZoneInfo(services.zone))
        if local.weekday() != MONDAY or local.hour < NINE:
            return 0
        year, week, _ = local.isocalendar()
        if not await claim_week(services, f"{year}-W{week:02d}"):
            return 0
        return await send_digest(services, await gather_digest(services, now - timedelta(days=7)))

    return chore
