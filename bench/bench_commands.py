"""``mreza bench``: performance figures, printed, never asserted in tests.

The benchmarks bring in the emulators, a web server and the delivery engine; each command
imports what it runs, so that every other ``mreza`` command starts without them.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from bench.cluster import DEFAULT_SERVER
from bench.search_bench import SIZES, run_search_bench
from core.clock import SystemClock
from core.settings import Settings
from knowledge.loader import load_knowledge_base


def build() -> typer.Typer:
    """The ``bench`` command group."""
    group = typer.Typer(help="Measure performance.", no_args_is_help=True)
    group.command()(search)
    group.command()(broadcast)
    group.command()(pulse)
    group.command(name="signal")(signal_broadcast)
    group.command()(flood)
    return group


def search(
    sizes: Annotated[str, typer.Option(help="Comma-separated knowledge-base sizes.")] = ",".join(
        map(str, SIZES)
    ),
    queries: Annotated[int, typer.Option(help="Questions timed at each size.")] = 2000,
) -> None:
    """Index build time, peak memory and per-question latency on synthetic knowledge bases."""
    report = load_knowledge_base(Settings().kb_path, SystemClock().now().date())
    typer.echo(
        f"{'entries':>8} {'build s':>8} {'peak MB':>8} {'p50 ms':>7} {'p99 ms':>7} {'p99 cpu':>7}"
    )
    for size in (int(s) for s in sizes.split(",")):
        r = run_search_bench(report.entries, size, queries)
        typer.echo(
            f"{r.entries:8d} {r.build_seconds:8.2f} {r.peak_mb:8.1f}"
            f" {r.p50_ms:7.3f} {r.p99_ms:7.3f} {r.p99_cpu_ms:7.3f}"
        )


def broadcast(
    members: Annotated[int, typer.Option(help="Members the announcement goes to.")] = 1000,
    latency_ms: Annotated[float, typer.Option(help="Emulated Bot API latency per call.")] = 50.0,
    rate: Annotated[float | None, typer.Option(help="Messages a second (MREZA_SEND_RATE).")] = None,
    instances: Annotated[int, typer.Option(help="Bot instances sharing the work.")] = 1,
    senders: Annotated[int | None, typer.Option(help="Concurrent senders per instance.")] = None,
    postgres: Annotated[
        str,
        typer.Option(
            help="With --instances > 1: the PostgreSQL server to use a scratch database on."
        ),
    ] = DEFAULT_SERVER,
    kill: Annotated[
        bool, typer.Option(help="With --instances > 1: SIGKILL the leader and a worker mid-way.")
    ] = True,
) -> None:
    """One announcement to N members through the real engine against the emulator, measured.

    With --instances N > 1: N `mreza run --webhook` processes on PostgreSQL share the work.
    """
    from bench.broadcast import FREE_RATE
    from bench.broadcast import broadcast as run_broadcast
    from bench.cluster_bench import Scenario
    from bench.cluster_report import logs_directory, report_cluster_broadcast

    settings = Settings()
    chosen = rate or settings.send_rate
    if instances > 1:
        scenario = Scenario(members, instances, chosen, latency_ms, kill, logs_directory())
        report_cluster_broadcast(scenario, postgres)
        return
    senders = senders or settings.send_concurrency
    figures = asyncio.run(run_broadcast(members, latency_ms, chosen, instances, senders))
    typer.echo(
        f"members {members}  latency {latency_ms:g} ms  rate {chosen:g}/s  instances {instances}"
        f"  limits enforced: {'yes' if chosen <= FREE_RATE else 'no (paid broadcast rate)'}"
    )
    for name, value in (
        ("delivered", figures.delivered),
        ("duplicates", figures.duplicates),
        ("lost", figures.lost),
        ("wall time s", f"{figures.wall_seconds:.1f}"),
        ("achieved rate /s", f"{figures.achieved_rate:.1f}"),
        ("busiest second", figures.busiest_second),
        ("refused with 429", figures.rate_limited),
        ("peak RSS MB", f"{figures.peak_rss_mb:.0f}"),
    ):
        typer.echo(f"{name:>18}: {value}")


def pulse(
    members: Annotated[int, typer.Option(help="Members the pulse goes to.")] = 10_000,
) -> None:
    """One pulse to N members: fan-out, composing, ingesting N answers, and the results."""
    from bench.pulse_bench import run_pulse_bench

    figures = asyncio.run(run_pulse_bench(members))
    typer.echo(f"members {figures.members}")
    for name, seconds in (
        ("fan out s", figures.fan_out),
        ("compose all s", figures.compose),
        ("ingest answers s", figures.ingest),
        ("results s", figures.results),
    ):
        typer.echo(f"{name:>18}: {seconds:.2f}")
    typer.echo(f"{'answers / s':>18}: {figures.answers_per_second:.0f}")


def signal_broadcast(
    members: Annotated[int, typer.Option(help="Members on Signal the announcement goes to.")] = 200,
    rate: Annotated[float, typer.Option(help="Messages a second (MREZA_SIGNAL_SEND_RATE).")] = 20.0,
    limits: Annotated[int, typer.Option(help="Sends the daemon refuses as rate-limited.")] = 3,
    retry_after: Annotated[int, typer.Option(help="Seconds each refusal asks to wait.")] = 1,
    backoff: Annotated[float, typer.Option(help="MREZA_SIGNAL_BACKOFF, seconds.")] = 1.0,
) -> None:
    """One announcement to N Signal members through `mreza run --transport signal`, measured."""
    from bench.signal_bench import run_signal_bench

    figures = asyncio.run(run_signal_bench(members, rate, limits, retry_after, backoff))
    typer.echo(
        f"members {members}  rate {rate:g}/s  rate limits {limits} x {retry_after} s"
        f"  backoff {backoff:g} s"
    )
    for name, value in (
        ("delivered", figures.delivered),
        ("duplicates", figures.duplicates),
        ("lost", figures.lost),
        ("rate-limited", figures.rate_limited),
        ("wall time s", f"{figures.wall_seconds:.1f}"),
        ("achieved rate /s", f"{figures.achieved_rate:.1f}"),
        ("busiest second", figures.busiest_second),
    ):
        typer.echo(f"{name:>18}: {value}")


def flood(
    messages: Annotated[int, typer.Option(help="Messages the flooding member sends.")] = 200,
    members: Annotated[int, typer.Option(help="Members the broadcast goes to.")] = 10_000,
    questions: Annotated[int, typer.Option(help="Questions asked during the broadcast.")] = 20,
    latency_ms: Annotated[float, typer.Option(help="Emulated Bot API latency per call.")] = 50.0,
) -> None:
    """Reply latency of ten members while one floods, and of members during a broadcast."""
    from bench.flood_bench import run_flood_bench  # the emulator and the bot, only when run

    flooded, during, sends = asyncio.run(run_flood_bench(messages, members, questions, latency_ms))
    typer.echo(f"one member sends {messages} messages, ten others ask one question each:")
    typer.echo(f"  the ten: {flooded.line()}")
    typer.echo(f"a broadcast to {members} members at the full rate ({sends} sent meanwhile):")
    typer.echo(f"  members asking, one a second: {during.line()}")
