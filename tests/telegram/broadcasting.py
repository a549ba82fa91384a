"""The delivery engine on the emulated Telegram: the real messenger, fake words and reports."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import telegram
from telegram.request import HTTPXRequest

from bot.app import Mreza
from bot.members.roll import SqlMemberRoll
from bot.transports.telegram_api.telegram_messenger import TelegramMessenger
from core.clock import FakeClock
from emulators.telegram import BotApiEmulator, CallRecord
from scheduler.audience import Audience
from scheduler.composing import Composer
from scheduler.engine import SchedulerEngine
from scheduler.pacer import Pacer
from scheduler.planner import Planner
from scheduler.schedule_drafts import AnnouncementDraft
from tests.scheduler.fakes import PlainComposer, ReportLog
from tests.scheduler.world import SETTLE_WAIT

READ_TIMEOUT = 1.0  # seconds: a held request counts as timed out quickly in these tests


@dataclass(frozen=True)
class Delivering:
    """A running engine, and what a test needs to look at it."""

    emu: BotApiEmulator
    mreza: Mreza
    engine: SchedulerEngine
    reports: ReportLog

    @property
    def clock(self) -> FakeClock:
        """The fake clock everything runs on."""
        assert isinstance(self.mreza.clock, FakeClock)
        return self.mreza.clock

    async def announce(self, text: str, audience: str = "all") -> int:
        """Schedule an announcement for now; the next tick fires it."""
        draft = AnnouncementDraft(text, Audience.parse(audience))
        planner = Planner(self.mreza.sessions, self.mreza.members, self.mreza.clock)
        return await planner.announce(draft, None)

    async def settled(self) -> None:
        """Fire what is due, then wait (bounded) until none of it is left to send."""
        await self.engine.clockwork.tick()
        await asyncio.wait_for(self.engine.worker.settled(), SETTLE_WAIT)

    async def sends_to(self, chat_id: int) -> list[CallRecord]:
        """Every sendMessage to one chat, refused ones included."""
        return await self.emu.calls(method="sendMessage", chat_id=chat_id)

    async def delivered_to(self, chat_id: int) -> list[str]:
        """The texts of the messages one chat received."""
        return [str(c.result["text"]) for c in await self.sends_to(chat_id) if c.ok]


@asynccontextmanager
async def delivering(
    emu: BotApiEmulator, mreza: Mreza, composer: Composer | None = None
) -> AsyncIterator[Delivering]:
    """The engine sending through TelegramMessenger to the emulator, ticking quickly."""
    request = HTTPXRequest(connection_pool_size=16, read_timeout=READ_TIMEOUT)
    async with telegram.Bot(emu.token, base_url=emu.base_url, request=request) as bot:
        pacer = Pacer(mreza.settings.send_rate, mreza.timer)
        reports = ReportLog()
        engine = SchedulerEngine(
            mreza.sessions, mreza.members, mreza.clock,
            TelegramMessenger(bot, pacer, flood_retries=0), composer or PlainComposer(), reports,
            pacer, mreza.settings, tick=0.05, roll=SqlMemberRoll(mreza.sessions),
        )  # fmt: skip
        await engine.start()
        try:
            yield Delivering(emu, mreza, engine, reports)
        finally:
            await engine.stop()
