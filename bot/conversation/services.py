"""What the conversation handlers need, wired once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.asking.question_log import QuestionLog
from bot.console.sign_in_links import SignInLinks
from bot.conversation.budget import SenderBudget
from bot.conversation.buttons import ButtonSigner
from bot.conversation.dialogs import DialogStore
from bot.curation.curation_desk import CurationDesk
from bot.curation.digest_book import DigestBook
from bot.handoffs.handoff_book import HandoffBook
from bot.languages.i18n import Translations
from bot.lessons.submission_book import SubmissionBook
from bot.members.group_chats import GroupChats
from bot.members.guessing import CodeGuesses
from bot.members.invites import InviteBook, RefusalLog
from bot.schedules.composer import Composer
from bot.schedules.count_messages import CountMessages
from bot.schedules.rsvp_book import RsvpBook
from core.clock import Clock
from core.members import MemberDirectory
from core.messaging import Messenger
from core.metrics import Metrics, NoMetrics
from knowledge.librarian import Librarian
from knowledge.topics import Topics
from scheduler.pacer import MonotonicTimer, Timer
from scheduler.planner import Planner
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.tally import Tally


@dataclass(frozen=True)
class Services:
    """The ports, services and stores behind every conversation."""

    librarian: Librarian
    members: MemberDirectory
    invites: InviteBook
    refusals: RefusalLog
    messenger: Messenger
    signer: ButtonSigner
    translations: Translations
    clock: Clock
    planner: Planner
    dialogs: DialogStore  # the members' open guided conversations
    handoffs: HandoffBook  # questions members passed on to a coordinator
    submissions: SubmissionBook  # lessons learnt members shared, and their review
    ballots: Ballots  # pulse rounds and their answers
    tally: Tally  # pulse results as the privacy rules allow
    questions: QuestionLog  # what members asked, and what they made of the answers
    group_chats: GroupChats  # the groups Mreža is in
    rsvps: RsvpBook  # answers to event invitations
    count_messages: CountMessages  # where each event's RSVP counts message is
    curation: CurationDesk  # the unanswered queue and the suggested wordings
    digests: DigestBook  # the weekly digest's backlog and its claim
    topics: Topics  # the names of the knowledge base's tags in each language
    sign_in_links: SignInLinks  # one-time links to the web console
    bot_username: str | None = None
    console_url: str | None = None  # where sign-in links to the web console point
    zone: str = "Europe/Belgrade"  # where coordinators' typed times are local
    pulse_k: int = 5  # the smallest number of respondents pulse results show
    metrics: Metrics = field(default_factory=NoMetrics)
    timer: Timer = field(default_factory=MonotonicTimer)  # waits out database trouble
    budget: SenderBudget = field(default_factory=lambda: SenderBudget(MonotonicTimer()))
    guesses: CodeGuesses = field(default_factory=lambda: CodeGuesses(MonotonicTimer()))

    @property
    def composer(self) -> Composer:
        """Scheduled messages in words, for previews that match what members will get."""
        return Composer(self.translations, self.signer, self.pulse_k)
