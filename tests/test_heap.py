"""What a process keeps for good leaves the garbage collector's full walks."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Iterator

import pytest

from core.heap import keep_for_good, keep_records_for_good


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


@pytest.mark.usefixtures("unfrozen")
async def test_a_recording_process_freezes_what_it_keeps_as_it_goes() -> None:
    """Records added after start are frozen too, on the next turn of the settling task."""
    settling = asyncio.create_task(keep_records_for_good(every=0.01))
    await asyncio.sleep(0.05)
    before = gc.get_freeze_count()
    records = [[number] for number in range(1000)]
    await asyncio.sleep(0.05)
    settling.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await settling
    # the count also drops when a frozen object dies, as a few of the event loop's do meanwhile
    assert gc.get_freeze_count() >= before + len(records) - 50
