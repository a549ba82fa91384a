"""What wakes the scheduler: one APScheduler interval job that reads the tables each tick.

The database is the source of truth, so the job keeps no schedule of its own: every tick fires
what is due (a schedule made a moment ago by the CLI in another process included), finishes
occurrences with nothing left under way, and reports both finished and missed ones to their
creators. Rebuilding the jobs from the tables at start is therefore starting this one job,
whose first tick runs at once: firings missed while the bot was down are sent if they are
within the misfire grace and reported as missed if not (Firing decides which).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

# APScheduler 3 ships no type information; the two names used here are checked by the tests.
from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.interval import IntervalTrigger  # type: ignore[import-untyped]
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from scheduler.composing import Reporter
from scheduler.firing import Firing
from scheduler.reports import finish_completed

log = logging.getLogger(__name__)
TICK = 1.0  # seconds between looks at the schedules: announcements go out within about this


class Clockwork:
    """Ticks while started; ``tick()`` is also what tests call directly."""

    def __init__(
        self,
        firing: Firing,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        reporter: Reporter,
        fired: Callable[[], None],
        interval: float = TICK,
        chores: Sequence[Callable[[], Awaitable[object]]] = (),
    ) -> None:
        """``chores``: more work every tick, each on its own so a slow one holds up no firing."""
        self._firing = firing
        self._sessions = sessions
        self._clock = clock
        self._reporter = reporter
        self._fired = fired  # tells the delivery worker there is new work
        self._interval = interval
        self._chores = tuple(chores)
        self._ticking = asyncio.Lock()
        self._scheduler: AsyncIOScheduler | None = None
        self._stopped = False

    def start(self) -> None:
        """Start ticking; the first tick runs at once."""
        # Every tick would log "Running job" at INFO, and a tick skipped because the one
        # before is still busy (a large firing) is no warning: coalescing is the point.
        logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)
        logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)
        self._stopped = False  # a leader deposed and elected again starts anew
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.add_job(
            self._safe_tick,
            IntervalTrigger(seconds=self._interval, timezone=UTC),
            id="fire-due-schedules",
            next_run_time=datetime.now(UTC),
            coalesce=True,  # a process that slept runs one tick, not one per second missed
            max_instances=1,
            misfire_grace_time=None,
        )
        for number, chore in enumerate(self._chores):
            scheduler.add_job(
                self._safe_chore,
                IntervalTrigger(seconds=self._interval, timezone=UTC),
                args=(chore,),
                id=f"chore-{number}",
                next_run_time=datetime.now(UTC),
                coalesce=True,
                max_instances=1,
                misfire_grace_time=None,
            )
        scheduler.start()
        self._scheduler = scheduler

    async def stop(self) -> None:
        """Stop ticking and wait for a tick under way to finish."""
        self._stopped = True
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        self._scheduler = None
        # The shutdown runs on the loop's next turn, and a tick it started just before ends on
        # the turn after (it sees _stopped): let both happen before the loop may be closed.
        for _ in range(2):
            await asyncio.sleep(0)
        async with self._ticking:
            pass

    async def tick(self) -> None:
        """Fire what is due, report what was missed, and report occurrences now finished."""
        async with self._ticking:
            fired = await self._firing.fire_due()
            if fired.occurrences:
                self._fired()
            await self._report(fired.missed)
            for schedule in fired.stopped:
                await self._tell_stopped(schedule)
            await self._report(await finish_completed(self._sessions, self._clock.now()))

    async def _safe_tick(self) -> None:
        if self._stopped:
            return  # started just as the scheduler was shut down
        try:
            await self.tick()
        except Exception:  # the next tick tries again; the tables still say what is due
            log.exception("scheduler tick failed")

    async def _safe_chore(self, chore: Callable[[], Awaitable[object]]) -> None:
        if self._stopped:
            return
        try:
            await chore()
        except Exception:
            log.exception("scheduler chore failed; it runs again next tick")

    async def _tell_stopped(self, schedule: int) -> None:
        try:
            await self._reporter.stopped(schedule)
        except Exception:
            log.exception("could not tell the creator of schedule %s it was switched off", schedule)

    async def _report(self, occurrences: Sequence[int]) -> None:
        for occurrence in occurrences:
            try:
                await self._reporter.report(occurrence)
            except Exception:
                log.exception("could not report occurrence %s to its creator", occurrence)
