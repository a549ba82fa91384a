"""One live process per instance name.

Claims on deliveries carry the instance's name, and an instance starting takes back every claim
under its name as left over from its previous run. Two live processes under one name would take
each other's claims and send them twice or strand them; so each process records its name with
its host and process id and renews it, and a second live process under the same name refuses to
start, naming the first. A name whose holder stopped cleanly, died on this host, or has not been
seen for ``LIVE_FOR`` is free again.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, DateTime, Integer, String, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from core.clock import Clock
from core.storage import Base, utc

log = logging.getLogger(__name__)
LIVE_FOR = timedelta(seconds=15)  # a holder not seen for this long has stopped
BEAT = LIVE_FOR / 3


class InstanceRow(Base):
    """The process that holds an instance name, and when it last said it is alive."""

    __tablename__ = "instances"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True, slots=True)
class Process:
    """A process: its host and its id there."""

    host: str
    pid: int


def this_process() -> Process:
    """The running process."""
    return Process(socket.gethostname(), os.getpid())


def running_here(pid: int) -> bool:
    """Whether a process of this id runs on this host."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        return True
    return True


class InstanceNameTaken(RuntimeError):
    """Another live process holds this instance's name."""

    def __init__(self, name: str, holder: Process, seen: timedelta) -> None:
        super().__init__(
            f"another live instance is named {name!r}: process {holder.pid} on {holder.host}, "
            f"seen {seen.total_seconds():.0f} s ago; give each instance its own "
            "MREZA_INSTANCE_ID (or leave it unset for one made per process)"
        )


class InstanceNames:
    """This process's hold on its instance name."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        name: str,
        process: Process | None = None,
        alive: Callable[[int], bool] = running_here,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.name = name
        self._process = process or this_process()
        self._alive = alive

    async def enter(self) -> None:
        """Take the name; ``InstanceNameTaken`` while another live process holds it."""
        for _ in range(2):  # a process taking the name at the same moment wins; then we look again
            try:
                await self._take()
                return
            except IntegrityError:
                continue
        await self._take()

    async def _take(self) -> None:
        now = self._clock.now()
        async with self._sessions.begin() as session:
            row = await session.get(InstanceRow, self.name, with_for_update=True)
            if row is None:
                process = self._process
                row = InstanceRow(name=self.name, host=process.host, pid=process.pid)
                session.add(row)
                row.started_at = row.seen_at = now
                return
            holder = Process(row.host, row.pid)
            if self._holds_it(holder, utc(row.seen_at), now):
                raise InstanceNameTaken(self.name, holder, now - utc(row.seen_at))
            row.host, row.pid = self._process.host, self._process.pid
            row.started_at = row.seen_at = now

    def _holds_it(self, holder: Process, seen: datetime, now: datetime) -> bool:
        """Whether another process still holds the name."""
        if holder == self._process or now - seen >= LIVE_FOR:
            return False
        return holder.host != self._process.host or self._alive(holder.pid)

    async def stopped(self, claimants: Iterable[str]) -> list[str]:
        """Of the names that hold claims, those whose process has stopped: not seen for
        ``LIVE_FOR``, or gone from this host. A name not recorded at all (a process of an
        older version, still running through an upgrade) keeps its claims until they expire."""
        wanted = set(claimants) - {self.name}
        if not wanted:
            return []
        now = self._clock.now()
        async with self._sessions() as session:
            rows = {
                row.name: row
                for row in await session.scalars(
                    select(InstanceRow).where(InstanceRow.name.in_(wanted))
                )
            }
        return sorted(
            name
            for name, row in rows.items()
            if not self._holds_it(Process(row.host, row.pid), utc(row.seen_at), now)
        )

    async def beat(self) -> None:
        """Say the name's holder is alive; a name taken over meanwhile is logged loudly."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(InstanceRow)
                .where(*self._ours())
                .values(seen_at=self._clock.now())
                .execution_options(synchronize_session=False)
            )
        if not getattr(result, "rowcount", 0):
            log.error("instance name %r is held by another process now", self.name)

    async def leave(self) -> None:
        """Free the name: a process starting under it next need not wait."""
        async with self._sessions.begin() as session:
            await session.execute(delete(InstanceRow).where(*self._ours()))

    def _ours(self) -> tuple[ColumnElement[bool], ...]:
        return (
            InstanceRow.name == self.name,
            InstanceRow.host == self._process.host,
            InstanceRow.pid == self._process.pid,
        )
