"""A bot process that only delivers, until it is killed: the subject of the crash test.

``python -m tests.telegram.engine_process DATABASE_URL API_URL TOKEN`` runs the real engine
(worker, clockwork, Pacer, TelegramMessenger) with plain words and no reports.
"""

from __future__ import annotations

import asyncio
import sys

from telegram import Bot

from bot.members.directory import SqlMemberDirectory
from bot.members.roll import SqlMemberRoll
from bot.transports.telegram_api.connections import ShardedRequest
from bot.transports.telegram_api.telegram_messenger import TelegramMessenger
from core.clock import SystemClock
from core.settings import Settings
from core.storage import create_engine, session_factory
from scheduler.engine import SchedulerEngine
from scheduler.pacer import Pacer
from tests.scheduler.fakes import PlainComposer, ReportLog

RATE = 100.0  # messages a second: a 1,000-member broadcast takes about ten seconds
SENDERS = 16  # so at most 16 messages are in flight when the process is killed
INSTANCE = "crash-test"  # the same name on every start: a restart takes its rows back at once


async def deliver(database_url: str, api_url: str, token: str) -> None:
    """Run the engine until the process is killed."""
    settings = Settings(
        database_url=database_url, send_rate=RATE, send_concurrency=SENDERS, instance_id=INSTANCE
    )
    sessions = session_factory(create_engine(database_url))
    bot = Bot(token, base_url=api_url, request=ShardedRequest(SENDERS))
    await bot.initialize()
    pacer = Pacer(RATE)
    engine = SchedulerEngine(
        sessions, SqlMemberDirectory(sessions), SystemClock(),
        TelegramMessenger(bot, pacer, flood_retries=0), PlainComposer(), ReportLog(), pacer,
        settings, tick=0.2, roll=SqlMemberRoll(sessions),
    )  # fmt: skip
    await engine.start()
    print("delivering", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(deliver(*sys.argv[1:4]))
