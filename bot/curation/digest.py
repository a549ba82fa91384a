"""The coordinators' weekly digest: what waits for them in the knowledge base, in their language.

A scheduler chore looks every few minutes; the first look on Monday from 09:00 (network time)
claims the week in the database, so a restart or a second instance never sends it twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.conversation.reaching import write_to
from bot.conversation.services import Services
from bot.languages import texts
from bot.members.coordinators import coordinators_for_all
from core.messaging import Outgoing

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
    backlog = await services.digests.backlog(since, services.librarian.entries, now)
    submissions = len(await services.submissions.listed())
    return Digest(
        backlog.groups,
        backlog.handoffs,
        submissions,
        backlog.suggestions,
        backlog.low,
        backlog.stale,
    )


async def send_digest(services: Services, digest: Digest) -> int:
    """The digest to every active coordinator, in their language; how many got it."""
    sent = 0
    for coordinator in await coordinators_for_all(services.members):
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
        if not await services.digests.claim_week(f"{year}-W{week:02d}"):
            return 0
        return await send_digest(services, await gather_digest(services, now - timedelta(days=7)))

    return chore
