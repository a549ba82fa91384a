"""Every table of Mreža, imported in one place so that migrations see them all."""

from bot.member_tables import IdentityRow, InviteRow, MemberRow, RefusalRow
from core.instance_key import InstanceValue
from knowledge.tables import AskedRow, EntryRow, QuestionRow

__all__ = [
    "AskedRow",
    "EntryRow",
    "IdentityRow",
    "InstanceValue",
    "InviteRow",
    "MemberRow",
    "QuestionRow",
    "RefusalRow",
]
