"""Answers to invitations: going, maybe or not going; one per member and event, the last kept."""

from __future__ import annotations

from sqlalchemy import func, select

from bot import texts
from bot.composer import ANSWERS
from bot.live_counts import show_counts
from bot.turn import Turn
from bot.upsert import upsert
from core.storage import utc
from scheduler.tables import EventRow, RsvpRow


async def answer(turn: Turn, payload: str) -> bool | str:
    """Store the member's answer; the notice, or False for a cancelled or past event."""
    event_id, _, choice = payload.partition(".")
    if not event_id.isdigit() or choice not in ANSWERS or turn.member is None:
        return False
    now = turn.services.clock.now()
    async with turn.services.sessions.begin() as session:
        event = await session.get(EventRow, int(event_id))
        if event is None or event.status != "active" or utc(event.ends_at) <= now:
            return False
        before = await session.scalar(
            select(RsvpRow.answer).where(
                RsvpRow.event_id == event.id, RsvpRow.member_id == turn.member.id
            )
        )
        values: dict[str, object] = {"event_id": event.id, "member_id": turn.member.id,
                                     "answer": choice, "answered_at": now}  # fmt: skip
        dialect = session.get_bind().dialect.name
        await session.execute(upsert(dialect, RsvpRow, values, ["event_id", "member_id"]))
        counts = dict(
            (
                await session.execute(
                    select(RsvpRow.answer, func.count())
                    .where(RsvpRow.event_id == event.id)
                    .group_by(RsvpRow.answer)
                )
            ).all()
        )
    if before != choice:  # the same answer again changes no count
        await show_counts(turn.services, event, counts)
    return texts.RSVP_NOTED[choice]
