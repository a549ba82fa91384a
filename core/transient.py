"""Database errors that pass, and trying again through them.

SQLite held by another process answers "database is locked" once its busy timeout runs out;
PostgreSQL restarting or a connection reset in the middle of a statement answers with a
connection error. Both are gone a few seconds later, so work that met one is tried again
after a growing pause rather than dropped: a member's message is answered late, not never.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

log = logging.getLogger(__name__)
T = TypeVar("T")
FIRST_PAUSE = 0.2  # seconds before the first retry
LONGEST_PAUSE = 10.0  # pauses double up to this
GIVE_UP_AFTER = 300.0  # seconds of pauses in all: longer than any lock or restart seen


class Sleeper(Protocol):
    """What waits between attempts: the pacers' timer, so tests need not wait."""

    async def sleep(self, seconds: float) -> None:
        """Wait this long."""
        ...


def transient(error: BaseException) -> bool:
    """True for a database error that passes by itself: busy, locked, or a connection lost."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(error, ConnectionError | TimeoutError)


class Backoff:
    """Growing pauses between attempts: doubled each time, up to ``LONGEST_PAUSE``."""

    def __init__(self, sleeper: Sleeper) -> None:
        self._sleeper = sleeper
        self.pause = FIRST_PAUSE
        self.waited = 0.0

    async def wait(self) -> float:
        """Sleep the next pause; returns how long it was."""
        pause = self.pause
        await self._sleeper.sleep(pause)
        self.waited += pause
        self.pause = min(pause * 2, LONGEST_PAUSE)
        return pause

    def reset(self) -> None:
        """An attempt worked: the next trouble starts with a short pause again."""
        self.pause, self.waited = FIRST_PAUSE, 0.0


async def retried(work: Callable[[], Awaitable[T]], sleeper: Sleeper, what: str) -> T:
    """``await work()``, tried again with backoff while it fails with a transient error.

    Past ``GIVE_UP_AFTER`` seconds of pauses the last error is raised.
    """
    backoff = Backoff(sleeper)
    while True:
        try:
            return await work()
        except Exception as error:
            if not transient(error) or backoff.waited >= GIVE_UP_AFTER:
                raise
            log.warning("%s: the database is unavailable (%s); trying again", what, _first(error))
            await backoff.wait()


def _first(error: BaseException) -> str:
    """The first line of an error: SQLAlchemy's add the statement and a link."""
    return str(error).splitlines()[0] if str(error) else type(error).__name__
