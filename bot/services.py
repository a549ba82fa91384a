"""What the conversation handlers need, wired once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.buttons import ButtonSigner
from bot.composer import Composer
from bot.dialogs import DialogStore
from bot.handoff_store import HandoffBook
from bot.i18n import Translations
from bot.invites import InviteBook, RefusalLog
from bot.submissions import SubmissionBook
from core.clock import Clock
from core.members import MemberDirectory
from core.messaging import Messenger
from core.metrics import Metrics, NoMetrics
from knowledge.librarian import Librarian
from scheduler.planner import Planner
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.pseudonyms import Pseudonyms


@dataclass(frozen=True)
class Services:
    """The ports and services behind every conversation."""

    librarian: Librarian
    members: MemberDirectory
    invites: InviteBook
    refusals: RefusalLog
    messenger: Messenger
    signer: ButtonSigner
    translations: Translations
    clock: Clock
    sessions: async_sessionmaker[AsyncSession]
    planner: Planner
    pseudonyms: Pseudonyms
    bot_username: str | None = None
    zone: str = "Europe/Belgrade"  # where coordinators' typed times are local
    pulse_k: int = 5  # the smallest number of respondents pulse results show
    metrics: Metrics = field(default_factory=NoMetrics)

    @property
    def composer(self) -> Composer:
        """Scheduled messages in words, for previews that match what members will get."""
        return Composer(self.translations, self.signer, self.pulse_k)

    @property
    def ballots(self) -> Ballots:
        """Pulse rounds and their answers."""
        return Ballots(self.sessions, self.pseudonyms, self.clock)

    @property
    def dialogs(self) -> DialogStore:
        """The members' open guided conversations."""
        return DialogStore(self.sessions, self.clock)

    @property
    def handoffs(self) -> HandoffBook:
        """Questions members passed on to a coordinator."""
        return HandoffBook(self.sessions)

    @property
    def submissions(self) -> SubmissionBook:
        """Lessons learnt members shared, and their review."""
        return SubmissionBook(self.sessions)
