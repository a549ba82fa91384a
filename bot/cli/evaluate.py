"""``mreza eval``: search quality on a question set, beside two baselines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import clock, fail
from core.settings import Settings
from knowledge.analysis import Analyzer, Glossary
from knowledge.baselines import bm25_ranker, evaluate_baseline, wratio_ranker
from knowledge.evaluation import LANGUAGE_FORMS, Outcome, Scores, evaluate, load_questions
from knowledge.index import SearchIndex
from knowledge.loader import load_knowledge_base
from knowledge.search import Searcher

DEFAULT_QUESTIONS = Path("tests/data/questions.jsonl")
TARGETS = (
    "targets: top-1 >= 0.95, top-3 >= 0.99, rejected >= 0.90, wrong <= 0.03, every language >= 0.90"
)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command(name="eval")(run)


def run(
    file: Annotated[
        Path, typer.Argument(help="Questions, one JSON object per line.")
    ] = DEFAULT_QUESTIONS,
    failures: Annotated[
        bool, typer.Option("--failures", help="List every question Mreža got wrong.")
    ] = False,
) -> None:
    """Print top-1, top-3, out-of-scope rejection and wrong answers for Mreža and the baselines."""
    if not file.exists():
        fail(f"{file} does not exist")
    settings = Settings()
    report = load_knowledge_base(settings.kb_path, clock().now().date())
    if not report.ok:
        fail("the knowledge base is invalid; run `mreza kb check`")
    try:
        questions = load_questions(file)
    except ValueError as error:
        fail(str(error))
    searcher = Searcher(SearchIndex(report.entries, Analyzer(Glossary.bundled())))

    def mreza(text: str) -> Outcome:
        found = searcher.find(text)
        return Outcome(found.decision, tuple(h.entry_id for h in found.hits))

    rows = [
        evaluate("Mreža", mreza, questions),
        evaluate_baseline("rapidfuzz WRatio", wratio_ranker(report.entries), questions),
        evaluate_baseline("BM25 (bm25s)", bm25_ranker(report.entries), questions),
    ]
    in_scope = sum(1 for q in questions if q.in_scope)
    typer.echo(
        f"{file}: {in_scope} in-scope and {len(questions) - in_scope} out-of-scope questions"
    )
    typer.echo(_table(rows))
    lead = rows[0].top1 - max(rows[1].top1, rows[2].top1)
    typer.echo(f"Mreža's top-1 lead over the better baseline: {lead * 100:+.1f} points")
    typer.echo(TARGETS + ", lead >= +5 points")
    if failures:
        for question, outcome in rows[0].failures:
            got = ", ".join(outcome.ranked[:3]) or "-"
            want = ", ".join(sorted(question.expect)) or "(out of scope)"
            typer.echo(
                f"[{question.lang}] {question.text}\n"
                f"    {outcome.decision.value}: {got}  want: {want}"
            )


def _table(rows: list[Scores]) -> str:
    header = f"{'':18} {'top-1':>6} {'top-3':>6} {'reject':>6} {'wrong':>6}  " + " ".join(
        f"{lang:>7}" for lang in LANGUAGE_FORMS
    )
    lines = [header]
    for s in rows:
        langs = " ".join(f"{s.by_lang[lang]:7.3f}" for lang in LANGUAGE_FORMS)
        lines.append(
            f"{s.name:18} {s.top1:6.3f} {s.top3:6.3f} {s.rejected:6.3f} {s.wrong:6.3f}  {langs}"
        )
    return "\n".join(lines)
