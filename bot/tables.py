"""Every table of Mreža, imported in one place so that migrations see them all."""

from bot.member_tables import IdentityRow, InviteRow, MemberRow, RefusalRow
from knowledge.tables import AskedRow, EntryRow, QuestionRow

__all__ = [
    "AskedRow",
    "EntryRow",
    "IdentityRow",
    "InviteRow",
    "MemberRow",
    "QuestionRow",
    "RefusalRow",
]
