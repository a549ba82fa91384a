"""Prometheus metrics on /metrics: counters of this instance, and the delivery queue as it stands.

Every instance keeps its own registry and counters; Prometheus scrapes each and sums them. The
queue depth is read from the database when scraped, so it is the same on every instance (take
its max, not its sum).
"""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST as CONTENT_TYPE
from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler.schedule_tables import DeliveryRow

__all__ = ["CONTENT_TYPE", "PrometheusMetrics"]


class PrometheusMetrics:
    """The Metrics port, counted in a registry of its own."""

    def __init__(self, send_rate: float) -> None:
        self.registry = CollectorRegistry()
        self._updates = Counter(
            "mreza_updates", "Updates received, by transport and result",
            ["transport", "result"], registry=self.registry,
        )  # fmt: skip
        self._answers = Counter(
            "mreza_answers", "Questions answered, by search decision", ["decision"],
            registry=self.registry,
        )  # fmt: skip
        self._deliveries = Counter(
            "mreza_deliveries", "Delivery attempts, by outcome", ["status"],
            registry=self.registry,
        )  # fmt: skip
        self._sent = Counter(
            "mreza_messages_sent", "Messages sent (rate() of it is the send rate)",
            registry=self.registry,
        )  # fmt: skip
        self._pulses = Counter(
            "mreza_pulse_responses", "Pulse-check answers, by mode", ["mode"],
            registry=self.registry,
        )  # fmt: skip
        self._queue = Gauge(
            "mreza_delivery_queue", "Deliveries not yet finished, by status", ["status"],
            registry=self.registry,
        )  # fmt: skip
        limit = Gauge(
            "mreza_send_rate_limit", "Messages a second allowed in all (MREZA_SEND_RATE)",
            registry=self.registry,
        )  # fmt: skip
        limit.set(send_rate)

    def update_handled(self, transport: str, result: str) -> None:
        """Count an update."""
        self._updates.labels(transport, result).inc()

    def answered(self, decision: str) -> None:
        """Count an answer."""
        self._answers.labels(decision).inc()

    def delivery_ended(self, status: str) -> None:
        """Count a delivery attempt."""
        self._deliveries.labels(status).inc()

    def message_sent(self) -> None:
        """Count a message."""
        self._sent.inc()

    def pulse_answered(self, mode: str) -> None:
        """Count a pulse answer."""
        self._pulses.labels(mode).inc()

    async def page(self, sessions: async_sessionmaker[AsyncSession]) -> bytes:
        """The text Prometheus scrapes, with the queue depth read now."""
        async with sessions() as session:
            rows = await session.execute(
                select(DeliveryRow.status, func.count())
                .where(DeliveryRow.status.in_(("pending", "sending")))
                .group_by(DeliveryRow.status)
            )
            depth = {"pending": 0, "sending": 0} | {status: n for status, n in rows.all()}
        for status, count in depth.items():
            self._queue.labels(status).set(count)
        return generate_latest(self.registry)
