"""What Mreža counts for its operators, as a port: the core says what happened, an adapter counts.

The Prometheus adapter is bot/operations/instance_metrics.py; tests and the console use
``NoMetrics``.
"""

from __future__ import annotations

from typing import Protocol


class Metrics(Protocol):
    """Things that happened, each counted once by the instance where it happened."""

    def update_handled(self, transport: str, result: str) -> None:
        """An update came in: "handled", "duplicate" (another instance took it) or "ignored"."""
        ...

    def answered(self, decision: str) -> None:
        """A question was answered with a search decision: "answer", "clarify", "none",
        "redirect" or "smalltalk"."""
        ...

    def delivery_ended(self, status: str) -> None:
        """A scheduled delivery was attempted: "sent", "pending" (retried), "failed", ..."""
        ...

    def message_sent(self) -> None:
        """One message went to the messaging service (a reply or a delivery)."""
        ...

    def pulse_answered(self, mode: str) -> None:
        """A member answered a pulse check ("confidential" or "anonymous").

        The hook for pulse checks: call it where an answer is recorded, never with who answered.
        """
        ...


class NoMetrics:
    """Counts nothing."""

    def update_handled(self, transport: str, result: str) -> None:
        """Nothing."""

    def answered(self, decision: str) -> None:
        """Nothing."""

    def delivery_ended(self, status: str) -> None:
        """Nothing."""

    def message_sent(self) -> None:
        """Nothing."""

    def pulse_answered(self, mode: str) -> None:
        """Nothing."""
