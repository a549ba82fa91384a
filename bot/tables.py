"""Every table of Mreža, imported in one place so that migrations see them all."""

from bot.member_tables import IdentityRow, InviteRow, MemberRow, RefusalRow
from bot.state_tables import DialogRow, EventMessageRow
from core.instance_key import InstanceValue
from knowledge.tables import AskedRow, EntryRow, QuestionRow
from scheduler.tables import (
    DeliveryRow,
    EventRow,
    GroupChatRow,
    OccurrenceRow,
    RsvpRow,
    ScheduleRow,
)

__all__ = [
    "AskedRow",
    "DeliveryRow",
    "DialogRow",
    "EntryRow",
    "EventMessageRow",
    "EventRow",
    "GroupChatRow",
    "IdentityRow",
    "InstanceValue",
    "InviteRow",
    "MemberRow",
    "OccurrenceRow",
    "QuestionRow",
    "RefusalRow",
    "RsvpRow",
    "ScheduleRow",
]
