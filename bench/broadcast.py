"""``mreza bench broadcast``: one announcement to N members through the real delivery engine.

The emulator runs in its own process (so its work does not count against the bot's CPU or
memory), with a latency per call and, at Telegram's free rate, Telegram's limits enforced. The
bot side is what production runs: SQLite, firing, the delivery worker with its senders, the
Pacer, TelegramMessenger and python-telegram-bot over the sharded connection pool.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot

from bot.conversation.buttons import ButtonSigner
from bot.languages.i18n import Translations
from bot.members.directory import SqlMemberDirectory
from bot.members.member_tables import IdentityRow, MemberRow
from bot.members.roll import SqlMemberRoll
from bot.schedules.composer import Composer
from bot.transports.telegram_api.connections import ShardedRequest
from bot.transports.telegram_api.telegram_messenger import TelegramMessenger
from core.clock import SystemClock
from core.heap import keep_for_good
from core.settings import Settings
from core.storage import create_engine, session_factory, upgrade
from emulators.telegram import CallRecord, EmulatorClient, EmulatorProcess
from scheduler.audience import Audience
from scheduler.engine import SchedulerEngine, senders_for
from scheduler.pacer import Pacer
from scheduler.planner import Planner
from scheduler.schedule_drafts import AnnouncementDraft
from scheduler.schedule_tables import DeliveryRow

FREE_RATE = 30.0  # the emulator enforces Telegram's free-tier limits; paid rates run without
FIRST_USER = 10_000_000
TEXT = "Regional meeting of gender focal points: Skopje, 12 March, 10:00."
CHUNK = 500  # rows per INSERT
PROGRESS_EVERY = 10.0  # seconds between progress lines on standard error


@dataclass(frozen=True, slots=True)
class Figures:
    """What one broadcast measured."""

    delivered: int
    duplicates: int
    lost: int
    wall_seconds: float
    achieved_rate: float
    busiest_second: int
    rate_limited: int
    peak_rss_mb: float


def busiest_second(times: Sequence[float]) -> int:
    """The most calls in any one-second window (a sliding window over sorted times)."""
    ordered, start, best = sorted(times), 0, 0
    for end, moment in enumerate(ordered):
        while ordered[start] <= moment - 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def tally(calls: Sequence[CallRecord], users: Sequence[int]) -> tuple[int, int]:
    """Duplicates (messages beyond the first per chat) and lost members (no message)."""
    per_chat = Counter(call.chat_id for call in calls if call.ok)
    return sum(n - 1 for n in per_chat.values() if n > 1), sum(1 for u in users if not per_chat[u])


async def add_users(client: EmulatorClient, count: int) -> list[int]:
    """Members' Telegram accounts in the emulator, a few requests at a time."""
    ids = list(range(FIRST_USER, FIRST_USER + count))
    for start in range(0, count, 8):
        batch = ids[start : start + 8]
        await asyncio.gather(*(client.add_user(f"Member {u}", user_id=u) for u in batch))
    return ids


async def add_members(sessions: async_sessionmaker[AsyncSession], users: Sequence[int]) -> None:
    """The same people as members, inserted in bulk."""
    now = SystemClock().now()
    async with sessions.begin() as session:
        for start in range(0, len(users), CHUNK):
            chunk = users[start : start + CHUNK]
            rows = [_member(user, now) for user in chunk]
            ids = list(await session.scalars(insert(MemberRow).returning(MemberRow.id), rows))
            await session.execute(
                insert(IdentityRow),
                [{"member_id": m, "transport": "telegram", "external_id": str(u)}
                 for m, u in zip(ids, chunk, strict=True)],
            )  # fmt: skip


def _member(user: int, now: object) -> dict[str, object]:
    return {
        "name": f"Member {user}", "country": "RS", "institution": "", "role": "member",
        "language": "en", "status": "active", "joined_at": now,
    }  # fmt: skip


async def underway(sessions: async_sessionmaker[AsyncSession]) -> int:
    """Deliveries not yet finished (-1 before the firing made any)."""
    async with sessions() as session:
        total = await session.scalar(select(func.count()).select_from(DeliveryRow))
        left = await session.scalar(
            select(func.count()).where(DeliveryRow.status.in_(("pending", "sending")))
        )
    return -1 if not total else int(left or 0)


async def drained(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Wait until every delivery is finished, saying now and then how many are left."""
    last_said = time.monotonic()
    while (left := await underway(sessions)) != 0:
        if time.monotonic() - last_said > PROGRESS_EVERY:
            print(f"… {left} deliveries to go", file=sys.stderr, flush=True)
            last_said = time.monotonic()
        await asyncio.sleep(0.2)


@asynccontextmanager
async def instance(
    settings: Settings, emulator: EmulatorProcess, rate: float, senders: int
) -> AsyncIterator[SchedulerEngine]:
    """One bot instance: its own database engine, Bot, Pacer and scheduler engine."""
    database = create_engine(settings.database_url)
    sessions = session_factory(database)
    assert emulator.client is not None  # started by the caller
    url = emulator.client.base_url
    bot = Bot(emulator.token, base_url=url, request=ShardedRequest(senders))
    await bot.initialize()
    pacer = Pacer(rate)
    members = SqlMemberDirectory(sessions)
    messenger = TelegramMessenger(bot, pacer, flood_retries=0, urgent=False)
    composer = Composer(Translations(), ButtonSigner(b"benchmark-key"))
    engine = SchedulerEngine(
        sessions, members, SystemClock(), messenger, composer, _Silent(), pacer, settings,
        roll=SqlMemberRoll(sessions),
    )  # fmt: skip
    await engine.start()
    try:
        yield engine
    finally:
        await engine.stop()
        await bot.shutdown()
        await database.dispose()


class _Silent:
    """Reports go nowhere: the benchmark's announcement has no creator to tell."""

    async def report(self, occurrence_id: int) -> None:
        """Nothing to do."""

    async def stopped(self, schedule_id: int) -> None:
        """Nothing to do."""


async def broadcast(
    members: int, latency_ms: float, rate: float, instances: int, senders: int | None
) -> Figures:
    """Run one broadcast and measure it."""
    per_instance = rate / instances  # one bot: the instances share Telegram's rate
    senders = senders or senders_for(per_instance)
    emulator = EmulatorProcess(latency_ms=latency_ms, enforce_limits=rate <= FREE_RATE)
    async with emulator as client:
        users = await add_users(client, members)
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite+aiosqlite:///{folder}/bench.db"
            database = create_engine(url)
            await upgrade(database)
            sessions = session_factory(database)
            await add_members(sessions, users)
            keep_for_good()  # as ``mreza run`` does once it has started
            started = time.perf_counter()
            await Planner(sessions, SqlMemberDirectory(sessions), SystemClock()).announce(
                AnnouncementDraft(TEXT, Audience(everyone=True)), None
            )
            async with _instances(url, emulator, per_instance, senders, instances):
                await drained(sessions)
            wall = time.perf_counter() - started
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            await database.dispose()
        calls = await client.calls(method="sendMessage")
        counters = await client.counters()
    times = [call.time for call in calls if call.ok]
    duplicates, lost = tally(calls, users)
    span = max(times) - min(times) if len(times) > 1 else 0.0
    return Figures(
        delivered=len(times), duplicates=duplicates, lost=lost, wall_seconds=wall,
        achieved_rate=(len(times) - 1) / span if span else 0.0,
        busiest_second=busiest_second([call.time for call in calls]),
        rate_limited=counters.rate_limited, peak_rss_mb=peak_mb,
    )  # fmt: skip


@asynccontextmanager
async def _instances(
    url: str, emulator: EmulatorProcess, rate: float, senders: int, count: int
) -> AsyncIterator[None]:
    async with AsyncExitStack() as stack:
        for number in range(count):
            settings = Settings(
                database_url=url, send_rate=rate, send_concurrency=senders,
                instance_id=f"bench-{number}",
            )  # fmt: skip
            await stack.enter_async_context(instance(settings, emulator, rate, senders))
        yield
