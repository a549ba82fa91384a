"""Search quality: accuracy on a fixed subset and on the full development question set.

Only accuracy is asserted here; speed is measured by `mreza bench`, never asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.evaluation import (
    LANGUAGE_FORMS,
    EvalQuestion,
    Outcome,
    Scores,
    evaluate,
    load_questions,
)
from knowledge.search import Decision, Searcher

DATA = Path(__file__).resolve().parent.parent / "data"
# Every 8th line of questions.jsonl (lines 1, 9, 17, ...): 59 in scope, 6 out of scope.
SUBSET = DATA / "questions_subset.jsonl"
DEV_SET = DATA / "questions.jsonl"


def score(searcher: Searcher, path: Path) -> Scores:
    """Mreža's figures on a question file, computed as `mreza eval` does."""

    def mreza(text: str) -> Outcome:
        found = searcher.find(text)
        return Outcome(found.decision, tuple(h.entry_id for h in found.hits))

    return evaluate("Mreža", mreza, load_questions(path))


@pytest.fixture(scope="module")
def subset(searcher: Searcher) -> Scores:
    return score(searcher, SUBSET)


@pytest.fixture(scope="module")
def dev(searcher: Searcher) -> Scores:
    return score(searcher, DEV_SET)


def test_subset_is_the_fixed_sample() -> None:
    """The subset holds 65 questions, 6 of them out of scope, in all four language forms."""
    questions = load_questions(SUBSET)
    assert len(questions) == 65
    assert sum(not q.in_scope for q in questions) == 6
    assert {q.lang for q in questions} == set(LANGUAGE_FORMS)


def test_subset_top1_accuracy(subset: Scores) -> None:
    """At least 90% of in-scope subset questions get the right entry first."""
    assert subset.top1 >= 0.9


def test_subset_out_of_scope_rejected(subset: Scores) -> None:
    """At least 80% of out-of-scope subset questions get "I don't know"."""
    assert subset.rejected >= 0.8


def test_subset_wrong_answers(subset: Scores) -> None:
    """At most 5% of in-scope subset questions are answered with a wrong entry."""
    assert subset.wrong <= 0.05


def test_dev_set_top1(dev: Scores) -> None:
    """Target: top-1 >= 0.95 on the full development set."""
    assert dev.top1 >= 0.95


def test_dev_set_top3(dev: Scores) -> None:
    """Target: the right entry among the first three for >= 99%."""
    assert dev.top3 >= 0.99


def test_dev_set_rejected(dev: Scores) -> None:
    """Target: >= 90% of out-of-scope questions rejected."""
    assert dev.rejected >= 0.90


def test_dev_set_wrong(dev: Scores) -> None:
    """Target: <= 3% of in-scope questions answered wrongly."""
    assert dev.wrong <= 0.03


@pytest.mark.parametrize("lang", LANGUAGE_FORMS)
def test_dev_set_each_language_form(dev: Scores, lang: str) -> None:
    """Target: top-1 >= 0.90 in each of en, bcms, sr-cyrl and mk."""
    assert dev.by_lang[lang] >= 0.90


def test_scorer_counts_right_wrong_and_rejected() -> None:
    """The scorer itself: a wrong answer counts as wrong, a 'none' out of scope as rejected."""
    questions = [
        EvalQuestion("a", frozenset({"x"}), "en"),
        EvalQuestion("b", frozenset({"x"}), "en"),
        EvalQuestion("c", frozenset(), "en"),
    ]
    outcomes = {
        "a": Outcome(Decision.ANSWER, ("x",)),
        "b": Outcome(Decision.ANSWER, ("y", "x")),
        "c": Outcome(Decision.NONE, ()),
    }
    scores = evaluate("fake", outcomes.__getitem__, questions)
    assert (scores.top1, scores.top3, scores.rejected, scores.wrong) == (0.5, 1.0, 1.0, 0.5)
