"""What became of one delivery attempt, and when a failed one is tried again.

A 429 is Telegram pacing us, not the message failing: the row goes back to pending for when
Telegram said, and the attempt does not count. A 5xx or a timeout is retried with exponential
backoff and full jitter (so a thousand failures do not all come back in the same second) until
MAX_ATTEMPTS; anything else fails at once with Telegram's reason.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from core.messaging import DeliveryFailed, Sent

MAX_ATTEMPTS = 6
BACKOFF_BASE = 2.0  # seconds before the first retry, at most
BACKOFF_CAP = 300.0  # never wait more than five minutes between tries


@dataclass(frozen=True, slots=True)
class Claimed:
    """A delivery this instance took on: what to send to whom, and how often it was tried."""

    id: int
    occurrence_id: int
    recipient: str
    member_id: int | None
    attempts: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """The row's new state after one attempt (or after deciding not to attempt)."""

    delivery_id: int
    status: str  # sent, pending, failed, blocked, cancelled
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None = None
    message_id: str | None = None
    error: str | None = None


def delivered(job: Claimed, sent: Sent, now: datetime) -> Outcome:
    """Telegram took the message."""
    return Outcome(job.id, "sent", job.attempts + 1, now, sent_at=now, message_id=sent.message_id)


def ended(job: Claimed, status: str, reason: str, now: datetime) -> Outcome:
    """A final state reached without a message: blocked, failed or cancelled."""
    return Outcome(job.id, status, job.attempts, now, error=reason)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently transient failures are retried."""

    max_attempts: int = MAX_ATTEMPTS
    base: float = BACKOFF_BASE
    cap: float = BACKOFF_CAP
    rng: random.Random = field(default_factory=random.Random)  # tests seed their own

    def after(self, job: Claimed, failure: DeliveryFailed, now: datetime) -> Outcome:
        """The row's state after ``failure``."""
        if failure.retry_after is not None:
            later = now + timedelta(seconds=failure.retry_after)
            return Outcome(job.id, "pending", job.attempts, later, error=failure.reason)
        attempts = job.attempts + 1
        if not failure.transient or attempts >= self.max_attempts:
            return Outcome(job.id, "failed", attempts, now, error=failure.reason)
        later = now + self.backoff(attempts)
        return Outcome(job.id, "pending", attempts, later, error=failure.reason)

    def backoff(self, attempts: int) -> timedelta:
        """Full jitter: anywhere from nothing to base * 2^(attempts - 1), capped."""
        ceiling = min(self.cap, self.base * 2 ** (attempts - 1))
        return timedelta(seconds=self.rng.uniform(0, ceiling))
