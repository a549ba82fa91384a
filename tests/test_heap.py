"""What a process keeps for good leaves the garbage collector's full walks."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import weakref
from collections.abc import Iterator

import pytest

from core.heap import collect_young_only, keep_for_good


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Give the test process its collector back afterwards."""
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("unfrozen")
def test_what_start_up_built_is_frozen_and_garbage_is_not() -> None:
    """Live objects are frozen; a reference cycle nobody holds is collected first."""
    kept = [[number] for number in range(1000)]
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    keep_for_good()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.collect() == 0  # nothing left to find: the cycle went before the freeze


async def test_a_recording_process_collects_only_its_young_garbage() -> None:
    """While it runs, nothing collects on its own; every turn, young reference cycles go."""
    settling = asyncio.create_task(collect_young_only(every=0.01))
    await asyncio.sleep(0)
    assert not gc.isenabled()
    cycle: list[object] = []
    cycle.append(cycle)
    gone = weakref.ref(Cell(cycle))
    del cycle
    await asyncio.sleep(0.05)
    assert gone() is None
    settling.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await settling
    assert gc.isenabled()


class Cell:
    """Something a weak reference can point to, held only by a reference cycle."""

    def __init__(self, cycle: list[object]) -> None:
        cycle.append(self)
