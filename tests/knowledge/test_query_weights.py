"""What each word of a question weighs: rare concepts more, typo guesses less."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.analysis import Analyzer, Glossary
from knowledge.entry import Entry, Question, Source
from knowledge.index import CONCEPT_BOOST, GUESS_SHARE, SearchIndex


def entry(entry_id: str, title: str, questions: list[str]) -> Entry:
    return Entry(
        id=entry_id,
        title=title,
        answer=f"All about {title.lower()} for women in the army.",
        questions=tuple(Question(q, "en") for q in questions),
        tags=(),
        countries=("regional",),
        sources=(Source("Example", "https://example.org/"),),
        checked=date(2026, 1, 1),
    )


GLOSSARY = {
    "unwelcome-conduct": ["catcalls", "whistling"],
    "woman": ["women", "woman"],
    "harassment": ["maltretiranje"],
}
ENTRIES = [
    entry("harassment", "Harassment", ["catcalls on the base", "maltretiranje na poslu"]),
    entry("uniforms", "Uniforms", ["boots that fit", "uniform sizes"]),
    entry("missions", "Missions", ["deployment abroad", "peacekeeping tours"]),
    entry("courses", "Courses", ["staff college", "language courses"]),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(ENTRIES, Analyzer(Glossary.from_mapping(GLOSSARY)))


def test_a_concept_few_entries_share_weighs_more_than_its_idf(index: SearchIndex) -> None:
    """'Whistling' is unwelcome conduct, which one entry of four speaks of: it is boosted."""
    plain = index.query_terms("catcalls")["@unwelcome-conduct"]
    assert index.query_terms("whistling") == {"@unwelcome-conduct": plain}
    assert plain > index.query_terms("boots")["boot"]  # both once in the corpus, one boosted
    assert plain / CONCEPT_BOOST == pytest.approx(index.query_terms("boots")["boot"])


def test_a_concept_every_entry_shares_is_not_boosted(index: SearchIndex) -> None:
    """'Women' is in every answer: it tells the entries apart no better than its idf says."""
    weight = index.query_terms("women")["@woman"]
    assert weight < index.query_terms("boots")["boot"]


def test_a_concept_reached_by_correcting_a_typo_counts_for_less(index: SearchIndex) -> None:
    """'Catcals' is corrected to 'catcalls', a guess: less than the word spelt right."""
    right = index.query_terms("catcalls")["@unwelcome-conduct"]
    guessed = index.query_terms("catcals")["@unwelcome-conduct"]
    assert guessed == pytest.approx(right / CONCEPT_BOOST * GUESS_SHARE)


def test_an_inflection_of_a_known_word_is_not_taken_for_a_typo(index: SearchIndex) -> None:
    """'Maltretira' stems like 'maltretiranje', so it keeps its full weight."""
    assert index.query_terms("maltretira") == index.query_terms("maltretiranje")
