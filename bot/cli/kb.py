"""``mreza kb``: check and export the curated knowledge base."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli import curate, kb_drafting, kb_report, review, suggest
from bot.cli.common import clock, fail, print_json, with_mreza
from core.settings import Settings
from knowledge.entry import LANGUAGE_FORMS, Entry
from knowledge.loader import LoadReport, coverage, load_knowledge_base
from knowledge.problems import Problem
from knowledge.reading import read_in
from knowledge.topics import topics_problems
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
    """Validate every entry and the topic names; list each problem with file, field and reason."""
    target = path or Settings().kb_path
    if not target.exists():
        fail(f"{target} does not exist")
    report = load_knowledge_base(target, clock().now().date())
    problems = [*report.problems, *topics_problems(report.entries)]
    covered = coverage(report.entries)
    if as_json:
        print_json(check_json(report, problems, covered))
        if problems:
            raise typer.Exit(1)
        return
    for problem in problems:
        typer.echo(str(problem))
    for lang, (done, total) in covered.items():
        share = done / total if total else 1.0
        typer.echo(f"{lang:8} {done:3} of {total} entries current ({share:.0%})")
    if problems:
        fail(f"{len(problems)} problem(s) in {target}")
    typer.echo(f"{len(report.entries)} entries, no problems")


def check_json(
    report: LoadReport, problems: Sequence[Problem], covered: Mapping[str, tuple[int, int]]
) -> dict[str, object]:
    """The JSON of ``mreza kb check``: each problem, and how current each translation is."""
    return {
        "clean": not problems,
        "entries": len(report.entries),
        "problems": [
            {"file": p.file, "field": p.field, "reason": p.reason, "blocking": p.blocking}
            for p in problems
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
    """The JSON shape of an entry: every field of the YAML format, and its title and answer as
    a reader of each language form gets them (``translated`` says where that is a translation)."""
    questions: dict[str, list[dict[str, object]]] = {}
    for q in entry.questions:
        questions.setdefault(q.lang, []).append({"text": q.text, "curated": q.curated})
    readings = {lang: read_in(entry, lang) for lang in LANGUAGE_FORMS}
    return {
        "id": entry.id,
        "kind": entry.kind,
        "title": entry.title,
        "answer": entry.answer,
        "titles": {lang: r.title for lang, r in readings.items()},
        "answers": {lang: r.answer for lang, r in readings.items()},
        "translated": {lang: r.translated for lang, r in readings.items()},
        "questions": questions,
        "tags": list(entry.tags),
        "countries": list(entry.countries),
        "sources": [{"title": s.title, "url": s.url} for s in entry.sources],
        "checked": entry.checked.isoformat(),
        "accepted": entry.accepted,
    }
