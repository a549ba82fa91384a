"""``mreza bench pulse``: one pulse to N members, timed in its three heavy steps.

Fan-out: the firing (a round, one delivery row per member, the reminder planned) and the
composing of every member's message. Ingest: N answers through the same path a button press
takes (round lookup, pseudonym, replace-or-insert). Results: reading the answers and applying
the privacy rules. Telegram's own pace (30 messages a second) is measured by ``bench broadcast``.
"""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.broadcast import add_members
from bot.conversation.buttons import ButtonSigner
from bot.languages.i18n import Translations
from bot.members.directory import SqlMemberDirectory
from bot.members.roll import SqlMemberRoll
from bot.schedules.composer import Composer
from core.clock import SystemClock
from core.events import Chat
from core.members import Member
from core.storage import create_engine, session_factory, upgrade
from scheduler.audience import Audience
from scheduler.composing import Recipient
from scheduler.firing import Firing
from scheduler.occasions import load_occasion
from scheduler.planner import Planner
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.machinery import pulse_machinery
from scheduler.pulses.pseudonyms import Pseudonyms
from scheduler.pulses.pulse_drafts import PulseDraft
from scheduler.pulses.respondents import Respondents
from scheduler.pulses.tally import Tally
from scheduler.schedule_tables import DeliveryRow

KEY = b"benchmark key"
OPTIONS = ("Yes", "No", "Not sure")
QUESTION = "Do you know whom to tell if you face harassment at work?"
FIRST_USER = 10_000_000


@dataclass(frozen=True, slots=True)
class PulseFigures:
    """Seconds each step took."""

    members: int
    fan_out: float
    compose: float
    ingest: float
    results: float
    answers_per_second: float


async def run_pulse_bench(members: int) -> PulseFigures:
    """Measure one pulse to ``members`` members on a fresh SQLite file."""
    with tempfile.TemporaryDirectory() as directory:
        engine = create_engine(f"sqlite+aiosqlite:///{directory}/bench.db")
        try:
            await upgrade(engine)
            sessions = session_factory(engine)
            await add_members(sessions, list(range(FIRST_USER, FIRST_USER + members)))
            return await _measure(sessions, members)
        finally:
            await engine.dispose()


async def _measure(sessions: async_sessionmaker[AsyncSession], members: int) -> PulseFigures:
    clock = SystemClock()
    directory = SqlMemberDirectory(sessions, clock)
    pseudonyms = Pseudonyms(KEY)
    rules = pulse_machinery(sessions, clock, pseudonyms).rules
    draft = PulseDraft(QUESTION, Audience(everyone=True), options=OPTIONS)
    await Planner(sessions, directory, clock, secret_key_set=True).start_pulse(draft, None)

    started = time.perf_counter()
    fired = await Firing(sessions, directory, clock, timedelta(hours=1), rules).fire_due()
    fan_out = time.perf_counter() - started
    [round_id] = fired.occurrences

    started = time.perf_counter()
    roll = await _compose_all(sessions, round_id)
    compose = time.perf_counter() - started

    ballots = Ballots(sessions, pseudonyms, clock)
    picker = random.Random(7)
    started = time.perf_counter()
    for member in roll:  # one at a time, as presses arrive
        found = await ballots.open_round(round_id)
        await ballots.cast(found, member, (picker.randrange(len(OPTIONS)),))
    ingest = time.perf_counter() - started

    started = time.perf_counter()
    tally = Tally(sessions, 5, Respondents(sessions, pseudonyms, SqlMemberRoll(sessions)))
    shown = await tally.of_round(await ballots.open_round(round_id))
    results = time.perf_counter() - started
    assert shown.results.respondents == members
    return PulseFigures(members, fan_out, compose, ingest, results, members / ingest)


async def _compose_all(sessions: async_sessionmaker[AsyncSession], round_id: int) -> list[Member]:
    """Every recipient's message, composed as the delivery worker would; the recipients."""
    async with sessions() as session:
        ids = list(await session.scalars(select(DeliveryRow.member_id)))
    roll = await SqlMemberRoll(sessions).many([i for i in ids if i is not None])
    occasion = await load_occasion(sessions, round_id)
    assert occasion is not None  # fired a moment ago
    composer = Composer(Translations(), ButtonSigner(KEY))
    for member in roll:
        chat = Chat("telegram", str(FIRST_USER + member.id), private=True)
        composer.compose(occasion, Recipient(f"member:{member.id}", chat, member))
    return roll
