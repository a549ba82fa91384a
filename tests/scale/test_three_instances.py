"""Three instances on PostgreSQL, 5,000 members, the leader and a worker killed mid-way."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bench.cluster_bench import Scenario, cluster_broadcast

pytestmark = pytest.mark.slow  # several instances on PostgreSQL

MEMBERS = 5000
RATE = 100.0  # messages a second in all; Telegram's paid broadcasts allow up to 1,000
WITHIN = 600.0  # seconds for the whole run, start-up of three processes included


async def test_a_broadcast_survives_losing_the_leader_and_a_worker(
    postgres_url: str, tmp_path: Path
) -> None:
    """Everyone is reached, few twice, never too fast, and a new leader is in place in time."""
    scenario = Scenario(MEMBERS, 3, RATE, latency_ms=50, kill=True, logs=tmp_path)
    figures = await asyncio.wait_for(cluster_broadcast(postgres_url, scenario), WITHIN)
    assert len(figures.killed) == 2
    assert figures.lost == 0
    assert figures.duplicates <= figures.in_flight_bound
    assert figures.busiest_second <= RATE
    assert figures.takeover_seconds is not None
    assert figures.takeover_seconds <= figures.leader_timeout
