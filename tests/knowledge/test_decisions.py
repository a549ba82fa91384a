"""The decision logic on a tiny hand-made knowledge base, independent of the real content."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.analysis import Analyzer, Glossary
from knowledge.entry import Entry, Question, Source
from knowledge.index import Hit, SearchIndex
from knowledge.search import Decision, Searcher, Thresholds, decide, redirect


def entry(entry_id: str, title: str, questions: list[str], tags: list[str]) -> Entry:
    return Entry(
        id=entry_id,
        title=title,
        answer=f"All about {title.lower()}.",
        questions=tuple(Question(q, "en") for q in questions),
        tags=tuple(tags),
        countries=("regional",),
        sources=(Source("Example", "https://example.org/"),),
        checked=date(2026, 1, 1),
    )


ENTRIES = [
    entry(
        "maternity-leave",
        "Maternity leave",
        ["How long is maternity leave?", "maternity leave for soldiers", "pregnant officer leave"],
        ["maternity", "leave"],
    ),
    entry(
        "paternity-leave",
        "Paternity leave",
        ["How long is paternity leave?", "paternity leave for soldiers", "father takes leave"],
        ["paternity", "leave"],
    ),
    entry(
        "field-uniforms",
        "Field uniforms for women",
        ["Are there field uniforms cut for women?", "uniform sizes", "body armour fitting"],
        ["uniforms", "equipment"],
    ),
]


@pytest.fixture(scope="module")
def tiny() -> Searcher:
    """Three entries and an empty glossary: only the words themselves count."""
    return Searcher(SearchIndex(ENTRIES, Analyzer(Glossary.from_mapping({}))))


def test_one_clear_winner_is_answered(tiny: Searcher) -> None:
    """'how long is maternity leave' names one entry."""
    finding = tiny.find("how long is maternity leave")
    assert finding.decision is Decision.ANSWER
    assert [h.entry_id for h in finding.choices] == ["maternity-leave"]


def test_a_question_matching_one_entry_only_is_answered(tiny: Searcher) -> None:
    """'uniforms for women' has a single candidate."""
    finding = tiny.find("uniforms for women")
    assert (finding.decision, finding.choices[0].entry_id) == (Decision.ANSWER, "field-uniforms")


def test_a_tie_asks_which_was_meant(tiny: Searcher) -> None:
    """'leave for soldiers' fits maternity and paternity leave equally: both are offered."""
    finding = tiny.find("leave for soldiers")
    assert finding.decision is Decision.CLARIFY
    assert {h.entry_id for h in finding.choices} == {"maternity-leave", "paternity-leave"}


@pytest.mark.parametrize("question", ["what is the capital of France", "football results"])
def test_unrelated_question_gets_none(tiny: Searcher, question: str) -> None:
    """No shared word, no answer."""
    finding = tiny.find(question)
    assert (finding.decision, finding.choices) == (Decision.NONE, ())


def test_nothing_is_offered_below_the_floor() -> None:
    """A best hit under the floor means "I don't know"."""
    hits = [Hit("a", "A", 0.30), Hit("b", "B", 0.29)]
    assert decide(hits, Thresholds(answer=0.45, floor=0.45, margin=0.08)) == (Decision.NONE, 0)


def test_no_hits_means_none() -> None:
    """An empty hit list is "I don't know"."""
    assert decide([], Thresholds()) == (Decision.NONE, 0)


def test_a_clear_lead_is_answered() -> None:
    """The best hit is over the bar and the next is more than the margin behind."""
    hits = [Hit("a", "A", 0.80), Hit("b", "B", 0.60), Hit("c", "C", 0.50)]
    assert decide(hits, Thresholds(answer=0.45, floor=0.45, margin=0.08)) == (Decision.ANSWER, 1)


def test_close_hits_are_offered_together() -> None:
    """Hits within the margin of the best are offered, and only those."""
    hits = [Hit("a", "A", 0.70), Hit("b", "B", 0.66), Hit("c", "C", 0.40)]
    assert decide(hits, Thresholds(answer=0.45, floor=0.45, margin=0.08)) == (Decision.CLARIFY, 2)


def test_weak_single_hit_between_floor_and_bar_is_offered_not_answered() -> None:
    """Above the floor but under the answer bar, Mreža asks rather than answers."""
    hits = [Hit("a", "A", 0.40)]
    assert decide(hits, Thresholds(answer=0.60, floor=0.30, margin=0.08)) == (Decision.CLARIFY, 1)


def test_hits_under_the_floor_are_never_offered() -> None:
    """Only hits at or above the floor are put before the member."""
    hits = [Hit("a", "A", 0.40), Hit("b", "B", 0.20), Hit("c", "C", 0.10)]
    assert decide(hits, Thresholds(answer=0.60, floor=0.30, margin=0.08)) == (Decision.CLARIFY, 1)


def test_a_redirect_with_a_clear_lead_is_given_below_the_answer_threshold() -> None:
    """A redirect needs only a clear lead; a lesson would need the answer threshold."""
    t = Thresholds()
    hits = [Hit("elsewhere-personnel", "Leave and pay", 0.33), Hit("x", "X", 0.2)]
    assert redirect(hits, t, Decision.NONE, 0) == (Decision.REDIRECT, 1)


def test_a_redirect_without_a_lead_stays_undecided() -> None:
    """Two hits neck and neck below the answer threshold: still "none"."""
    t = Thresholds()
    hits = [Hit("elsewhere-personnel", "Leave and pay", 0.33), Hit("x", "X", 0.3)]
    assert redirect(hits, t, Decision.NONE, 0) == (Decision.NONE, 0)
