"""Every table of Mreža, imported in one place so that migrations see them all."""

from bot.console.console_tables import AuditRow, SignInLinkRow
from bot.conversation.dialog_tables import DialogRow, EventMessageRow, PausedDialogRow
from bot.handoffs.handoff_tables import HandoffRow
from bot.lessons.submission_tables import SubmissionRow
from bot.members.member_tables import IdentityRow, InviteRow, MemberRow, RefusalRow
from bot.transports.telegram_api.coordinator_menus import ChatMenuRow
from bot.transports.telegram_api.handled_updates import HandledUpdateRow
from core.instance_key import InstanceValue
from knowledge.curation_tables import GroupQuestionRow, GroupRow, SuggestionRow
from knowledge.entry_tables import AskedRow, EntryRow, QuestionRow
from scheduler.instances import InstanceRow
from scheduler.pulses.pulse_tables import (
    PulseAnswerRow,
    PulseCommentRow,
    PulseHandleRow,
    PulsePollRow,
    PulseRoundRow,
    PulseVoterRow,
)
from scheduler.schedule_tables import (
    DeliveryRow,
    EventRow,
    GroupChatRow,
    OccurrenceRow,
    RsvpRow,
    ScheduleRow,
)
from scheduler.shared_rate import SendPaceRow

__all__ = [
    "AskedRow",
    "AuditRow",
    "ChatMenuRow",
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
    "InstanceRow",
    "InstanceValue",
    "InviteRow",
    "MemberRow",
    "OccurrenceRow",
    "PausedDialogRow",
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
    "SignInLinkRow",
    "SubmissionRow",
    "SuggestionRow",
]
