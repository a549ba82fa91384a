"""The composition root: builds Mreža from its settings, and nothing happens before it is called."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.asking.question_log import QuestionLog
from bot.console.sign_in_links import SignInLinks
from bot.conversation.budget import SenderBudget
from bot.conversation.buttons import ButtonSigner
from bot.conversation.dialogs import DialogStore
from bot.conversation.services import Services
from bot.curation.curation_desk import CurationDesk
from bot.curation.digest import weekly_digest
from bot.curation.digest_book import DigestBook
from bot.groundwork import Groundwork
from bot.handoffs.handing_off import handoff_reminders
from bot.handoffs.handoff_book import HandoffBook
from bot.languages.i18n import Translations
from bot.lessons.reviewing import author_news
from bot.lessons.submission_book import SubmissionBook
from bot.members.directory import Refusals, SqlMemberDirectory
from bot.members.group_chats import GroupChats
from bot.members.guessing import CodeGuesses
from bot.members.invite_store import SqlInviteBook
from bot.members.invites import InviteBook, RefusalLog
from bot.members.roll import SqlMemberRoll
from bot.pulses.pulse_reports import PulseReports
from bot.router import Conversation
from bot.schedules.composer import Composer
from bot.schedules.count_messages import CountMessages
from bot.schedules.reporting import CreatorReports
from bot.schedules.rsvp_book import RsvpBook
from bot.transports.routes import Routes
from core.clock import Clock, SystemClock
from core.instance_key import button_key, configured_key
from core.members import MemberDirectory
from core.messaging import Messenger, PollStopper
from core.metrics import Metrics, NoMetrics
from core.settings import Settings
from core.storage import one_at_a_time, reach, session_factory, upgrade
from knowledge.librarian import Librarian
from knowledge.loader import KnowledgeBaseInvalid
from knowledge.store import active_entries, import_entries
from knowledge.teaching import dismissed_questions, revision
from knowledge.topics import Topics
from scheduler.engine import SchedulerEngine
from scheduler.pacer import MonotonicTimer, Pacer, Timer
from scheduler.planner import Planner
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.machinery import PulseMachinery, pulse_machinery
from scheduler.pulses.pseudonyms import Pseudonyms
from scheduler.pulses.respondents import Respondents
from scheduler.pulses.tally import Tally

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Mreza:
    """Everything a transport or a command needs, wired together."""

    settings: Settings
    clock: Clock
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    librarian: Librarian
    members: MemberDirectory
    invites: InviteBook
    refusals: RefusalLog
    translations: Translations
    topics: Topics
    planner: Planner
    timer: Timer  # what pacers wait on: the monotonic clock, or a test's timer that never sleeps
    budget: SenderBudget  # what each sender may ask, one budget for the whole process
    guesses: CodeGuesses  # wrong invite codes per sender
    # MREZA_SECRET_KEY or the file's contents, read once; never stored, never printed.
    secret_key: bytes | None = field(default=None, repr=False)


async def signer_for(mreza: Mreza) -> ButtonSigner:
    """The button signer of this deployment (its key is shared by every instance)."""
    return ButtonSigner(await button_key(mreza.sessions, mreza.secret_key))


async def pseudonyms_for(mreza: Mreza) -> Pseudonyms:
    """Pulse respondents' pseudonyms, under the secret key (the same on every instance)."""
    fallback = await button_key(mreza.sessions, mreza.secret_key)
    return Pseudonyms(mreza.secret_key, fallback)


async def tally_for(mreza: Mreza) -> Tally:
    """Pulse results, broken down by the groups the key can tell."""
    respondents = Respondents(
        mreza.sessions, await pseudonyms_for(mreza), SqlMemberRoll(mreza.sessions)
    )
    return Tally(mreza.sessions, mreza.settings.pulse_min_respondents, respondents)


async def delivery_ports(mreza: Mreza, messenger: Messenger) -> tuple[Composer, CreatorReports]:
    """What the delivery engine needs from the bot: the words of each message, and the reports."""
    k = mreza.settings.pulse_min_respondents
    composer = Composer(mreza.translations, await signer_for(mreza), k)
    reports = CreatorReports(mreza.sessions, mreza.members, messenger, mreza.translations)
    return composer, reports


async def pulse_machinery_for(
    mreza: Mreza, messenger: Messenger, stopper: PollStopper | None = None
) -> PulseMachinery:
    """What pulses add to the scheduler; results go to creators through ``messenger``."""
    tally = await tally_for(mreza)
    reports = PulseReports(mreza.sessions, mreza.members, messenger, mreza.translations, tally)
    return pulse_machinery(
        mreza.sessions, mreza.clock, await pseudonyms_for(mreza), stopper, reports
    )


async def delivery_engine(
    mreza: Mreza,
    deliveries: Routes,
    speaking: Messenger,
    pacer: Pacer,
    *,
    bot_username: str | None = None,
    stopper: PollStopper | None = None,
    metrics: Metrics | None = None,
) -> SchedulerEngine:
    """The one delivery engine of a process, whichever transports it serves.

    ``deliveries`` sends scheduled messages on each member's transport; ``speaking`` carries
    reports and reminders to members' own chats; ``pacer`` is the one the engine pauses after a
    429; ``stopper`` closes native polls where the transport has them.
    """
    composer, reporter = await delivery_ports(mreza, speaking)
    services = (await conversation_for(mreza, deliveries, bot_username)).services
    curating = (handoff_reminders(services), author_news(services), weekly_digest(services))
    pulses = await pulse_machinery_for(mreza, deliveries, stopper)
    return SchedulerEngine(
        mreza.sessions, mreza.members, mreza.clock, deliveries, composer, reporter, pacer,
        mreza.settings, transports=deliveries.transports, roll=SqlMemberRoll(mreza.sessions),
        rules=pulses.rules, keeper=pulses.keeper, chores=(*curating, *pulses.chores),
        metrics=metrics, tick=mreza.settings.schedule_tick,
    )  # fmt: skip


async def conversation_for(
    mreza: Mreza,
    messenger: Messenger,
    bot_username: str | None,
    metrics: Metrics | None = None,
    console_url: str | None = None,
) -> Conversation:
    """The conversation core speaking through one transport's messenger."""
    signer, pseudonyms = await signer_for(mreza), await pseudonyms_for(mreza)
    return Conversation(
        services_for(mreza, messenger, signer, pseudonyms, bot_username, metrics, console_url)
    )


def services_for(
    mreza: Mreza,
    messenger: Messenger,
    signer: ButtonSigner,
    pseudonyms: Pseudonyms,
    bot_username: str | None = None,
    metrics: Metrics | None = None,
    console_url: str | None = None,
) -> Services:
    """The ports and stores of the conversation, each built once on Mreža's database.

    ``console_url``: where the web console is served when MREZA_CONSOLE_URL does not say.
    """
    sessions, clock, settings = mreza.sessions, mreza.clock, mreza.settings
    return Services(
        librarian=mreza.librarian,
        members=mreza.members,
        invites=mreza.invites,
        refusals=mreza.refusals,
        messenger=messenger,
        signer=signer,
        translations=mreza.translations,
        clock=clock,
        planner=mreza.planner,
        dialogs=DialogStore(sessions, clock),
        handoffs=HandoffBook(sessions),
        submissions=SubmissionBook(sessions),
        ballots=Ballots(sessions, pseudonyms, clock),
        tally=Tally(
            sessions,
            settings.pulse_min_respondents,
            Respondents(sessions, pseudonyms, SqlMemberRoll(sessions)),
        ),
        questions=QuestionLog(sessions),
        group_chats=GroupChats(sessions, clock),
        rsvps=RsvpBook(sessions),
        count_messages=CountMessages(sessions),
        curation=CurationDesk(sessions),
        digests=DigestBook(sessions),
        topics=mreza.topics,
        sign_in_links=SignInLinks(sessions),
        bot_username=bot_username,
        console_url=settings.console_url or console_url,
        zone=settings.timezone,
        pulse_k=settings.pulse_min_respondents,
        metrics=metrics or NoMetrics(),
        timer=mreza.timer,
        budget=mreza.budget,
        guesses=mreza.guesses,
    )


@asynccontextmanager
async def open_mreza(
    settings: Settings,
    clock: Clock | None = None,
    groundwork: Groundwork | None = None,
    timer: Timer | None = None,
) -> AsyncIterator[Mreza]:
    """Migrate the database, import the curated knowledge base, build the index; then serve."""
    clock = clock or SystemClock()
    secret_key = configured_key(settings)  # a bad key file stops the start, before anything
    today = clock.now().date()
    if groundwork is None:
        groundwork = Groundwork(settings.kb_path, today)
    groundwork = groundwork.for_entries_in(settings.kb_path, today)
    report = groundwork.report
    if not report.ok:
        raise KnowledgeBaseInvalid(report.problems)
    timer = timer or MonotonicTimer()
    engine = await reach(settings.database_url)
    try:
        await upgrade(engine)
        sessions = session_factory(engine)
        async with sessions.begin() as session:
            await one_at_a_time(await session.connection())
            synced = await import_entries(session, report.entries, clock.now())
            entries = await active_entries(session)
            loaded_revision = await revision(session)
            declined = await dismissed_questions(session)
        log.info(
            "knowledge base: %d entries (%d added, %d updated, %d retired)",
            len(entries), len(synced.added), len(synced.updated), len(synced.retired),
        )  # fmt: skip
        rebuild = groundwork.searcher
        searcher = rebuild(entries).declining(declined)
        members = SqlMemberDirectory(sessions, clock)
        yield Mreza(
            settings=settings,
            clock=clock,
            engine=engine,
            sessions=sessions,
            librarian=Librarian(searcher, entries, sessions, clock, rebuild, loaded_revision),
            members=members,
            invites=SqlInviteBook(sessions),
            refusals=Refusals(sessions, await button_key(sessions, secret_key)),
            translations=groundwork.translations,
            topics=groundwork.topics,
            planner=Planner(sessions, members, clock, secret_key_set=secret_key is not None),
            timer=timer,
            secret_key=secret_key,
            budget=SenderBudget(timer, settings.sender_burst, settings.sender_every),
            guesses=CodeGuesses(timer),
        )
    finally:
        await engine.dispose()
