"""Answers to invitations: going, maybe or not going; one per member and event, the last kept."""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.languages import texts
from bot.schedules.composer import ANSWERS
from bot.schedules.live_counts import show_counts


async def answer(turn: Turn, payload: str) -> bool | str:
    """Store the member's answer; the notice, or False for a cancelled or past event."""
    event_id, _, choice = payload.partition(".")
    if not event_id.isdigit() or choice not in ANSWERS or turn.member is None:
        return False
    now = turn.services.clock.now()
    answered = await turn.services.rsvps.answer(int(event_id), turn.member.id, choice, now)
    if answered is None:
        return False
    if answered.changed:  # the same answer again changes no count
        await show_counts(turn.services, answered.event, answered.counts)
    return texts.RSVP_NOTED[choice]
