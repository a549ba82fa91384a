"""The scheduler assembled: the clockwork that fires schedules and the worker that delivers.

Several instances may run it on one PostgreSQL database: only the elected leader fires (and
firing twice would create nothing twice anyway), every instance delivers, and claims skip rows
another instance holds (SKIP LOCKED), so each message is sent once. Each instance needs its
own ``MREZA_INSTANCE_ID``.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable, Mapping, Sequence

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.clock import Clock
from core.members import MemberDirectory
from core.messaging import Messenger
from core.metrics import Metrics
from core.settings import Settings
from scheduler.clockwork import TICK, Clockwork
from scheduler.composing import Composer, Keeper, Reporter
from scheduler.delivery import DeliveryWorker
from scheduler.firing import Firing, FiringRules
from scheduler.instances import BEAT, InstanceNames
from scheduler.leadership import Leadership, leadership_for
from scheduler.outbox import Outbox
from scheduler.pacer import Pacer, Timer
from scheduler.recipients import MemberRoll, Recipients
from scheduler.shared_rate import SharedRate

log = logging.getLogger(__name__)
# A send takes one round trip to Telegram; enough senders keep the pacer's slots filled even
# when a round trip takes this long, and never fewer than a handful.
SLOW_ROUND_TRIP = 0.25  # seconds
FEWEST_SENDERS = 4
CLAIM_AHEAD = 1.0  # seconds of sending claimed at a time


def senders_for(rate: float) -> int:
    """Concurrent senders that sustain ``rate`` messages a second at a slow round trip."""
    return max(FEWEST_SENDERS, math.ceil(rate * SLOW_ROUND_TRIP))


def claim_batch(rate: float, senders: int) -> int:
    """Rows claimed ahead of sending: about a second's worth at the rate (and enough for every
    sender), so a killed instance strands no more than that until its claims expire."""
    return max(2 * senders, math.ceil(rate * CLAIM_AHEAD))


def pacer_for(
    settings: Settings,
    database: AsyncEngine,
    metrics: Metrics | None = None,
    timer: Timer | None = None,
) -> Pacer:
    """The pacer of this instance: on PostgreSQL its global rate is every instance's together."""
    shared = None
    if make_url(settings.database_url).get_backend_name() == "postgresql":
        shared = SharedRate(database, settings.send_rate)
    return Pacer(settings.send_rate, timer, shared=shared, metrics=metrics)


class SchedulerEngine:
    """``await engine.start()`` next to the transport; ``await engine.stop()`` before it closes."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        members: MemberDirectory,
        clock: Clock,
        messenger: Messenger,
        composer: Composer,
        reporter: Reporter,
        pacer: Pacer,
        settings: Settings,
        *,
        transports: tuple[str, ...] = ("telegram",),
        tick: float = TICK,
        roll: MemberRoll | None = None,
        rules: Mapping[str, FiringRules] | None = None,
        keeper: Keeper | None = None,
        chores: Sequence[Callable[[], Awaitable[object]]] = (),
        leadership: Leadership | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        """``roll``: looks members up a batch at a time; without it, one at a time.

        ``rules``, ``keeper`` and ``chores``: what kinds such as pulses add to firing, to
        sending and to every tick. ``leadership``: whether this instance fires; by default an
        advisory-lock election on PostgreSQL, and the sole instance on SQLite.
        """
        concurrency = settings.send_concurrency or senders_for(settings.send_rate)
        self.names = InstanceNames(sessions, clock, settings.instance_id)
        self._beating: asyncio.Task[None] | None = None
        self.worker = DeliveryWorker(
            outbox=Outbox(sessions, settings.instance_id),
            recipients=Recipients(members, transports, roll),
            composer=composer,
            messenger=messenger,
            pacer=pacer,
            members=members,
            clock=clock,
            concurrency=concurrency,
            keeper=keeper,
            metrics=metrics,
            batch=claim_batch(settings.send_rate, concurrency),
        )
        firing = Firing(sessions, members, clock, settings.misfire_grace, rules)
        self.clockwork = Clockwork(
            firing, sessions, clock, reporter, self.worker.poke, tick, chores
        )
        self.leadership = leadership or leadership_for(
            settings.database_url, settings.leader_timeout, settings.instance_id
        )

    @property
    def in_flight_bound(self) -> int:
        """How many recipients a crash right now could make receive a message twice."""
        return self.worker.concurrency

    async def start(self) -> None:
        """Take this instance's name (``InstanceNameTaken`` while another live process holds
        it), take back deliveries a previous run or a stopped instance left in flight, then
        deliver and fire."""
        await self.names.enter()
        self._beating = asyncio.create_task(self._beat(), name="instance-name")
        stopped = await self.names.stopped(await self.worker.claimants())
        await self.worker.start(stopped)
        await self.leadership.start(self.clockwork.start, self.clockwork.stop)
        log.info(
            "scheduler running: %d concurrent senders (at most that many in flight)",
            self.worker.concurrency,
        )

    async def stop(self) -> None:
        """Stop firing, finish the sends under way, and leave everything else pending."""
        await self.leadership.stop()
        await self.worker.stop()
        if self._beating is not None:
            self._beating.cancel()
            await asyncio.gather(self._beating, return_exceptions=True)
        await self.names.leave()

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(BEAT.total_seconds())
            try:
                await self.names.beat()
            except Exception:
                log.exception("could not renew this instance's name")
