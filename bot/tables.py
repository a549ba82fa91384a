"""Every table of Mreža, imported in one place so that migrations see them all."""

from bot.handled_updates import HandledUpdateRow
from bot.handoff_tables import HandoffRow
from bot.member_tables import IdentityRow, InviteRow, MemberRow, RefusalRow
from bot.state_tables import DialogRow, EventMessageRow
from bot.submission_tables import SubmissionRow
from core.instance_key import InstanceValue
from knowledge.curation_tables import GroupQuestionRow, GroupRow, SuggestionRow
from knowledge.tables import AskedRow, EntryRow, QuestionRow
from scheduler.pulses.tables import (
    PulseAnswerRow,
    PulseCommentRow,
    PulseHandleRow,
    PulsePollRow,
    PulseRoundRow,
    PulseVoterRow,
)
from scheduler.shared_rate import SendPaceRow
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
    "GroupQuestionRow",
    "GroupRow",
    "HandledUpdateRow",
    "HandoffRow",
    "IdentityRow",
    "InstanceValue",
    "InviteRow",
    "MemberRow",
    "OccurrenceRow",
    "PulseAnswerRow",
    "PulseCommentRow",
    "PulseHandleRow",
    "PulsePollRow",
    "PulseRoundRow",
    "PulseVoterRow",
    "QuestionRow",
    "RefusalRow",
    "RsvpRow",
    "ScheduleRow",
    "SendPaceRow",
    "SubmissionRow",
    "SuggestionRow",
]
