"""Keeping Python's cyclic garbage collector off what a process keeps for good.

A full collection walks every object the collector tracks. What a server builds at start (its
modules, the search index, the settings) and what the Bot API emulator records lives until the
process ends, yet each full collection walked it again: pauses of 80 to 190 ms, measured with
``gc.callbacks`` during a 10,000-message broadcast. A paused event loop sends or stamps the
messages that waited behind it together, which Telegram's one-second limit counts against us.
"""

from __future__ import annotations

import asyncio
import gc

SETTLE_EVERY = 2.0  # seconds between freezes of what a recording process has kept


def keep_for_good() -> None:
    """Collect what is garbage now, then leave every surviving object out of later collections.

    Objects frozen this way are still freed when nothing refers to them; only reference cycles
    among them are never collected, which is why what is frozen must be meant to stay.
    """
    gc.collect()
    gc.freeze()


async def keep_records_for_good(every: float = SETTLE_EVERY) -> None:
    """For a process that keeps all it records: now and then, freeze what the young collections
    let through, so that no full collection walks the growing record again. Runs until cancelled.
    """
    while True:
        await asyncio.sleep(every)
        gc.collect(1)  # young garbage first: only the survivors are frozen
        gc.freeze()
