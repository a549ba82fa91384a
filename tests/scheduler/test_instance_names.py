"""One live process per instance name: a second refuses to start, naming the first."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import timedelta

import pytest

from core.clock import FakeClock
from core.settings import Settings
from scheduler.engine import SchedulerEngine
from scheduler.instances import LIVE_FOR, InstanceNames, InstanceNameTaken, Process
from scheduler.outbox import Outbox
from tests.scheduler.fakes import PlainComposer, ReportLog
from tests.scheduler.world import World, eventually_true, now_true

FIRST = Process("node-a", 4242)
HOST = socket.gethostname()


def names(world: World, process: Process, alive: bool = True) -> InstanceNames:
    """The hold of ``process`` on the name "mreza-1"; ``alive``: whether its host's other
    processes still run."""
    return InstanceNames(world.sessions, world.clock, "mreza-1", process, lambda _pid: alive)


async def test_a_second_live_process_under_the_name_is_refused_naming_the_first(
    world: World,
) -> None:
    """Another process on the same host, the first still running: refused, with host and pid."""
    await names(world, FIRST).enter()
    with pytest.raises(InstanceNameTaken) as refused:
        await names(world, Process("node-a", 5151)).enter()
    assert "another live instance is named 'mreza-1': process 4242 on node-a" in str(refused.value)


async def test_a_process_on_another_host_is_refused_while_the_first_is_seen(
    world: World, clock: FakeClock
) -> None:
    """Another host cannot tell whether the first runs: it waits until it is no longer seen."""
    first = names(world, FIRST)
    await first.enter()
    clock.advance(LIVE_FOR)
    await first.beat()
    clock.advance(LIVE_FOR - timedelta(seconds=1))
    with pytest.raises(InstanceNameTaken):
        await names(world, Process("node-b", 4242)).enter()
    clock.advance(timedelta(seconds=1))
    await names(world, Process("node-b", 4242)).enter()


async def test_a_killed_process_on_the_same_host_frees_the_name_at_once(world: World) -> None:
    """A restart after a kill need not wait: the holder's process no longer runs."""
    await names(world, FIRST).enter()
    await names(world, Process("node-a", 5151), alive=False).enter()


async def test_a_clean_stop_frees_the_name_at_once(world: World) -> None:
    """An instance that stopped cleanly left nothing behind."""
    first = names(world, FIRST)
    await first.enter()
    await first.leave()
    await names(world, Process("node-b", 1)).enter()


async def test_the_engine_refuses_to_start_under_a_live_processs_name(world: World) -> None:
    """Started under a name another live process holds, the engine takes no claim back."""
    await InstanceNames(world.sessions, world.clock, "shared", Process("elsewhere", 7)).enter()
    engine = SchedulerEngine(
        world.sessions, world.members, world.clock, world.messenger, PlainComposer(),
        ReportLog(), world.pacer, Settings(instance_id="shared"),
    )  # fmt: skip
    with pytest.raises(InstanceNameTaken, match="process 7 on elsewhere"):
        await engine.start()


def test_unset_instance_ids_differ_between_processes() -> None:
    """Two processes on one host get different names: host, process id and a random part."""
    script = "from core.settings import Settings; print(Settings().instance_id)"
    made = {
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(made) == 2
    assert Settings().instance_id == Settings().instance_id  # one name for the whole process


async def test_a_killed_instances_claims_come_back_when_another_starts(world: World) -> None:
    """Rows a killed process on this host had claimed go back to pending at once when any
    instance starts, rather than after their lease; a live instance's claims stay its own."""
    await world.crowd(4)
    await world.announce("Hello")
    await world.fire()
    dead = InstanceNames(world.sessions, world.clock, "killed", Process(HOST, 999_999))
    live = InstanceNames(world.sessions, world.clock, "busy", Process("node-b", 1))
    await dead.enter()
    await live.enter()
    await Outbox(world.sessions, "killed").claim(world.clock.now(), 2)
    await Outbox(world.sessions, "busy").claim(world.clock.now(), 2)
    engine = SchedulerEngine(
        world.sessions, world.members, world.clock, world.messenger, PlainComposer(),
        ReportLog(), world.pacer, Settings(instance_id="restarted"),
    )  # fmt: skip
    await engine.start()
    try:
        await eventually_true(now_true(lambda: len(world.messenger.memory.said) == 2), "2 sends")
    finally:
        await engine.stop()
    rows = await world.deliveries()
    assert sorted((row.status, row.claimed_by or "") for row in rows) == [
        ("sending", "busy"), ("sending", "busy"), ("sent", ""), ("sent", "")
    ]  # fmt: skip
