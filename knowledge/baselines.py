"""The baselines that Mreža's search must beat: rapidfuzz WRatio, plain BM25 (bm25s), and the
stronger BM25 over Mreža's own analysis (normalised, stemmed, glossary concepts joined, every
language form of an entry indexed).

Neither knows when to say "I don't know", so each gets a score threshold below which it
answers "none", chosen on the question set to suit it best: the baselines are measured at
their own best operating point, not handicapped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import bm25s
from rapidfuzz import fuzz, process, utils

from knowledge.analysis import Analyzer
from knowledge.entry import Entry
from knowledge.evaluation import EvalQuestion, Outcome, Scores, Strategy, evaluate
from knowledge.search import Decision

Ranker = Callable[[str], list[tuple[str, float]]]


def wratio_ranker(entries: Sequence[Entry]) -> Ranker:
    """Best rapidfuzz WRatio of the query against each entry's title and questions."""
    choices: list[str] = []
    owners: list[str] = []
    for entry in entries:
        for text in (entry.title, *(q.text for q in entry.questions)):
            choices.append(text)
            owners.append(entry.id)

    def rank(query: str) -> list[tuple[str, float]]:
        matches = process.extract(
            query, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=60
        )
        return _best_per_entry((owners[i], score) for _, score, i in matches)

    return rank


def bm25_ranker(entries: Sequence[Entry]) -> Ranker:
    """BM25 over each entry's title, questions and answer, as bm25s tokenises them."""
    corpus = [" ".join((e.title, *(q.text for q in e.questions), e.answer)) for e in entries]
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize(corpus, stopwords="en", show_progress=False), show_progress=False
    )
    ids = [e.id for e in entries]

    def rank(query: str) -> list[tuple[str, float]]:
        tokens = bm25s.tokenize([query], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return []
        k = min(10, len(ids))
        docs, scores = retriever.retrieve(tokens, k=k, show_progress=False)
        return [(ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    return rank


def analysed_bm25_ranker(entries: Sequence[Entry], analyzer: Analyzer) -> Ranker:
    """BM25 over the terms Mreža's analysis makes of each entry in all its language forms."""
    texts = [
        " ".join(
            (
                e.title,
                e.answer,
                *(q.text for q in e.questions),
                *(f"{t.title} {t.answer}" for t in e.translations),
            )
        )
        for e in entries
    ]
    corpus = [analyzer.terms(text) or ["-"] for text in texts]  # bm25s needs a token each
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    ids = [e.id for e in entries]

    def rank(query: str) -> list[tuple[str, float]]:
        terms = analyzer.terms(query)
        if not terms:
            return []
        docs, scores = retriever.retrieve([terms], k=min(10, len(ids)), show_progress=False)
        return [(ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    return rank


def _best_per_entry(scored: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    best: dict[str, float] = {}
    for entry_id, score in scored:
        best[entry_id] = max(best.get(entry_id, 0.0), float(score))
    return sorted(best.items(), key=lambda item: item[1], reverse=True)


def with_threshold(rank: Ranker, threshold: float) -> Strategy:
    """Answer the top entry when it scores at least ``threshold``, else "none"."""

    def strategy(query: str) -> Outcome:
        ranked = rank(query)
        if not ranked or ranked[0][1] < threshold:
            return Outcome(Decision.NONE, tuple(i for i, _ in ranked))
        return Outcome(Decision.ANSWER, tuple(i for i, _ in ranked))

    return strategy


def evaluate_baseline(name: str, rank: Ranker, questions: Sequence[EvalQuestion]) -> Scores:
    """Score a baseline at the threshold where it handles the most questions right."""
    cached = {q.text: rank(q.text) for q in questions}

    def memo(query: str) -> list[tuple[str, float]]:
        return cached[query]

    in_scope = sum(1 for q in questions if q.in_scope)
    out_scope = len(questions) - in_scope

    def handled_right(s: Scores) -> float:
        return s.top1 * in_scope + s.rejected * out_scope

    candidates = sorted({s for ranked in cached.values() for _, s in ranked[:1]} | {0.0})
    best: Scores | None = None
    for threshold in candidates:
        scores = evaluate(name, with_threshold(memo, threshold), questions)
        if best is None or handled_right(scores) > handled_right(best):
            best = scores
    assert best is not None  # candidates always holds 0.0
    return best
