"""A timer for pacers that never sleeps: every wait is skipped, so limits keep their order and
the suite does not wait a second per message to one chat."""

from __future__ import annotations

import asyncio
import time


class SkippingTimer:
    """Monotonic time that jumps ahead by every wait instead of waiting."""

    def __init__(self) -> None:
        self._skipped = 0.0

    def now(self) -> float:
        """The monotonic clock plus every wait skipped so far."""
        return time.monotonic() + self._skipped

    async def sleep(self, seconds: float) -> None:
        """Count the wait as passed, and let others run."""
        self._skipped += max(0.0, seconds)
        await asyncio.sleep(0)
