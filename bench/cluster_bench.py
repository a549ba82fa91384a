"""One broadcast through N ``mreza run`` instances on PostgreSQL, with the leader and a worker
killed by SIGKILL mid-way: the scale-out figures, for ``mreza bench broadcast --instances N``
and for the test that asserts them.

The killed instances are started again once a new leader is in place, under the same names,
as an orchestrator would: each takes back at once the rows it had claimed. Duplicates can only
be messages in flight at the kill, at most one per sender of each killed instance.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bench.broadcast import (
    FREE_RATE,
    TEXT,
    add_members,
    add_users,
    busiest_second,
    drained,
    tally,
)
from bench.cluster import Instance, InstanceSettings, healthy, launch
from bot.members.directory import SqlMemberDirectory
from core.clock import SystemClock
from core.settings import Settings
from core.storage import create_engine, session_factory, upgrade
from emulators.telegram import CallRecord, EmulatorClient, EmulatorProcess
from scheduler.audience import Audience
from scheduler.engine import senders_for
from scheduler.leadership import current_leader
from scheduler.planner import Planner
from scheduler.schedule_drafts import AnnouncementDraft

KILL_AT = 0.3  # the share of members reached when the leader and a worker are killed
LOOK_EVERY = 0.05  # seconds between looks for a new leader


@dataclass(frozen=True, slots=True)
class ClusterFigures:
    """What one broadcast through several instances measured."""

    members: int
    instances: int
    delivered: int  # successful sends, duplicates included
    duplicates: int
    lost: int
    wall_seconds: float
    achieved_rate: float
    busiest_second: int
    rate_limit: float
    rate_limited: int  # 429 answers
    killed: tuple[str, ...]
    in_flight_bound: int  # the most duplicates the kills may cause
    takeover_seconds: float | None  # from killing the leader to another one leading
    leader_timeout: float


@dataclass(frozen=True, slots=True)
class Scenario:
    """How big, how fast, and whether to kill."""

    members: int
    instances: int
    rate: float
    latency_ms: float
    kill: bool
    logs: Path


async def cluster_broadcast(database_url: str, scenario: Scenario) -> ClusterFigures:
    """Broadcast to ``members`` through the instances, killing two mid-way if asked; measure."""
    emulator = EmulatorProcess(latency_ms=scenario.latency_ms, enforce_limits=_limited(scenario))
    async with emulator as client:
        users = await add_users(client, scenario.members)
        database = create_engine(database_url)
        try:
            await upgrade(database)
            await add_members(session_factory(database), users)
            cluster = InstanceSettings(
                database_url, client.base_url, emulator.token, scenario.rate, scenario.logs
            )
            run = await _run(database, cluster, client, scenario)
        finally:
            await database.dispose()
        calls = await client.calls(method="sendMessage")
        counters = await client.counters()
    return _figures(scenario, run, calls, users, counters.rate_limited)


@dataclass(frozen=True, slots=True)
class _Run:
    wall_seconds: float
    killed: tuple[str, ...]
    takeover_seconds: float | None


async def _run(
    database: AsyncEngine, cluster: InstanceSettings, client: EmulatorClient, scenario: Scenario
) -> _Run:
    names = [f"instance-{number}" for number in range(1, scenario.instances + 1)]
    instances = {name: await launch(name, cluster) for name in names}
    try:
        await asyncio.gather(*(healthy(i, cluster.logs) for i in instances.values()))
        sessions = session_factory(database)
        started = time.perf_counter()
        planner = Planner(sessions, SqlMemberDirectory(sessions), SystemClock())
        await planner.announce(AnnouncementDraft(TEXT, Audience(everyone=True)), None)
        killed: tuple[str, ...] = ()
        takeover = None
        if scenario.kill and scenario.instances >= 2:
            await _sent_at_least(client, int(scenario.members * KILL_AT))
            killed, takeover = await _kill_leader_and_worker(database, instances)
            for name in killed:  # the orchestrator starts them again
                instances[name] = await launch(name, cluster)
        await drained(sessions)
        return _Run(time.perf_counter() - started, killed, takeover)
    finally:
        await asyncio.gather(*(instance.stop() for instance in instances.values()))


async def _sent_at_least(client: EmulatorClient, count: int) -> None:
    while True:  # another process's count: there is nothing to wait on but asking again
        if (await client.counters()).messages_sent >= count:
            return
        await asyncio.sleep(LOOK_EVERY)


async def _kill_leader_and_worker(
    database: AsyncEngine, instances: dict[str, Instance]
) -> tuple[tuple[str, ...], float]:
    """SIGKILL the leader and one other; the seconds until a survivor leads."""
    leader = await current_leader(database)
    if leader not in instances:
        raise RuntimeError(f"no instance leads the scheduler (the lock is held by {leader!r})")
    worker = next(name for name in instances if name != leader)
    for name in (leader, worker):
        instances[name].kill()
    killed_at = time.monotonic()
    for name in (leader, worker):
        await instances[name].process.wait()
    while True:  # the lock is PostgreSQL's: ask it until a survivor holds it
        if await current_leader(database) not in (None, leader, worker):
            break
        await asyncio.sleep(LOOK_EVERY)
    return (leader, worker), time.monotonic() - killed_at


def _limited(scenario: Scenario) -> bool:
    return scenario.rate <= FREE_RATE


def _figures(
    scenario: Scenario, run: _Run, calls: Sequence[CallRecord], users: Sequence[int], refused: int
) -> ClusterFigures:
    ok_times = [call.time for call in calls if call.ok]
    duplicates, lost = tally(calls, users)
    span = max(ok_times) - min(ok_times) if len(ok_times) > 1 else 0.0
    senders = senders_for(scenario.rate)
    return ClusterFigures(
        members=scenario.members,
        instances=scenario.instances,
        delivered=len(ok_times),
        duplicates=duplicates,
        lost=lost,
        wall_seconds=run.wall_seconds,
        achieved_rate=(len(ok_times) - 1) / span if span else 0.0,
        busiest_second=busiest_second([call.time for call in calls]),
        rate_limit=scenario.rate,
        rate_limited=refused,
        killed=run.killed,
        in_flight_bound=senders * len(run.killed),
        takeover_seconds=run.takeover_seconds,
        leader_timeout=Settings().leader_timeout,
    )
