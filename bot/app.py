"""The composition root: builds Mreža from its settings, and nothing happens before it is called."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.buttons import ButtonSigner
from bot.composer import Composer
from bot.conversation import Conversation
from bot.i18n import Translations
from bot.invite_store import SqlInviteBook
from bot.invites import InviteBook, RefusalLog
from bot.member_store import Refusals, SqlMemberDirectory
from bot.pulse_results import PulseReports
from bot.reporting import CreatorReports
from bot.services import Services
from core.clock import Clock, SystemClock
from core.instance_key import instance_key
from core.members import MemberDirectory
from core.messaging import Messenger, PollStopper
from core.metrics import Metrics, NoMetrics
from core.settings import Settings
from core.storage import create_engine, one_at_a_time, session_factory, upgrade
from knowledge.analysis import Analyzer, Glossary
from knowledge.entry import Entry
from knowledge.index import SearchIndex
from knowledge.librarian import Librarian
from knowledge.loader import KnowledgeBaseInvalid, load_knowledge_base
from knowledge.search import Searcher
from knowledge.store import active_entries, import_entries
from knowledge.teaching import revision
from scheduler.planner import Planner
from scheduler.pulses.machinery import PulseMachinery, pulse_machinery
from scheduler.pulses.pseudonyms import Pseudonyms

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
    planner: Planner


async def signer_for(mreza: Mreza) -> ButtonSigner:
    """The button signer of this deployment (its key is shared by every instance)."""
    return ButtonSigner(await instance_key(mreza.sessions, mreza.settings.secret_key))


async def pseudonyms_for(mreza: Mreza) -> Pseudonyms:
    """Pulse respondents' pseudonyms, keyed like the buttons (the same on every instance)."""
    return Pseudonyms(await instance_key(mreza.sessions, mreza.settings.secret_key))


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
    k = mreza.settings.pulse_min_respondents
    reports = PulseReports(mreza.sessions, mreza.members, messenger, mreza.translations, k)
    return pulse_machinery(
        mreza.sessions, mreza.clock, await pseudonyms_for(mreza), stopper, reports
    )


async def conversation_for(
    mreza: Mreza, messenger: Messenger, bot_username: str | None, metrics: Metrics | None = None
) -> Conversation:
    """The conversation core speaking through one transport's messenger."""
    services = Services(
        librarian=mreza.librarian,
        members=mreza.members,
        invites=mreza.invites,
        refusals=mreza.refusals,
        messenger=messenger,
        signer=await signer_for(mreza),
        translations=mreza.translations,
        clock=mreza.clock,
        sessions=mreza.sessions,
        planner=mreza.planner,
        pseudonyms=await pseudonyms_for(mreza),
        bot_username=bot_username,
        zone=mreza.settings.timezone,
        pulse_k=mreza.settings.pulse_min_respondents,
        metrics=metrics or NoMetrics(),
    )
    return Conversation(services)


@asynccontextmanager
async def open_mreza(settings: Settings, clock: Clock | None = None) -> AsyncIterator[Mreza]:
    """Migrate the database, import the curated knowledge base, build the index; then serve."""
    clock = clock or SystemClock()
    report = load_knowledge_base(settings.kb_path, clock.now().date())
    if not report.ok:
        raise KnowledgeBaseInvalid(report.problems)
    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
        sessions = session_factory(engine)
        async with sessions.begin() as session:
            await one_at_a_time(await session.connection())
            synced = await import_entries(session, report.entries, clock.now())
            entries = await active_entries(session)
            loaded_revision = await revision(session)
        log.info(
            "knowledge base: %d entries (%d added, %d updated, %d retired)",
            len(entries), len(synced.added), len(synced.updated), len(synced.retired),
        )  # fmt: skip
        analyzer = Analyzer(Glossary.bundled())

        def rebuild(taught: Sequence[Entry]) -> Searcher:
            return Searcher(SearchIndex(taught, analyzer))

        searcher = rebuild(entries)
        members = SqlMemberDirectory(sessions, clock)
        yield Mreza(
            settings=settings,
            clock=clock,
            engine=engine,
            sessions=sessions,
            librarian=Librarian(searcher, entries, sessions, clock, rebuild, loaded_revision),
            members=members,
            invites=SqlInviteBook(sessions),
            refusals=Refusals(sessions),
            translations=Translations(),
            planner=Planner(sessions, members, clock),
        )
    finally:
        await engine.dispose()
