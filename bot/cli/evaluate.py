"""``mreza eval``: search quality on question sets, beside three baselines, with its targets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import clock, fail
from core.settings import Settings
from knowledge.analysis import Analyzer, Glossary
from knowledge.baselines import analysed_bm25_ranker, bm25_ranker, evaluate_baseline, wratio_ranker
from knowledge.entry import Entry
from knowledge.evaluation import (
    LANGUAGE_FORMS,
    EvalQuestion,
    Outcome,
    Scores,
    evaluate,
    load_questions,
)
from knowledge.index import SearchIndex
from knowledge.loader import load_knowledge_base
from knowledge.search import Searcher
from knowledge.targets import targets_for

DEFAULT_QUESTIONS = Path("tests/data/questions.jsonl")


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command(name="eval")(run)


def run(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Question files, one JSON object per line (default: the dev set)."),
    ] = None,
    failures: Annotated[
        bool, typer.Option("--failures", help="List every question Mreža got wrong.")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when a file misses one of its targets.")
    ] = False,
) -> None:
    """Print top-1, top-3, rejection and wrong answers per file, language form and kind of
    question, for Mreža and three baselines, with the targets each file must reach."""
    paths = files or [DEFAULT_QUESTIONS]
    for path in paths:
        if not path.exists():
            fail(f"{path} does not exist", 2)
    report = load_knowledge_base(Settings().kb_path, clock().now().date())
    if not report.ok:
        fail("the knowledge base is invalid; run `mreza kb check`")
    try:
        sets = [(path, load_questions(path)) for path in paths]
    except ValueError as error:
        fail(str(error), 2)
    analyzer = Analyzer(Glossary.bundled())
    searcher = Searcher(SearchIndex(report.entries, analyzer))
    missed = [
        _one_file(path, questions, searcher, report.entries, analyzer, failures)
        for path, questions in sets
    ]
    if check and any(missed):
        raise typer.Exit(1)


def _one_file(
    path: Path,
    questions: list[EvalQuestion],
    searcher: Searcher,
    entries: tuple[Entry, ...],
    analyzer: Analyzer,
    failures: bool,
) -> bool:
    """Print one file's figures; True when it misses a target."""

    def mreza(text: str) -> Outcome:
        found = searcher.find(text)
        return Outcome(found.decision, tuple(h.entry_id for h in found.hits))

    rows = [
        evaluate("Mreža", mreza, questions),
        evaluate_baseline("rapidfuzz WRatio", wratio_ranker(entries), questions),
        evaluate_baseline("BM25 (bm25s)", bm25_ranker(entries), questions),
        evaluate_baseline("bm25s + analysis", analysed_bm25_ranker(entries, analyzer), questions),
    ]
    in_scope = sum(1 for q in questions if q.in_scope)
    typer.echo(
        f"{path}: {in_scope} in-scope and {len(questions) - in_scope} out-of-scope questions"
    )
    typer.echo(_table(rows))
    if rows[0].by_kind:
        kinds = ", ".join(f"{kind} {share:.3f}" for kind, share in rows[0].by_kind.items())
        typer.echo(f"Mreža by kind (share handled right): {kinds}")
    lead = rows[0].top1 - max(r.top1 for r in rows[1:])
    typer.echo(f"Mreža's top-1 lead over the best baseline: {lead * 100:+.1f} points")
    targets = targets_for(rows[0])
    misses = targets.missed(rows[0], lead)
    typer.echo(targets.line())
    typer.echo(f"missed: {', '.join(misses)}" if misses else "every target met")
    if failures:
        _print_failures(rows[0])
    typer.echo("")
    return bool(misses)


def _print_failures(scores: Scores) -> None:
    for question, outcome in scores.failures:
        got = ", ".join(outcome.ranked[:3]) or "-"
        want = ", ".join(sorted(question.expect)) or "(out of scope)"
        kind = f" {question.kind}" if question.kind else ""
        typer.echo(
            f"[{question.lang}{kind}] {question.text}\n    {outcome.decision.value}: {got}  "
            f"want: {want}"
        )


def _table(rows: list[Scores]) -> str:
    header = f"{'':18} {'top-1':>6} {'top-3':>6} {'reject':>6} {'wrong':>6}  " + " ".join(
        f"{lang:>7}" for lang in LANGUAGE_FORMS
    )
    lines = [header]
    for s in rows:
        langs = " ".join(
            f"{s.by_lang[lang]:7.3f}" if lang in s.by_lang else f"{'-':>7}"
            for lang in LANGUAGE_FORMS
        )
        lines.append(
            f"{s.name:18} {s.top1:6.3f} {s.top3:6.3f} {s.rejected:6.3f} {s.wrong:6.3f}  {langs}"
        )
    return "\n".join(lines)
