"""``mreza bench``: performance figures, printed, never asserted in tests."""

from __future__ import annotations

from typing import Annotated

import typer

from core.clock import SystemClock
from core.settings import Settings
from knowledge.bench import SIZES, run_search_bench
from knowledge.loader import load_knowledge_base


def build() -> typer.Typer:
    """The ``bench`` command group."""
    group = typer.Typer(help="Measure performance.", no_args_is_help=True)
    group.command()(search)
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
