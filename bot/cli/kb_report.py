"""``mreza kb report``: per entry, how often it was served, its ratings and its age."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli.common import print_json, with_mreza
from knowledge.quality import EntryQuality, quality_report


def register(group: typer.Typer) -> None:
    """Add the report to the ``kb`` group."""
    group.command()(report)


def report(
    as_json: Annotated[bool, typer.Option("--json", help="Print it as JSON.")] = False,
) -> None:
    """Served, 👍/👎, clarify picks and days since checked; stale and low-rated flagged."""

    async def work(mreza: Mreza) -> list[EntryQuality]:
        async with mreza.sessions() as session:
            today = mreza.clock.now().date()
            return await quality_report(session, mreza.librarian.entries, today)

    found = with_mreza(work)
    if as_json:
        print_json([q.as_json() for q in found])
        return
    typer.echo(f"{'entry':<48} served  👍  👎 picks checked")
    for q in found:
        flags = " ".join(f for f, on in (("STALE", q.stale), ("LOW", q.low_rated)) if on)
        typer.echo(
            f"{q.entry_id[:48]:<48} {q.served:>6} {q.helpful:>3} {q.not_helpful:>3} "
            f"{q.picks:>5} {q.days_since_checked:>5}d {flags}".rstrip()
        )
