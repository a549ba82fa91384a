"""``mreza kb``: check and export the curated knowledge base."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli import curate, kb_drafting, kb_report, review, suggest
from bot.cli.common import clock, fail, print_json, with_mreza
from core.settings import Settings
from knowledge.entry import Entry
from knowledge.loader import LoadReport, coverage, load_knowledge_base
from knowledge.translating import NotTranslated, mark_translated


def build() -> typer.Typer:
    """The ``kb`` command group."""
    group = typer.Typer(help="Check, export and curate the knowledge base.", no_args_is_help=True)
    group.command()(check)
    group.command()(export)
    group.command()(translated)
    curate.register(group)
    kb_drafting.register(group)
    review.register(group)
    suggest.register(group)
    kb_report.register(group)
    return group


def check(
    path: Annotated[Path | None, typer.Argument(help="A directory of entries or one file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Validate every entry; list each problem with file, field and reason."""
    target = path or Settings().kb_path
    if not target.exists():
        fail(f"{target} does not exist")
    report = load_knowledge_base(target, clock().now().date())
    covered = coverage(report.entries)
    if as_json:
        print_json(check_json(report, covered))
        if not report.clean:
            raise typer.Exit(1)
        return
    for problem in report.problems:
        typer.echo(str(problem))
    for lang, (done, total) in covered.items():
        share = done / total if total else 1.0
        typer.echo(f"{lang:8} {done:3} of {total} entries current ({share:.0%})")
    if not report.clean:
        fail(f"{len(report.problems)} problem(s) in {target}")
    typer.echo(f"{len(report.entries)} entries, no problems")


def check_json(report: LoadReport, covered: Mapping[str, tuple[int, int]]) -> dict[str, object]:
    """The JSON of ``mreza kb check``: each problem, and how current each translation is."""
    return {
        "clean": report.clean,
        "entries": len(report.entries),
        "problems": [
            {"file": p.file, "field": p.field, "reason": p.reason, "blocking": p.blocking}
            for p in report.problems
        ],
        "coverage": {
            lang: {"current": done, "total": total} for lang, (done, total) in covered.items()
        },
    }


def translated(
    entry_id: Annotated[str, typer.Argument(help="The entry's id.")],
    langs: Annotated[list[str], typer.Argument(help="Language forms: bcms, sr-cyrl, mk.")],
) -> None:
    """Mark translations as reviewed against the English as it now stands."""
    try:
        stamp = mark_translated(Settings().kb_path, entry_id, langs)
    except NotTranslated as error:
        fail(str(error), 2)
    typer.echo(f"{entry_id}: {', '.join(langs)} made from English {stamp}")


def export(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the entries as a JSON list.")
    ] = False,
) -> None:
    """Print every active entry, including phrasings curators attached in the database."""
    if not as_json:
        fail("only --json is supported", 2)

    async def work(mreza: Mreza) -> None:
        print_json([entry_json(e) for e in mreza.librarian.entries])

    with_mreza(work)


def entry_json(entry: Entry) -> dict[str, object]:
    """The JSON shape of an entry: every field of the YAML format."""
    questions: dict[str, list[dict[str, object]]] = {}
    for q in entry.questions:
        questions.setdefault(q.lang, []).append({"text": q.text, "curated": q.curated})
    return {
        "id": entry.id,
        "title": entry.title,
        "answer": entry.answer,
        "questions": questions,
        "tags": list(entry.tags),
        "countries": list(entry.countries),
        "sources": [{"title": s.title, "url": s.url} for s in entry.sources],
        "checked": entry.checked.isoformat(),
        "accepted": entry.accepted,
    }
