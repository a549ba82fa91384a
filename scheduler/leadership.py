"""One scheduler leader among the instances: whoever holds a PostgreSQL advisory lock.

Only the leader fires schedules; every instance delivers. The lock is a session lock on a
connection of its own, so it lasts exactly as long as that connection: a leader killed with
SIGKILL drops it at once (PostgreSQL sees the socket close), and one whose host vanished loses
it when TCP keepalives give up, which the settings below make happen within two thirds of the
timeout. Followers ask again every third of the timeout, so a new leader is in place within
``MREZA_LEADER_TIMEOUT``. A leader that cannot reach its connection steps down on its own. Should
two ever fire at once during a handover, the unique (schedule, fire time) key still holds.
On SQLite there is one instance, and it leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)
# pg_advisory_lock takes a 64-bit key; this one reads "mreza" in ASCII. Locks are per database.
LOCK_KEY = 0x6D72657A61
KEEPALIVE_PROBES = 3
APPLICATION = "mreza scheduler "  # the lock connection's application_name, before the instance

Elected = Callable[[], None]
Deposed = Callable[[], Awaitable[None]]


class Leadership(Protocol):
    """Calls ``elected`` when this instance starts leading and ``deposed`` when it stops."""

    @property
    def leading(self) -> bool:
        """True while this instance leads."""
        ...

    async def start(self, elected: Elected, deposed: Deposed) -> None:
        """Begin campaigning (and leading, once elected)."""
        ...

    async def stop(self) -> None:
        """Stop leading, if leading, and stop campaigning."""
        ...


class SoleLeader:
    """The one instance on SQLite: elected at start, deposed at stop."""

    def __init__(self) -> None:
        self._deposed: Deposed | None = None

    @property
    def leading(self) -> bool:
        """True between start and stop."""
        return self._deposed is not None

    async def start(self, elected: Elected, deposed: Deposed) -> None:
        """Lead at once."""
        self._deposed = deposed
        elected()

    async def stop(self) -> None:
        """Stop leading."""
        deposed, self._deposed = self._deposed, None
        if deposed is not None:
            await deposed()


class AdvisoryLockLeader:
    """Campaigns for the advisory lock on a dedicated connection, and leads while holding it."""

    def __init__(self, url: str, timeout: float, instance: str = "", key: int = LOCK_KEY) -> None:
        self._url = url
        self.retry = timeout / 3  # a follower asks this often; a leader checks its lock as often
        self._instance = instance
        self._key = key
        self._leading = False
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._elected: Elected = lambda: None
        self._deposed: Deposed | None = None
        self._engine: AsyncEngine | None = None

    @property
    def leading(self) -> bool:
        """True while this instance holds the lock."""
        return self._leading

    async def start(self, elected: Elected, deposed: Deposed) -> None:
        """Campaign in the background: the first attempt is made before this returns."""
        self._elected, self._deposed = elected, deposed
        self._engine = create_async_engine(
            self._url,
            poolclass=NullPool,  # the lock lives and dies with one connection, never pooled
            isolation_level="AUTOCOMMIT",  # a session lock needs no transaction held open
            connect_args={"server_settings": self._keepalives()},
        )
        first = asyncio.Event()
        self._task = asyncio.create_task(self._campaign(first), name="scheduler-leadership")
        await first.wait()

    async def stop(self) -> None:
        """Give up the lead (the lock goes with the connection) and stop campaigning."""
        self._stopping.set()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
        if self._engine is not None:
            await self._engine.dispose()

    def _keepalives(self) -> dict[str, str]:
        """Server-side TCP keepalives: a vanished leader's lock is freed within 2/3 of T."""
        idle = max(1, int(self.retry))
        interval = max(1, int(self.retry / KEEPALIVE_PROBES))
        return {
            "tcp_keepalives_idle": str(idle),
            "tcp_keepalives_interval": str(interval),
            "tcp_keepalives_count": str(KEEPALIVE_PROBES),
            "application_name": f"{APPLICATION}{self._instance}"[:63],
        }

    async def _campaign(self, first: asyncio.Event) -> None:
        assert self._engine is not None  # made by start
        while not self._stopping.is_set():
            try:
                async with self._engine.connect() as connection:
                    if await self._won(connection, first):
                        await self._lead(connection, first)
            except (SQLAlchemyError, OSError, TimeoutError) as error:
                log.warning("scheduler leadership: lost the database (%s); trying again", error)
            except Exception:  # whatever broke, an instance that stops campaigning never leads
                log.exception("scheduler leadership failed; campaigning again")
            finally:
                first.set()
                await self._step_down()
            await self._pause()

    async def _won(self, connection: AsyncConnection, first: asyncio.Event) -> bool:
        """Ask for the lock until it is ours; False if stopped first."""
        while not self._stopping.is_set():
            asked = text("SELECT pg_try_advisory_lock(:key)")
            got = await connection.scalar(asked, {"key": self._key})
            if got:
                return True
            first.set()
            await self._pause()
        return False

    async def _lead(self, connection: AsyncConnection, first: asyncio.Event) -> None:
        """Lead until stopped or until the connection holding the lock stops answering."""
        self._leading = True
        log.info("this instance (%s) now leads the scheduler", self._instance or "unnamed")
        self._elected()
        first.set()
        while not self._stopping.is_set():
            await self._pause()
            # a leader cut off from its lock must not go on leading: a check that hangs fails
            await asyncio.wait_for(connection.execute(text("SELECT 1")), self.retry)
        with contextlib.suppress(SQLAlchemyError, OSError, TimeoutError):
            await asyncio.wait_for(
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key}),
                self.retry,
            )

    async def _step_down(self) -> None:
        if not self._leading:
            return
        self._leading = False
        log.info("this instance (%s) no longer leads the scheduler", self._instance or "unnamed")
        if self._deposed is not None:
            await self._deposed()

    async def _pause(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), self.retry)


def leadership_for(url: str, timeout: float, instance: str) -> Leadership:
    """An advisory-lock campaign on PostgreSQL; on SQLite, the sole instance leads."""
    if make_url(url).get_backend_name() == "postgresql":
        return AdvisoryLockLeader(url, timeout, instance)
    return SoleLeader()


async def current_leader(database: AsyncEngine, key: int = LOCK_KEY) -> str | None:
    """The instance that holds the lead on this PostgreSQL database now, if any."""
    # A bigint advisory key shows in pg_locks as its high and low halves, objsubid 1.
    query = text(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
        " AND l.classid = :high AND l.objid = :low"
        " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )
    async with database.connect() as connection:
        name = await connection.scalar(query, {"high": key >> 32, "low": key & 0xFFFFFFFF})
    return None if name is None else str(name).removeprefix(APPLICATION)
