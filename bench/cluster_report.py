"""``mreza bench broadcast --instances N`` (N > 1): the scale-out figures, printed."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import typer

from bench.cluster import scratch_database
from bench.cluster_bench import ClusterFigures, Scenario, cluster_broadcast


def report_cluster_broadcast(scenario: Scenario, server: str) -> None:
    """Run the broadcast in a scratch database on ``server`` and print what it measured."""

    async def measured() -> ClusterFigures:
        async with scratch_database(server) as url:
            return await cluster_broadcast(url, scenario)

    figures = asyncio.run(measured())
    typer.echo(
        f"members {figures.members}  instances {figures.instances}  rate {figures.rate_limit:g}/s"
        f"  killed: {', '.join(figures.killed) or 'none'}  logs: {scenario.logs}"
    )
    takeover = "-" if figures.takeover_seconds is None else f"{figures.takeover_seconds:.1f}"
    for name, value in (
        ("delivered", figures.delivered),
        ("duplicates", f"{figures.duplicates} (bound {figures.in_flight_bound})"),
        ("lost", figures.lost),
        ("wall time s", f"{figures.wall_seconds:.1f}"),
        ("achieved rate /s", f"{figures.achieved_rate:.1f}"),
        ("busiest second", f"{figures.busiest_second} (limit {figures.rate_limit:g})"),
        ("refused with 429", figures.rate_limited),
        ("new leader in s", f"{takeover} (timeout {figures.leader_timeout:g})"),
    ):
        typer.echo(f"{name:>18}: {value}")


def logs_directory() -> Path:
    """Where the instances' logs go: a directory that outlives the run, to read afterwards."""
    return Path(tempfile.mkdtemp(prefix="mreza-cluster-"))
