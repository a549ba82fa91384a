"""``mreza bench signal``: one announcement to N Signal members through ``run_on_signal``.

Production's path end to end: SQLite, firing, the delivery worker, the Signal pacer and
messenger, JSON-RPC over HTTP to the emulated daemon (in this process, so its CPU counts too),
which answers the first sends with signal-cli's rate-limit error as often as asked.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from bot.app import Mreza, open_mreza
from bot.transports.signal_cli.signal_runner import run_on_signal
from core.members import Identity, NewMember
from core.settings import Settings
from emulators.signal import ACCOUNT, SignalEmulator
from scheduler.audience import Audience
from scheduler.schedule_drafts import AnnouncementDraft, When
from scheduler.schedule_tables import DeliveryRow

TEXT = "Regional meeting of gender focal points: Skopje, 12 March, 10:00."
UNSETTLED = ("pending", "sending")
LOOK_EVERY = 0.2  # seconds between looks at the outbox


@dataclass(frozen=True, slots=True)
class SignalFigures:
    """What one broadcast on Signal measured."""

    delivered: int
    duplicates: int
    lost: int
    rate_limited: int
    wall_seconds: float
    achieved_rate: float
    busiest_second: int


async def run_signal_bench(
    members: int, rate: float, limits: int, retry_after: int, backoff: float
) -> SignalFigures:
    """Add N members on the emulated Signal, announce to all, and measure the sending."""
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(
            database_url=f"sqlite+aiosqlite:///{scratch}/bench.db",
            signal_send_rate=rate, signal_backoff=backoff, send_rate=rate,
        )  # fmt: skip
        async with open_mreza(settings) as mreza, SignalEmulator() as emu:
            numbers = await _crowd(mreza, emu, members)
            emu.world.rate_limit.count, emu.world.rate_limit.retry_after = limits, retry_after
            stop = asyncio.Event()
            serving = asyncio.create_task(run_on_signal(mreza, emu.url, ACCOUNT, stop))
            started = time.monotonic()
            draft = AnnouncementDraft(TEXT, Audience(everyone=True), When())
            await mreza.planner.announce(draft, None)
            await _settled(mreza)
            wall = time.monotonic() - started
            stop.set()
            await serving
            return _figures(emu, numbers, wall)


async def _crowd(mreza: Mreza, emu: SignalEmulator, size: int) -> list[str]:
    numbers = []
    for n in range(size):
        contact = emu.world.add_contact(f"Member {n}")
        assert contact.number is not None  # made up by the emulator
        identity = Identity("signal", contact.number)
        await mreza.members.add(NewMember(contact.name, "RS", identity), mreza.clock.now())
        numbers.append(contact.number)
    return numbers


async def _settled(mreza: Mreza) -> None:
    """Wait until the announcement fired and nothing is left to send."""
    while True:
        await asyncio.sleep(LOOK_EVERY)
        async with mreza.sessions() as session:
            rows = await session.scalar(select(func.count(DeliveryRow.id)))
            open_ = await session.scalar(
                select(func.count(DeliveryRow.id)).where(DeliveryRow.status.in_(UNSETTLED))
            )
        if rows and not open_:
            return


def _figures(emu: SignalEmulator, numbers: list[str], wall: float) -> SignalFigures:
    sends = [c for c in emu.world.calls if c.method == "send"]
    delivered = Counter(r for c in sends if c.ok for r in c.params.get("recipient", []))
    seconds = Counter(int(c.at) for c in sends if c.ok)
    reached = sum(1 for number in numbers if delivered[number])
    return SignalFigures(
        delivered=reached,
        duplicates=sum(count - 1 for count in delivered.values() if count > 1),
        lost=len(numbers) - reached,
        rate_limited=sum(1 for c in sends if c.error and c.error.get("code") == -5),
        wall_seconds=wall,
        achieved_rate=reached / wall if wall else 0.0,
        busiest_second=max(seconds.values(), default=0),
    )
