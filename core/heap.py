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

SETTLE_EVERY = 2.0  # seconds between collections of a recording process's young objects


def keep_for_good() -> None:
    """Collect what is garbage now, then leave every surviving object out of later collections.

    Objects frozen this way are still freed when nothing refers to them; only reference cycles
    among them are never collected, which is why what is frozen must be meant to stay.
    """
    gc.collect()
    gc.freeze()


async def collect_young_only(every: float = SETTLE_EVERY) -> None:
    """For a process that keeps all it records: no full collection ever walks the growing
    record; instead, every ``every`` seconds, the two young generations are collected together.

    Runs until cancelled, and gives automatic collection back then. Measured on a 10,000-message
    broadcast at 1,000 a second, the emulator served 630 to 680 messages a second this way,
    against 520 to 530 freezing its record every two seconds and 550 to 610 left as it was.
    """
    gc.disable()
    try:
        while True:
            await asyncio.sleep(every)
            gc.collect(1)
    finally:
        gc.enable()
