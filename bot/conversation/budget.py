"""How much one sender may ask of Mreža: a burst, then one message every few seconds.

Checked before any other work on a message (no database, no search), so one member sending a
hundred messages a second costs the others nothing: past the budget the sender gets one short
"slow down" in their language, and then silence until the budget has room again. The operator's
own console is not a sender to protect anyone from. Strangers get no notice: they are answered
once, by the refusal, and that is all.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

BURST = 5  # messages at once: a thought typed as several short messages
EVERY = 3.0  # seconds for each further message: faster than anyone reads the answers
NOTICE_EVERY = 60.0  # seconds: one "slow down" a minute is enough to be understood
EXEMPT = frozenset({"console"})  # the operator's terminal
PRUNE_AT = 4096  # senders remembered before those with a full budget are forgotten


class Monotonic(Protocol):
    """Monotonic seconds (the pacers' timer)."""

    def now(self) -> float:
        """Seconds on a monotonic clock."""
        ...


class Verdict(enum.Enum):
    """What to do with a sender's message."""

    ADMIT = "admit"  # handle it
    WARN = "warn"  # drop it, and say once to slow down
    SILENT = "silent"  # drop it without a word


@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float
    warned_at: float | None = None


class SenderBudget:
    """A token bucket per sender: ``burst`` at once, refilled one every ``every`` seconds."""

    def __init__(self, timer: Monotonic, burst: int = BURST, every: float = EVERY) -> None:
        self._timer = timer
        self._burst = burst
        self._every = every
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    def admit(self, transport: str, sender: str) -> Verdict:
        """Take one message from the sender's budget, or say how to refuse it."""
        if transport in EXEMPT:
            return Verdict.ADMIT
        now = self._timer.now()
        bucket = self._buckets.get((transport, sender))
        if bucket is None:
            self._prune(now)
            bucket = self._buckets[transport, sender] = _Bucket(float(self._burst), now)
        bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.stamp) / self._every)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return Verdict.ADMIT
        if bucket.warned_at is not None and now - bucket.warned_at < NOTICE_EVERY:
            return Verdict.SILENT
        bucket.warned_at = now
        return Verdict.WARN

    def _prune(self, now: float) -> None:
        """Forget senders whose budget is full again: they are as good as new."""
        if len(self._buckets) < PRUNE_AT:
            return
        self._buckets = {
            key: bucket
            for key, bucket in self._buckets.items()
            if bucket.tokens + (now - bucket.stamp) / self._every < self._burst
            or (bucket.warned_at is not None and now - bucket.warned_at < NOTICE_EVERY)
        }
