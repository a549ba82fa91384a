"""``mreza bench``: performance figures, printed, never asserted in tests."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from bot.cli.broadcast import FREE_RATE
from bot.cli.broadcast import broadcast as run_broadcast
from core.clock import SystemClock
from core.settings import Settings
from knowledge.bench import SIZES, run_search_bench
from knowledge.loader import load_knowledge_base


def build() -> typer.Typer:
    """The ``bench`` command group."""
    group = typer.Typer(help="Measure performance.", no_args_is_help=True)
    group.command()(search)
    group.command()(broadcast)
    return group


def search(
    sizes: Annotated[str, typer.Option(help="Comma-separated knowledge-base sizes.")] = ",".join(
        map(str, SIZES)
    ),
    queries: Annotated[int, typer.Option(help="Questions timed at each size.")] = 2000,
) -> None:
    """Index build time, peak memory and per-question latency on synthetic knowledge bases."""
    report = load_knowledge_base(Settings().kb_path, SystemClock().now().date())
    typer.echo(f"{'entries':>8} {'build s':>8} {'peak MB':>8} {'p50 ms':>7} {'p99 ms':>7}")
    for size in (int(s) for s in sizes.split(",")):
        r = run_search_bench(report.entries, size, queries)
        typer.echo(
            f"{r.entries:8d} {r.build_seconds:8.2f} {r.peak_mb:8.1f}"
            f" {r.p50_ms:7.3f} {r.p99_ms:7.3f}"
        )


def broadcast(
    members: Annotated[int, typer.Option(help="Members the announcement goes to.")] = 1000,
    latency_ms: Annotated[float, typer.Option(help="Emulated Bot API latency per call.")] = 50.0,
    rate: Annotated[float | None, typer.Option(help="Messages a second (MREZA_SEND_RATE).")] = None,
    instances: Annotated[int, typer.Option(help="Bot instances sharing the work.")] = 1,
    senders: Annotated[int | None, typer.Option(help="Concurrent senders per instance.")] = None,
) -> None:
    """One announcement to N members through the real engine against the emulator, measured."""
    settings = Settings()
    chosen = rate or settings.send_rate
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
