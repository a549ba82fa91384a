"""Which group chats an audience reaches: all active ones, or the chosen ones still active."""

from __future__ import annotations

from sqlalchemy import Select, select

from scheduler.audience import Audience
from scheduler.schedule_tables import GroupChatRow


def chats_reached(audience: Audience) -> Select[GroupChatRow]:
    """The active group chats ``audience`` reaches (none when it reaches no chat)."""
    query = select(GroupChatRow).where(GroupChatRow.active)
    if audience.groups:
        return query
    return query.where(GroupChatRow.id.in_(sorted(audience.chats)))
